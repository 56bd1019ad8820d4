/** How cases read on screen: deadlines, the list's address, steps, evidence, file checks, how a case ended, details by kind. */
import { describe, expect, it } from 'vitest';
import type { CaseInput, CaseRecord } from '../../shared/changes/caseRecords';
import { caseDetailLines, type DetailLookups } from '../../renderer/src/format/caseDetails';
import {
  caseFilterFromQuery,
  caseListQuery,
  caseQueryOf,
  closedNotice,
  deadlineView,
  defaultCaseListFilter,
  dueRuleText,
  evidenceFileProblem,
  evidenceGroups,
  kindOptions,
  stepRows,
} from '../../renderer/src/format/cases';
import { nameChangeCase } from './fixtures';

describe('deadlines', () => {
  it('reads the days left in the wording of the rules, red when overdue and orange in the last days', () => {
    const due = '2026-09-09';
    expect(deadlineView({ dueDate: due, daysLeft: 5, overdue: false })).toEqual({
      text: '还剩 5 天（2026年9月9日截止）',
      tone: 'normal',
    });
    expect(deadlineView({ dueDate: due, daysLeft: 2, overdue: false }).tone).toBe('warning');
    expect(deadlineView({ dueDate: due, daysLeft: 0, overdue: false })).toEqual({ text: '今天截止', tone: 'warning' });
    expect(deadlineView({ dueDate: due, daysLeft: -3, overdue: true })).toEqual({
      text: '已逾期 3 天（2026年9月9日截止）',
      tone: 'danger',
    });
    expect(deadlineView({ dueDate: null, daysLeft: null, overdue: false })).toEqual({ text: '无期限', tone: 'muted' });
    expect(deadlineView({ dueDate: due, daysLeft: null, overdue: false })).toEqual({
      text: '2026年9月9日截止',
      tone: 'muted',
    });
  });

  it('names the rule that sets the due date', () => {
    expect(dueRuleText('CHG-1')).toBe('规则 CHG-1：转学在学期开学前后一个月内办理');
    expect(dueRuleText('GRD-2')).toBe('规则 GRD-2：6 月 30 日前完成毕业审核');
    expect(dueRuleText(null)).toBe('');
  });
});

describe('the list in the address', () => {
  it('keeps only what differs from the open list, and reads it back', () => {
    const filter = { scope: 'all', kind: 'transferOut', overdueOnly: true, studentId: 7, page: 3 } as const;
    const query = caseListQuery(filter);
    expect(query).toEqual({ scope: 'all', kind: 'transferOut', overdue: '1', student: '7', page: '3' });
    expect(caseFilterFromQuery(query as Record<string, string>)).toEqual(filter);
    expect(caseListQuery(defaultCaseListFilter)).toEqual({});
  });

  it('ignores a hand-edited address it cannot read, and 只看逾期 on closed cases', () => {
    expect(caseFilterFromQuery({ scope: 'everything', kind: 'flying', page: '-2', student: 'x' })).toEqual(
      defaultCaseListFilter,
    );
    expect(caseFilterFromQuery({ scope: 'closed', overdue: '1' }).overdueOnly).toBe(false);
  });

  it('asks core for one page of twenty', () => {
    expect(caseQueryOf({ ...defaultCaseListFilter, kind: 'death', page: 2 })).toEqual({
      scope: 'open',
      kind: 'death',
      limit: 20,
      offset: 20,
    });
  });

  it('VOC-5 offers 转专业 and 注销 only to a vocational school', () => {
    const ordinary = kindOptions(false).map((option) => option.label);
    expect(ordinary).toContain('基本信息变更');
    expect(ordinary).not.toContain('转专业');
    expect(kindOptions(true).map((option) => option.label)).toEqual(expect.arrayContaining(['转专业', '注销']));
  });
});

