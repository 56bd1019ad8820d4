/**
 * How register cases (学籍异动 and change requests) read on screen: the list's
 * filters as the route query and as the contract's filter, deadline wording
 * and colour, status tags, the approval steps beside their decisions, the
 * evidence grouped under what the case needs, and the checks of a file
 * before it is sent.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { labelOf, movementTypes } from '../../../shared/register/codes';
import { type Approver, approvers } from '../../../shared/changes/approvals';
import { chineseDay } from '../../../shared/changes/calendar';
import {
  type CaseFilter,
  type CaseRecord,
  type CaseStatus,
  type CaseSummary,
  type EvidenceInfo,
  evidenceSpec,
  type OpenableKind,
  type RecordedDecision,
} from '../../../shared/changes/caseRecords';
import { caseKindLabel, type RuleId } from '../../../shared/changes/cases';
import { deadlineText } from '../../../shared/changes/deadlines';
import {
  changeForms,
  type ChangeForm,
  evidenceLabel,
  type EvidenceKind,
  type EvidenceRequirement,
} from '../../../shared/changes/evidence';

// ---------------------------------------------------------------------------
// The list's filters

/** Every kind a clerk opens, in the order the filter offers them; a record, so none can be left out. */
const kindOrder: Readonly<Record<OpenableKind, true>> = {
  transferIn: true,
  transferOut: true,
  suspension: true,
  resumption: true,
  repeatGrade: true,
  dropout: true,
  death: true,
  goingAbroad: true,
  changeMajor: true,
  cancellation: true,
  graduation: true,
  basicInfoChange: true,
  rewardPunishmentChange: true,
};
export const openableKinds = Object.keys(kindOrder) as readonly OpenableKind[];

/** The kinds the filter offers: 转专业 and 注销 only in a 中职 school (VOC-5). */
export function kindOptions(vocational: boolean): { readonly code: OpenableKind; readonly label: string }[] {
  const vocationalOnly = new Set<string>(
    movementTypes.filter((entry) => 'vocationalOnly' in entry && entry.vocationalOnly).map((entry) => entry.code),
  );
  return openableKinds
    .filter((kind) => vocational || !vocationalOnly.has(kind))
    .map((kind) => ({ code: kind, label: caseKindLabel(kind) }));
}

export type CaseScope = NonNullable<CaseFilter['scope']>;

export const scopeOptions: readonly { readonly value: CaseScope; readonly label: string }[] = [
  { value: 'open', label: '办理中' },
  { value: 'closed', label: '已结束' },
  { value: 'all', label: '全部' },
];

/** What the clerk chose on 学籍异动; kept in the route query. */
export interface CaseListFilter {
  readonly scope: CaseScope;
  readonly kind: OpenableKind | null;
  /** Open cases past their due date only (not offered for closed cases). */
  readonly overdueOnly: boolean;
  /** One student's cases (a link from the student's record). */
  readonly studentId: number | null;
  /** 1-based. */
  readonly page: number;
}

export const defaultCaseListFilter: CaseListFilter = {
  scope: 'open',
  kind: null,
  overdueOnly: false,
  studentId: null,
  page: 1,
};

/** Rows per page of the list. */
export const casePageSize = 20;

const first = (value: LocationQuery[string] | undefined): string => {
  const found = Array.isArray(value) ? value[0] : value;
  return typeof found === 'string' ? found : '';
};

const positive = (text: string): number | null => (/^[1-9]\d{0,8}$/.test(text) ? Number(text) : null);

/** The filter a route query describes; anything malformed (a hand-edited address) is left out. */
export function caseFilterFromQuery(query: LocationQuery): CaseListFilter {
  const scope = scopeOptions.find((option) => option.value === first(query['scope']))?.value ?? 'open';
  const kind = openableKinds.find((code) => code === first(query['kind'])) ?? null;
  return {
    scope,
    kind,
    overdueOnly: scope !== 'closed' && first(query['overdue']) === '1',
    studentId: positive(first(query['student'])),
    page: positive(first(query['page'])) ?? 1,
  };
}

