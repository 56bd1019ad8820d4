/**
 * Printed forms in the window: 预览表格 on a case, 打印 on a student's record
 * and on each class, the preview with its title, 表格编号, 校验码 and pages,
 * 另存为 and 打印 each logged with the number before the form leaves the app,
 * and core's refusals (生僻字 no font has) shown in the preview. pdf.js is
 * replaced (happy-dom cannot draw): see fakePdf.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDocument } from '../../shared/forms/forms';
import type { SchoolClass, StudentRecord } from '../../shared/register/students';
import { failure, removeFakeApi } from './fakeApi';
import { a4Landscape, fakeBlobUrls, fakePdf } from './fakePdf';
import {
  auditorSession,
  clerkSession,
  generatedForm,
  girlRecord,
  nameChangeCase,
  schoolProfile,
  signedIn,
} from './fixtures';
import { bodyText, type MountedApp, mountApp } from './mountApp';

const pdf = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('../../renderer/src/composables/pdfPages', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  openPdf: pdf.open,
}));

let app: MountedApp | undefined;
let blobs: ReturnType<typeof fakeBlobUrls>;

beforeEach(() => {
  document.body.innerHTML = '';
  blobs = fakeBlobUrls();
  pdf.open.mockReset();
  pdf.open.mockImplementation(async () => fakePdf());
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

/** The 中职 school's 毕业生信息登记表 needs a 中职 profile and a class of it. */
const vocational = {
  getSchoolProfile: { ...schoolProfile, type: '360', provincialModel: false },
  listClasses: [
    { id: 5, grade: 12, number: 1, label: '高三（1）班', headTeacher: '', capacity: 45, studentCount: 40 },
  ] satisfies SchoolClass[],
};
const student = (changes: Partial<StudentRecord>): StudentRecord => ({ ...girlRecord, ...changes });

/** A roster of two landscape pages. */
const roster: FormDocument = {
  ...generatedForm,
  form: 'classRoster',
  title: '花名册',
  fileName: '花名册_一年级（2）班.pdf',
  formNumber: '1114000001-2026-000002',
  verificationCode: '77AB-0C1D',
  pages: 2,
};

const preview = (): HTMLElement => {
  const found = document.querySelector<HTMLElement>('.el-dialog.form-preview');
  if (!found) throw new Error('no preview');
  return found;
};
const previewTitle = (): string => preview().querySelector('.el-dialog__title')?.textContent?.trim() ?? '';

function buttonIn(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, '') === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

async function click(root: ParentNode, text: string): Promise<void> {
  buttonIn(root, text).click();
  await app!.settle();
}

/** Opens a 打印 ▾ menu (the page's, or a table row's) and reads its items. */
async function printMenu(root: ParentNode = document): Promise<string[]> {
  await click(root, '打印▾');
  return [...document.querySelectorAll<HTMLElement>('.print-menu .el-dropdown-menu__item')]
    .filter((item) => item.closest('[style*="display: none"]') === null)
    .map((item) => item.textContent?.trim() ?? '');
}

async function choose(label: string): Promise<void> {
  [...document.querySelectorAll<HTMLElement>('.print-menu .el-dropdown-menu__item')]
    .find((item) => item.textContent?.trim() === label && item.closest('[style*="display: none"]') === null)!
    .click();
  await app!.settle();
}

const classRow = (label: string): HTMLElement =>
  [...document.querySelectorAll<HTMLElement>('.el-table__body tr')].find((tr) => tr.textContent?.includes(label))!;

describe('预览表格 on a case', { timeout: 30_000 }, () => {
  it('generates the case’s form and shows its title, number, verification code and page', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    await click(document.querySelector('.case-facts')!, '预览表格');
    expect(app.fake.args.generateForm).toEqual([[{ form: 'case', caseId: 3 }]]);
    expect(previewTitle()).toBe('《阳泉市中小学生基本信息变更申请表》');
    const facts = preview().querySelector('.form-facts')!.textContent!.replace(/\s+/g, ' ');
    expect(facts).toContain('表格编号 1114000001-2026-000001');
    expect(facts).toContain('校验码 3F9A-1C2B');
    expect(facts).toContain('共 1 页');
    // The PDF core sent is the one pdf.js opens, drawn on one canvas per page.
    const opened = pdf.open.mock.calls[0]![0] as Uint8Array;
    expect(new TextDecoder().decode(opened.slice(0, 5))).toBe('%PDF-');
    expect([...preview().querySelectorAll('canvas')].map((c) => c.getAttribute('aria-label'))).toEqual(['第 1 页']);
  });

  it('offers no preview for a case that prints no form', async () => {
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      getCase: { ...nameChangeCase, kind: 'rewardPunishmentChange', form: null },
    });
    expect(document.querySelector('.case-facts')!.textContent).toContain('无需打印表格');
    expect(() => buttonIn(document, '预览表格')).toThrow();
  });

  it('shows core’s refusal of a form holding characters no font has (生僻字)', async () => {
    const refusal =
      '表格中的“𠮷”（U+20BB7）在表格字体中没有字形，无法打印。请管理员在“学校信息”中添加包含这些字的后备字体后再生成。';
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      generateForm: failure('RULE_VIOLATION', refusal),
    });
    await click(document.querySelector('.case-facts')!, '预览表格');
    const alert = preview().querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain('无法生成表格');
    expect(alert).toContain(refusal);
    expect(previewTitle()).toBe('阳泉市中小学生基本信息变更申请表');
    expect(pdf.open).not.toHaveBeenCalled();
    expect(buttonIn(preview().parentElement!, '打印').disabled).toBe(true);
  });
});

