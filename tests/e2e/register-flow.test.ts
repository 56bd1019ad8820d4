/**
 * The register end to end: school, term and class set up through the
 * screens, a student registered (first with a mistyped ID number), found by
 * part of her name, her contact phone edited with the change in 修改记录,
 * and her name locked as key data (DAT-1). The built renderer in Chromium,
 * core behind the web bridge on an empty data folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../shared/register/identity';
import { type AppPage, openApp } from '../support/appPage';
import { type Bridge, callBridge, startBridge } from '../support/bridge';
import { launchChromium } from '../support/chromium';
import {
  choose,
  clickOption,
  fieldMessage,
  fill,
  heading,
  quietMessages,
  screenshot,
  screenshotsDir,
  waitForPath,
} from '../support/pageActions';
import { termOfToday } from '../support/termOfToday';

const rendererDir = resolve('out/renderer');

const school = { name: '阳泉市城区实验小学', code: '3140302001' };
const admin = { userName: 'wanglaoshi', displayName: '王老师', password: 'Yq-Admin-2026!k' };

/** A girl born 2019-03-01 in 阳泉市城区 (140302). */
const first17 = '14030220190301112';
const validId = `${first17}${residentIdCheckChar(first17)}`;
const wrongCheck = residentIdCheckChar(first17) === '5' ? '6' : '5';
const mistypedId = `${first17}${wrongCheck}`;

/** Picks a division in the division picker with this id by typing part of its name, as clerks do. */
async function pickDivision(page: Page, id: string, search: string, name: string): Promise<void> {
  const input = page.locator(`#${id} .el-cascader input`);
  await input.fill(search);
  await clickOption(page, page.locator('.el-cascader__suggestion-item:visible', { hasText: name }));
  await expect.poll(() => input.inputValue(), { message: id }).toBe(name);
  // The list fades out; the next field's list must not open under a closing one.
  await page.locator('.el-cascader__dropdown:visible').waitFor({ state: 'hidden' });
}

let browser: Browser;
let root: string;
let bridge: Bridge;
let app: AppPage;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-e2e-register-'));
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir });
  const setup = await callBridge(bridge, 'setup', {
    schoolName: school.name,
    schoolCode: school.code,
    adminUserName: admin.userName,
    adminDisplayName: admin.displayName,
    password: admin.password,
  });
  expect(setup.ok).toBe(true);
  await callBridge(bridge, 'confirmRecoveryCodeSaved');
  await callBridge(bridge, 'logout');
  browser = await launchChromium();
  app = await openApp(browser, bridge);
});

