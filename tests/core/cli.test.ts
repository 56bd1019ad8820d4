/** The support CLI, run as support staff would: a child process with the password on stdin. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { tempFolder } from './fixtures';

const cli = (args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', 'electron/core/cli.ts', ...args], { input, encoding: 'utf8' });

const setUpByCli = (data: string) =>
  cli(
    [
      'setup',
      '--data',
      data,
      '--admin',
      'wangli',
      '--school-name',
      '阳泉市第一中学',
      '--school-code',
      '1114000001',
      '--password-stdin',
    ],
    'Qingshan-Lake-42\n',
  );

describe('npm run cli', () => {
  it('setup prints the recovery code; info and verify-audit read the installation with a password', () => {
    const data = join(tempFolder(), 'data');
    const setup = setUpByCli(data);
    expect(setup.status, setup.stderr).toBe(0);
    const { recoveryCode } = JSON.parse(setup.stdout) as { recoveryCode: string };
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);

    const info = cli(['info', '--data', data, '--password-stdin'], `${recoveryCode}\n`);
    expect(JSON.parse(info.stdout)).toMatchObject({
      installation: 'ready',
      schemaVersion: migrations.length,
      database: { encrypted: true },
    });

    const verify = cli(['verify-audit', '--data', data, '--password-stdin'], 'Qingshan-Lake-42\n');
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, rows: 3, firstBroken: null });
  }, 60_000);

  it('a wrong password gives one Chinese line and exit code 1', () => {
    const data = join(tempFolder(), 'data');
    setUpByCli(data);
    const verify = cli(['verify-audit', '--data', data, '--password-stdin'], 'nope\n');
    expect(verify.status).toBe(1);
    expect(verify.stderr.trim()).toBe('密码不正确。');
  }, 60_000);
});
