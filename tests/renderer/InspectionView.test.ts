/**
 * 自查报告 (INS-1) on screen: the counts per verdict, the items by section
 * with coloured verdicts, the listed students and cases behind a toggle,
 * and 生成自查报告 opening the PDF in the form preview. pdf.js is replaced
 * (happy-dom cannot draw): see fakePdf.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormDocument } from '../../shared/forms/forms';
import { failure, removeFakeApi } from './fakeApi';
import { fakeBlobUrls, fakePdf } from './fakePdf';
import { auditorSession, clerkSession, generatedForm, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

const pdf = vi.hoisted(() => ({ open: vi.fn() }));
vi.mock('../../renderer/src/composables/pdfPages', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  openPdf: pdf.open,
}));

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
  fakeBlobUrls();
  pdf.open.mockReset();
  pdf.open.mockImplementation(async () => fakePdf());
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.restoreAllMocks();
});

const text = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const item = (id: string): Element => document.querySelector(`[data-item="${id}"]`)!;

const report: FormDocument = {
  ...generatedForm,
  form: 'selfInspection',
  title: '学籍管理工作自查报告',
  fileName: '学籍管理工作自查报告_2026-09-20_1114000001-2026-000009.pdf',
  formNumber: '1114000001-2026-000009',
};

describe('自查报告 (INS-1)', () => {
  it('INS-1 shows the counts per verdict, then each section’s items with their verdict, finding and advice', async () => {
    app = await mountApp('/inspection', { status: signedIn(clerkSession) });
    expect(app.fake.calls['getSelfInspection']).toBe(1);
    const tiles = [...document.querySelectorAll('.inspection-summary .tile')].map(text);
    expect(tiles).toEqual(['2不符合', '1需关注', '1符合', '1不适用']);
    expect(text(document.querySelector('.inspection-summary .scope'))).toContain('2026-2027学年 第一学期');
    expect([...document.querySelectorAll('.inspection-section .card-title')].map(text)).toEqual([
      '一、学校管理',
      '二、学籍管理',
    ]);
    expect(text(item('school.term').querySelector('.el-tag'))).toBe('符合');
    expect(item('school.term').querySelector('.el-tag')?.classList).toContain('el-tag--success');
    expect(item('school.term').querySelector('.advice')).toBeNull();
    const movements = item('changes.timely');
    expect(movements.querySelector('.el-tag')?.classList).toContain('el-tag--danger');
    expect(text(movements.querySelector('.finding'))).toBe('本期没有办结的事项；办理中 1 件，其中 1 件已逾期。');
    expect(text(movements.querySelector('.advice'))).toContain('整改建议：');
    expect(item('enrollment.photo').querySelector('.el-tag')?.classList).toContain('el-tag--warning');
    expect([...document.querySelectorAll('.inspection-section .part')].map(text)).toEqual([
      '（二）招生入学',
      '（三）学生毕业',
      '（四）学籍异动',
    ]);
  });

  it('CHG-2 opens the overdue suspension under 学籍异动 with the student’s name, leading to the case', async () => {
    app = await mountApp('/inspection', { status: signedIn(clerkSession) });
    const movements = item('changes.timely');
    expect(movements.querySelector('.el-table')).toBeNull();
    (movements.querySelector('.toggle') as HTMLElement).click();
    await app.settle();
    const row = text(movements.querySelector('.el-table__body tr'));
    expect(row).toContain('周子涵');
    expect(row).toContain('已逾期 12 天');
    expect(row).toContain('2026年9月8日');
    (movements.querySelector('.el-table__body a') as HTMLElement).click();
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/cases/5');
  });

  it('SCH-3 says how many more students are not listed', async () => {
    app = await mountApp('/inspection', { status: signedIn(clerkSession) });
    const archive = item('school.archive');
    expect(text(archive.querySelector('.toggle'))).toBe('查看问题清单（31 条）');
    (archive.querySelector('.toggle') as HTMLElement).click();
    await app.settle();
    expect(text(archive.querySelector('.more'))).toContain('另有 30 条未列出');
  });

  it('INS-1 生成自查报告 opens the PDF from the form service in the preview', async () => {
    app = await mountApp('/inspection', { status: signedIn(clerkSession), generateForm: report });
    button('生成自查报告（PDF）').click();
    await app.settle();
    expect(app.fake.args.generateForm).toEqual([[{ form: 'selfInspection' }]]);
    expect(document.querySelector('.el-dialog.form-preview .el-dialog__title')?.textContent?.trim()).toBe(
      '《学籍管理工作自查报告》',
    );
  });

  it('INS-1 shows why the report could not be read', async () => {
    app = await mountApp('/inspection', {
      status: signedIn(clerkSession),
      getSelfInspection: failure('INTERNAL', '读取数据时出错，请稍后重试。'),
    });
    expect(bodyText()).toContain('无法生成自查报告');
    expect(bodyText()).toContain('读取数据时出错，请稍后重试。');
  });

  it('INS-1 is not offered to auditors (审计员): the school inspects itself', async () => {
    app = await mountApp('/inspection', { status: signedIn(auditorSession) });
    expect(app.router.currentRoute.value.path).not.toBe('/inspection');
    expect(app.fake.calls['getSelfInspection']).toBeUndefined();
  });
});
