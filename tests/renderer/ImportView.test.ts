/**
 * 导入学生: choosing the file (its size checked before it is read), placing
 * the rows, 检查（不保存） with the report page by page and its download,
 * 确认导入 offered only without errors and only after confirming.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportIssue, ImportReport } from '../../shared/exchange/studentImport';
import { removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

const issue = (row: number, level: ImportIssue['level'] = 'error'): ImportIssue => ({
  row,
  name: `学生${row}`,
  column: 'I',
  field: '身份证件号',
  level,
  message:
    level === 'error'
      ? '身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新输入'
      : '疑似同一学生，请核对（规则 OPS-2）',
});

const withErrors: ImportReport = {
  fileName: '学生信息.xlsx',
  sheetName: '学生基础信息',
  headerRow: 1,
  rows: 120,
  errorRows: 45,
  warningRows: 1,
  issueCount: 46,
  issues: [...Array.from({ length: 45 }, (_, i) => issue(i + 2)), issue(60, 'warning')],
  classes: [{ classId: 1, label: '一年级（2）班', rows: 120 }],
  notes: ['以下列本程序不导入：AZ 列“照片”。'],
  reportFile: { fileName: '导入检查报告.xlsx', mimeType: 'application/octet-stream', base64: 'UEsDBA==' },
};

const clean: ImportReport = {
  ...withErrors,
  errorRows: 0,
  warningRows: 1,
  issueCount: 1,
  issues: [issue(60, 'warning')],
};

const workbook = (size?: number): File => {
  const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], '学生信息.xlsx');
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
};

/** Chooses a file in the page's file dialog, as the clerk does. */
async function chooseFile(file: File): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('.import-file input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

const buttonOrNull = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) ?? null;
const tableRows = () => [...document.querySelectorAll('.issue-table .el-table__body tr')];

