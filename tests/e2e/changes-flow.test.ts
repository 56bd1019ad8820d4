/**
 * Register changes end to end (issue 5): a 姓名 change from request to the
 * county bureau's approval changes the record and its history (DAT-1,
 * DAT-2); a senior-high student's 休学 then 复学 a grade lower gets a new
 * 学籍辅号 (CHG-2, CHG-4, REG-2); a transfer into a provincial model school
 * is refused by 四不转 (TRF-2) before anything is saved. The built renderer
 * in Chromium, core behind the web bridge; the school and its students are
 * set up through the contract, everything the clerk does through the screens.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/changes/calendar';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { EvidenceKind } from '../../shared/changes/evidence';
import { localDate } from '../../shared/register/identity';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import {
  choose,
  fill,
  heading,
  login,
  quietMessages,
  screenshot,
  screenshotsDir,
  waitForPath,
} from '../support/pageActions';
import { setUpSchool } from '../support/schoolSetup';

const rendererDir = resolve('out/renderer');
const profile = ourSchool();
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const today = localDate(new Date());

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;
/** Student ids by who they are in this story. */
const students = { renamed: 0, suspended: 0 };

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

async function register(classId: number, basics: StudentBasics): Promise<number> {
  const result = await call('registerStudent', classId, basics, ['overPlan', 'overClassSize', 'outsideZone']);
  return result.student.id;
}

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-changes-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  await setUpSchool(bridge, profile, admin);
  await call('saveClass', { grade: 10, number: 1, headTeacher: '赵老师', capacity: 45 });
  const classes = await call('saveClass', {
    grade: 11,
    number: 1,
    headTeacher: '钱老师',
    capacity: 45,
  });
  const grade11 = classes.find((c) => c.grade === 11)!.id;
  students.renamed = await register(grade11, studentOf(11, 3, { name: '王小雨' }));
  students.suspended = await register(grade11, studentOf(11, 4, { name: '赵晓雪', auxiliaryNumber: 'FZ2025000123' }));
  await call('logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `changes-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Opens a student's record as the clerk does from the roll, by the address. */
async function openRecord(page: Page, studentId: number, name: string): Promise<void> {
  await page.evaluate(`location.hash = '#/students/${studentId}'`);
  await heading(page, name).waitFor();
}

/** 办理学籍异动 ▾ → the movement, onto its form. */
async function startCase(page: Page, item: string, title: string): Promise<void> {
  await page.getByRole('button', { name: /办理学籍异动/ }).click();
  await page.locator('.case-menu').getByRole('menuitem', { name: item, exact: true }).click();
  await heading(page, title).waitFor();
}

/** Waits for the live rule check to pass, then submits and lands on the case. */
async function submitCase(page: Page, screenshotName: string): Promise<void> {
  await page.locator('.case-refusals .passed').waitFor();
  await screenshot(page, screenshotName);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await waitForPath(page, /^#\/cases\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /#\d+/ }).waitFor();
}

/** A small scan: a PNG by its magic bytes, distinct per name. */
const scan = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(name)]),
});

async function upload(page: Page, kind: EvidenceKind, name: string): Promise<void> {
  const group = page.locator(`li.group[data-kind="${kind}"]`);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    group.getByRole('button', { name: '上传' }).click(),
  ]);
  await chooser.setFiles(scan(name));
  await group.getByRole('button', { name }).waitFor();
}

/** Records the awaited step's approval as copied from the signed paper; the last one is confirmed. */
async function approve(page: Page, approver: string, reviewer: string, options: { last?: boolean } = {}) {
  await page.getByRole('heading', { name: `录入审核结果：${approver}` }).waitFor();
  await fill(page, 'decision-by', reviewer);
  await page.getByRole('button', { name: '录入：同意' }).click();
  if (options.last) {
    await page.locator('.el-message-box').getByRole('button', { name: '录入：同意' }).click();
    await page.locator('.case-header .status', { hasText: '已办结' }).waitFor();
  } else {
    await page
      .getByRole('heading', { name: /录入审核结果：/ })
      .filter({ hasNotText: approver })
      .waitFor();
  }
}

