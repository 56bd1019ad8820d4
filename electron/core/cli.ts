/**
 * Command line for support staff: `npm run cli -- <command> [options]`.
 * Built from core alone (no Electron), so it runs on a machine where the
 * app will not start. Prints JSON on stdout; a failure prints the Chinese
 * message on stderr and exits with 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { openEncryptedDatabase } from './db/database';
import { AppError } from './errors';
import { unwrapAnySlot } from './keyring/keyring';
import { readKeyring } from './keyring/keyringFile';
import { dataPaths } from './storage';
import { systemInfo } from './system/systemInfo';

const usage = `用法 / usage:
  npm run cli -- info --data <数据文件夹> [--password-stdin]
      打印诊断信息（JSON）。给出密码（任一账号的密码或恢复码，从标准输入读取）时还打印数据结构版本。`;

async function info(dataFolder: string, passwordFromStdin: boolean): Promise<unknown> {
  const paths = dataPaths(dataFolder);
  const runtime = { appVersion: packageJson.version, electron: null, chrome: null };
  if (!passwordFromStdin) return systemInfo(paths, runtime, null);
  const secret = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  const { dataKey } = await unwrapAnySlot(readKeyring(paths.keyring), secret);
  const db = openEncryptedDatabase(paths.database, dataKey);
  try {
    return systemInfo(paths, runtime, db);
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (values.help || command !== 'info' || !values.data) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const result = await info(values.data, values['password-stdin']);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof AppError ? error.userMessage : `出错：${String(error)}`}\n`);
    process.exitCode = 1;
  },
);