/** The route query of a filter: only what differs from the default, so the plain list is plain `/cases`. */
export function caseListQuery(filter: CaseListFilter): LocationQueryRaw {
  return {
    ...(filter.scope !== 'open' ? { scope: filter.scope } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.overdueOnly && filter.scope !== 'closed' ? { overdue: '1' } : {}),
    ...(filter.studentId !== null ? { student: String(filter.studentId) } : {}),
    ...(filter.page > 1 ? { page: String(filter.page) } : {}),
  };
}

export const sameCaseFilter = (a: CaseListFilter, b: CaseListFilter): boolean =>
  JSON.stringify(caseListQuery(a)) === JSON.stringify(caseListQuery(b));

/** The contract's filter for one page. */
export function caseQueryOf(filter: CaseListFilter): CaseFilter {
  return {
    scope: filter.scope,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.studentId !== null ? { studentId: filter.studentId } : {}),
    ...(filter.overdueOnly && filter.scope !== 'closed' ? { overdueOnly: true } : {}),
    limit: casePageSize,
    offset: (filter.page - 1) * casePageSize,
  };
}

// ---------------------------------------------------------------------------
// Deadlines, status, approvers

/** danger: overdue; warning: due within `dueSoonDays`; normal; muted: closed or no due date. */
export type DeadlineTone = 'danger' | 'warning' | 'normal' | 'muted';

/** An open case with this many days left or fewer (today counting as 0) is shown in orange. */
export const dueSoonDays = 2;

/** “还剩 3 天（2026年9月9日截止）”, “今天截止”, “已逾期 2 天（…）”, or “无期限”. */
export function deadlineView(summary: Pick<CaseSummary, 'dueDate' | 'daysLeft' | 'overdue'>): {
  readonly text: string;
  readonly tone: DeadlineTone;
} {
  const { dueDate, daysLeft, overdue } = summary;
  if (dueDate === null) return { text: '无期限', tone: 'muted' };
  // A closed case has no days left to count: its due date is history.
  if (daysLeft === null) return { text: `${chineseDay(dueDate)}截止`, tone: 'muted' };
  const tone: DeadlineTone = overdue ? 'danger' : daysLeft <= dueSoonDays ? 'warning' : 'normal';
  return { text: deadlineText({ dueDate, daysLeft, overdue }), tone };
}

/** What each rule that sets a due date asks, for the case screen. */
const dueRuleTexts: Partial<Readonly<Record<RuleId, string>>> = {
  'CHG-1': '转学在学期开学前后一个月内办理',
  'CHG-2': '提出申请后一周内办结',
  'DAT-1': '提出申请后一周内办结',
  'GRD-2': '6 月 30 日前完成毕业审核',
};

/** “规则 DAT-1：提出申请后一周内办结”, or '' without a due date. */
export function dueRuleText(rule: RuleId | null): string {
  if (!rule) return '';
  const what = dueRuleTexts[rule];
  return what ? `规则 ${rule}：${what}` : `规则 ${rule}`;
}

export const statusTagTypes: Readonly<Record<CaseStatus, 'primary' | 'success' | 'danger' | 'info'>> = {
  pending: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
};

export const approverText = (approver: Approver | null): string =>
  approver ? (labelOf(approvers, approver) ?? approver) : '—';

/** “基本信息变更 #3” */
export const caseTitle = (summary: Pick<CaseSummary, 'kind' | 'id'>): string =>
  `${caseKindLabel(summary.kind)} #${summary.id}`;

/** “《阳泉市中小学生基本信息变更申请表》” */
export const formTitle = (form: ChangeForm): string => `《${labelOf(changeForms, form) ?? form}》`;

export const outcomeLabels: Readonly<Record<RecordedDecision['outcome'], string>> = {
  approved: '同意',
  rejected: '退回',
};

/** One approval step: decided, the one awaited, or not reached (after a rejection or withdrawal, or later in line). */
export interface StepRow {
  readonly index: number;
  readonly approver: Approver;
  readonly label: string;
  readonly decision: RecordedDecision | null;
  readonly state: 'decided' | 'next' | 'waiting';
}

