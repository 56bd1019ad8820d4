import { describe, expect, it } from 'vitest';
import {
  approvalSteps,
  caseState,
  decisionRefusals,
  nextApprover,
  type ApprovalDecision,
} from '../../shared/changes/approvals';

const days = { appliedOn: '2026-09-07', today: '2026-09-10' };
const decision = (overrides: Partial<ApprovalDecision>): ApprovalDecision => ({
  approver: 'school',
  outcome: 'approved',
  decidedOn: '2026-09-08',
  decidedBy: '李校长',
  opinion: '同意',
  documentNumber: '',
  ...overrides,
});

describe('approval steps per case kind', () => {
  it('CHG-1 a transfer runs: receiving bureau, sending school, sending bureau, either way', () => {
    const order = ['receivingBureau', 'sendingSchool', 'sendingBureau'];
    expect(approvalSteps('transferIn', 'junior')).toEqual(order);
    expect(approvalSteps('transferOut', 'senior')).toEqual(order);
  });

  it.each(['suspension', 'resumption', 'death', 'goingAbroad', 'dropout'] as const)(
    'CHG-2 a %s is approved by the school, then the county bureau',
    (kind) => {
      expect(approvalSteps(kind, 'primary')).toEqual(['school', 'countyBureau']);
    },
  );

  it('DAT-1 a basic-information change is approved by the school, then the county bureau', () => {
    expect(approvalSteps('basicInfoChange', 'junior')).toEqual(['school', 'countyBureau']);
    expect(approvalSteps('rewardPunishmentChange', 'junior')).toEqual(['school', 'countyBureau']);
  });

  it('GRD-1 compulsory graduation is the school’s alone; senior high needs the city bureau', () => {
    expect(approvalSteps('graduation', 'primary')).toEqual(['school']);
    expect(approvalSteps('graduation', 'junior')).toEqual(['school']);
    expect(approvalSteps('graduation', 'senior')).toEqual(['school', 'cityBureau']);
  });

  it('VOC-3 a vocational 转专业 or 注销 is reported to the bureau; 调班 and 升级 stay at the school', () => {
    expect(approvalSteps('changeMajor', 'vocational')).toEqual(['school', 'countyBureau']);
    expect(approvalSteps('cancellation', 'vocational')).toEqual(['school', 'countyBureau']);
    expect(approvalSteps('classChange', 'junior')).toEqual(['school']);
    expect(approvalSteps('promotion', 'junior')).toEqual(['school']);
  });
});

describe('OPS-3 recording decisions', () => {
  const steps = approvalSteps('suspension', 'junior');

  it('OPS-3 a case is pending until every step approved, rejected at the first rejection', () => {
    const school = decision({});
    expect(caseState(steps, [])).toBe('pending');
    expect(nextApprover(steps, [])).toBe('school');
    expect(caseState(steps, [school])).toBe('pending');
    expect(nextApprover(steps, [school])).toBe('countyBureau');
    expect(caseState(steps, [school, decision({ approver: 'countyBureau' })])).toBe('approved');
    expect(caseState(steps, [decision({ outcome: 'rejected' })])).toBe('rejected');
    expect(nextApprover(steps, [decision({ outcome: 'rejected' })])).toBeNull();
  });

  it('OPS-3 accepts the next step with who decided and when', () => {
    expect(decisionRefusals(steps, [], decision({}), days)).toEqual([]);
  });

  it('OPS-3 refuses approving an already decided step', () => {
    const [refusal] = decisionRefusals(steps, [decision({})], decision({}), days);
    expect(refusal?.rule).toBe('OPS-3');
    expect(refusal?.message).toContain('本校已于2026年9月8日审核过，不能重复审核');
  });

  it('OPS-3 refuses any decision on a case already decided', () => {
    const done = [decision({}), decision({ approver: 'countyBureau' })];
    expect(decisionRefusals(steps, done, decision({ approver: 'countyBureau' }), days)[0]?.message).toContain(
      '本事项已审批通过，不能再录入审核结果',
    );
    const rejected = [decision({ outcome: 'rejected', opinion: '材料不全' })];
    expect(decisionRefusals(steps, rejected, decision({ approver: 'countyBureau' }), days)[0]?.message).toContain(
      '已被退回',
    );
  });

  it('CHG-1 OPS-3 refuses a step out of order, naming the order', () => {
    const transfer = approvalSteps('transferIn', 'junior');
    const [refusal] = decisionRefusals(transfer, [], decision({ approver: 'sendingSchool' }), days);
    expect(refusal?.message).toContain('请先录入转入学校主管教育局的审核结果');
    expect(refusal?.message).toContain('转入学校主管教育局 → 转出学校 → 转出学校主管教育局');
    expect(decisionRefusals(steps, [], decision({ approver: 'cityBureau' }), days)[0]?.message).toContain(
      '本事项不需要市教育局审核',
    );
  });

  it('OPS-3 refuses a decision without who decided, and a rejection without its reason', () => {
    const refusals = decisionRefusals(steps, [], decision({ decidedBy: ' ', outcome: 'rejected', opinion: '' }), days);
    expect(refusals.map((refusal) => refusal.message)).toEqual([
      '请填写审核人姓名（规则 OPS-3 谁审核谁负责）。',
      '退回时请填写审核意见，写明退回的原因（规则 OPS-3）。',
    ]);
  });

  it('OPS-3 the decision day lies between the application (or the previous step) and today', () => {
    expect(decisionRefusals(steps, [], decision({ decidedOn: '2026-09-07' }), days)).toEqual([]);
    expect(decisionRefusals(steps, [], decision({ decidedOn: '2026-09-10' }), days)).toEqual([]);
    expect(decisionRefusals(steps, [], decision({ decidedOn: '2026-09-06' }), days)[0]?.message).toContain(
      '审核日期应在2026年9月7日至今天（2026年9月10日）之间',
    );
    expect(decisionRefusals(steps, [], decision({ decidedOn: '2026-09-11' }), days)).toHaveLength(1);
    const county = decision({ approver: 'countyBureau', decidedOn: '2026-09-07' });
    expect(decisionRefusals(steps, [decision({})], county, days)[0]?.message).toContain('2026年9月8日至今天');
  });
});
