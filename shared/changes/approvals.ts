/**
 * Who approves each kind of case, in order, and the checks of one recorded
 * decision (rule OPS-3 谁审核谁负责: every step names who decided, when, with
 * which opinion and document number). The orders: CHG-1 for transfers
 * (receiving bureau, sending school, sending bureau), CHG-2 and DAT-1 (the
 * school, then the county bureau), GRD-1 (compulsory graduation at the
 * school alone, senior high with the city bureau).
 */
import { labelOf, type CodeList, type CodeOf } from '../register/codes';
import { chineseDay } from './calendar';
import type { CaseKind, Refusal } from './cases';
import { isCompulsory, type Stage } from './stages';

export const approvers = [
  { code: 'school', label: '本校' },
  { code: 'countyBureau', label: '县（区）教育局' },
  { code: 'cityBureau', label: '市教育局' },
  { code: 'receivingBureau', label: '转入学校主管教育局' },
  { code: 'sendingSchool', label: '转出学校' },
  { code: 'sendingBureau', label: '转出学校主管教育局' },
] as const satisfies CodeList;

export type Approver = CodeOf<typeof approvers>;

const approverLabel = (approver: Approver): string => labelOf(approvers, approver) ?? approver;

/** CHG-1: the receiving school starts a transfer; then these decide, in this order. */
const transferSteps: readonly Approver[] = ['receivingBureau', 'sendingSchool', 'sendingBureau'];
/** CHG-2, DAT-1, and the 中职 changes VOC-3 says are reported to the bureau. */
const schoolThenCounty: readonly Approver[] = ['school', 'countyBureau'];
const schoolOnly: readonly Approver[] = ['school'];

const stepsByKind: Readonly<Record<Exclude<CaseKind, 'graduation'>, readonly Approver[]>> = {
  transferIn: transferSteps,
  transferOut: transferSteps,
  suspension: schoolThenCounty,
  resumption: schoolThenCounty,
  dropout: schoolThenCounty,
  death: schoolThenCounty,
  goingAbroad: schoolThenCounty,
  basicInfoChange: schoolThenCounty,
  rewardPunishmentChange: schoolThenCounty,
  changeMajor: schoolThenCounty,
  cancellation: schoolThenCounty,
  repeatGrade: schoolOnly,
  classChange: schoolOnly,
  promotion: schoolOnly,
};

/** The approvers of a case, in order. `stage` is the student's (it decides 毕业, GRD-1). */
export function approvalSteps(kind: CaseKind, stage: Stage): readonly Approver[] {
  if (kind === 'graduation') return isCompulsory(stage) ? schoolOnly : ['school', 'cityBureau'];
  return stepsByKind[kind];
}

export interface ApprovalDecision {
  readonly approver: Approver;
  readonly outcome: 'approved' | 'rejected';
  /** YYYY-MM-DD, as on the paper or in the national system. */
  readonly decidedOn: string;
  /** 审核人 (OPS-3). */
  readonly decidedBy: string;
  /** 审核意见; required when the step sends the case back. */
  readonly opinion: string;
  /** 文号 or 业务编号 the clerk copies from the paper or the national system; may be blank. */
  readonly documentNumber: string;
}

export type CaseState = 'pending' | 'approved' | 'rejected';

/** Rejected as soon as one step rejects; approved once every step approved, in order. */
export function caseState(steps: readonly Approver[], decisions: readonly ApprovalDecision[]): CaseState {
  if (decisions.some((decision) => decision.outcome === 'rejected')) return 'rejected';
  return decisions.length >= steps.length ? 'approved' : 'pending';
}

/** Whose decision comes next, or null once the case is decided. */
export function nextApprover(steps: readonly Approver[], decisions: readonly ApprovalDecision[]): Approver | null {
  return caseState(steps, decisions) === 'pending' ? (steps[decisions.length] ?? null) : null;
}

const orderText = (steps: readonly Approver[]): string => steps.map(approverLabel).join(' → ');

/**
 * OPS-3 refusals of one new decision, given those already recorded (in
 * order); empty when it may be recorded. `appliedOn` is the case's
 * application day, `today` the clerk's.
 */
export function decisionRefusals(
  steps: readonly Approver[],
  decisions: readonly ApprovalDecision[],
  decision: ApprovalDecision,
  days: { readonly appliedOn: string; readonly today: string },
): Refusal[] {
  const state = caseState(steps, decisions);
  if (state !== 'pending') {
    const done = state === 'approved' ? '已审批通过' : '已被退回';
    return [
      {
        rule: 'OPS-3',
        message: `本事项${done}，不能再录入审核结果（规则 OPS-3）。如需重新办理，请新建一个事项。`,
      },
    ];
  }
  const expected = steps[decisions.length];
  if (decision.approver !== expected) {
    const earlier = decisions.find((recorded) => recorded.approver === decision.approver);
    const message = earlier
      ? `${approverLabel(decision.approver)}已于${chineseDay(earlier.decidedOn)}审核过，不能重复审核（规则 OPS-3）。`
      : steps.includes(decision.approver)
        ? `请先录入${approverLabel(expected ?? decision.approver)}的审核结果（规则 OPS-3）。审核顺序：${orderText(steps)}。`
        : `本事项不需要${approverLabel(decision.approver)}审核（规则 OPS-3）。审核顺序：${orderText(steps)}。`;
    return [{ rule: 'OPS-3', message }];
  }
  const refusals: Refusal[] = [];
  if (decision.decidedBy.trim() === '') {
    refusals.push({ rule: 'OPS-3', message: '请填写审核人姓名（规则 OPS-3 谁审核谁负责）。' });
  }
  if (decision.outcome === 'rejected' && decision.opinion.trim() === '') {
    refusals.push({ rule: 'OPS-3', message: '退回时请填写审核意见，写明退回的原因（规则 OPS-3）。' });
  }
  const notBefore = decisions.at(-1)?.decidedOn ?? days.appliedOn;
  if (decision.decidedOn < notBefore || decision.decidedOn > days.today) {
    refusals.push({
      rule: 'OPS-3',
      message: `审核日期应在${chineseDay(notBefore)}至今天（${chineseDay(days.today)}）之间（规则 OPS-3），请按纸质材料或全国学籍系统中的日期填写。`,
    });
  }
  return refusals;
}
