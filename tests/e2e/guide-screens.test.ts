/**
 * The user guide's walk (docs/用户手册.md): each step the guide describes,
 * done as the clerk or the administrator does it in the built renderer, with
 * what the guide says they see asserted, and one PNG per figure. Set-up that
 * is not the step being shown goes through the contract. Generated students
 * of a school named 演示数据 on a fixed day (Monday 14 September 2026, early
 * in the first term, inside the transfer window).
 *
 * With XUEJIDESK_GUIDE_SHOTS=1 (`npm run guide:screens`) the figures are
 * written into docs/images/guide/ for the guide; otherwise into
 * test-results/guide/, so `npm test` never rewrites committed files.
 *
 * Longer than ~400 lines on purpose: it is one walk, in the guide's order.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { EvidenceKind } from '../../shared/changes/evidence';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { type AppPage, openApp, windowSize } from '../support/appPage';
import { type Bridge, callBridge, callBridgeOrThrow, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import { demoSchool } from '../support/demo';
import { cellOf, templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { fill, heading, login, quietMessages, waitForPath } from '../support/pageActions';
import { generateSchool } from '../support/schoolGenerator';
import { chooseImportFile, exportVerdict, formPreview } from '../support/screens';

const rendererDir = resolve('out/renderer');
const failuresDir = resolve('test-results/e2e');
const figuresDir = resolve(process.env['XUEJIDESK_GUIDE_SHOTS'] === '1' ? 'docs/images/guide' : 'test-results/guide');

/** 2026-09-14 09:00 in Yangquan: a Monday, two weeks into the 2026-2027 first term. */
const start = new Date('2026-09-14T09:00:00+08:00');
const today = '2026-09-14';
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };
const clerk = {
  userName: 'zhanglaoshi',
  displayName: '张老师',
  initial: 'Chu-Shi-2026!x',
  password: 'Xue-Ji-Zhang-2026!m',
};
const profile = {
  name: demoSchool.schoolName,
  code: demoSchool.schoolCode,
  type: '312',
  ownership: '1',
  provincialModel: false,
  enrollmentZone: '阳泉市城区（演示）',
  registerOffice: '教务处学籍室',
  registerOfficer: '张老师',
  officerPhone: '0353-2020000',
};
const school = generateSchool({ seed: 2026, studentCount: 370, startYear: 2026 });

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;
const classIds = new Map<number, number>();
/** Students of the walk, by grade: the first of each class. */
const studentsByGrade = new Map<number, { id: number; name: string }[]>();

const call = <M extends ApiMethod>(method: M, ...args: ApiArgs<M>): Promise<ApiValue<M>> =>
  callBridgeOrThrow(bridge, method, ...args);

/**
 * One figure of the guide: the window (or one region of it), without hover or focus, as a small palette PNG.
 * The page is shown from its top unless the step scrolled to what the figure is about.
 */
async function figure(
  page: Page,
  name: string,
  options: { region?: Locator; keepFocus?: boolean; keepScroll?: boolean } = {},
): Promise<void> {
  await page.mouse.move(windowSize.width - 1, windowSize.height - 1);
  if (!options.keepFocus) await page.evaluate('document.activeElement?.blur()');
  if (!options.keepScroll) await page.evaluate('window.scrollTo(0, 0)');
  const png = options.region
    ? await options.region.screenshot({ animations: 'disabled' })
    : await page.screenshot({ animations: 'disabled' });
  await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toFile(join(figuresDir, name));
}

/** A screen from the side navigation (opened by its address when its group is folded). */
async function openScreen(page: Page, title: string, path: string, pageHeading = title): Promise<void> {
  const item = page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: title, exact: true });
  if (await item.isVisible()) await item.click();
  else await page.evaluate(`location.hash = '#${path}'`);
  await heading(page, pageHeading).waitFor();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await waitForPath(page, '/login');
}

async function openRecord(page: Page, student: { id: number; name: string }): Promise<void> {
  await page.evaluate(`location.hash = '#/students/${student.id}'`);
  await heading(page, student.name).waitFor();
}

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

