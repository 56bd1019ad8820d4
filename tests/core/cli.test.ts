/** The support CLI, run as support staff would: a child process with the password on stdin. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations';
import { tempFolder } from './fixtures';
import { reviewSchool, usbFolder } from './reviewExportSupport';

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

describe('npm run cli -- verify-export', () => {
  it('checks an export folder without a login: exit 0 when whole, 1 naming a changed file', async () => {
    const t = await reviewSchool();
    const result = await t.call('exportForReview', usbFolder(), { includePhotos: false });
    const whole = cli(['verify-export', result.folder]);
    expect(whole.status, whole.stderr).toBe(0);
    expect(JSON.parse(whole.stdout)).toMatchObject({ ok: true, manifestState: 'valid' });

    const pdf = join(result.folder, '审查材料汇总.pdf');
    const bytes = readFileSync(pdf);
    bytes[200] = bytes[200]! ^ 0x01;
    writeFileSync(pdf, bytes);
    const changed = cli(['verify-export', result.folder]);
    expect(changed.status).toBe(1);
    expect(JSON.parse(changed.stdout).files).toContainEqual(
      expect.objectContaining({ name: '审查材料汇总.pdf', state: 'changed' }),
    );
    expect(changed.stderr.trim()).toBe('审查材料与清单不符：1 个文件被改动。');
  }, 60_000);

  it('a folder that is not an export says so in Chinese', () => {
    const folder = usbFolder();
    const verify = cli(['verify-export', folder]);
    expect(verify.status).toBe(1);
    expect(verify.stderr.trim()).toBe(
      '文件夹中没有 manifest.json：这不是学籍工作台导出的审查材料文件夹，或清单已被删除。',
    );
    expect(cli(['verify-export', join(folder, '没有这个文件夹')]).stderr.trim()).toBe(
      '所选文件夹不存在（U 盘可能已拔出）。请重新选择文件夹。',
    );
  }, 60_000);
});
