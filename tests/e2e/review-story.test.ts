/**
 * Issue 7 as one story, on one installation: a 九年一贯制 school's clerk
 * checks the national template workbook, finds three rows to correct (a
 * mistyped ID check character, an ID number Excel turned into scientific
 * notation, an empty 现住址), imports the corrected file; 首页 then shows
 * the imported students' open items (an overdue 休学 CHG-2, graduates
 * without 毕业评语 GRD-2, records to verify VER-1); the review materials go
 * to a "USB stick" and are checked there before and after a file on it
 * changed; the self-inspection report (INS-1) lists the overdue 休学 and is
 * previewed as a PDF; finally a backup made before a student was added is
 * restored. The built renderer in Chromium, core behind the web bridge;
 * set-up and the work done elsewhere go through the contract, the clerk's
 * steps through the screens. Screenshots: test-results/e2e/review-story-*.png.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { addDays } from '../../shared/changes/calendar';
import type { ReviewManifest } from '../../shared/exchange/reviewExport';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { localDate, residentIdCheckChar } from '../../shared/register/identity';
import { ourSchool, studentOf } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { cellOf, templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { heading, login, quietMessages, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { setUpSchool } from '../support/schoolSetup';
import {
  backupCheckDialog,
  chooseImportFile,
  exportFileRow,
  exportVerdict,
  formPreview,
  previewDarkPixels,
} from '../support/screens';

const rendererDir = resolve('out/renderer');
const profile = ourSchool({ type: '312', name: '阳泉市实验学校' });
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const today = localDate(new Date());
/** The school year in progress starts in September of this year. */
const startYear = new Date().getMonth() + 1 >= 9 ? new Date().getFullYear() : new Date().getFullYear() - 1;

// A school of nine grades, one class each; the story's students are four of 七年级（1）班 and six of 九年级（1）班.
const generated = templateStudents(9 * 45, 31, startYear).students;
const seventh = generated.filter((student) => student.grade === 7).slice(0, 4);
const ninth = generated.filter((student) => student.grade === 9).slice(0, 6);
const roll = [...seventh, ...ninth];
/** Who is who in the story. */
const mistyped = roll[0]!;
const mangled = roll[1]!;
const suspended = roll[2]!;
const noAddress = roll[5]!;
const withoutComment = [ninth[0]!, ninth[1]!];
/** Registered after the backup, gone after the restore. */
const lateComer = '赵一鸣';

let browser: Browser;
let root: string;
let usb: string;
let bridge: Bridge;
let app: AppPage;
let withErrors = '';
let corrected = '';
const classIds = { seventh: 0, ninth: 0 };
/** What the folder dialog stand-in answers for each purpose. */
const picked: Partial<Record<FolderPurpose, string>> = {};
/** The export folder on the stick. */
let exported = '';

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

/** The register's students by ID number, as core stored them. */
async function studentIds(): Promise<Map<string, number>> {
  const { rows } = await call('listStudents', { limit: 50, offset: 0 });
  return new Map(rows.map((row) => [row.idNumber, row.id]));
}

/** Opens a screen from the left navigation and waits for its heading (the title unless told). */
async function openFromNavigation(page: Page, title: string, path: string, pageHeading = title): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText(title, { exact: true }).click();
  await waitForPath(page, path);
  await heading(page, pageHeading).waitFor();
}

