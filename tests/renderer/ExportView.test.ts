/**
 * 导出审查材料: choose a folder, export (with photos if ticked), see what was written; 校验审查材料: choose a
 * folder, see each file's state. Auditors may verify, not export.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failure, removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';
import { notAnExport, reviewExport, tamperedVerification } from './reviewExportFixtures';

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

async function click(target: HTMLButtonElement): Promise<void> {
  target.click();
  await new Promise((done) => setTimeout(done, 50));
  await app!.settle();
}

const rowsOf = (selector: string): string[][] =>
  [...document.querySelectorAll(`${selector} .el-table__body tr`)].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
  );

describe('导出审查材料', () => {
  it('is in the navigation and exports into the folder the clerk chooses, showing the files and counts', async () => {
    app = await mountApp('/export', { status: signedIn(clerkSession), chooseFolder: '/media/usb' });
    expect(document.querySelector('h1')?.textContent).toBe('导出审查材料');
    expect([...document.querySelectorAll('nav a, .el-menu-item')].map((item) => item.textContent?.trim())).toContain(
      '导出审查材料',
    );
    await click(button('选择文件夹并导出…'));
    expect(app.fake.args.chooseFolder).toEqual([['export']]);
    expect(app.fake.args.exportForReview).toEqual([['/media/usb', { includePhotos: false }]]);
    expect(bodyText()).toContain(`已导出到文件夹“${reviewExport.folderName}”，共 3 个文件。`);
    expect(bodyText()).toContain(`保存位置${reviewExport.folder}`);
    expect(bodyText()).toContain('学生1,286 行');
    expect(bodyText()).toContain('待办事项3 行，其中逾期 1 件');
    expect(rowsOf('.export-result .files')).toEqual([
      ['学籍审查材料_1114000001_20260901-080000.xlsx', '1.5 MB', 'aaaaaaaaaaaa…aaaa'],
      ['审查材料汇总.pdf', '65 KB', 'bbbbbbbbbbbb…bbbb'],
      ['manifest.json', '1.0 KB', 'cccccccccccc…cccc'],
    ]);
  });

  it('adds the photos when the clerk ticks them', async () => {
    app = await mountApp('/export', { status: signedIn(clerkSession) });
    document.querySelector<HTMLInputElement>('.el-checkbox input')!.click();
    await app.settle();
    await click(button('选择文件夹并导出…'));
    expect(app.fake.args.exportForReview).toEqual([['/media/usb/审查材料', { includePhotos: true }]]);
  });

  it('writes nothing when the folder dialog is cancelled', async () => {
    app = await mountApp('/export', { status: signedIn(clerkSession), chooseFolder: null });
    await click(button('选择文件夹并导出…'));
    expect(app.fake.calls['exportForReview'] ?? 0).toBe(0);
    expect(document.querySelector('.export-result')).toBeNull();
  });

  it('shows core’s refusal of a full stick in Chinese', async () => {
    const full =
      '所选位置的磁盘空间不足，审查材料没有写完。所选文件夹中没有留下不完整的材料。请清理空间或换一个容量更大的 U 盘后重试。';
    app = await mountApp('/export', {
      status: signedIn(clerkSession),
      exportForReview: failure('DISK_FULL', full),
    });
    await click(button('选择文件夹并导出…'));
    expect(bodyText()).toContain(`没有导出${full}`);
  });

  it('shows a busy state while the export is written', async () => {
    let finish: (value: typeof reviewExport) => void = () => undefined;
    app = await mountApp('/export', {
      status: signedIn(clerkSession),
      exportForReview: () => new Promise((resolve) => (finish = resolve)),
    });
    await click(button('选择文件夹并导出…'));
    expect(bodyText()).toContain('正在导出……');
    finish(reviewExport);
    await app.settle();
    expect(bodyText()).not.toContain('正在导出……');
    expect(document.querySelector('.export-result')).not.toBeNull();
  });
});

describe('校验审查材料', () => {
  it('checks the folder just exported without asking again, green when every file is unchanged', async () => {
    app = await mountApp('/export', { status: signedIn(clerkSession) });
    await click(button('选择文件夹并导出…'));
    await click(button('校验刚导出的材料'));
    expect(app.fake.args.verifyExport).toEqual([[reviewExport.folder]]);
    expect(app.fake.args.chooseFolder).toEqual([['export']]);
    expect(bodyText()).toContain('材料完整，没有被改动');
    expect(bodyText()).toContain('审查材料完整：清单 manifest.json 登记的 2 个文件都没有被改动，也没有多出的文件。');
    expect(bodyText()).toContain('阳泉市第一中学（1114000001）');
  });

  it('names each changed, missing and extra file', async () => {
    app = await mountApp('/export', {
      status: signedIn(clerkSession),
      chooseFolder: '/media/usb/审查材料',
      verifyExport: tamperedVerification,
    });
    await click(button('选择文件夹并校验…'));
    expect(app.fake.args.chooseFolder).toEqual([['verifyExport']]);
    expect(bodyText()).toContain('材料不完整或已被改动');
    expect(bodyText()).toContain('审查材料与清单不符：1 个文件被改动，1 个文件缺失，多出 1 个清单以外的文件。');
    expect(rowsOf('.export-verification .files').map((row) => row.slice(0, 2))).toEqual([
      ['学籍审查材料_1114000001_20260901-080000.xlsx', '已被改动'],
      ['审查材料汇总.pdf', '缺失'],
      ['补充/说明.txt', '清单外的文件'],
    ]);
  });

  it('says when the folder is not an export at all', async () => {
    app = await mountApp('/export', { status: signedIn(clerkSession), verifyExport: notAnExport });
    await click(button('选择文件夹并校验…'));
    expect(bodyText()).toContain(notAnExport.manifestProblem!);
  });

  it('an auditor may verify but is not offered the export', async () => {
    app = await mountApp('/export', { status: signedIn(auditorSession) });
    expect(document.querySelector('h1')?.textContent).toBe('导出审查材料');
    expect([...document.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain(
      '选择文件夹并导出…',
    );
    await click(button('选择文件夹并校验…'));
    expect(bodyText()).toContain('材料完整，没有被改动');
  });
});
