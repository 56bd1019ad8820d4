/**
 * The two builds of the native database module (DESIGN.md §9).
 *
 * `npm install` compiles better-sqlite3-multiple-ciphers for Node (ABI 115),
 * which `npm test` uses. Electron needs the same module compiled against its
 * own headers (ABI 150). Rebuilding node_modules in place would break the
 * tests, so the Electron build is made from a copy of the package into
 * `.cache/electron-native/<electron version>/` and handed to core through
 * better-sqlite3's `nativeBinding` option. Either order of `npm test` and
 * `npm start` works after one `npm install`; node_modules is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const nativePackage = 'better-sqlite3-multiple-ciphers';

export interface NativeLayout {
  /** Where the Node build lives (untouched). */
  readonly nodeBuild: string;
  /** The copy of the package compiled for Electron. */
  readonly workFolder: string;
  /** The finished Electron-ABI module passed as `nativeBinding`. */
  readonly electronBuild: string;
}

export function nativeLayout(projectRoot: string, electronVersion: string): NativeLayout {
  const packageFolder = join(projectRoot, 'node_modules', nativePackage);
  const cache = join(projectRoot, '.cache', 'electron-native', electronVersion);
  return {
    nodeBuild: join(packageFolder, 'build', 'Release', 'better_sqlite3.node'),
    workFolder: join(cache, 'package'),
    electronBuild: join(cache, 'better_sqlite3.node'),
  };
}

/** Builds the Electron-ABI module once per Electron version; returns its path or throws with a one-line reason. */
export function ensureElectronBuild(projectRoot: string, electronVersion: string): string {
  const layout = nativeLayout(projectRoot, electronVersion);
  if (existsSync(layout.electronBuild)) return layout.electronBuild;
  rmSync(layout.workFolder, { recursive: true, force: true });
  mkdirSync(layout.workFolder, { recursive: true });
  const packageFolder = join(projectRoot, 'node_modules', nativePackage);
  // The sources without the Node build (node-gyp makes its own build/ in the copy).
  cpSync(packageFolder, layout.workFolder, {
    recursive: true,
    filter: (source) => relative(packageFolder, source).split(sep)[0] !== 'build',
  });
  // npm passes its own config as npm_config_* variables; nodedir would point
  // node-gyp at Node's headers instead of Electron's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  const nodeGyp = join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: layout.workFolder, env, encoding: 'utf8' },
  );
  const built = join(layout.workFolder, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    const last = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`node-gyp could not build ${nativePackage} for Electron ${electronVersion}: ${last}`);
  }
  copyFileSync(built, layout.electronBuild);
  return layout.electronBuild;
}