describe('另存为 and 打印', { timeout: 30_000 }, () => {
  it('另存为 logs the save with the form number, then hands the PDF to the save dialog', async () => {
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    const saved: { name: string; href: string; logged: number }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href, logged: app!.fake.calls['recordFormOutput'] ?? 0 });
    });
    await click(document.querySelector('.case-facts')!, '预览表格');
    await click(preview().parentElement!, '另存为');
    expect(app.fake.args.recordFormOutput).toEqual([['1114000001-2026-000001', 'save']]);
    expect(saved).toEqual([
      {
        name: '基本信息变更申请表_李思涵_1114000001-2026-000001.pdf',
        href: expect.stringMatching(/^blob:/),
        logged: 1,
      },
    ]);
    expect(bodyText()).toContain('表格 1114000001-2026-000001 的保存已记入访问日志');
  });

  it('打印 draws each page for paper at print resolution, logs the print, then opens the print dialog', async () => {
    const opened = fakePdf([a4Landscape, a4Landscape]);
    pdf.open.mockImplementation(async () => opened);
    app = await mountApp('/classes', { status: signedIn(clerkSession), generateForm: roster });
    const print = vi.fn(() => expect(app!.fake.args.recordFormOutput).toEqual([[roster.formNumber, 'print']]));
    Object.defineProperty(window, 'print', { value: print, configurable: true }); // happy-dom has none
    expect(await printMenu(classRow('一年级（2）班'))).toEqual(['花名册', '全班学籍卡']);
    await choose('花名册');
    expect(app.fake.args.generateForm).toEqual([[{ form: 'classRoster', classId: 1 }]]);
    expect(previewTitle()).toBe('《花名册》');
    expect(preview().querySelector('.form-facts')!.textContent).toContain('共 2 页');
    expect(preview().querySelectorAll('canvas')).toHaveLength(2);

    await click(preview().parentElement!, '打印');
    expect(opened.picture.mock.calls).toEqual([
      [1, 200],
      [2, 200],
    ]);
    expect(print).toHaveBeenCalledTimes(1);
    // The printed sheet: one landscape A4 page per PDF page, and nothing else of the window.
    const sheet = document.querySelector('body > .print-sheet')!;
    expect([...sheet.querySelectorAll('.paper-page')].map((page) => page.className)).toEqual([
      'paper-page landscape',
      'paper-page landscape',
    ]);
    expect(sheet.querySelectorAll('img')).toHaveLength(2);

    // Closing the preview forgets the form, its pictures and the PDF.
    await click(preview().parentElement!, '关闭');
    expect(document.querySelector('body > .print-sheet')).toBeNull();
    expect(blobs.live.size).toBe(0);
    expect(opened.close).toHaveBeenCalled();
  });

  it('neither saves nor prints when the access log did not take the output', async () => {
    app = await mountApp('/cases/3', {
      status: signedIn(clerkSession),
      recordFormOutput: failure('READ_ONLY', '数据文件夹无法写入，访问日志没有记录。'),
    });
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click(document.querySelector('.case-facts')!, '预览表格');
    await click(preview().parentElement!, '另存为');
    await click(preview().parentElement!, '打印');
    expect(app.fake.args.recordFormOutput).toEqual([
      ['1114000001-2026-000001', 'save'],
      ['1114000001-2026-000001', 'print'],
    ]);
    expect(download).not.toHaveBeenCalled();
    expect(print).not.toHaveBeenCalled();
    expect(preview().textContent).toContain('没有记入访问日志，表格没有打印或保存');
    expect(preview().textContent).toContain('数据文件夹无法写入，访问日志没有记录。');
  });

  it('still offers 另存为 when the window cannot draw the form', async () => {
    pdf.open.mockImplementation(async () => {
      throw new Error('Invalid PDF structure');
    });
    app = await mountApp('/cases/3', { status: signedIn(clerkSession) });
    await click(document.querySelector('.case-facts')!, '预览表格');
    expect(preview().textContent).toContain('无法在窗口中显示或打印这份表格');
    expect(buttonIn(preview().parentElement!, '另存为').disabled).toBe(false);
    expect(buttonIn(preview().parentElement!, '打印').disabled).toBe(true);
  });
});

describe('打印 on a student’s record and on a class', { timeout: 30_000 }, () => {
  it('offers the 学籍卡 of a student of an ordinary school, and generates it', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    expect(await printMenu()).toEqual(['学籍卡']);
    await choose('学籍卡');
    expect(app.fake.args.generateForm).toEqual([[{ form: 'studentCard', studentId: 7 }]]);
  });

  it('VOC-2 offers a 中职 student the 毕业生信息登记表 too', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      ...vocational,
      getStudent: student({ classId: 5, classLabel: '高三（1）班' }),
    });
    expect(await printMenu()).toEqual(['学籍卡', '毕业生信息登记表']);
    await choose('毕业生信息登记表');
    expect(app.fake.args.generateForm).toEqual([[{ form: 'graduateRegistration', studentId: 7 }]]);
  });

  it('VOC-2 offers no 毕业生信息登记表 for a 中职 student who left', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      ...vocational,
      getStudent: student({ classId: 5, classLabel: '高三（1）班', status: 'droppedOut' }),
    });
    expect(await printMenu()).toEqual(['学籍卡']);
  });

  it('generates every student’s card of a class, for 审计员 too', async () => {
    app = await mountApp('/classes', { status: signedIn(auditorSession) });
    expect(await printMenu(classRow('七年级（1）班'))).toEqual(['花名册', '全班学籍卡']);
    await choose('全班学籍卡');
    expect(app.fake.args.generateForm).toEqual([[{ form: 'classStudentCards', classId: 2 }]]);
  });
});
