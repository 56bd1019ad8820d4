/**
 * Backups end to end: the day's first login makes the automatic backup, the
 * clerk backs up to a "USB stick" (a temp folder the folder dialog stand-in
 * returns), the data changes, the administrator restores the backup after
 * seeing its check, logs in again, and the data is back. A truncated copy
 * is refused. The built renderer in Chromium, core behind the web bridge.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { heading, login, quietMessages, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { backupCheckDialog } from '../support/screens';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const profile = ourSchool();
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const acknowledged = ['overPlan', 'overClassSize', 'outsideZone'] as const;

let browser: Browser;
let root: string;
let usb: string;
let bridge: Bridge;
let app: AppPage;
let classId = 0;
/** What the folder dialog stand-in answers for each purpose. */
const picked: Partial<Record<FolderPurpose, string>> = {};

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

const rollNames = async (): Promise<string[]> =>
  (await call('listStudents', { limit: 50, offset: 0 })).rows.map((row) => row.name).sort();

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-backup-'));
  usb = join(root, 'usb');
  mkdirSync(usb);
  picked.backup = usb;
  bridge = await startBridge({
    dataFolder: join(root, 'data'),
    rendererDir,
    dailyBackup: true,
    chooseFolder: async (purpose) => picked[purpose] ?? null,
  });
  await setUpSchool(bridge, profile, admin);
  classId = (await call('saveClass', { grade: 8, number: 1, headTeacher: '钱老师', capacity: 45 }))[0]!.id;
  await call('registerStudent', classId, studentOf(8, 5, { name: '王小雨' }), [...acknowledged]);
  await call('registerStudent', classId, studentOf(8, 6, { name: '李思涵' }), [...acknowledged]);
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `backup-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const checkDialog = () => backupCheckDialog(app.page);

describe('backups', () => {
  it('the day’s first login makes the automatic backup, listed on 备份与恢复', async () => {
    const { page } = app;
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await heading(page, '备份与恢复').waitFor();
    const rows = page.locator('.backup-table .el-table__body tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('每日自动');
    await screenshot(page, 'backup-list.png');
  });

  it('备份到… writes a whole backup folder to the chosen USB stick', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '备份到…' }).click();
    await page.locator('.el-message--success').waitFor();
    const [name] = readdirSync(usb);
    expect(name).toMatch(new RegExp(`^学籍备份_${profile.code}_\\d{8}-\\d{6}$`));
    expect(readdirSync(join(usb, name!)).sort()).toEqual(['backup.json', 'keyring.json', 'xuejidesk.db']);
    await screenshot(page, 'backup-to-usb.png', { fullPage: false });
    await quietMessages(page);
  });

  it('refuses a truncated copy of the backup, naming the file', async () => {
    const { page } = app;
    const [name] = readdirSync(usb);
    const damaged = join(root, 'damaged', name!);
    cpSync(join(usb, name!), damaged, { recursive: true });
    truncateSync(join(damaged, 'xuejidesk.db'), 4096);
    picked.restore = damaged;
    await page.getByRole('button', { name: '从备份恢复…' }).click();
    await checkDialog().getByText('这份备份不能恢复').waitFor();
    await expect(checkDialog().innerText()).resolves.toContain('数据库文件 xuejidesk.db 不完整');
    await expect(checkDialog().getByRole('button', { name: '恢复此备份…' }).count()).resolves.toBe(0);
    await screenshot(page, 'backup-check-refused.png', { fullPage: false });
    await checkDialog().locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click();
    await checkDialog().waitFor({ state: 'hidden' });
  });

  it('restores the USB backup after the data changed: checked, confirmed, then the login page', async () => {
    const { page } = app;
    await call('registerStudent', classId, studentOf(8, 7, { name: '赵一鸣' }), [...acknowledged]);
    expect(await rollNames()).toEqual(['李思涵', '王小雨', '赵一鸣'].sort());
    const [name] = readdirSync(usb);
    picked.restore = join(usb, name!);

    await page.getByRole('button', { name: '从备份恢复…' }).click();
    await checkDialog().getByText('这份备份完整，可以恢复到本机。').waitFor();
    await expect(checkDialog().innerText()).resolves.toContain('备份中 2 人，当前 3 人');
    await screenshot(page, 'backup-check.png', { fullPage: false });
    await checkDialog().getByRole('button', { name: '恢复此备份…' }).click();
    const box = page.locator('.el-message-box');
    await box.getByText('用这份备份替换当前数据？').waitFor();
    await screenshot(page, 'backup-restore-confirm.png', { fullPage: false });
    await box.getByRole('button', { name: '替换并恢复' }).click();
    await waitForPath(page, '/login');
    await heading(page, '登录学籍工作台').waitFor();
    await screenshot(page, 'backup-restored-login.png', { fullPage: false });
    const data = readdirSync(join(root, 'data'));
    expect(data.some((entry) => /^replaced-\d{8}-\d{6}$/.test(entry))).toBe(true);
    expect(data.some((entry) => entry.startsWith('restore-staging'))).toBe(false);
  });

  it('after logging in again the data of the backup is back, and the log says it was restored', async () => {
    const { page } = app;
    await quietMessages(page);
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    expect(await rollNames()).toEqual(['李思涵', '王小雨'].sort());
    const restores = (await call('listAuditEvents', { action: 'backup.restore', limit: 5, offset: 0 })).rows;
    expect(restores).toMatchObject([{ outcome: 'success', userName: admin.userName }]);
    expect(await call('verifyAuditLog')).toMatchObject({ ok: true });
    await page.getByRole('menuitem', { name: '学生名册' }).click();
    await heading(page, '学生名册').waitFor();
    await page.getByText('共 2 名学生').waitFor();
    await screenshot(page, 'backup-restored-roll.png');
    expect(app.problems).toEqual([]);
  });
});