/** The steps in order, each beside its recorded decision (decisions are recorded in step order, OPS-3). */
export function stepRows(record: Pick<CaseRecord, 'steps' | 'decisions' | 'nextApprover'>): StepRow[] {
  return record.steps.map((approver, index) => {
    const decision = record.decisions[index] ?? null;
    const state = decision ? 'decided' : index === record.decisions.length && record.nextApprover ? 'next' : 'waiting';
    return { index, approver, label: approverText(approver), decision, state };
  });
}

/** The first day a new decision may carry: the previous step's, or the application's (OPS-3). */
export const earliestDecisionDay = (record: Pick<CaseRecord, 'decisions' | 'appliedOn'>): string =>
  record.decisions.at(-1)?.decidedOn ?? record.appliedOn;

// ---------------------------------------------------------------------------
// Evidence

export const needLabels: Readonly<Record<EvidenceRequirement['need'], string>> = {
  required: '必需',
  oneOf: '至少一项',
  optional: '可选',
};

export interface EvidenceGroup {
  readonly kind: EvidenceKind;
  readonly label: string;
  readonly need: EvidenceRequirement['need'];
  readonly files: readonly EvidenceInfo[];
}

/** The requirements in order, each with its uploaded files; files of a kind not listed follow as optional. */
export function evidenceGroups(record: Pick<CaseRecord, 'kind' | 'requirements' | 'evidence'>): EvidenceGroup[] {
  const listed = new Set(record.requirements.map((item) => item.kind));
  const extra = [...new Set(record.evidence.map((file) => file.kind).filter((kind) => !listed.has(kind)))];
  const needs: readonly EvidenceRequirement[] = [
    ...record.requirements,
    ...extra.map((kind) => ({ kind, need: 'optional' as const })),
  ];
  return needs.map(({ kind, need }) => ({
    kind,
    need,
    label: evidenceLabel(kind, record.kind),
    files: record.evidence.filter((file) => file.kind === kind),
  }));
}

const mebibyte = 1024 * 1024;
/** Rounded up to 0.1 MB, so a file just over the limit never reads as the limit itself. */
const megabytesUp = (bytes: number): string => `${(Math.ceil((bytes / mebibyte) * 10) / 10).toFixed(1)} MB`;

/** The file types core accepts, for the file picker. */
export const evidenceAccept = '.jpg,.jpeg,.png,.pdf';

/** Why a chosen file cannot be sent, said before anything is sent (core checks the content again); '' when it may. */
export function evidenceFileProblem(file: { readonly name: string; readonly size: number }): string {
  if (!/\.(jpe?g|png|pdf)$/i.test(file.name)) {
    return `“${file.name}”不是 JPG、PNG 图片或 PDF 文件，请选择 .jpg、.jpeg、.png 或 .pdf 文件。`;
  }
  if (file.size === 0) return `“${file.name}”是空文件，请重新扫描或导出。`;
  if (file.size > evidenceSpec.maxBytes) {
    return `“${file.name}”有 ${megabytesUp(file.size)}，超过 ${evidenceSpec.maxBytes / mebibyte} MB 的上限，请压缩或降低扫描分辨率后再上传。`;
  }
  return '';
}

// ---------------------------------------------------------------------------
// How a closed case ended

export interface ClosedNotice {
  readonly type: 'success' | 'warning' | 'info';
  readonly title: string;
}

/** The line above a closed case saying how it ended and what follows; null while it is open. */
export function closedNotice(
  record: Pick<CaseRecord, 'status' | 'decisions' | 'withdrawnReason' | 'kind'>,
): ClosedNotice | null {
  switch (record.status) {
    case 'pending':
      return null;
    case 'approved':
      return { type: 'success', title: `已办结：各级审核均已同意，${caseKindLabel(record.kind)}已记入学籍。` };
    case 'rejected': {
      const refusal = record.decisions.find((decision) => decision.outcome === 'rejected');
      const who = refusal ? `${approverText(refusal.approver)}于${chineseDay(refusal.decidedOn)}退回` : '已退回';
      return { type: 'warning', title: `${who}，学籍未作变更。如需重新办理，请新建事项。` };
    }
    case 'withdrawn':
      return { type: 'info', title: `已撤销，学籍未作变更。撤销原因：${record.withdrawnReason || '—'}` };
  }
}