const named = (suffix: string) => `review-story-${suffix}.png`;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-story-'));
  usb = join(root, 'usb');
  mkdirSync(usb);
  bridge = await startBridge({
    dataFolder: join(root, 'data'),
    rendererDir,
    chooseFolder: async (purpose) => picked[purpose] ?? null,
  });
  await setUpSchool(bridge, profile, admin);
  await call('saveClass', { grade: 7, number: 1, headTeacher: '赵老师', capacity: 45 });
  const classes = await call('saveClass', { grade: 9, number: 1, headTeacher: '钱老师', capacity: 45 });
  classIds.seventh = classes.find((c) => c.grade === 7)!.id;
  classIds.ninth = classes.find((c) => c.grade === 9)!.id;
  await call('logout');

  const broken = templateWorkbook(roll, { titleRow: true });
  const first17 = mistyped.basics.idNumber.slice(0, 17);
  cellOf(broken, 0, '身份证件号', 2).value = `${first17}${residentIdCheckChar(first17) === '5' ? '6' : '5'}`;
  const id = mangled.basics.idNumber;
  cellOf(broken, 1, '身份证件号', 2).value = `${id.charAt(0)}.${id.slice(1, 6)}E+17`;
  cellOf(broken, 5, '现住址★', 2).value = '';
  withErrors = join(root, '七九年级学生信息.xlsx');
  writeFileSync(withErrors, await xlsxBytes(broken));
  corrected = join(root, '七九年级学生信息（已改正）.xlsx');
  writeFileSync(corrected, await xlsxBytes(templateWorkbook(roll, { titleRow: true })));

  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, named(`failed-${task.name.slice(0, 40)}`));
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a term’s register work, from the import to the bureau’s review', () => {
  it('OPS-2 the check of the workbook names each row to correct, in Chinese, and saves nothing', async () => {
    const { page } = app;
    await openFromNavigation(page, '导入学生', '/import');
    await chooseImportFile(page, withErrors);
    await page.getByTestId('chosen-file').getByText('七九年级学生信息.xlsx').waitFor();
    await page.getByRole('button', { name: '检查（不保存）' }).click();
    await page.getByText('有 3 行需要改正').waitFor();
    const rows = await page.locator('.issue-table .el-table__body tr').allInnerTexts();
    const rowOf = (excelRow: number) => rows.find((text) => text.startsWith(String(excelRow))) ?? '';
    // A title row and the header above the students: the first student is on row 3.
    expect(rowOf(3)).toContain(mistyped.basics.name);
    expect(rowOf(3)).toMatch(/校验码应为 [\dX]，而不是 [56]/);
    expect(rowOf(4)).toContain(mangled.basics.name);
    expect(rowOf(4)).toContain('被 Excel 转成了科学计数法');
    expect(rowOf(8)).toContain(noAddress.basics.name);
    expect(rowOf(8)).toContain('请填写现住址');
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    await screenshot(page, named('01-import-errors'));
    expect((await call('listStudents', { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('imports the corrected workbook after the clerk confirms, and the students are in the roll', async () => {
    const { page } = app;
    await chooseImportFile(page, corrected);
    await page.getByTestId('chosen-file').getByText('七九年级学生信息（已改正）.xlsx').waitFor();
    await page.getByRole('button', { name: '检查（不保存）' }).click();
    await page.getByText('全部 10 行都可以导入').waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    const box = page.locator('.el-message-box');
    await box.getByText('将导入 10 名学生').waitFor();
    await box.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成').waitFor();
    await expect(page.locator('.el-alert--success').innerText()).resolves.toContain('已导入 10 名学生');
    await screenshot(page, named('02-import-done'));

    await openFromNavigation(page, '学生名册', '/students');
    await page.getByText('共 10 名学生').waitFor();
    for (const student of [mistyped, mangled, noAddress]) await page.getByText(student.basics.name).first().waitFor();
    await screenshot(page, named('03-roll'));
  });

  it('首页 shows the imported students’ open items: the overdue 休学 first (CHG-2), 毕业评语 (GRD-2), records to verify (VER-1)', async () => {
    const { page } = app;
    // Work done since the import: a 休学 applied for ten days ago and still open, a phone change
    // applied for today, 学习简历 for every graduate but 毕业评语 for only four, 七年级 verified.
    const ids = await studentIds();
    const idOf = (student: (typeof roll)[number]) => ids.get(student.basics.idNumber)!;
    await call('openCase', {
      kind: 'suspension',
      studentId: idOf(suspended),
      appliedOn: addDays(today, -10),
      reason: '家中突遭火灾，需随家长异地安置',
      ground: 'forceMajeure',
      period: { startDate: addDays(today, -10), endDate: addDays(today, 140) },
    });
    await call('openCase', {
      kind: 'basicInfoChange',
      studentId: idOf(ninth[0]!),
      appliedOn: today,
      reason: '家长更换了联系电话',
      items: [{ field: 'phone', after: '13912345678' }],
    });
    for (const graduate of ninth) {
      await call('saveStudyHistory', idOf(graduate), [
        { fromMonth: `${startYear - 8}09`, toMonth: '', school: profile.name, role: '', witness: '钱老师' },
      ]);
      if (withoutComment.includes(graduate)) continue;
      await call('saveGraduationComment', idOf(graduate), {
        text: '该生品学兼优，尊敬师长，团结同学，积极参加集体活动。',
        author: '钱老师',
        date: today,
      });
    }
    await call('confirmRecords', seventh.map(idOf));

    await openFromNavigation(page, '首页', '/home', `您好，${admin.displayName}`);
    await page.locator('.dashboard-cases').waitFor();
    await expect(page.locator('.open-cases .number').innerText()).resolves.toBe('2');
    await expect(page.locator('.overdue-cases .number').innerText()).resolves.toBe('1');
    const cases = await page.locator('.case-rows li').allInnerTexts();
    expect(cases).toHaveLength(2);
    expect(cases[0]).toContain(`休学${suspended.basics.name}`);
    expect(cases[0]).toContain('已逾期 3 天');
    expect(cases[1]).toContain(ninth[0]!.basics.name);
    await expect(page.locator('.dashboard-graduates').innerText()).resolves.toContain(
      '九年级 6 人中 2 人未齐全（缺毕业评语 2 人）',
    );
    const verification = page.locator('.dashboard-verification');
    await expect(verification.innerText()).resolves.toContain('已核对 4 / 10 人');
    await expect(verification.locator('.class-link').allInnerTexts()).resolves.toEqual(['九年级（1）班']);
    await screenshot(page, named('04-dashboard'));
  });

  it('exports the review materials to the stick and finds them intact there', async () => {
    const { page } = app;
    picked.export = usb;
    await openFromNavigation(page, '导出审查材料', '/export');
    await page.getByRole('button', { name: '选择文件夹并导出…' }).click();
    await page.locator('.export-result').waitFor({ timeout: 30_000 });
    const [folderName] = readdirSync(usb);
    exported = join(usb, folderName!);
    const manifest = JSON.parse(readFileSync(join(exported, 'manifest.json'), 'utf8')) as ReviewManifest;
    expect(manifest.counts).toMatchObject({ students: 10, openCases: 2 });

    await page.getByRole('button', { name: '校验刚导出的材料' }).click();
    await exportVerdict(page).waitFor();
    await expect(exportVerdict(page).innerText()).resolves.toContain('材料完整，没有被改动');
    await quietMessages(page);
    await screenshot(page, named('05-export-verified'));
  });

  it('names the summary PDF after it changed on the stick', async () => {
    const { page } = app;
    const summary = join(exported, '审查材料汇总.pdf');
    const bytes = readFileSync(summary);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(summary, bytes);
    picked.verifyExport = exported;
    await page.getByRole('button', { name: '选择文件夹并校验…' }).click();
    await expect
      .poll(() => exportVerdict(page).innerText(), { timeout: 15_000 })
      .toContain('审查材料与清单不符：1 个文件被改动。');
    await expect(exportFileRow(page, '审查材料汇总.pdf').innerText()).resolves.toContain('已被改动');
    await expect(exportFileRow(page, '.xlsx').innerText()).resolves.toContain('未改动');
    await page.locator('.export-verification').scrollIntoViewIfNeeded();
    await screenshot(page, named('06-export-tampered'), { fullPage: false });
  });

  it('INS-1 自查报告 lists the overdue 休学 and the graduates without 毕业评语, and previews the report as a PDF', async () => {
    const { page } = app;
    await openFromNavigation(page, '自查报告', '/inspection');
    const movements = page.locator('article.item[data-item="changes.timely"]');
    await expect(movements.locator('.verdict').innerText()).resolves.toBe('不符合');
    await expect(movements.locator('.finding').innerText()).resolves.toContain('办理中 1 件，其中 1 件已逾期');
    await movements.getByRole('button', { name: '查看问题清单（1 条）' }).click();
    const overdue = movements.locator('.inspection-exceptions .el-table__body tr');
    await expect(overdue.count()).resolves.toBe(1);
    const row = await overdue.first().innerText();
    expect(row).toContain(suspended.basics.name);
    expect(row).toContain('七年级（1）班');
    expect(row).toMatch(/休学：.*已逾期 3 天，仍在办理中/);

    const graduates = page.locator('article.item[data-item="graduation.records"]');
    await expect(graduates.locator('.verdict').innerText()).resolves.toBe('需关注');
    await graduates.getByRole('button', { name: '查看问题清单（2 条）' }).click();
    const missing = await graduates.locator('.inspection-exceptions .el-table__body tr').allInnerTexts();
    expect(missing.map((text) => text.includes('缺毕业评语'))).toEqual([true, true]);
    expect(withoutComment.every((student) => missing.some((text) => text.includes(student.basics.name)))).toBe(true);
    await movements.scrollIntoViewIfNeeded();
    await screenshot(page, named('07-inspection'));

    await page.getByRole('button', { name: '生成自查报告（PDF）' }).click();
    await formPreview(page).locator('.form-number').waitFor({ timeout: 30_000 });
    await expect(formPreview(page).locator('.el-dialog__title').innerText()).resolves.toBe('《学籍管理工作自查报告》');
    await expect(formPreview(page).locator('.form-number').innerText()).resolves.toMatch(
      new RegExp(`^${profile.code}-\\d{4}-\\d{6}$`),
    );
    await formPreview(page).locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    expect(await previewDarkPixels(page)).toBeGreaterThan(1000);
    await expect(formPreview(page).getByRole('button', { name: '另存为' }).isEnabled()).resolves.toBe(true);
    await expect(formPreview(page).getByRole('button', { name: '打印', exact: true }).isEnabled()).resolves.toBe(true);
    await screenshot(page, named('08-inspection-preview'), { fullPage: false });
    await formPreview(page).getByRole('button', { name: '关闭', exact: true }).click();
    await formPreview(page).waitFor({ state: 'hidden' });
  });

  it('restores the backup made before a student was added: the student is gone and the login works', async () => {
    const { page } = app;
    picked.backup = usb;
    await openFromNavigation(page, '备份与恢复', '/backups');
    await page.getByRole('button', { name: '备份到…' }).click();
    await page.locator('.el-message--success').waitFor();
    await quietMessages(page);
    const [backup] = readdirSync(usb).filter((name) => name.startsWith('学籍备份_'));
    await call('registerStudent', classIds.seventh, studentOf(7, 9, { name: lateComer }), [
      'overPlan',
      'overClassSize',
      'outsideZone',
    ]);

    picked.restore = join(usb, backup!);
    await page.getByRole('button', { name: '从备份恢复…' }).click();
    await backupCheckDialog(page).getByText('这份备份完整，可以恢复到本机。').waitFor();
    await expect(backupCheckDialog(page).innerText()).resolves.toContain('备份中 10 人，当前 11 人');
    await screenshot(page, named('09-backup-check'), { fullPage: false });
    await backupCheckDialog(page).getByRole('button', { name: '恢复此备份…' }).click();
    const box = page.locator('.el-message-box');
    await box.getByText('用这份备份替换当前数据？').waitFor();
    await box.getByRole('button', { name: '替换并恢复' }).click();
    await waitForPath(page, '/login');

    await quietMessages(page);
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    await openFromNavigation(page, '学生名册', '/students');
    await page.getByText('共 10 名学生').waitFor();
    await expect(page.getByText(lateComer).count()).resolves.toBe(0);
    await screenshot(page, named('10-restored-roll'));
    expect(app.problems).toEqual([]);
  });
});
