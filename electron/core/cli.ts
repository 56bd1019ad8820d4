/**
 * Command line for support and IT staff: `npm run cli -- <command> [options]`.
 * Built from core alone (no Electron), so it runs where the app will not
 * start. Prints JSON on stdout; a failure prints the Chinese message on
 * stderr and exits with 1 (2 for a usage error).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { type ExportVerification, verificationSummary } from '../../shared/exchange/reviewExport';
import { readAnchor, writeAnchor } from './audit/anchor';
import { appendAudit, auditHead } from './audit/auditLog';
import { verifyAndRecord } from './audit/auditService';
import { createCore } from './app';
import { openEncryptedDatabase } from './db/database';
import { AppError } from './errors';
import { verifyExportFolder } from './exchange/exportVerifier';
import { chosenFolder } from './exchange/reviewExportFolder';
import { unwrapAnySlot } from './keyring/keyring';
import { readKeyring } from './keyring/keyringFile';
import { createMemoryLogger } from './log';
import { dataPaths, openDatabase } from './storage';
import { systemInfo } from './system/systemInfo';

const usage = `用法 / usage:
  npm run cli -- info --data <数据文件夹> [--password-stdin]
      诊断信息；从标准输入给出任一账号的密码或恢复码时，还显示数据结构版本。
  npm run cli -- setup --data <数据文件夹> --admin <用户名> [--admin-display-name <姓名>]
                       --school-name <学校名称> --school-code <学校标识码> --password-stdin
      为新电脑初始化：创建第一个管理员账号，打印只显示一次的恢复码。
  npm run cli -- verify-audit --data <数据文件夹> --password-stdin
      校验访问日志的哈希链，打印 {"ok", "rows", "firstBroken"}；本次校验记入访问日志。
  npm run cli -- verify-export <审查材料文件夹>
      按 manifest.json 重新计算每个文件的 SHA-256，列出被改动、缺失或多出的文件；不需要登录。`;

const runtime = { appVersion: packageJson.version, electron: null, chrome: null };
const readSecret = (): string => readFileSync(0, 'utf8').replace(/\r?\n$/, '');

async function info(dataFolder: string, withPassword: boolean): Promise<unknown> {
  const paths = dataPaths(dataFolder);
  if (!withPassword) return systemInfo(paths, runtime, null);
  const { dataKey } = await unwrapAnySlot(readKeyring(paths.keyring), readSecret());
  const db = openEncryptedDatabase(paths.database, dataKey);
  try {
    return systemInfo(paths, runtime, db);
  } finally {
    db.close();
  }
}

async function setup(values: Record<string, string | boolean | undefined>): Promise<unknown> {
  const core = createCore({ ...runtime, dataFolder: String(values['data']), logger: createMemoryLogger() });
  try {
    const result = await core.call('setup', [
      {
        schoolName: values['school-name'],
        schoolCode: values['school-code'],
        adminUserName: values['admin'],
        adminDisplayName: values['admin-display-name'] ?? '管理员',
        password: readSecret(),
      },
    ]);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, 'cli setup');
    const { recoveryCode } = result.value as { recoveryCode: string };
    return { recoveryCode, notice: '恢复码只显示这一次：请立即抄写或打印，并与电脑分开妥善保管。' };
  } finally {
    core.close();
  }
}

async function verifyAudit(dataFolder: string): Promise<unknown> {
  const paths = dataPaths(dataFolder);
  const keyring = readKeyring(paths.keyring);
  const { slotId, dataKey } = await unwrapAnySlot(keyring, readSecret());
  const db = openDatabase(paths.database, dataKey, {});
  try {
    const at = new Date();
    const actor = { userName: slotId.replace(/^account:/, ''), role: null };
    const status = db.transaction(() => {
      const found = verifyAndRecord(db, readAnchor(paths.auditAnchor, dataKey, keyring.installationId), at, actor);
      const details = { rows: found.rows, firstBroken: found.firstBroken, via: 'cli' };
      appendAudit(db, { at, ...actor, action: 'audit.verify', outcome: found.ok ? 'success' : 'failure', details });
      return found;
    })();
    writeAnchor(paths.auditAnchor, dataKey, keyring.installationId, auditHead(db));
    return { ok: status.ok, rows: status.rows, firstBroken: status.firstBroken, problem: status.problem };
  } finally {
    db.close();
  }
}

/** Hashes an export folder against its manifest (导出审查材料); reads no database, so it needs no password. */
async function verifyExport(folder: string): Promise<ExportVerification> {
  return verifyExportFolder(chosenFolder(resolve(folder)));
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      admin: { type: 'string' },
      'admin-display-name': { type: 'string' },
      'school-name': { type: 'string' },
      'school-code': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, folder] = positionals;
  if (command === 'verify-export' && folder && !values.help) {
    const verification = await verifyExport(folder);
    process.stdout.write(`${JSON.stringify(verification, null, 2)}\n`);
    if (!verification.ok) process.stderr.write(`${verificationSummary(verification)}\n`);
    return verification.ok ? 0 : 1;
  }
  const needsPassword = command === 'setup' || command === 'verify-audit';
  if (
    values.help ||
    !values.data ||
    !['info', 'setup', 'verify-audit'].includes(command ?? '') ||
    (needsPassword && !values['password-stdin'])
  ) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const result =
    command === 'info'
      ? await info(values.data, values['password-stdin'])
      : command === 'setup'
        ? await setup(values)
        : await verifyAudit(values.data);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return command === 'verify-audit' && !(result as { ok: boolean }).ok ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof AppError ? error.userMessage : `出错：${String(error)}`}\n`);
    process.exitCode = 1;
  },
);
