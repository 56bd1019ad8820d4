/**
 * `npm run dist` (and `npm run dist -- --win` or `--linux`): build the app
 * with electron-vite and package it with electron-builder.yml into dist/.
 *
 * electron-builder rebuilds the database module for Electron inside
 * node_modules. The Node build that `npm test` uses is copied aside first
 * and put back afterwards, whether packaging succeeded or not, so the tests
 * keep working after packaging (DESIGN.md §9: node_modules is never left
 * rebuilt for the other runtime).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nativeLayout } from './electronNative';

const root = resolve(__dirname, '..', '..');

function fail(sentence: string): never {
  process.stderr.write(`\n${sentence}\n`);
  process.exit(1);
}

function run(script: string, args: readonly string[]): boolean {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' }).status === 0;
}

function main(): void {
  const builderCli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  if (!existsSync(builderCli)) {
    fail('未安装 electron-builder，请先运行 npm install。 / electron-builder is not installed: run npm install first.');
  }
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
  ).version;
  if (!run(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build'])) {
    fail('构建失败，请查看上方的错误信息。 / The build failed; see the messages above.');
  }
  const { nodeBuild } = nativeLayout(root, electronVersion);
  const saved = join(root, '.cache', 'node-native', 'better_sqlite3.node');
  mkdirSync(join(saved, '..'), { recursive: true });
  copyFileSync(nodeBuild, saved);
  let packaged: boolean;
  try {
    packaged = run(builderCli, ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
  } finally {
    copyFileSync(saved, nodeBuild);
  }
  if (!packaged) fail('打包失败，请查看上方的错误信息。 / Packaging failed; see the messages above.');
  process.stdout.write('安装包已生成在 dist/ 文件夹中。 / The installers are in dist/.\n');
}

main();
