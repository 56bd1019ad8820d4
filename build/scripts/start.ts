/**
 * `npm start`: build the app with electron-vite and run it in Electron with
 * the Electron-ABI database module. Where Electron cannot be had (no access
 * to its download host, as on our CI machines) it stops with one sentence.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nativeBindingVariable } from '../../electron/main/nativeBinding';
import { ensureElectronBuild } from './electronNative';

const root = resolve(__dirname, '..', '..');
const electronFolder = join(root, 'node_modules', 'electron');

function fail(sentence: string, detail?: string): never {
  process.stderr.write(`\n${sentence}\n`);
  if (detail) process.stderr.write(`（详情 / detail: ${detail}）\n`);
  process.exit(1);
}

/** The Electron wrapper downloads its binary at first run; do that here, quietly, to fail in one sentence. */
function electronBinary(): string {
  const pathFile = join(electronFolder, 'path.txt');
  const binary = () => join(electronFolder, 'dist', readFileSync(pathFile, 'utf8'));
  if (existsSync(pathFile) && existsSync(binary())) return binary();
  process.stdout.write('正在下载 Electron 运行程序… / downloading Electron…\n');
  const result = spawnSync(process.execPath, [join(electronFolder, 'install.js')], { encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(pathFile) || !existsSync(binary())) {
    fail(
      '无法下载 Electron 运行程序，学籍工作台不能在本机以桌面程序启动；请在可访问 Electron 下载服务器（或设置 ELECTRON_MIRROR 镜像）的网络中重试。npm test 不受影响。 / Electron could not be downloaded, so the app cannot start here; retry with access to Electron’s download host or an ELECTRON_MIRROR.',
      `${result.stderr}`
        .split('\n')
        .find((line) => /error/i.test(line) && !/^\s+at /.test(line))
        ?.trim(),
    );
  }
  return binary();
}

function main(): void {
  const binary = electronBinary();
  const electronVersion = (
    JSON.parse(readFileSync(join(electronFolder, 'package.json'), 'utf8')) as { version: string }
  ).version;
  let nativeBinding: string;
  try {
    nativeBinding = ensureElectronBuild(root, electronVersion);
  } catch (error) {
    fail(
      `无法为 Electron ${electronVersion} 编译数据库模块（需要 Electron 头文件和 C++ 编译工具）。 / Could not build the database module for Electron.`,
      (error as Error).message,
    );
  }
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) fail('构建失败，请查看上方的错误信息。 / The build failed; see the messages above.');
  const child = spawn(binary, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, [nativeBindingVariable]: nativeBinding },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

main();
