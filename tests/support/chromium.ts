/**
 * Finding and launching Chromium for the end-to-end tests (DESIGN.md §8):
 * the system's browser, driven by playwright-core (which downloads none).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** DESIGN.md §8's flags. `--headless` is left to Playwright (`headless: true` adds it), which also
 * gives every launch a fresh temporary `--user-data-dir` and removes it on close. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

function candidatePaths(): string[] {
  const env = process.env;
  const windowsRoots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
    (root): root is string => Boolean(root),
  );
  return [
    '/usr/bin/chromium',
    ...(env['CHROME_PATH'] ? [env['CHROME_PATH']] : []),
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...windowsRoots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]),
  ];
}

function firstPresent(): string | null {
  return candidatePaths().find((path) => existsSync(path)) ?? null;
}

/** Installs Chromium and CJK fonts with apt: only as root on Debian/Ubuntu. */
function installWithApt(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  const options = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('/usr/bin/apt-get', ['update'], options);
  execFileSync('/usr/bin/apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], options);
  return true;
}

/** The path of a Chromium-family browser; installs Debian's `chromium` as a last resort. */
export function findChromium(): string {
  const found = firstPresent() ?? (installWithApt() ? firstPresent() : null);
  if (found) return found;
  throw new Error(
    '找不到 Chromium 浏览器：请安装 Chromium 或 Google Chrome（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk），' +
      '或用环境变量 CHROME_PATH 指向浏览器程序。 / No Chromium found: install Chromium or Google Chrome ' +
      '(Debian/Ubuntu: apt-get install chromium fonts-noto-cjk), or set CHROME_PATH to the browser executable.',
  );
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumFlags.filter((flag) => flag !== '--headless'),
  });
}
