/**
 * 学籍异动 list: the deadline of each case in the clerk's words and colours,
 * the overdue count, the filters going to listCases and staying in the
 * address, paging, and the way into a case or a new one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFilter, CasePage, CaseSummary } from '../../shared/changes/caseRecords';
import { removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, nameChangeSummary, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
});

const suspension: CaseSummary = {
  ...nameChangeSummary,
  id: 8,
  kind: 'suspension',
  subject: '王浩然（七年级（1）班）',
  studentId: 21,
  appliedOn: '2026-09-01',
  dueDate: '2026-09-08',
  dueRule: 'CHG-2',
  daysLeft: -2,
  overdue: true,
  nextApprover: 'school',
};
const dueToday: CaseSummary = { ...nameChangeSummary, id: 9, daysLeft: 0, dueDate: '2026-09-09' };
const repeat: CaseSummary = {
  ...nameChangeSummary,
  id: 10,
  kind: 'repeatGrade',
  dueDate: null,
  dueRule: null,
  daysLeft: null,
  nextApprover: 'school',
};
const closed: CaseSummary = {
  ...nameChangeSummary,
  id: 2,
  status: 'approved',
  daysLeft: null,
  nextApprover: null,
};

const page = (rows: CaseSummary[], total = rows.length, overdueCount = 0): CasePage => ({ rows, total, overdueCount });

const rowTexts = (): string[][] =>
  [...document.querySelectorAll('.case-table .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  );

const lastFilter = (): CaseFilter => app!.fake.args.listCases!.at(-1)![0];

describe('学籍异动 list', { timeout: 30_000 }, () => {
  it('shows each case with its deadline in words: days left, due today, overdue in red, none', async () => {
    app = await mountApp('/cases', {
      status: signedIn(clerkSession),
      listCases: page([suspension, dueToday, nameChangeSummary, repeat], 4, 1),
    });
    expect(rowTexts()).toEqual([
      [
        '#8',
        '休学',
        '王浩然（七年级（1）班）',
        '2026-09-01',
        '已逾期 2 天（2026年9月8日截止）',
        '本校',
        '办理中',
        'lilaoshi',
      ],
      [
        '#9',
        '基本信息变更',
        '李思涵（一年级（2）班）',
        '2026-09-02',
        '今天截止',
        '县（区）教育局',
        '办理中',
        'lilaoshi',
      ],
      [
        '#3',
        '基本信息变更',
        '李思涵（一年级（2）班）',
        '2026-09-02',
        '还剩 7 天（2026年9月9日截止）',
        '县（区）教育局',
        '办理中',
        'lilaoshi',
      ],
      ['#10', '留级', '李思涵（一年级（2）班）', '2026-09-02', '无期限', '本校', '办理中', 'lilaoshi'],
    ]);
    const deadlines = [...document.querySelectorAll('.case-table .deadline')];
    expect(deadlines.map((el) => el.className.replace('deadline', '').trim())).toEqual([
      'danger',
      'warning',
      'normal',
      'muted',
    ]);
    expect(bodyText()).toContain('有 1 项已逾期');
    expect(bodyText()).toContain('共 4 项');
  });

  it('reads open cases by default and shows a closed one with its status and no days left', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession), listCases: page([closed]) });
    expect(app.fake.args.listCases).toEqual([[{ scope: 'open', limit: 20, offset: 0 }]]);
    expect(rowTexts()[0]).toEqual([
      '#2',
      '基本信息变更',
      '李思涵（一年级（2）班）',
      '2026-09-02',
      '2026年9月9日截止',
      '—',
      '已办结',
      'lilaoshi',
    ]);
    expect(bodyText()).not.toContain('已逾期');
  });

  it('sends the scope, kind and 只看逾期 to listCases and keeps them in the address', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession) });
    const scope = (label: string) =>
      [...document.querySelectorAll<HTMLElement>('.el-radio-button')].find((el) => el.textContent?.trim() === label)!;

    scope('已结束').querySelector('input')!.click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'closed', limit: 20, offset: 0 });
    expect(app.router.currentRoute.value.fullPath).toBe('/cases?scope=closed');
    expect(document.querySelector('.case-filters .el-switch')).toBeNull();

    scope('全部').querySelector('input')!.click();
    await app.settle();
    (document.querySelector('input[aria-label="事项类型"]')!.closest('.el-select__wrapper') as HTMLElement).click();
    await app.settle();
    [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
      .find((el) => el.textContent?.trim() === '休学')!
      .click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'all', kind: 'suspension', limit: 20, offset: 0 });

    document.querySelector<HTMLElement>('.case-filters .el-switch')!.click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'all', kind: 'suspension', overdueOnly: true, limit: 20, offset: 0 });
    expect(app.router.currentRoute.value.query).toEqual({ scope: 'all', kind: 'suspension', overdue: '1' });

    button('清除筛选').click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'open', limit: 20, offset: 0 });
    expect(app.router.currentRoute.value.fullPath).toBe('/cases');
  });

  it('opens with the filters of the address, and the overdue alert narrows the list to overdue cases', async () => {
    app = await mountApp('/cases?kind=transferOut&page=2', {
      status: signedIn(clerkSession),
      listCases: page([suspension], 25, 3),
    });
    expect(app.fake.args.listCases![0]).toEqual([{ scope: 'open', kind: 'transferOut', limit: 20, offset: 20 }]);
    expect(bodyText()).toContain('有 3 项已逾期');
    button('只看逾期').click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'open', kind: 'transferOut', overdueOnly: true, limit: 20, offset: 0 });
  });

  it('pages through the list twenty at a time', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession), listCases: page([suspension], 45) });
    expect(bodyText()).toContain('共 45 条');
    document.querySelector<HTMLElement>('.el-pager li:nth-child(3)')!.click();
    await app.settle();
    expect(lastFilter()).toEqual({ scope: 'open', limit: 20, offset: 40 });
    expect(app.router.currentRoute.value.query).toEqual({ page: '3' });
  });

  it('opens a case from its row', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession), listCases: page([suspension]) });
    document.querySelector<HTMLElement>('.case-table .el-table__body td')!.click();
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/cases/8');
  });

  it('offers 新建事项 to a clerk, not to an auditor', async () => {
    app = await mountApp('/cases', { status: signedIn(clerkSession) });
    button('新建事项').click();
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/cases/new');
    app.unmount();
    document.body.innerHTML = '';
    app = await mountApp('/cases', { status: signedIn(auditorSession) });
    expect(rowTexts()).toHaveLength(1);
    expect(() => button('新建事项')).toThrow();
  });

  it('says why the list could not be read', async () => {
    app = await mountApp('/cases', {
      status: signedIn(clerkSession),
      listCases: { code: 'INTERNAL', message: '程序内部出错，请重试。' },
    });
    expect(bodyText()).toContain('无法读取学籍异动事项');
    expect(bodyText()).toContain('程序内部出错，请重试。');
  });
});
