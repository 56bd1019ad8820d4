/**
 * Debian packages some tests need (a CJK Ext-B font as the forms' fallback font, poppler's
 * `pdftoppm`), installed with apt the same way tests/support/chromium.ts installs Chromium: only
 * as root on a Debian/Ubuntu machine. Anywhere else the caller gets an error that says what to
 * install by hand: a test that needs the file fails clearly instead of skipping silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const aptGet = '/usr/bin/apt-get';

/** A file a Debian package installs, e.g. `{ name: 'fonts-hanazono', file: '/usr/share/…/HanaMinB.ttf' }`. */
export interface AptFile {
  readonly name: string;
  readonly file: string;
}

export const hanazonoExtB: AptFile = {
  name: 'fonts-hanazono',
  file: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
};

export const pdftoppm: AptFile = { name: 'poppler-utils', file: '/usr/bin/pdftoppm' };

function whyNotApt(): string | null {
  if (process.platform !== 'linux') return `this is ${process.platform}, not Debian/Ubuntu`;
  if (!existsSync(aptGet)) return `${aptGet} is missing`;
  if (process.getuid?.() !== 0) return 'the tests do not run as root';
  return null;
}

function refusal(missing: readonly AptFile[], reason: string): Error {
  const names = missing.map((entry) => entry.name).join(' ');
  const files = missing.map((entry) => entry.file).join(', ');
  return new Error(
    `测试需要的软件包没有安装，也无法自动安装（${reason}）：请以 root 运行 apt-get install ${names}。` +
      ` / Missing ${files}; cannot install with apt (${reason}): run \`apt-get install ${names}\` as root.`,
  );
}

/**
 * Makes sure every file is present, installing the missing packages with apt (as root), and
 * returns the files' paths in order; throws an error naming the packages otherwise.
 */
export function requireAptFiles(...wanted: readonly AptFile[]): string[] {
  const missing = wanted.filter((entry) => !existsSync(entry.file));
  if (missing.length > 0) {
    const reason = whyNotApt();
    if (reason) throw refusal(missing, reason);
    const options = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    const names = [...new Set(missing.map((entry) => entry.name))];
    try {
      execFileSync(aptGet, ['install', '-y', '--no-install-recommends', ...names], options);
    } catch {
      // A fresh machine's package lists may be empty or stale: refresh them once and try again.
      execFileSync(aptGet, ['update'], options);
      execFileSync(aptGet, ['install', '-y', '--no-install-recommends', ...names], options);
    }
    const stillMissing = wanted.filter((entry) => !existsSync(entry.file));
    if (stillMissing.length > 0) throw refusal(stillMissing, 'apt-get install finished without the files');
  }
  return wanted.map((entry) => entry.file);
}
