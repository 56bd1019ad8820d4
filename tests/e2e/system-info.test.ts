/**
 * 系统信息 end to end: the built renderer in Chromium, core behind the web
 * bridge on a real encrypted installation (and on an empty folder). Every
 * value checked here comes from core, not from a fixture of the page.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { createStorage, dataPaths } from '../../electron/core/storage';
import { type AppPage, openApp, windowSize } from '../support/appPage';
import { type Bridge, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';

const rendererDir = resolve('out/renderer');
const screenshots = resolve('test-results/e2e');

function sqliteVersion(): string {
  const db = new Sqlite(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

/** A data folder in a fresh temp dir; `install` makes it a real encrypted installation with two key slots. */
async function dataFolder(install: boolean): Promise<{ folder: string; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-'));
  const folder = join(root, 'data');
  if (install) {
    const storage = await createStorage(
      dataPaths(folder),
      [
        { id: 'account:admin', kind: 'account', secret: 'Correct-Horse-7' },
        { id: 'recovery', kind: 'recovery', secret: 'ABCD-EFGH-JKLM-NPQR' },
      ],
      { now: new Date(), appVersion: packageJson.version },
    );
    storage.db.close();
  }
  return { folder, remove: () => rmSync(root, { recursive: true, force: true }) };
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('系统信息 of an installed, locked data folder', () => {
  let data: Awaited<ReturnType<typeof dataFolder>>;
  let bridge: Bridge;
  let app: AppPage;

  beforeAll(async () => {
    data = await dataFolder(true);
    bridge = await startBridge({ dataFolder: data.folder, rendererDir });
    app = await openApp(browser, bridge, { path: '/system' });
    await app.valueCell('软件版本').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await bridge?.close();
    data?.remove();
  });

  it('opens 系统信息 before login, in the Chinese guest frame with a way back to login', async () => {
    expect(new URL(app.page.url()).hash).toBe('#/system');
    expect(await app.page.title()).toBe('系统信息 - 学籍工作台');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(app.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('系统信息');
    await expect(app.page.locator('.brand-name').innerText()).resolves.toBe('学籍工作台');
    await expect(app.page.getByRole('link', { name: '返回登录' }).count()).resolves.toBe(1);
  });

  it('shows the versions core runs with', async () => {
    const text = (label: string) => app.valueCell(label).innerText();
    await expect(text('软件版本')).resolves.toBe(packageJson.version);
    await expect(text('SQLite 版本')).resolves.toBe(sqliteVersion());
    await expect(text('Node.js 版本')).resolves.toBe(process.versions.node);
    await expect(text('Electron 版本')).resolves.toBe('不适用（非 Electron 环境）');
    await expect(text('Chromium 版本')).resolves.toBe('不适用（非 Electron 环境）');
  });

  it('shows the data folder, the encrypted database and both key slots', async () => {
    const text = (label: string) => app.valueCell(label).innerText();
    await expect(text('数据文件夹')).resolves.toContain(data.folder);
    await expect(text('安装状态')).resolves.toBe('正常');
    await expect(text('加密')).resolves.toBe('是');
    await expect(text('密钥文件')).resolves.toBe('正常');
    await expect(text('密钥槽数量')).resolves.toBe('2');
    await expect(text('恢复码密钥槽')).resolves.toBe('有');
    await expect(text('数据库大小')).resolves.toMatch(/^\d+(\.\d)? KB$/);
  });

  it('keeps the schema version and installation time for after login', async () => {
    await expect(app.valueCell('数据结构版本').innerText()).resolves.toBe('登录后显示');
    await expect(app.valueCell('安装时间').innerText()).resolves.toBe('登录后显示');
  });

  it('copies the diagnostics text to the clipboard', async () => {
    await app.page.getByRole('button', { name: '复制诊断信息' }).click();
    await app.page.getByText('诊断信息已复制').waitFor();
    // Source text: tests/ is type-checked without the DOM library.
    const copied = String(await app.page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toContain('学籍工作台 诊断信息');
    expect(copied).toContain(`数据文件夹：${data.folder}`);
    expect(copied).toContain(`SQLite 版本：${sqliteVersion()}`);
    expect(copied).toContain('加密：是');
  });

  it('refreshes without errors, and looks right at 1280×800', async () => {
    await app.page.getByRole('button', { name: '刷新' }).click();
    await app.page.locator('.el-message').first().waitFor({ state: 'detached' });
    // No hover or focus highlight in the picture.
    await app.page.mouse.move(0, windowSize.height - 1);
    await app.page.evaluate('document.activeElement?.blur()');
    await app.page.screenshot({ path: join(screenshots, 'system-info.png'), fullPage: true, animations: 'disabled' });
    expect(app.problems).toEqual([]);
  });

  it('has a CSP that blocks remote content, and the test would notice', async () => {
    const probe = await openApp(browser, bridge, { path: '/system' });
    await probe.valueCell('软件版本').waitFor();
    await probe.page.evaluate(
      "document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/tracker.png' }))",
    );
    await expect.poll(() => probe.problems.join('\n')).toContain('CSP violation: img-src');
    await probe.close();
  });
});

describe('系统信息 when the database file on disk is plaintext', () => {
  let data: Awaited<ReturnType<typeof dataFolder>>;
  let bridge: Bridge;
  let app: AppPage;

  beforeAll(async () => {
    // A real installation whose database was swapped for an unencrypted SQLite file.
    data = await dataFolder(true);
    const database = dataPaths(data.folder).database;
    rmSync(database);
    const plain = new Sqlite(database);
    plain.exec('CREATE TABLE leaked (name TEXT)');
    plain.close();
    bridge = await startBridge({ dataFolder: data.folder, rendererDir });
    app = await openApp(browser, bridge, { path: '/system' });
    await app.valueCell('加密').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await bridge?.close();
    data?.remove();
  });

  it('says 否 in red and explains the danger at the top', async () => {
    await expect(app.valueCell('加密').innerText()).resolves.toBe('否（未加密）');
    await expect(app.valueCell('加密').locator('.el-tag--danger').count()).resolves.toBe(1);
    await expect(app.page.locator('.el-alert--error').innerText()).resolves.toContain('数据库文件没有加密');
    await app.page.screenshot({
      path: join(screenshots, 'system-info-unencrypted.png'),
      fullPage: true,
      animations: 'disabled',
    });
    expect(app.problems).toEqual([]);
  });
});

describe('系统信息 of an empty data folder', () => {
  let data: Awaited<ReturnType<typeof dataFolder>>;
  let bridge: Bridge;
  let app: AppPage;

  beforeAll(async () => {
    data = await dataFolder(false);
    bridge = await startBridge({ dataFolder: data.folder, rendererDir });
    app = await openApp(browser, bridge, { path: '/system' });
    await app.valueCell('安装状态').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await bridge?.close();
    data?.remove();
  });

  it('says 尚未初始化 and that nothing has been created yet', async () => {
    await expect(app.valueCell('安装状态').innerText()).resolves.toBe('尚未初始化');
    await expect(app.valueCell('密钥文件').innerText()).resolves.toBe('尚未创建');
    await expect(app.valueCell('数据库文件').innerText()).resolves.toBe('尚未创建');
    await expect(app.valueCell('数据文件夹').innerText()).resolves.toContain(data.folder);
    await app.page.screenshot({
      path: join(screenshots, 'system-info-not-set-up.png'),
      fullPage: true,
      animations: 'disabled',
    });
    expect(app.problems).toEqual([]);
  });
});
