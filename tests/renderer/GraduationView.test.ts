/** 毕业办理 (GRD-1, GRD-2): the graduating list, what blocks a student, and the case it opens. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraduateCandidate } from '../../shared/changes/caseRecords';
import { graduationRefusals } from '../../shared/changes/graduation';
import type { SchoolClass } from '../../shared/register/students';
import { failure, removeFakeApi } from './fakeApi';
import { auditorSession, clerkSession, signedIn } from './fixtures';
import { bodyText, button, type MountedApp, mountApp } from './mountApp';

let app: MountedApp | undefined;

/**
 * happy-dom lays nothing out, so the virtualised list would see a table 0
 * pixels high and render almost no rows: every observed element reports the
 * size of a window's worth of table instead.
 */
class SizedResizeObserver {
  constructor(private readonly report: ResizeObserverCallback) {}
  observe(target: Element): void {
    const entry = { target, contentRect: { width: 1000, height: 600 } } as unknown as ResizeObserverEntry;
    this.report([entry], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
  disconnect(): void {}
}

beforeEach(() => {
  document.body.innerHTML = '';
  vi.stubGlobal('ResizeObserver', SizedResizeObserver);
  // 20 May 2027, in the 2026-2027 school year of the default terms: 41 days before 30 June.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2027, 4, 20, 9, 0));
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  removeFakeApi();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const juniorClasses: readonly SchoolClass[] = [
  { id: 11, grade: 7, number: 1, label: '七年级（1）班', headTeacher: '', capacity: 50, studentCount: 48 },
  { id: 12, grade: 9, number: 1, label: '九年级（1）班', headTeacher: '刘芳', capacity: 50, studentCount: 46 },
  { id: 13, grade: 9, number: 2, label: '九年级（2）班', headTeacher: '周强', capacity: 50, studentCount: 45 },
];

const candidate = (studentId: number, name: string, facts: Partial<GraduateCandidate> = {}): GraduateCandidate => ({
  studentId,
  name,
  classLabel: '九年级（1）班',
  status: 'enrolled',
  hasStudyHistory: true,
  hasGraduationComment: true,
  openCases: [],
  refusals: [],
  ...facts,
});

const openSuspension = {
  rule: 'GRD-2' as const,
  message: '学生有在办的休学事项，不能办理毕业（规则 GRD-2）。请先办结或撤销该事项。',
};

const ninthGraders: readonly GraduateCandidate[] = [
  candidate(21, '王小明'),
  candidate(22, '陈静', { classLabel: '九年级（2）班' }),
  candidate(23, '赵磊', {
    hasStudyHistory: false,
    refusals: graduationRefusals({ grade: 9, hasStudyHistory: false, hasGraduationComment: true }),
  }),
  candidate(24, '孙丽', { status: 'suspended', openCases: ['suspension'], refusals: [openSuspension] }),
];

const listAnswers = {
  listClasses: juniorClasses,
  listGraduateCandidates: (grade: number) => (grade === 9 ? ninthGraders : []),
};

const seniorAnswers = {
  listClasses: [
    { id: 31, grade: 12, number: 1, label: '高三（1）班', headTeacher: '', capacity: 50, studentCount: 40 },
  ],
  listGraduateCandidates: [candidate(41, '李华', { classLabel: '高三（1）班' })],
};

const rows = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('.candidates .el-table-v2__row')];
const rowOf = (name: string): HTMLElement => {
  const found = rows().find((row) => row.querySelector('.name')?.textContent?.trim() === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
};
const rowNames = (): string[] => rows().map((row) => row.querySelector('.name')?.textContent?.trim() ?? '');
/** The approval line's parts, spaced as the clerk reads them. */
const approvalText = (): string =>
  [...(document.querySelector('.approval')?.children ?? [])].map((part) => part.textContent?.trim()).join(' ');
const checkboxOf = (name: string): HTMLElement => document.querySelector<HTMLElement>(`[aria-label="选择${name}"]`)!;

async function typeReason(text: string): Promise<void> {
  const input = document.getElementById('graduation-reason') as HTMLTextAreaElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await app!.settle();
}

describe('毕业办理', () => {
  it('GRD-2 shows each student’s refusals with the rule, and a blocked student cannot be ticked', async () => {
    app = await mountApp('/graduation', { status: signedIn(clerkSession), ...listAnswers });
    // Only the school's graduating grade is offered, and its list is read.
    expect(app.fake.args.listGraduateCandidates).toEqual([[9]]);
    expect(document.querySelector('.grade-choice')?.textContent).toContain('九年级');
    expect(document.querySelector('.grade-choice')?.textContent).not.toContain('七年级');

    expect(bodyText()).toContain('共 4 人，可办理 2 人，需处理 2 人');
    expect(bodyText()).toContain('毕业审核（规则 GRD-2）：还剩 41 天（2027年6月30日截止）');

    const zhao = rowOf('赵磊');
    expect(zhao.textContent).toContain('✗');
    expect(zhao.textContent).toContain('GRD-2');
    expect(zhao.textContent).toContain('学生还没有学习简历，不能办理毕业');
    const fix = [...zhao.querySelectorAll('a')].find((a) => a.textContent?.includes('填写学习简历'));
    expect(fix?.getAttribute('href')).toBe('/students/23');
    expect(checkboxOf('赵磊').classList).toContain('is-disabled');

    const sun = rowOf('孙丽');
    expect(sun.textContent).toContain('休学');
    expect(sun.textContent).toContain('请先办结或撤销该事项');
    expect(checkboxOf('孙丽').classList).toContain('is-disabled');
    expect(checkboxOf('王小明').classList).not.toContain('is-disabled');

    // GRD-1: a junior school's graduates are approved by the school alone.
    expect(approvalText()).toContain('审批流程 本校 义务教育阶段的毕业由学校办理，本校审批后即生效');

    (document.querySelector('.list-summary .el-switch') as HTMLElement).click();
    await app.settle();
    expect(rowNames()).toEqual(['赵磊', '孙丽']);
  });

  it('GRD-1 opens one graduating list with each ticked student’s outcome, then goes to the case', async () => {
    app = await mountApp('/graduation', { status: signedIn(clerkSession), ...listAnswers });
    // 全选 ticks only the students who may graduate.
    document.querySelector<HTMLElement>('[aria-label="全选可办理的学生"]')!.click();
    await app.settle();
    expect(bodyText()).toContain('已选 2 人：毕业 2 人');

    (rowOf('陈静').querySelector('.el-select__wrapper') as HTMLElement).click();
    await app.settle();
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (item) => item.textContent?.trim() === '结业',
    );
    option!.click();
    await app.settle();
    expect(bodyText()).toContain('已选 2 人：毕业 1 人、结业 1 人');

    await typeReason('2027届九年级毕业生毕业审核');
    button('提交毕业办理（2 人）').click();
    await app.settle();

    expect(app.fake.args.openCase).toEqual([
      [
        {
          kind: 'graduation',
          appliedOn: '2027-05-20',
          reason: '2027届九年级毕业生毕业审核',
          students: [
            { studentId: 21, outcome: 'graduated' },
            { studentId: 22, outcome: 'completed' },
          ],
        },
      ],
    ]);
    expect(app.router.currentRoute.value.path).toBe('/cases/3');
  });

  it('shows core’s refusal of the list and stays on the page', async () => {
    app = await mountApp('/graduation', {
      status: signedIn(clerkSession),
      ...listAnswers,
      openCase: failure('RULE_VIOLATION', '王小明有在办的转出事项，不能办理毕业（规则 GRD-2）。请先办结或撤销该事项。'),
    });
    checkboxOf('王小明').click();
    await app.settle();
    await typeReason('毕业审核');
    button('提交毕业办理（1 人）').click();
    await app.settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('毕业办理没有提交');
    expect(bodyText()).toContain('王小明有在办的转出事项');
    expect(app.router.currentRoute.value.path).toBe('/graduation');
  });

  it('asks for the 说明 before sending, and sends nothing without a ticked student', async () => {
    app = await mountApp('/graduation', { status: signedIn(clerkSession), ...listAnswers });
    expect(button('提交毕业办理').disabled).toBe(true);
    checkboxOf('王小明').click();
    await app.settle();
    button('提交毕业办理（1 人）').click();
    await app.settle();
    // Element Plus shows a form item's message after a short debounce.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(bodyText()).toContain('请填写说明，2 至 500 字。');
    expect(app.fake.calls['openCase']).toBeUndefined();
  });

  it('GRD-1 senior-high graduates need the city bureau’s approval after the school’s', async () => {
    app = await mountApp('/graduation', { status: signedIn(clerkSession), ...seniorAnswers });
    expect(app.fake.args.listGraduateCandidates).toEqual([[12]]);
    expect(approvalText()).toContain('审批流程 本校 → 市教育局 普通高中的毕业须经市教育局审批');
  });

  it('says when the school has no class of a graduating grade, and reads no list', async () => {
    app = await mountApp('/graduation', { status: signedIn(clerkSession), listClasses: [juniorClasses[0]!] });
    expect(bodyText()).toContain('学校还没有毕业年级（六年级、九年级、高三）的班级');
    expect(app.fake.calls['listGraduateCandidates']).toBeUndefined();
  });

  it('lets an inspector read the list without ticking or submitting', async () => {
    app = await mountApp('/graduation', { status: signedIn(auditorSession), ...seniorAnswers });
    expect(bodyText()).toContain('共 1 人，可办理 1 人，需处理 0 人');
    expect(document.querySelector('.candidates .el-checkbox')).toBeNull();
    expect(bodyText()).not.toContain('提交毕业办理');
  });
});