/** A failed step leaves the screen it stopped on, to see why. */
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && app) await screenshot(app.page, `register-failed-${task.name.slice(0, 40)}.png`);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await bridge?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('registering a student', () => {
  it('reminds the administrator on 首页 that no term is set', async () => {
    const { page } = app;
    await heading(page, '登录学籍工作台').waitFor();
    await page.getByLabel('用户名').fill(admin.userName);
    await page.getByLabel('密码', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await waitForPath(page, '/home');
    const reminder = page.locator('.term-reminder');
    await expect(reminder.innerText()).resolves.toContain('不在任何已设置的学期内');
    await screenshot(page, 'register-home-reminder.png');
  });

  it('completes the school profile', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '学校信息' }).click();
    await heading(page, '学校信息').waitFor();
    await expect(page.locator('#school-name').inputValue()).resolves.toBe(school.name);
    await choose(page, 'school-type', '小学');
    await choose(page, 'school-ownership', '公办');
    await page.locator('#school-office').fill('教务处');
    await page.locator('#school-officer').fill('王老师');
    await page.locator('#school-phone').fill('0353-20223');
    await expect(fieldMessage(page, 'school-phone').innerText()).resolves.toContain('负责人联系电话');
    await page.locator('#school-phone').fill('0353-2022345');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.el-message--success').last().waitFor();
    await quietMessages(page);
    await screenshot(page, 'register-school.png');
  });

  it('adds the current term, which clears the reminder', async () => {
    const { page } = app;
    const term = termOfToday();
    await page.getByRole('menuitem', { name: '学年学期' }).click();
    await heading(page, '学年学期设置').waitFor();
    await page.locator('.term-reminder').waitFor();
    await page.getByRole('button', { name: '新增学期' }).click();
    const dialog = page.getByRole('dialog', { name: '新增学期' });
    await dialog.locator('#term-year').fill(term.schoolYear);
    await dialog.getByText(term.semester === 1 ? '第一学期' : '第二学期', { exact: true }).click();
    for (const [id, date] of [
      ['term-start', term.start],
      ['term-end', term.end],
    ] as const) {
      await dialog.locator(`#${id}`).fill(date);
      await dialog.locator(`#${id}`).press('Enter');
    }
    await dialog.getByText('学期', { exact: true }).click(); // closes any open calendar
    await screenshot(page, 'register-term-new.png', { fullPage: false });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.el-table__body tr').first();
    await expect(row.innerText()).resolves.toContain('本学期');
    await expect(page.locator('.term-reminder').count()).resolves.toBe(0);
    await quietMessages(page);
    await screenshot(page, 'register-terms.png');
  });

  it('adds a class', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '班级管理' }).click();
    await heading(page, '班级管理').waitFor();
    await page.getByRole('button', { name: '新增班级' }).click();
    const dialog = page.getByRole('dialog', { name: '新增班级' });
    await dialog.locator('#class-number').fill('2');
    await dialog.locator('#class-teacher').fill('张丽');
    await expect(dialog.innerText()).resolves.toContain('一年级（2）班');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.locator('.el-table__body tr').first().innerText()).resolves.toContain('一年级（2）班');
    await quietMessages(page);
    await screenshot(page, 'register-classes.png');
  });

  it('shows the enrollment plan the clerk recorded (ENR-1), with its zone by name', async () => {
    const { page } = app;
    // The bureau's 2025 plan serves 郊区 only: a 城区 household will need the clerk's confirmation (ENR-2).
    const saved = await callBridge(bridge, 'saveEnrollmentPlan', {
      year: 2025,
      places: 180,
      classSize: 45,
      parallelClasses: 4,
      zoneCodes: ['140311'],
      zoneNote: '',
      documentNumber: '阳郊教字〔2025〕8号',
    });
    expect(saved.ok).toBe(true);
    await page.getByRole('menuitem', { name: '招生计划' }).click();
    await heading(page, '招生计划').waitFor();
    const row = page.locator('.el-table__body tr').first();
    await expect(row.innerText()).resolves.toContain('山西省阳泉市郊区');
    await quietMessages(page);
    await screenshot(page, 'register-enrollment-plan.png');
  });

  it('shows a mistyped ID number’s message on the 身份证件号 field', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '学生名册' }).click();
    await heading(page, '学生名册').waitFor();
    // The empty roll offers 登记学生 twice: in the page header and in its empty state.
    await page.getByRole('button', { name: '登记学生' }).first().click();
    await waitForPath(page, '/students/new');
    await heading(page, '登记学生').waitFor();

    await fill(page, 'student-name', '李思涵');
    await fill(page, 'student-idNumber', mistypedId);
    await expect(fieldMessage(page, 'student-idNumber').innerText()).resolves.toContain('校验码');
    for (const id of ['student-birthPlace', 'student-nativePlace', 'student-householdLocation']) {
      await pickDivision(page, id, '阳泉 城区', '山西省 / 阳泉市 / 城区');
    }
    await choose(page, 'student-onlyChild', '是');
    await choose(page, 'student-preschool', '是');
    await choose(page, 'student-householdType', '非农业户口');
    await choose(page, 'student-classId', '一年级（2）班');
    await fill(page, 'student-enrollmentMonth', '202509');
    await choose(page, 'student-enrollmentMethod', '就近入学');
    await fill(page, 'student-phone', '13803530001');
    await fill(page, 'student-postalCode', '045000');
    for (const id of ['student-currentAddress', 'student-mailingAddress', 'student-homeAddress']) {
      await fill(page, id, '阳泉市城区北大街 12 号');
    }
    await fill(page, 'member-0-name', '王秀梅');
    await choose(page, 'member-0-relationship', '母亲');
    await choose(page, 'member-0-isGuardian', '是');
    await fill(page, 'member-0-phone', '13803530002');

    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect(page.url()).toContain('#/students/new');
    await expect(fieldMessage(page, 'student-idNumber').innerText()).resolves.toContain('校验码');
    await quietMessages(page);
    await page.locator('#student-idNumber').scrollIntoViewIfNeeded();
    await screenshot(page, 'register-student-invalid-id.png', { fullPage: false });
  });

  it('registers her with the right ID number, dated and sexed from it, once the clerk confirms ENR-2', async () => {
    const { page } = app;
    await fill(page, 'student-idNumber', validId);
    await expect.poll(() => fieldMessage(page, 'student-idNumber').count()).toBe(0);
    await expect(page.locator('#student-birthDate').inputValue()).resolves.toBe('2019-03-01');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const warnings = page.getByRole('dialog', { name: '登记前请核实（规则 ENR-2）' });
    await expect(warnings.innerText()).resolves.toContain('不在 2025 年招生区域');
    await screenshot(page, 'register-enrollment-warning.png', { fullPage: false });
    await warnings.getByText('我已核实以上情况，确认登记').click();
    await warnings.getByRole('button', { name: '确认登记' }).click();
    await heading(page, '李思涵').waitFor();
    await waitForPath(page, /^#\/students\/\d+$/);
    await expect(app.valueCell('身份证件号').count()).resolves.toBe(0);
    await expect(page.locator('.student-form').innerText()).resolves.toContain(validId);
  });

  it('finds her by the pinyin initials of her name, with the ID number masked in the roll', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: '学生名册' }).click();
    await heading(page, '学生名册').waitFor();
    await page.getByLabel('查找学生').fill('lsh');
    const row = page.locator('.el-table-v2__row', { hasText: '李思涵' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(`${validId.slice(0, 6)}********${validId.slice(-4)}`);
    expect(text).not.toContain(validId);
    expect(text).toContain('女');
    expect(text).toContain('在读');
    await quietMessages(page);
    await screenshot(page, 'register-roll.png');
    await row.click();
    await waitForPath(page, /^#\/students\/\d+$/);
    await heading(page, '李思涵').waitFor();
    await screenshot(page, 'register-student-record.png');
  });

  it('edits 联系电话 and shows the change in 修改记录', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '编辑' }).click();
    await fill(page, 'student-phone', '13903530009');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.el-message--success').last().waitFor();
    await page.getByRole('tab', { name: /修改记录/ }).click();
    const change = page.locator('.el-table__body tr', { hasText: '联系电话' });
    await change.waitFor();
    const cells = await change.locator('td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['联系电话', '13803530001', '13903530009']);
    expect(cells[4]).toBe(admin.userName);
    await quietMessages(page);
    await screenshot(page, 'register-student-history.png');
  });

  it('keeps 姓名 locked as key data (DAT-1), and core refuses a direct change', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByRole('button', { name: '编辑' }).click();
    await expect(page.locator('#student-name').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#student-idNumber').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#student-phone').isDisabled()).resolves.toBe(false);
    const nameItem = page.locator('.el-form-item', { has: page.locator('#student-name') });
    await expect(nameItem.innerText()).resolves.toContain('关键数据须通过基本信息变更申请修改（DAT-1）');
    await screenshot(page, 'register-student-key-fields.png', { fullPage: false });

    const id = Number(/\/students\/(\d+)/.exec(page.url())?.[1]);
    const record = await callBridge(bridge, 'getStudent', id);
    if (!record.ok) throw new Error(record.error.message);
    const refused = await callBridge(bridge, 'updateStudent', id, { ...record.value.basics, name: '李思函' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('RULE_VIOLATION');
    await page.getByRole('button', { name: '取消' }).click();
    expect(app.problems).toEqual([]);
  });

  it('imports her photo, cropped to 26:32 and stored as a 358 × 441 JPG under 60 KB', async () => {
    const { page } = app;
    const picture = join(root, 'photo.png');
    await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#a8d4f0' } })
      .composite([{ input: Buffer.from(faceSvg), top: 200, left: 250 }])
      .png()
      .toFile(picture);
    await page.getByRole('tab', { name: '照片' }).click();
    await page.locator('input[type=file]').setInputFiles(picture);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确定' }).waitFor();
    await screenshot(page, 'register-photo-crop.png', { fullPage: false });
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.locator('.el-message--success').last().waitFor();
    const id = Number(/\/students\/(\d+)/.exec(page.url())?.[1]);
    const record = await callBridge(bridge, 'getStudent', id);
    if (!record.ok) throw new Error(record.error.message);
    expect(record.value.photo).toMatchObject({ width: 358, height: 441 });
    expect(record.value.photo?.bytes).toBeLessThan(60 * 1024);
    await expect(page.locator('.photo-tab').innerText()).resolves.toContain('358 × 441');
    await quietMessages(page);
    await screenshot(page, 'register-student-photo.png');
  });

  it('ticks paper-archive items (SCH-3) and moves her to another class of her grade (调班)', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: /纸质档案/ }).click();
    await page.getByLabel('户口簿户主页和本人页复印件 有').check();
    await page.getByRole('button', { name: '保存核对结果' }).click();
    await page.locator('.el-message--success').last().waitFor();
    await expect(page.getByRole('tab', { name: /纸质档案/ }).innerText()).resolves.toContain('1/');
    await quietMessages(page);
    await screenshot(page, 'register-student-archive.png');

    const added = await callBridge(bridge, 'saveClass', { grade: 1, number: 3, headTeacher: '赵老师', capacity: 45 });
    expect(added.ok).toBe(true);
    await page.reload(); // the new class was added behind the screen's back
    await heading(page, '李思涵').waitFor();
    await page.getByRole('button', { name: '调班' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('一年级（3）班').click();
    await dialog.locator('#class-change-reason').fill('家长申请，随双胞胎姐姐同班');
    await screenshot(page, 'register-class-change.png', { fullPage: false });
    await dialog.getByRole('button', { name: '确定调班' }).click();
    await page.locator('.el-message--success').last().waitFor();
    await page.getByRole('tab', { name: /修改记录/ }).click();
    const change = page.locator('.el-table__body tr', { hasText: '班级' });
    await expect(change.locator('td').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['班级', '一年级（2）班', '一年级（3）班']),
    );
    expect(app.problems).toEqual([]);
  });
});

/** A plain head-and-shoulders outline, enough for the crop frame to have something to frame. */
const faceSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="700">
  <ellipse cx="200" cy="180" rx="110" ry="140" fill="#f1c7a5"/>
  <rect x="40" y="360" width="320" height="340" rx="120" fill="#2d4b7a"/>
</svg>`;