describe('register changes', () => {
  it('DAT-1 a 姓名 change from request to approval changes the record and its history', async () => {
    const { page } = app;
    await openRecord(page, students.renamed, '王小雨');
    await startCase(page, '申请变更基本信息', '申请变更基本信息');
    await choose(page, 'change-0-field', '姓名（关键数据）');
    await fill(page, 'change-0-after', '王晓雨');
    await fill(page, 'case-reason', '户口簿姓名已变更，派出所出具变更证明');
    await submitCase(page, 'changes-name-request.png');

    await upload(page, 'signedForm', '基本信息变更申请表.png');
    await upload(page, 'householdRegister', '户口簿本人页.png');
    await approve(page, '本校', '李校长');
    await fill(page, 'decision-number', '城教学籍〔2026〕31号');
    await approve(page, '县（区）教育局', '张科长', { last: true });
    await quietMessages(page);
    await screenshot(page, 'changes-name-approved.png');

    await openRecord(page, students.renamed, '王晓雨');
    await page.getByRole('tab', { name: /修改记录/ }).click();
    const change = page.locator('.el-table__body tr', { hasText: '姓名' });
    await change.waitFor();
    expect((await change.locator('td').allInnerTexts()).slice(0, 3)).toEqual(['姓名', '王小雨', '王晓雨']);
    await quietMessages(page);
    await screenshot(page, 'changes-name-history.png');
  });

  it('CHG-2 休学 then CHG-4 复学 a grade lower gives the senior-high student a new 学籍辅号 (REG-2)', async () => {
    const { page } = app;
    await openRecord(page, students.suspended, '赵晓雪');
    await startCase(page, '休学', '办理休学');
    await page.getByText('不可抗力（须有关部门出具的证明）').click();
    for (const [id, day] of [
      ['suspension-start', today],
      ['suspension-end', addDays(today, 150)],
    ] as const) {
      await page.locator(`#${id}`).fill(day);
      await page.locator(`#${id}`).press('Enter');
    }
    await fill(page, 'case-reason', '家中突遭火灾，需随家长异地安置');
    await submitCase(page, 'changes-suspension-request.png');
    await upload(page, 'signedForm', '休学申请表.png');
    await upload(page, 'forceMajeureCertificate', '受灾证明.png');
    await approve(page, '本校', '李校长');
    await approve(page, '县（区）教育局', '张科长', { last: true });

    await openRecord(page, students.suspended, '赵晓雪');
    await expect(page.locator('main').innerText()).resolves.toContain('休学');
    await startCase(page, '复学', '办理复学');
    await expect(page.locator('#case-newAuxiliaryNumber').count()).resolves.toBe(0);
    await choose(page, 'case-classId', /^高一（1）班/);
    await fill(page, 'case-newAuxiliaryNumber', 'FZ2026000456');
    await fill(page, 'case-reason', '安置结束，申请复学，降入高一年级');
    await submitCase(page, 'changes-resumption-request.png');
    await upload(page, 'signedForm', '复学申请表.png');
    await approve(page, '本校', '李校长');
    await approve(page, '县（区）教育局', '张科长', { last: true });
    await quietMessages(page);
    await screenshot(page, 'changes-resumption-approved.png');

    await openRecord(page, students.suspended, '赵晓雪');
    await expect(page.locator('main').innerText()).resolves.toContain('高一（1）班');
    await page.getByRole('tab', { name: /修改记录/ }).click();
    const renumbered = page.locator('.el-table__body tr', { hasText: '学籍辅号' });
    await renumbered.waitFor();
    expect((await renumbered.locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      '学籍辅号',
      'FZ2025000123',
      'FZ2026000456',
    ]);
    const statuses = page.locator('.el-table__body tr', { hasText: '学籍状态' });
    const movedBack = (await statuses.first().locator('td').allInnerTexts()).slice(1, 3);
    const suspended = (await statuses.nth(1).locator('td').allInnerTexts()).slice(1, 3);
    expect([movedBack, suspended]).toEqual([
      ['休学', '在读'],
      ['在读', '休学'],
    ]);
    await quietMessages(page);
    await screenshot(page, 'changes-resumption-history.png');
  });

  it('TRF-2 四不转: a transfer from an ordinary high school into a provincial model school is refused with its reason', async () => {
    const { page } = app;
    await openRecord(page, students.renamed, '王晓雨');
    await startCase(page, '转出', '办理转出');
    await fill(page, 'transfer-school-name', '阳泉市第十一中学');
    await choose(page, 'transfer-school-type', '高级中学');
    await page.locator('#transfer-school-ownership').getByText('公办').click();
    await fill(page, 'transfer-school-zone', '郊区');
    await page.getByText('是省级示范高中', { exact: true }).click();
    await page.getByText('家庭居住地迁移且户籍已迁入', { exact: true }).click();
    await choose(page, 'transfer-scope', '跨县（区）');
    await page.getByText('户籍已迁入新居住地', { exact: true }).click();
    await fill(page, 'case-reason', '家庭迁往郊区，户口已迁入');
    const refusals = page.locator('.case-refusals .refusals');
    await refusals.waitFor();
    await expect(refusals.innerText()).resolves.toContain(
      '一般普通高中的学生不能转入省级示范高中（规则 TRF-2 四不转）',
    );
    await expect(page.getByRole('button', { name: '提交', exact: true }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'changes-transfer-refused.png');
  });
});
