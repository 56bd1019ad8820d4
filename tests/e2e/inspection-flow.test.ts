/**
 * 自查报告 end to end (issue 7, item 4; rule INS-1): a junior school with
 * this term set, pupils without photos or archive checks, and a change
 * request asked for ten days ago and still open (DAT-1). The clerk opens
 * 自查报告, reads the verdicts, opens the overdue request's row, and
 * generates the PDF into the preview. The built renderer in Chromium, core
 * behind the web bridge; the school is set up through the contract.
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
import { heading, login, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const profile = ourSchool({ name: '阳泉市第四中学', type: '311' });
const admin = { userName: 'lilaoshi', displayName: '李老师', password: 'Yq-Admin-2026!k' };
const today = localDate(new Date());

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

async function register(classId: number, basics: StudentBasics): Promise<number> {
  return (await call('registerStudent', classId, basics, ['overPlan', 'overClassSize', 'outsideZone'])).student.id;
}

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-inspection-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  await setUpSchool(bridge, profile, admin);
  const saved = await call('saveClass', { grade: 7, number: 1, headTeacher: '赵老师', capacity: 45 });
  const seventh = saved.find((c) => c.grade === 7)!.id;
  const late = await register(seventh, studentOf(7, 1, { name: '王小雨' }));
  await register(seventh, studentOf(7, 2, { name: '李思远' }));
  // DAT-1: decided within a week; this one was asked for ten days ago and is still open.
  await call('openCase', {
    kind: 'basicInfoChange',
    appliedOn: addDays(today, -10),
    reason: '家长更换了联系电话',
    studentId: late,
    items: [{ field: 'phone', after: '13912345678' }],
  });
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app)
    await screenshot(app.page, `inspection-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const preview = () => app.page.locator('.el-dialog.form-preview');

describe('自查报告', () => {
  it('INS-1 DAT-1 shows the verdicts, the overdue request as 不符合 with the student’s name', async () => {
    const { page } = app;
    await page.evaluate(`location.hash = '#/inspection'`);
    await heading(page, '自查报告').waitFor();
    await page.locator('.inspection-summary').waitFor();
    const term = page.locator('[data-item="school.term"]');
    await expect(term.locator('.el-tag').innerText()).resolves.toBe('符合');
    const timely = page.locator('[data-item="maintenance.timely"]');
    await expect(timely.locator('.el-tag').innerText()).resolves.toBe('不符合');
    await expect(timely.locator('.finding').innerText()).resolves.toContain('其中 1 件已逾期');
    await timely.getByRole('button', { name: /查看问题清单/ }).click();
    await expect(timely.locator('.el-table__body').innerText()).resolves.toContain('王小雨');
    await expect(timely.locator('.el-table__body').innerText()).resolves.toContain('已逾期 3 天');
    await screenshot(page, 'inspection-report.png');
  });

  it('INS-1 generates the PDF into the preview, numbered like every form', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '生成自查报告（PDF）' }).click();
    await preview().locator('.form-number').waitFor({ timeout: 30_000 });
    await expect(preview().locator('.el-dialog__title').innerText()).resolves.toBe('《学籍管理工作自查报告》');
    await expect(preview().locator('.form-number').innerText()).resolves.toMatch(
      new RegExp(`^${profile.code}-\\d{4}-\\d{6}$`),
    );
    await preview().locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    await screenshot(page, 'inspection-preview.png', { fullPage: false });
  });
});
