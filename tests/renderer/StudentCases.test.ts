/**
 * The student record's ways into register cases: 办理学籍异动 lists only the
 * movements the student's status allows at this school (the status machine),
 * 学籍事项 lists the student's cases with their deadlines, 奖惩 shows the
 * changes still waiting for approval, and the key fields point to
 * 申请变更基本信息 (DAT-1).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../shared/changes/caseRecords';
import type { SchoolClass, StudentRecord } from '../../shared/register/students';
import { removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, girlRecord, nameChangeSummary, schoolProfile, signedIn } from './fixtures';
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

const record = (changes: Partial<StudentRecord>): StudentRecord => ({ ...girlRecord, ...changes });

const vocationalClasses: SchoolClass[] = [
  { id: 5, grade: 10, number: 1, label: '高一（1）班', headTeacher: '', capacity: 45, studentCount: 40 },
];

/** Opens 办理学籍异动 and reads its items. */
async function menuItems(): Promise<string[]> {
  button('办理学籍异动▾').click();
  await app!.settle();
  return [...document.querySelectorAll<HTMLElement>('.case-menu .el-dropdown-menu__item')].map(
    (item) => item.textContent?.trim() ?? '',
  );
}

async function openTab(label: string): Promise<HTMLElement> {
  const tab = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')].find((el) =>
    el.textContent?.startsWith(label),
  );
  if (!tab) throw new Error(`no tab ${label}`);
  tab.click();
  await app!.settle();
  return document.querySelector<HTMLElement>('.el-tab-pane[aria-hidden="false"]')!;
}

describe('办理学籍异动 on the record', { timeout: 30_000 }, () => {
  it('offers a first-grade pupil in 在读 the movements the status machine allows, no 退学, 留级 or 中职 kinds', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    expect(await menuItems()).toEqual(['转出', '休学', '死亡', '出国', '申请变更基本信息']);
  });

  it('CHG-4 offers 留级 from the second grade of a stage on', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      listClasses: [
        { id: 9, grade: 8, number: 1, label: '八年级（1）班', headTeacher: '', capacity: 50, studentCount: 40 },
      ],
      getStudent: record({ classId: 9, classLabel: '八年级（1）班' }),
    });
    expect(await menuItems()).toEqual(['转出', '休学', '留级', '死亡', '出国', '申请变更基本信息']);
  });

  it('OPS-2 offers a 转出 student 转入 only (籍随人走), not even a basic-information change', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: record({ status: 'transferredOut' }),
    });
    expect(await menuItems()).toEqual(['转入']);
  });

  it('CHG-2 offers a suspended student 复学 and an extension of the suspension, not 转出', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getStudent: record({ status: 'suspended' }),
    });
    expect(await menuItems()).toEqual(['延长休学', '复学', '死亡', '出国', '申请变更基本信息']);
  });

  it('VOC-3 offers 转专业, 注销 and 退学 to an enrolled student of a 中职 school', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      getSchoolProfile: { ...schoolProfile, type: '360', provincialModel: false },
      listClasses: vocationalClasses,
      getStudent: record({ classId: 5, classLabel: '高一（1）班' }),
    });
    expect(await menuItems()).toEqual(['转出', '休学', '转专业', '退学', '死亡', '出国', '注销', '申请变更基本信息']);
  });

  it('opens the chosen movement’s form for this student', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    await menuItems();
    [...document.querySelectorAll<HTMLElement>('.case-menu .el-dropdown-menu__item')]
      .find((item) => item.textContent?.trim() === '休学')!
      .click();
    await app.settle();
    expect(app.router.currentRoute.value.fullPath).toBe('/cases/new?kind=suspension&student=7');
  });

  it('DAT-1 points from the locked key fields to 申请变更基本信息', async () => {
    app = await mountApp('/students/7', { status: signedIn(clerkSession) });
    button('编辑').click();
    await app.settle();
    [...document.querySelectorAll<HTMLButtonElement>('.el-alert button')]
      .find((b) => b.textContent?.trim() === '申请变更基本信息')!
      .click();
    await app.settle();
    expect(app.router.currentRoute.value.fullPath).toBe('/cases/new?kind=basicInfoChange&student=7');
  });

  it('shows 审计员 the cases but no way to open one', async () => {
    app = await mountApp('/students/7', { status: signedIn(auditorSession) });
    expect(() => button('办理学籍异动▾')).toThrow();
    expect(bodyText()).toContain('学籍事项（1）');
  });
});

describe('学籍事项 and pending 奖惩 changes', { timeout: 30_000 }, () => {
  const suspension: CaseSummary = {
    ...nameChangeSummary,
    id: 8,
    kind: 'suspension',
    appliedOn: '2026-09-01',
    dueDate: '2026-09-08',
    dueRule: 'CHG-2',
    daysLeft: -2,
    overdue: true,
    nextApprover: 'school',
  };
  const rewardChange: CaseSummary = {
    ...nameChangeSummary,
    id: 5,
    kind: 'rewardPunishmentChange',
    appliedOn: '2026-09-03',
    dueDate: '2026-09-10',
    daysLeft: 3,
  };
  const closedTransfer: CaseSummary = {
    ...nameChangeSummary,
    id: 2,
    kind: 'transferIn',
    status: 'approved',
    appliedOn: '2026-08-20',
    dueDate: '2026-10-01',
    dueRule: 'CHG-1',
    daysLeft: null,
    nextApprover: null,
  };

  it('lists every case of the student with its state and deadline wording, each linking to its page', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      listCases: { rows: [suspension, rewardChange, closedTransfer], total: 3, overdueCount: 1 },
    });
    expect(app.fake.args.listCases).toEqual([[{ studentId: 7, scope: 'all', limit: 500, offset: 0 }]]);
    const pane = await openTab('学籍事项（3）');
    const rows = [...pane.querySelectorAll('.el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['#8', '休学', '2026-09-01', '办理中', '本校', '已逾期 2 天（2026年9月8日截止）'],
      ['#5', '奖惩记录变更', '2026-09-03', '办理中', '县（区）教育局', '还剩 3 天（2026年9月10日截止）'],
      ['#2', '转入', '2026-08-20', '已办结', '—', '2026年10月1日截止'],
    ]);
    [...pane.querySelectorAll<HTMLButtonElement>('.el-table__body tr')][0]!.querySelector('button')!.click();
    await app.settle();
    expect(app.router.currentRoute.value.path).toBe('/cases/8');
  });

  it('DAT-1 shows the 奖惩 changes waiting for approval beside the recorded entries', async () => {
    app = await mountApp('/students/7', {
      status: signedIn(clerkSession),
      listCases: { rows: [suspension, rewardChange, closedTransfer], total: 3, overdueCount: 1 },
    });
    const pane = await openTab('奖惩');
    expect(pane.textContent).toContain('待审批的奖惩变更（1）');
    const pending = pane.querySelector('.pending li')!;
    expect([...pending.children].map((part) => part.textContent?.trim())).toEqual([
      '事项 #5',
      '2026-09-03 申请',
      '待县（区）教育局审核',
      '还剩 3 天（2026年9月10日截止）',
    ]);
    expect(pending.querySelector('a')?.getAttribute('href')).toBe('/cases/5');
    expect(pane.textContent).toContain('没有奖惩记录');
  });
});