describe('steps, evidence and how a case ended', () => {
  it('OPS-3 sets each step beside its decision, the next one awaited', () => {
    expect(stepRows(nameChangeCase).map((row) => [row.label, row.state, row.decision?.decidedBy ?? null])).toEqual([
      ['本校', 'decided', '王校长'],
      ['县（区）教育局', 'next', null],
    ]);
  });

  it('groups the files under what the case needs, a kind not listed following as optional', () => {
    const record: CaseRecord = {
      ...nameChangeCase,
      evidence: [...nameChangeCase.evidence, { ...nameChangeCase.evidence[0]!, id: 12, kind: 'bureauException' }],
    };
    const groups = evidenceGroups(record);
    expect(groups[0]).toMatchObject({ kind: 'signedForm', need: 'required', files: [] });
    expect(groups[0]!.label).toBe('签字盖章的《阳泉市中小学生基本信息变更申请表》');
    expect(groups.find((g) => g.kind === 'householdRegister')!.files.map((f) => f.id)).toEqual([11]);
    expect(groups.at(-1)).toMatchObject({
      kind: 'bureauException',
      need: 'optional',
      label: '教育主管部门书面同意意见',
    });
  });

  it('refuses a file by its type, emptiness or size before it is sent', () => {
    expect(evidenceFileProblem({ name: '户口簿.JPG', size: 1000 })).toBe('');
    expect(evidenceFileProblem({ name: '病历.pdf', size: 2 * 1024 * 1024 })).toBe('');
    expect(evidenceFileProblem({ name: '病历.docx', size: 1000 })).toContain('不是 JPG、PNG 图片或 PDF 文件');
    expect(evidenceFileProblem({ name: '空.png', size: 0 })).toContain('是空文件');
    expect(evidenceFileProblem({ name: '大.jpg', size: 5_400_000 })).toContain('有 5.2 MB，超过 2 MB 的上限');
  });

  it('says how a closed case ended', () => {
    expect(closedNotice(nameChangeCase)).toBeNull();
    expect(closedNotice({ ...nameChangeCase, status: 'approved' })!.title).toBe(
      '已办结：各级审核均已同意，基本信息变更已记入学籍。',
    );
    expect(closedNotice({ ...nameChangeCase, status: 'withdrawn', withdrawnReason: '家长撤回' })).toEqual({
      type: 'info',
      title: '已撤销，学籍未作变更。撤销原因：家长撤回',
    });
  });
});

describe('details by kind', () => {
  const lookups: DetailLookups = { classLabel: (id) => `班级${id}`, majorName: (code) => `专业${code}` };
  const line = (input: CaseInput, label: string) =>
    caseDetailLines(input, lookups).find((l) => l.label === label)?.value;

  it('CHG-1 and TRF-2: a transfer names the other school, its type, 公办/民办, zone and the grounds', () => {
    const input: CaseInput = {
      kind: 'transferOut',
      studentId: 7,
      appliedOn: '2026-08-20',
      reason: '随父母迁居太原',
      transfer: {
        reason: { ground: 'familyMoved', scope: 'city', hukouMoved: true },
        otherSchool: {
          name: '太原市第五中学',
          type: '342',
          ownership: '1',
          provincialModel: true,
          enrollmentZone: '迎泽区',
          inCity: false,
        },
      },
    };
    expect(caseDetailLines(input, lookups).map((l) => `${l.label}：${l.value}`)).toEqual([
      '转入学校：太原市第五中学',
      '学校类型：高级中学',
      '办学类型：公办',
      '省级示范高中：是',
      '招生区域：迎泽区',
      '阳泉市内学校：否',
      '转学理由：家庭居住地迁移且户籍已迁入',
      '迁移范围：跨市',
      '户籍已迁入：是',
      '申请理由：随父母迁居太原',
    ]);
  });

  it('CHG-4 and VOC-5: a resumption names its class and new 学籍辅号, a change of major its major and exception', () => {
    const base = { appliedOn: '2026-09-01', reason: '康复返校', studentId: 7 };
    expect(line({ ...base, kind: 'resumption', classId: 4, newAuxiliaryNumber: 'FH2026001' }, '复学班级')).toBe(
      '班级4',
    );
    expect(line({ ...base, kind: 'resumption', classId: 4, newAuxiliaryNumber: 'FH2026001' }, '新学籍辅号')).toBe(
      'FH2026001',
    );
    const change: CaseInput = {
      ...base,
      kind: 'changeMajor',
      majorCode: '710201',
      exception: { documentNumber: '市教〔2026〕3号' },
    };
    expect(line(change, '转入专业')).toBe('专业710201');
    expect(line(change, '教育主管部门同意文号')).toBe('市教〔2026〕3号');
  });

  it('DAT-1: a 奖惩 change shows the entry it adds', () => {
    const input: CaseInput = {
      kind: 'rewardPunishmentChange',
      studentId: 7,
      appliedOn: '2026-09-01',
      reason: '市级表彰',
      entry: {
        kind: 'reward',
        date: '2026-06-01',
        title: '三好学生',
        level: '3',
        issuer: '阳泉市教育局',
        reason: '',
        revokedOn: '',
      },
    };
    expect(line(input, '变更内容')).toBe('新增奖励');
    expect(line(input, '级别')).toBe('市级');
    expect(line(input, '奖励原因')).toBe('—');
  });
});
