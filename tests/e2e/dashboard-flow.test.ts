/**
 * 首页待办 and 学籍核对 end to end (issue 7, item 3): a junior school with
 * this term set, two classes, an overdue and an open change request (DAT-1),
 * graduates without their 毕业评语 (GRD-2). The dashboard shows them; the
 * clerk opens the overdue list from it, confirms a class's records on the
 * review screen (VER-1) and sees the progress on 首页. The built renderer in
 * Chromium, core behind the web bridge; the school is set up through the
 * contract, everything the clerk does through the screens.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { addDays } from '../../shared/changes/calendar';
import { localDate } from '../../shared/register/identity';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { heading, login, quietMessages, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { setUpSchool } from '../support/schoolSetup';
import { termOfToday } from '../support/termOfToday';

const rendererDir = resolve('out/renderer');
const profile = ourSchool({ name: '阳泉市第三中学', type: '311' });
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const today = localDate(new Date());

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;
const classes = { seventh: 0, ninth: 0 };

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

async function register(classId: number, basics: StudentBasics): Promise<number> {
  return (await call('registerStudent', classId, basics, ['overPlan', 'overClassSize', 'outsideZone'])).student.id;
}

const phoneChange = (studentId: number, appliedOn: string) =>
  call('openCase', {
    kind: 'basicInfoChange',
    appliedOn,
    reason: '家长更换了联系电话',
    studentId,
    items: [{ field: 'phone', after: '13912345678' }],
  });

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-dashboard-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  await setUpSchool(bridge, profile, admin);
  await call('saveClass', { grade: 7, number: 1, headTeacher: '赵老师', capacity: 45 });
  const saved = await call('saveClass', { grade: 9, number: 1, headTeacher: '钱老师', capacity: 45 });
  classes.seventh = saved.find((c) => c.grade === 7)!.id;
  classes.ninth = saved.find((c) => c.grade === 9)!.id;
  const late = await register(classes.seventh, studentOf(7, 1, { name: '王小雨' }));
  const open = await register(classes.seventh, studentOf(7, 2, { name: '李思远' }));
  await register(classes.seventh, studentOf(7, 3, { name: '张欣怡' }));
  const withHistory = await register(classes.ninth, studentOf(9, 4, { name: '赵晓雪' }));
  await register(classes.ninth, studentOf(9, 5, { name: '陈浩宇' }));
  await call('saveStudyHistory', withHistory, [
    { fromMonth: '202009', toMonth: '', school: profile.name, role: '', witness: '钱老师' },
  ]);
  // DAT-1: decided within a week; the first was asked for ten days ago.
  await phoneChange(late, addDays(today, -10));
  await phoneChange(open, today);
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app)
    await screenshot(app.page, `dashboard-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('首页待办 and 学籍核对', () => {
  it('shows the open items: overdue cases first, verification, graduates, term, backup and logins', async () => {
    const { page } = app;
    await heading(page, `您好，${admin.displayName}`).waitFor();
    await page.locator('.dashboard-cases').waitFor();
    await expect(page.locator('.open-cases .number').innerText()).resolves.toBe('2');
    await expect(page.locator('.overdue-cases .number').innerText()).resolves.toBe('1');
    const first = page.locator('.case-rows li').first();
    await expect(first.innerText()).resolves.toContain('王小雨');
    await expect(first.innerText()).resolves.toContain('已逾期 3 天');
    await expect(page.locator('.dashboard-verification').innerText()).resolves.toContain('已核对 0 / 5 人');
    await expect(page.locator('.dashboard-graduates').innerText()).resolves.toContain(
      '九年级 2 人中 2 人未齐全（缺学习简历 1 人，缺毕业评语 2 人）',
    );
    await expect(page.locator('.status-term').innerText()).resolves.toContain(termOfToday().schoolYear);
    await expect(page.locator('.status-backup').innerText()).resolves.toContain('尚未备份');
    await expect(page.locator(`.calendar td.login[data-day="${today}"]`).count()).resolves.toBe(1);
    await expect(page.locator('.term-reminder').count()).resolves.toBe(0);
    await screenshot(page, 'dashboard-home.png');
  });

  it('CHG-2 and DAT-1 open the overdue cases from the dashboard', async () => {
    const { page } = app;
    await page.locator('.overdue-cases').click();
    await waitForPath(page, '/cases?overdue=1');
    const rows = page.locator('.el-table__body tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('王小雨');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await waitForPath(page, '/home');
  });

  it('VER-1 confirms a class’s records on the review screen, and 首页 shows the progress', async () => {
    const { page } = app;
    await page.locator('.dashboard-verification .class-link', { hasText: '七年级（1）班' }).click();
    await waitForPath(page, `/verification?class=${classes.seventh}`);
    await heading(page, '学籍核对').waitFor();
    const table = page.locator('.verification-table');
    await table.getByText('张欣怡').waitFor();
    await expect(page.locator('.progress-text').innerText()).resolves.toBe('已核对 0 / 3 人');
    await page.getByLabel('全选未核对的学生').click();
    await page.getByRole('button', { name: '确认已核对（3 人）' }).click();
    const box = page.locator('.el-message-box');
    await expect(box.innerText()).resolves.toContain('请确认您已逐一核对这 3 名学生');
    await screenshot(page, 'dashboard-verification-confirm.png', { fullPage: false });
    await box.getByRole('button', { name: '确认已核对' }).click();
    await expect(page.locator('.el-message--success').last().innerText()).resolves.toContain('已记录 3 名学生');
    await expect.poll(() => page.locator('.progress-text').innerText()).toBe('已核对 3 / 3 人');
    await expect(table.locator('.el-tag--success').count()).resolves.toBe(3);
    await quietMessages(page);
    await screenshot(page, 'dashboard-verification-done.png');

    await page.getByRole('menuitem', { name: '首页' }).click();
    await waitForPath(page, '/home');
    const card = page.locator('.dashboard-verification');
    await expect.poll(() => card.innerText()).toContain('已核对 3 / 5 人');
    await expect(card.locator('.class-link').allInnerTexts()).resolves.toEqual(['九年级（1）班']);
    await screenshot(page, 'dashboard-home-verified.png');
    expect(app.problems).toEqual([]);
  });
});