/** Sets up everything the screens shown are not about: the school's data, through the contract. */
async function fillSchool(): Promise<void> {
  await call('updateSchoolProfile', profile);
  await call('saveTerm', { schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' });
  await call('saveTerm', { schoolYear: '2026-2027', semester: 2, startDate: '2027-02-24', endDate: '2027-07-10' });
  for (const { grade, number, headTeacher } of school.classes) {
    const saved = await call('saveClass', { grade, number, headTeacher, capacity: 45 });
    classIds.set(grade, saved.find((c) => c.grade === grade && c.number === number)!.id);
  }
  for (const { classIndex, basics } of school.students) {
    const grade = school.classes[classIndex]!.grade;
    const { student } = await call('registerStudent', classIds.get(grade)!, basics, [
      'overPlan',
      'overClassSize',
      'outsideZone',
    ]);
    studentsByGrade.set(grade, [...(studentsByGrade.get(grade) ?? []), { id: student.id, name: student.name }]);
  }
  // 毕业生材料 (GRD-2): the first ninth-graders already have their study history and comment.
  for (const graduate of studentsByGrade.get(9)!.slice(0, 12)) {
    await call('saveStudyHistory', graduate.id, [
      { fromMonth: '201809', toMonth: '', school: profile.name, role: '', witness: '班主任' },
    ]);
    await call('saveGraduationComment', graduate.id, {
      text: '该生品学兼优，积极参加集体活动。',
      author: '班主任',
      date: today,
    });
  }
  // 首页待办: one change request ten days old (overdue, DAT-1), one from today.
  for (const [student, appliedOn] of [
    [studentsByGrade.get(4)![0]!, '2026-09-04'],
    [studentsByGrade.get(6)![0]!, today],
  ] as const) {
    await call('openCase', {
      kind: 'basicInfoChange',
      appliedOn,
      reason: '家长更换了联系电话',
      studentId: student.id,
      items: [{ field: 'phone', after: '13912345678' }],
    });
  }
}

beforeAll(async () => {
  mkdirSync(figuresDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-guide-'));
  const usb = join(root, 'U盘');
  mkdirSync(usb);
  const elapsedSince = Date.now();
  bridge = await startBridge({
    dataFolder: join(root, 'data'),
    rendererDir,
    now: () => new Date(start.getTime() + (Date.now() - elapsedSince)),
    chooseFolder: async (purpose: FolderPurpose) => (purpose === 'export' || purpose === 'backup' ? usb : null),
    dailyBackup: true,
  });
  browser = await launchChromium();
  app = await openApp(browser, bridge);
  // The page's clock is set once its first load is over (a reload mid-load cancels requests in flight).
  await app.page.waitForLoadState('networkidle');
  await app.page.clock.setFixedTime(start);
  await app.page.reload();
}, 120_000);

/** A failed step leaves the screen it stopped on, never among the guide's figures. */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail' || !app) return;
  mkdirSync(failuresDir, { recursive: true });
  await app.page.screenshot({ path: join(failuresDir, `guide-failed-${task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('用户手册', () => {
  it('首次设置: the school, the first administrator and the recovery code shown once', async () => {
    const { page } = app;
    await waitForPath(page, '/setup');
    await heading(page, '设置向导').waitFor();
    await page.getByLabel('学校名称').fill(profile.name);
    await page.getByLabel('学校标识码').fill(profile.code);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('用户名').fill(admin.userName);
    await page.getByLabel('姓名').fill(admin.displayName);
    await page.getByLabel('密码', { exact: true }).fill('wanglaoshi2026');
    await expect(page.locator('.password-hints').innerText()).resolves.toContain('密码不能包含用户名。');
    await page.getByLabel('密码', { exact: true }).fill(admin.password);
    await page.getByLabel('再次输入密码').fill(admin.password);
    await page.locator('.password-hints .fine').waitFor();
    await figure(page, 'setup-admin.png', { region: page.locator('.auth-card') });
    await page.getByRole('button', { name: '完成设置' }).click();

    await page.getByTestId('recovery-code').waitFor();
    await expect(page.getByText('恢复码只显示这一次').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '继续' }).isDisabled()).resolves.toBe(true);
    await figure(page, 'recovery-code.png', { region: page.locator('.auth-card') });
    await page.getByRole('button', { name: '打印恢复码保管单' }).click();
    const preview = formPreview(page);
    await preview.locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 15_000 });
    await expect(preview.locator('.el-dialog__title').innerText()).resolves.toBe('《恢复码保管单》');
    await expect(preview.getByRole('button', { name: '另存为' }).count()).resolves.toBe(0);
    await preview.getByRole('button', { name: '关闭', exact: true }).click();
    await preview.waitFor({ state: 'hidden' });
    await page.getByText('我已将恢复码抄写或打印并妥善保管').click();
    await page.getByRole('button', { name: '继续' }).click();
    await waitForPath(page, '/home');
    await expect(page.locator('.term-reminder').innerText()).resolves.toContain('不在任何已设置的学期内');
  });

  it('学校信息、学年学期、班级 and a 学籍员 account, as the administrator keeps them', async () => {
    const { page } = app;
    await fillSchool();
    await openScreen(page, '学校信息', '/school');
    await expect(page.locator('#school-name').inputValue()).resolves.toBe(profile.name);
    await figure(page, 'school.png');
    await openScreen(page, '学年学期', '/terms', '学年学期设置');
    await expect(page.locator('.el-table__body tr', { hasText: '本学期' }).innerText()).resolves.toContain('第一学期');
    await figure(page, 'terms.png');
    await openScreen(page, '班级管理', '/classes');
    await expect(page.locator('.el-table__body tr').count()).resolves.toBe(9);
    await figure(page, 'classes.png');

    await openScreen(page, '账号管理', '/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill(clerk.userName);
    await dialog.getByLabel('姓名').fill(clerk.displayName);
    await expect(dialog.getByRole('radio', { name: /学籍员/ }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('初始密码').fill(clerk.initial);
    await dialog.locator('.password-hints .fine').waitFor();
    await dialog.getByRole('button', { name: '新建' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await quietMessages(page);
    await logout(page);
  });

  it('每日登录: the clerk changes the initial password first, then lands on 首页待办', async () => {
    const { page } = app;
    await login(page, clerk.userName, 'Chu-Shi-2026!y');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('用户名或密码不正确，还可尝试 4 次，之后账号将被临时锁定。');
    await login(page, clerk.userName, clerk.initial);
    await waitForPath(page, '/change-password');
    await page.getByRole('alert').filter({ hasText: '这是管理员设置的初始密码' }).waitFor();
    await page.getByLabel('当前密码').fill(clerk.initial);
    await page.getByLabel('新密码', { exact: true }).fill(clerk.password);
    await page.getByLabel('再次输入新密码').fill(clerk.password);
    await page.locator('.password-hints .fine').waitFor();
    await figure(page, 'change-password.png', { region: page.locator('.auth-card') });
    await page.getByRole('button', { name: '修改密码' }).click();
    await waitForPath(page, '/home');
    await heading(page, `您好，${clerk.displayName}`).waitFor();
    await expect(page.locator('.open-cases .number').innerText()).resolves.toBe('2');
    await expect(page.locator('.overdue-cases .number').innerText()).resolves.toBe('1');
    await expect(page.locator('.case-rows li').first().innerText()).resolves.toContain('已逾期 3 天');
    await expect(page.locator('.dashboard-verification').innerText()).resolves.toContain('已核对 0 / 370 人');
    await expect(page.locator('.status-term').innerText()).resolves.toContain('2026-2027');
    await expect(page.locator('.status-transfer').innerText()).resolves.toContain('转学办理期内');
    const nav = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(nav).not.toContain('账号管理');
    await quietMessages(page);
    await figure(page, 'home.png');
  });

  it('锁屏: the account menu locks the screen; the password opens it again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '锁屏' }).click();
    const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
    await lock.waitFor();
    await expect(lock.innerText()).resolves.toContain('10 分钟无操作也会自动锁屏');
    await expect(lock.innerText()).resolves.toMatch(/切换用户\s*（将退出当前账号，未保存的内容会丢失）/);
    await figure(page, 'lock-screen.png');
    await lock.getByLabel('密码').fill(clerk.password);
    await lock.getByRole('button', { name: '解锁' }).click();
    await lock.waitFor({ state: 'detached' });
  });

  it('登记学生: the birth date and sex follow from the ID number', async () => {
    const { page } = app;
    await openScreen(page, '学生名册', '/students');
    await expect(page.locator('.roll-count').innerText()).resolves.toBe('共 370 名学生');
    await page.getByRole('button', { name: '登记学生' }).first().click();
    await heading(page, '登记学生').waitFor();
    const newcomer = templateStudents(1, 77, 2026).students[0]!.basics;
    await fill(page, 'student-name', newcomer.name);
    await fill(page, 'student-idNumber', newcomer.idNumber);
    await expect(page.locator('#student-birthDate').inputValue()).resolves.toBe(newcomer.birthDate);
    await figure(page, 'student-new.png');
    await page.getByRole('button', { name: '取消' }).click();
    await heading(page, '学生名册').waitFor();
  });

  it('导入学生: 检查（不保存） lists each row to correct and imports nothing', async () => {
    const { page } = app;
    const { students } = templateStudents(40, 31, 2026);
    const book = templateWorkbook(students, { titleRow: true });
    cellOf(book, 3, '性别★', 2).value = '男生';
    cellOf(book, 7, '身份证件号', 2).value = Number(students[7]!.basics.idNumber.slice(0, 15)) * 1000;
    const file = join(root, '一年级新生.xlsx');
    writeFileSync(file, await xlsxBytes(book));
    await openScreen(page, '导入学生', '/import');
    await chooseImportFile(page, file);
    await page.getByRole('button', { name: '检查（不保存）' }).click();
    await page.getByText('有 2 行需要改正').waitFor();
    await expect(page.locator('.issue-table').innerText()).resolves.toContain('性别「男生」不在代码表中');
    await expect(page.getByRole('button', { name: '确认导入' }).count()).resolves.toBe(0);
    await figure(page, 'import-check.png');
    expect((await call('listStudents', { limit: 1, offset: 0 })).total).toBe(370);
  });

  it('学籍异动: 办理学籍异动 offers the movements the status allows; 休学 is submitted with its 办理须知', async () => {
    const { page } = app;
    const student = studentsByGrade.get(8)![0]!;
    await openRecord(page, student);
    await page.getByRole('button', { name: /办理学籍异动/ }).click();
    const menu = page.locator('.case-menu');
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allInnerTexts();
    expect(items.map((text) => text.trim())).toEqual(['转出', '休学', '留级', '死亡', '出国', '申请变更基本信息']);
    await figure(page, 'case-menu.png', { keepFocus: true });
    await menu.getByRole('menuitem', { name: '休学', exact: true }).click();
    await heading(page, '办理休学').waitFor();
    await page.getByText('不可抗力（须有关部门出具的证明）').click();
    for (const [id, day] of [
      ['suspension-start', today],
      ['suspension-end', '2027-01-20'],
    ] as const) {
      await page.locator(`#${id}`).fill(day);
      await page.locator(`#${id}`).press('Enter');
    }
    await fill(page, 'case-reason', '家中房屋受灾，随家长异地安置一学期');
    await page.locator('.case-refusals .passed').waitFor();
    const guide = await page.locator('.case-guide').innerText();
    expect(guide).toContain('本校 → 县（区）教育局');
    expect(guide).toContain('有关部门出具的不可抗力证明');
    await figure(page, 'case-new.png');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await waitForPath(page, /^#\/cases\/\d+$/);
    await upload(page, 'signedForm', '休学申请表.png');
    await upload(page, 'forceMajeureCertificate', '受灾证明.png');
    await page.getByRole('heading', { name: '录入审核结果：本校' }).waitFor();
    await fill(page, 'decision-by', '李校长');
    await page.getByRole('button', { name: '录入：同意' }).click();
    await page.getByRole('heading', { name: '录入审核结果：县（区）教育局' }).waitFor();
    await quietMessages(page);
    await page.getByRole('heading', { name: '佐证材料' }).evaluate((title) => title.scrollIntoView());
    await figure(page, 'case-page.png', { keepScroll: true });
    await fill(page, 'decision-by', '赵科长');
    await fill(page, 'decision-number', '城教学籍〔2026〕12号');
    await page.getByRole('button', { name: '录入：同意' }).click();
    const box = page.locator('.el-message-box');
    await expect(box.innerText()).resolves.toContain('这是最后一步审核');
    await box.getByRole('button', { name: '录入：同意' }).click();
    await page.locator('.case-header .status', { hasText: '已办结' }).waitFor();
    await openRecord(page, student);
    await expect(page.locator('main').innerText()).resolves.toContain('休学');
  });

  it('TRF-1: a first-grader cannot transfer within the city, and 提交 stays disabled', async () => {
    const { page } = app;
    await openRecord(page, studentsByGrade.get(1)![0]!);
    await page.getByRole('button', { name: /办理学籍异动/ }).click();
    await page.locator('.case-menu').getByRole('menuitem', { name: '转出', exact: true }).click();
    await heading(page, '办理转出').waitFor();
    await fill(page, 'transfer-school-name', '阳泉市示例路小学（演示）');
    await page.locator('.el-select__wrapper', { has: page.locator('#transfer-school-type') }).click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^小学$/ }).click();
    await page.locator('#transfer-school-ownership').getByText('公办').click();
    await page.locator('#transfer-school-inCity').getByText('是').click();
    await page.getByText('家庭居住地迁移且户籍已迁入', { exact: true }).click();
    await page.locator('.el-select__wrapper', { has: page.locator('#transfer-scope') }).click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^跨县（区）$/ }).click();
    await page.getByText('户籍已迁入新居住地', { exact: true }).click();
    await fill(page, 'case-reason', '全家迁往郊区，户口已迁入');
    const refusals = page.locator('.case-refusals .refusals');
    await refusals.waitFor();
    await expect(refusals.innerText()).resolves.toContain('起始年级（一年级）的学生不能在阳泉市内转学（规则 TRF-1）');
    await expect(page.getByRole('button', { name: '提交', exact: true }).isDisabled()).resolves.toBe(true);
    await quietMessages(page);
    await figure(page, 'transfer-refused.png');
    await page.getByRole('button', { name: '取消' }).click();
    await heading(page, studentsByGrade.get(1)![0]!.name).waitFor();
    // A student who never studied here is transferred in from 学籍异动 → 新建事项.
    await openScreen(page, '学籍异动', '/cases');
    await page.getByRole('button', { name: '新建事项' }).click();
    await heading(page, '新建学籍事项').waitFor();
    await page.getByRole('link', { name: '办理转入' }).waitFor();
  });

  it('打印表格: the 学籍卡 opens in the preview with its 表格编号', async () => {
    const { page } = app;
    await openRecord(page, studentsByGrade.get(3)![0]!);
    await page.getByRole('button', { name: /^打印/ }).click();
    await page.getByRole('menuitem', { name: '学籍卡' }).click();
    const preview = formPreview(page);
    await preview.locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 20_000 });
    await expect(preview.locator('.form-number').innerText()).resolves.toMatch(/^1114039999-2026-\d{6}$/);
    await figure(page, 'form-preview.png');
    await preview.getByRole('button', { name: '关闭', exact: true }).click();
    await preview.waitFor({ state: 'hidden' });
  });

  it('每学期核对: a class confirmed on 学籍核对', async () => {
    const { page } = app;
    await openScreen(page, '学籍核对', '/verification');
    await page.evaluate(`location.hash = '#/verification?class=${classIds.get(2)}'`);
    await page.locator('.verification-table .el-table__body tr').first().waitFor();
    await page.getByLabel('全选未核对的学生').click();
    const count = (await page.locator('.verification-table .el-table__body tr').count()).toString();
    await page.getByRole('button', { name: `确认已核对（${count} 人）` }).click();
    const box = page.locator('.el-message-box');
    await expect(box.innerText()).resolves.toContain(`请确认您已逐一核对这 ${count} 名学生`);
    await box.getByRole('button', { name: '确认已核对' }).click();
    await expect.poll(() => page.locator('.progress-text').innerText()).toBe(`已核对 ${count} / ${count} 人`);
    await quietMessages(page);
    await figure(page, 'verification.png');
  });

  it('毕业办理 lists who lacks a 学习简历 or 毕业评语; 学年升级 shows its preview first', async () => {
    const { page } = app;
    await openScreen(page, '毕业办理', '/graduation');
    await page.locator('.candidate-table .candidates').waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('打开学生档案，填写学习简历、毕业评语');
    await page.locator('.el-radio-button', { hasText: '九年级' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('共 41 人，可办理 12 人');
    await figure(page, 'graduation.png');
    await openScreen(page, '学年升级', '/promotion');
    await expect(page.locator('main').innerText()).resolves.toContain('升级预览：');
    await figure(page, 'promotion.png');
  });

  it('导出审查材料: the folder on the stick, then 校验 says nothing changed', async () => {
    const { page } = app;
    await openScreen(page, '导出审查材料', '/export');
    await page.getByRole('button', { name: '选择文件夹并导出…' }).click();
    await page.locator('.export-result').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '校验刚导出的材料' }).click();
    await exportVerdict(page).waitFor();
    await expect(exportVerdict(page).innerText()).resolves.toContain('材料完整，没有被改动');
    await quietMessages(page);
    await figure(page, 'export.png');
  });

  it('自查报告: each item of the inspection guidelines answered from the school’s own data, and its PDF', async () => {
    const { page } = app;
    await openScreen(page, '自查报告', '/inspection');
    await page.locator('.inspection-summary').waitFor({ timeout: 30_000 });
    await expect(page.locator('.inspection-summary').innerText()).resolves.toContain(
      '自查范围：2026-2027学年 第一学期',
    );
    const term = page.locator('article.item[data-item="school.term"]');
    await expect(term.locator('.verdict').innerText()).resolves.toBe('符合');
    const sections = await page.locator('.inspection-section .card-title').allInnerTexts();
    expect(sections).toEqual(['一、学校管理', '二、学籍管理', '三、安全保障', '四、其他要求']);
    await figure(page, 'inspection.png');
    await page.getByRole('button', { name: '生成自查报告（PDF）' }).click();
    const preview = formPreview(page);
    await preview.locator('canvas[data-page="1"]:not([aria-busy])').waitFor({ timeout: 30_000 });
    await expect(preview.locator('.el-dialog__title').innerText()).resolves.toBe('《学籍管理工作自查报告》');
    await preview.getByRole('button', { name: '关闭', exact: true }).click();
    await preview.waitFor({ state: 'hidden' });
  });

  it('备份: the day’s automatic backup and 立即备份', async () => {
    const { page } = app;
    await openScreen(page, '备份与恢复', '/backups');
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.locator('.el-message--success').waitFor();
    const rows = page.locator('.backup-table .el-table__body tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await expect(rows.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('每日自动'), expect.stringContaining('手动')]),
    );
    await quietMessages(page);
    await figure(page, 'backups.png');
    await logout(page);
  });

  it('被锁定: five wrong passwords lock the account; the administrator unlocks it by 重置密码', async () => {
    const { page } = app;
    for (let attempt = 1; attempt <= 5; attempt += 1)
      await callBridge(bridge, 'login', { userName: clerk.userName, password: `Wrong-${attempt}!x` });
    await login(page, clerk.userName, clerk.password);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('连续登录失败次数过多，账号已锁定');
    await figure(page, 'login-locked.png');
    await login(page, admin.userName, admin.password);
    await waitForPath(page, '/home');
    await openScreen(page, '账号管理', '/accounts');
    const row = page.locator('.el-table__body tr', { hasText: clerk.userName });
    await expect(row.innerText()).resolves.toContain('已锁定');
    await expect(row.innerText()).resolves.toMatch(/2026-09-14 09:1\d/);
    await figure(page, 'accounts-locked.png');
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog', { name: '重置密码' });
    await dialog.getByLabel('新的初始密码').fill('Chong-Zhi-2026!q');
    await dialog.locator('.password-hints .fine').waitFor();
    await expect(dialog.innerText()).resolves.toContain('账号如因登录失败被锁定，也会一并解锁');
    await figure(page, 'account-reset.png');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('访问日志: every step logged, the chain checked', async () => {
    const { page } = app;
    await openScreen(page, '访问日志', '/audit');
    await page.locator('.chain-card.chain-ok').waitFor();
    await page.locator('.el-table__body tr').first().waitFor();
    const actions = await page.locator('.el-table__body tr td:nth-child(5)').allInnerTexts();
    expect(actions).toEqual(expect.arrayContaining(['重置密码', '登录失败']));
    await quietMessages(page);
    await figure(page, 'audit-log.png');
    expect(app.problems).toEqual([]);
  });
});
