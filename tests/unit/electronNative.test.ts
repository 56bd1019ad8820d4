/**
 * The two builds of the database module (DESIGN.md §9): `npm start` compiles
 * an Electron-ABI copy into .cache/electron-native/<version>/ and leaves the
 * Node build that `npm test` uses alone. Checked under plain Node in a fake
 * project whose node-gyp writes a marker module and records how it was called.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureElectronBuild, nativeLayout, nativePackage } from '../../build/scripts/electronNative';
import { nativeBindingPath, nativeBindingVariable } from '../../electron/main/nativeBinding';

const nodeBuildBytes = 'node-abi-115 build';

/** Records each call (arguments, folder, npm_config_* names) and builds a marker module, or fails when asked to. */
const fakeNodeGyp = `
const { appendFileSync, mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const root = join(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
appendFileSync(join(root, 'gyp-calls.jsonl'), JSON.stringify({
  args,
  cwd: process.cwd(),
  npmConfig: Object.keys(process.env).filter((name) => /^npm_config_/i.test(name)),
}) + '\\n');
if (process.env.FAKE_GYP_FAIL) {
  process.stdout.write('gyp info it worked if it ends with ok\\n');
  process.stderr.write('gyp ERR! stack Error: not found: make\\ngyp ERR! not ok\\n');
  process.exit(1);
}
mkdirSync(join(process.cwd(), 'build', 'Release'), { recursive: true });
const target = args.find((arg) => arg.startsWith('--target=')).slice('--target='.length);
writeFileSync(join(process.cwd(), 'build', 'Release', 'better_sqlite3.node'), 'electron build for ' + target);
`;

interface GypCall {
  readonly args: string[];
  readonly cwd: string;
  readonly npmConfig: string[];
}

let root: string;
const savedEnv = { ...process.env };

function calls(): GypCall[] {
  const file = join(root, 'gyp-calls.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GypCall);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-native-'));
  const packageFolder = join(root, 'node_modules', nativePackage);
  mkdirSync(join(packageFolder, 'build', 'Release'), { recursive: true });
  mkdirSync(join(packageFolder, 'src'));
  writeFileSync(join(packageFolder, 'package.json'), JSON.stringify({ name: nativePackage, version: '12.0.0' }));
  writeFileSync(join(packageFolder, 'binding.gyp'), '{}');
  writeFileSync(join(packageFolder, 'src', 'better_sqlite3.cpp'), '// sources');
  writeFileSync(join(packageFolder, 'build', 'Release', 'better_sqlite3.node'), nodeBuildBytes);
  mkdirSync(join(root, 'node_modules', 'node-gyp', 'bin'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), fakeNodeGyp);
});

afterEach(() => {
  process.env = { ...savedEnv };
  rmSync(root, { recursive: true, force: true });
});

describe('the Electron build of the database module', () => {
  it('is compiled in the cache against Electron’s headers and leaves the Node build of npm test untouched', () => {
    const built = ensureElectronBuild(root, '45.5.0');
    expect(built).toBe(join(root, '.cache', 'electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(readFileSync(built, 'utf8')).toBe('electron build for 45.5.0');
    expect(readFileSync(nativeLayout(root, '45.5.0').nodeBuild, 'utf8')).toBe(nodeBuildBytes);
    const [call] = calls();
    expect(call!.args).toEqual(
      expect.arrayContaining(['rebuild', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']),
    );
    // Built from a copy of the sources, without the Node build in it.
    expect(call!.cwd).toBe(nativeLayout(root, '45.5.0').workFolder);
    expect(existsSync(join(call!.cwd, 'src', 'better_sqlite3.cpp'))).toBe(true);
  });

  it('is built once per Electron version: a second start reuses it, a new Electron builds again', () => {
    ensureElectronBuild(root, '45.5.0');
    expect(ensureElectronBuild(root, '45.5.0')).toBe(nativeLayout(root, '45.5.0').electronBuild);
    expect(calls()).toHaveLength(1);
    const newer = ensureElectronBuild(root, '45.6.0');
    expect(readFileSync(newer, 'utf8')).toBe('electron build for 45.6.0');
    expect(calls().map((call) => call.args.find((arg) => arg.startsWith('--target=')))).toEqual([
      '--target=45.5.0',
      '--target=45.6.0',
    ]);
  });

  it('does not pass npm’s npm_config_* settings, whose nodedir would point node-gyp at Node’s headers', () => {
    process.env['npm_config_nodedir'] = '/usr';
    process.env['npm_config_target'] = '20.19.0';
    ensureElectronBuild(root, '45.5.0');
    expect(calls()[0]!.npmConfig).toEqual([]);
  });

  it('reports a failed compilation in one line naming the reason, and caches nothing', () => {
    process.env['FAKE_GYP_FAIL'] = '1';
    let message = '';
    try {
      ensureElectronBuild(root, '45.5.0');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`could not build ${nativePackage} for Electron 45.5.0`);
    expect(message).toContain('not found: make');
    expect(message).not.toContain('\n');
    expect(existsSync(nativeLayout(root, '45.5.0').electronBuild)).toBe(false);
    expect(readFileSync(nativeLayout(root, '45.5.0').nodeBuild, 'utf8')).toBe(nodeBuildBytes);
  });
});

describe('the module main hands to core', () => {
  it('is the Electron build named by npm start, in an unpackaged run', () => {
    expect(nativeBindingPath({ [nativeBindingVariable]: '/cache/better_sqlite3.node' }, false)).toBe(
      '/cache/better_sqlite3.node',
    );
  });

  it('is the package’s own build when the variable is unset or empty, and always in a packaged app', () => {
    expect(nativeBindingPath({}, false)).toBeUndefined();
    expect(nativeBindingPath({ [nativeBindingVariable]: '' }, false)).toBeUndefined();
    expect(nativeBindingPath({ [nativeBindingVariable]: '/elsewhere/evil.node' }, true)).toBeUndefined();
  });
});
