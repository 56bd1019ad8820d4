/**
 * 数据损坏时的恢复 end to end (issue 8): the app started on a data folder
 * whose keyring.json was cut short, then on one whose database is gone. The
 * login page names the file and offers the newest automatic backup; the
 * administrator's password restores it, and the login works again on the
 * restored data. The built renderer in Chromium, core behind the web bridge.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { login, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };

let browser: Browser;
let root: string;
/** Set up with two students and an automatic backup, then a third student: closed. */
let template: string;
let bridge: Bridge | undefined;
let app: AppPage | undefined;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-damaged-'));
  template = join(root, 'template');
  const setUp = await startBridge({ dataFolder: template, rendererDir });
  await setUpSchool(setUp, ourSchool(), admin);
  const [schoolClass] = await callBridgeOrThrow(setUp, 'saveClass', {
    grade: 8,
    number: 1,
    headTeacher: '钱老师',
    capacity: 45,
  });
  const everyWarning = ['overPlan', 'overClassSize', 'outsideZone'] as const;
  await callBridgeOrThrow(setUp, 'registerStudent', schoolClass!.id, studentOf(8, 1, { name: '安琪' }), everyWarning);
  await callBridgeOrThrow(setUp, 'registerStudent', schoolClass!.id, studentOf(8, 2, { name: '白雪' }), everyWarning);
  await callBridgeOrThrow(setUp, 'backupNow', null);
  await callBridgeOrThrow(setUp, 'registerStudent', schoolClass!.id, studentOf(8, 3, { name: '陈晨' }), everyWarning);
  await callBridgeOrThrow(setUp, 'logout');
  await setUp.close();
  browser = await launchChromium();
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `damaged-failed-${task.name.slice(0, 40)}.png`);
  await app?.close();
  await bridge?.close();
  app = undefined;
  bridge = undefined;
});

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The app started on a copy of the installation with one file damaged. */
async function startOnDamaged(name: string, damage: (folder: string) => void): Promise<AppPage> {
  const folder = join(root, name);
  cpSync(template, folder, { recursive: true });
  damage(folder);
  bridge = await startBridge({ dataFolder: folder, rendererDir });
  app = await openApp(browser, bridge);
  return app;
}

async function restoreWithPassword(opened: AppPage): Promise<void> {
  const { page } = opened;
  await page.getByLabel('管理员用户名').fill(admin.userName);
  await page.getByLabel('密码（备份时的密码）').fill(admin.password);
  await page.getByRole('button', { name: '从这份备份恢复' }).click();
  await page.getByText('已从备份恢复').waitFor();
}

async function rollNames(opened: AppPage): Promise<string> {
  const { page } = opened;
  await page.evaluate(`location.hash = '#/students'`);
  await page.getByText('共 2 名学生').waitFor();
  return page.locator('.el-table-v2__body').innerText();
}

describe('a damaged data folder at start', () => {
  it('names a keyring cut short, restores the last automatic backup with the administrator password', async () => {
    const opened = await startOnDamaged('keyring-cut', (folder) => {
      const keyring = join(folder, 'keyring.json');
      truncateSync(keyring, Math.floor(statSync(keyring).size / 2));
    });
    const { page } = opened;
    await page.getByText('数据文件损坏，暂时无法登录').waitFor();
    await expect(page.locator('.damaged-data').innerText()).resolves.toContain('密钥文件 keyring.json 已损坏');
    await expect(page.getByLabel('可恢复的自动备份').innerText()).resolves.toContain('2 名');
    await screenshot(page, 'damaged-keyring-offer.png', { fullPage: false });

    await restoreWithPassword(opened);
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    const names = await rollNames(opened);
    expect(names).toContain('安琪');
    expect(names).toContain('白雪');
    expect(names).not.toContain('陈晨');
    await screenshot(page, 'damaged-keyring-restored.png', { fullPage: false });
    expect(opened.problems).toEqual([]);
  });

  it('sends the window to the login page when the database is gone, and offers the same backup', async () => {
    const opened = await startOnDamaged('database-gone', (folder) => rmSync(join(folder, 'xuejidesk.db')));
    const { page } = opened;
    await waitForPath(page, '/login');
    await page.getByText('数据文件损坏，暂时无法登录').waitFor();
    await expect(page.locator('.damaged-data').innerText()).resolves.toContain('数据库文件 xuejidesk.db 不见了');
    await screenshot(page, 'damaged-database-offer.png', { fullPage: false });
    await restoreWithPassword(opened);
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    expect(await rollNames(opened)).toContain('安琪');
    expect(opened.problems).toEqual([]);
  });
});