describe('导入学生', { timeout: 30_000 }, () => {
  it('is in the navigation of the clerk, not of the auditor', async () => {
    app = await mountApp('/home', { status: signedIn(clerkSession) });
    expect(document.querySelector('nav')!.textContent).toContain('导入学生');
    app.unmount();
    removeFakeApi();
    document.body.innerHTML = '';
    app = await mountApp('/home', { status: signedIn(auditorSession) });
    expect(document.querySelector('nav')!.textContent).toContain('学生名册');
    expect(document.querySelector('nav')!.textContent).not.toContain('导入学生');
  });

  it('refuses a file over 20 MB before reading it, naming its size', async () => {
    app = await mountApp('/import', { status: signedIn(clerkSession) });
    const read = vi.spyOn(FileReader.prototype, 'readAsDataURL');
    await chooseFile(workbook(1024 * 1024 * 1024));
    expect(bodyText()).toContain('文件“学生信息.xlsx”有 1024.0 MB，超过了 20 MB');
    expect(read).not.toHaveBeenCalled();
    expect(button('检查（不保存）').disabled).toBe(true);
  });

  it('checks without saving: the figures, the issues a page at a time, the report to download, no 确认导入 while errors remain', async () => {
    app = await mountApp('/import', { status: signedIn(clerkSession), dryRunImport: withErrors });
    await chooseFile(workbook());
    expect(document.querySelector('[data-testid="chosen-file"]')?.textContent).toContain('学生信息.xlsx');
    button('检查（不保存）').click();
    await app.settle();
    expect(app.fake.args.dryRunImport).toEqual([[{ fileName: '学生信息.xlsx', base64: 'UEsDBA==', classId: null }]]);
    expect(bodyText()).toContain('有 45 行需要改正');
    expect(bodyText()).toContain('以下列本程序不导入：AZ 列“照片”。');
    expect(buttonOrNull('确认导入')).toBeNull();

    expect(tableRows()).toHaveLength(20);
    expect(tableRows()[0]!.textContent).toContain('身份证号被 Excel 转成了科学计数法');
    const warningsOnly = [...document.querySelectorAll('.filters label')].find((label) =>
      label.textContent?.includes('提示'),
    )!;
    (warningsOnly.querySelector('input') as HTMLInputElement).click();
    await app.settle();
    expect(tableRows()).toHaveLength(1);
    expect(tableRows()[0]!.textContent).toContain('疑似同一学生');

    const created = vi.fn(() => 'blob:report');
    Object.defineProperty(URL, 'createObjectURL', { value: created, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    button('下载错误报告').click();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('imports a clean file only after the clerk confirms, then lets the file go', async () => {
    app = await mountApp('/import', {
      status: signedIn(clerkSession),
      dryRunImport: clean,
      commitImport: (upload) => ({ fileName: upload.fileName, imported: 120, classes: clean.classes, warningRows: 1 }),
    });
    await chooseFile(workbook());
    button('检查（不保存）').click();
    await app.settle();
    expect(bodyText()).toContain('全部 120 行都可以导入。其中 1 行有提示');
    button('确认导入').click();
    await app.settle();
    const box = document.querySelector('.el-message-box')!;
    expect(box.textContent).toContain('将导入 120 名学生：一年级（2）班 120 人。');
    expect(box.textContent).toContain('全部成功或全部不导入');
    expect(app.fake.calls['commitImport']).toBeUndefined();
    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '确认导入')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.settle();
    expect(app.fake.args.commitImport).toEqual([[{ fileName: '学生信息.xlsx', base64: 'UEsDBA==', classId: null }]]);
    expect(bodyText()).toContain('导入完成');
    expect(bodyText()).toContain('已导入 120 名学生：一年级（2）班 120 人。');
    expect(document.querySelector('[data-testid="chosen-file"]')).toBeNull();
    expect(buttonOrNull('确认导入')).toBeNull();
  });

  it('with all rows to one class, checks only once the class is chosen, and sends it', async () => {
    app = await mountApp('/import', { status: signedIn(clerkSession), dryRunImport: clean });
    await chooseFile(workbook());
    const oneClass = [...document.querySelectorAll('.place label')].find((label) =>
      label.textContent?.includes('全部导入到一个班级'),
    )!;
    (oneClass.querySelector('input') as HTMLInputElement).click();
    await app.settle();
    expect(button('检查（不保存）').disabled).toBe(true);
    document.querySelector<HTMLElement>('.class-select .el-select__wrapper')!.click();
    await app.settle();
    [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .find((item) => item.textContent?.trim() === '七年级（1）班')!
      .click();
    await app.settle();
    button('检查（不保存）').click();
    await app.settle();
    expect(app.fake.args.dryRunImport?.[0]?.[0].classId).toBe(2);
  });

  it('shows what it is waiting for while a file is checked, and keeps the buttons still', async () => {
    let answer: (report: ImportReport) => void = () => undefined;
    app = await mountApp('/import', {
      status: signedIn(clerkSession),
      dryRunImport: () => new Promise<ImportReport>((resolve) => (answer = resolve)),
    });
    await chooseFile(workbook());
    button('检查（不保存）').click();
    await app.settle();
    expect(document.querySelector('.progress[role="status"]')?.textContent).toContain('正在逐行检查');
    expect(button('重新选择文件').disabled).toBe(true);
    answer(clean);
    await app.settle();
    expect(document.querySelector('.progress')).toBeNull();
    expect(button('确认导入').disabled).toBe(false);
  });

  it('shows core’s refusal of the file', async () => {
    app = await mountApp('/import', {
      status: signedIn(clerkSession),
      dryRunImport: {
        code: 'RULE_VIOLATION',
        message: '文件“学生信息.xlsx”设置了打开密码，内容已加密，无法读取。',
      },
    });
    await chooseFile(workbook());
    button('检查（不保存）').click();
    await app.settle();
    const alert = document.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('无法检查这个文件');
    expect(alert.textContent).toContain('设置了打开密码');
  });
});
