/**
 * 导入学生 end to end (issue 7): the clerk checks a template with errors (an
 * ID number Excel turned into a number, a 性别 that is no code, a student
 * already registered: OPS-2), downloads the error report, fixes the file,
 * checks again and imports it in one step. The built renderer in Chromium,
 * core behind the web bridge; the school is set up through the contract,
 * the clerk's part through the screens.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { classLabel } from '../../shared/register/students';
import { ourSchool } from '../core/casesSupport';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { cellOf, templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { login, screenshot, screenshotsDir, waitForPath } from '../support/pageActions';
import { chooseImportFile } from '../support/screens';
import { termOfToday } from '../support/termOfToday';

const rendererDir = resolve('out/renderer');
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const today = new Date();
/** The school year in progress starts in September of this year. */
const startYear = today.getMonth() + 1 >= 9 ? today.getFullYear() : today.getFullYear() - 1;
const { students, classes } = templateStudents(100, 31, startYear);

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;
let withErrors: string;
let fixed: string;

/** A contract call of the set-up; a refusal fails the test with core's message. */
const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-import-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  const profile = ourSchool({ type: '312', name: '阳泉市实验学校' });
  await call('setup', {
    schoolName: profile.name,
    schoolCode: profile.code,
    adminUserName: admin.userName,
    adminDisplayName: admin.displayName,
    password: admin.password,
  });
  await call('confirmRecoveryCodeSaved');
  await call('updateSchoolProfile', profile);
  const term = termOfToday(today);
  await call('saveTerm', {
    schoolYear: term.schoolYear,
    semester: term.semester,
    startDate: term.start,
    endDate: term.end,
  });
  const classIds = new Map<string, number>();
  for (const { grade, number } of classes) {
    const saved = await call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 50 });
    classIds.set(classLabel(grade, number), saved.find((c) => c.grade === grade && c.number === number)!.id);
  }
  // Registered by hand before the import: the file holds him too (OPS-2).
  const registered = students[5]!;
  await call(
    'registerStudent',
    classIds.get(classLabel(registered.grade, registered.classNumber))!,
    registered.basics,
    ['overPlan', 'overClassSize', 'outsideZone'],
  );
  await call('logout');

  const broken = templateWorkbook(students, { titleRow: true });
  cellOf(broken, 1, '身份证件号', 2).value = Number(students[1]!.basics.idNumber.slice(0, 15)) * 1000;
  cellOf(broken, 8, '性别★', 2).value = '男生';
  withErrors = join(root, '学生信息.xlsx');
  writeFileSync(withErrors, await xlsxBytes(broken));
  fixed = join(root, '学生信息（已改正）.xlsx');
  writeFileSync(
    fixed,
    await xlsxBytes(
      templateWorkbook(
        students.filter((_, index) => index !== 5),
        { titleRow: true },
      ),
    ),
  );

  browser = await launchChromium();
  app = await openApp(browser, bridge);
  await login(app.page, admin.userName, admin.password);
  await waitForPath(app.page, '/home');
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `import-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const chooseFile = (path: string) => chooseImportFile(app.page, path);

describe('导入学生', () => {
  it('OPS-2 checks a file with errors row by row, saves nothing, and offers the report as .xlsx', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByText('导入学生').click();
    await waitForPath(page, '/import');
    await chooseFile(withErrors);
    await page.getByTestId('chosen-file').getByText('学生信息.xlsx').waitFor();
    await page.getByRole('button', { name: '检查（不保存）' }).click();
    await page.getByText('有 3 行需要改正').waitFor();
    const table = page.locator('.issue-table');
    await expect(table.innerText()).resolves.toContain('数字格式的单元格，Excel 只保留 15 位有效数字');
    await expect(table.innerText()).resolves.toContain('性别「男生」不在代码表中');
    await expect(table.innerText()).resolves.toMatch(/已登记在.*（一人一籍，规则 OPS-2）/);
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    await screenshot(page, 'import-check-errors.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载错误报告' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^导入检查报告-学生信息-\d{8}-\d{4}\.xlsx$/);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = report.getWorksheet('错误说明')!;
    expect(sheet.getCell(1, 2).value).toBe('错误说明');
    expect(sheet.rowCount).toBe(4);
    expect((await call('listStudents', { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('imports the corrected file in one step, after the clerk confirms', async () => {
    const { page } = app;
    await chooseFile(fixed);
    await page.getByTestId('chosen-file').getByText('学生信息（已改正）.xlsx').waitFor();
    await page.getByRole('button', { name: '检查（不保存）' }).click();
    await page.getByText('全部 99 行都可以导入').waitFor();
    await screenshot(page, 'import-check-clean.png');

    await page.getByRole('button', { name: '确认导入' }).click();
    const box = page.locator('.el-message-box');
    await box.getByText('将导入 99 名学生').waitFor();
    await screenshot(page, 'import-confirm.png', { fullPage: false });
    await box.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成').waitFor();
    await expect(page.locator('.el-alert--success').innerText()).resolves.toContain('已导入 99 名学生');
    await screenshot(page, 'import-done.png');

    expect((await call('listStudents', { limit: 10, offset: 0 })).total).toBe(100);
    const logged = await call('listAuditEvents', { action: 'student.import', limit: 10, offset: 0 });
    expect(logged.rows.map((event) => event.details['students'])).toEqual([99]);
    await page.getByRole('navigation').getByText('学生名册').click();
    await page.getByText('共 100 名学生').waitFor();
    expect(app.problems).toEqual([]);
  });
});
