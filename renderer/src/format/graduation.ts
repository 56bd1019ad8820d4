/**
 * How 毕业办理 reads (rules GRD-1, GRD-2): the graduating grades a school
 * has, the list's summary, the GRD-2 deadline, who approves, and the
 * `GraduationInput` the clerk's choices make.
 */
import { approvalSteps, approvers } from '../../../shared/changes/approvals';
import type { GraduateCandidate, GraduationInput } from '../../../shared/changes/caseRecords';
import { type CaseKind, caseKindLabel } from '../../../shared/changes/cases';
import { isCompulsory, isGraduatingGrade, stageLabels, stageOf } from '../../../shared/changes/stages';
import { type GraduationOutcome, graduationOutcomes } from '../../../shared/changes/statusMachine';
import { labelOf } from '../../../shared/register/codes';
import type { SchoolProfile } from '../../../shared/register/school';
import type { SchoolClass } from '../../../shared/register/students';
import { statusText } from './register';

/** 毕业 unless the clerk chooses 结业 or 肄业. */
export const defaultOutcome: GraduationOutcome = 'graduated';

export const outcomeOptions: readonly { readonly value: GraduationOutcome; readonly label: string }[] =
  graduationOutcomes.map((value) => ({ value, label: statusText(value) }));

/** The graduating grades (6, 9, 12) the school has classes in, lowest first. */
export function graduatingGrades(classes: readonly Pick<SchoolClass, 'grade'>[]): number[] {
  return [...new Set(classes.map((c) => c.grade).filter(isGraduatingGrade))].sort((a, b) => a - b);
}

/** Nothing stands between the student and a graduating list. */
export const mayGraduate = (candidate: GraduateCandidate): boolean => candidate.refusals.length === 0;

/** “共 312 人，可办理 305 人，需处理 7 人” */
export function candidateSummary(candidates: readonly GraduateCandidate[]): string {
  const ready = candidates.filter(mayGraduate).length;
  return `共 ${candidates.length} 人，可办理 ${ready} 人，需处理 ${candidates.length - ready} 人`;
}

/** 学习简历 and 毕业评语 at a glance. */
export const doneMark = (done: boolean): string => (done ? '✓' : '✗');

/** The kinds of the student's open cases, e.g. “休学、基本信息变更”; a dash when none. */
export const openCasesText = (kinds: readonly CaseKind[]): string =>
  kinds.length === 0 ? '—' : kinds.map(caseKindLabel).join('、');

/** Who approves a grade's graduation, in order (GRD-1), e.g. “本校 → 市教育局”, and why. */
export function graduationApproval(
  grade: number,
  school: Pick<SchoolProfile, 'type'>,
): { readonly route: string; readonly note: string } {
  const stage = stageOf(grade, school);
  const route = approvalSteps('graduation', stage)
    .map((approver) => labelOf(approvers, approver) ?? approver)
    .join(' → ');
  const note = isCompulsory(stage)
    ? '义务教育阶段的毕业由学校办理，本校审批后即生效（规则 GRD-1）。'
    : `${stageLabels[stage]}的毕业须经市教育局审批：本校审核后，录入市教育局的审批结果才生效（规则 GRD-1）。`;
  return { route, note };
}

/** The outcomes chosen for the selected students, e.g. “毕业 120 人、结业 2 人”. */
export function outcomeCountsText(outcomes: readonly GraduationOutcome[]): string {
  return outcomeOptions
    .map(({ value, label }) => ({ label, count: outcomes.filter((outcome) => outcome === value).length }))
    .filter(({ count }) => count > 0)
    .map(({ label, count }) => `${label} ${count} 人`)
    .join('、');
}

/** 申请日期 and 说明 as the clerk types them. */
export interface GraduationDraft {
  appliedOn: string;
  reason: string;
}

/** 说明: 2-500 characters, as core requires of every case. */
export const reasonLength = { min: 2, max: 500 } as const;

/** What stops the draft from being sent, per field; empty when it may be. */
export function graduationDraftProblems(
  draft: GraduationDraft,
  today: string,
): Partial<Record<keyof GraduationDraft, string>> {
  const problems: Partial<Record<keyof GraduationDraft, string>> = {};
  if (!draft.appliedOn) problems.appliedOn = '请选择申请日期。';
  else if (draft.appliedOn > today) problems.appliedOn = '申请日期不能晚于今天。';
  const reason = draft.reason.trim();
  if (reason.length < reasonLength.min) problems.reason = `请填写说明，${reasonLength.min} 至 ${reasonLength.max} 字。`;
  else if (reason.length > reasonLength.max) problems.reason = `说明最多 ${reasonLength.max} 字。`;
  return problems;
}

/** The graduating list to open: the selected students who may graduate, in list order, each with their outcome. */
export function graduationInput(
  draft: GraduationDraft,
  candidates: readonly GraduateCandidate[],
  selected: ReadonlySet<number>,
  outcomes: ReadonlyMap<number, GraduationOutcome>,
): GraduationInput {
  return {
    kind: 'graduation',
    appliedOn: draft.appliedOn,
    reason: draft.reason.trim(),
    students: candidates
      .filter((candidate) => selected.has(candidate.studentId) && mayGraduate(candidate))
      .map(({ studentId }) => ({ studentId, outcome: outcomes.get(studentId) ?? defaultOutcome })),
  };
}
