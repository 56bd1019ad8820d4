/**
 * The case sheets of the review workbook: 学籍异动 (movements), 变更申请
 * (basic-information and 奖惩 change requests, one row per item with its
 * values before and after, DAT-1), 毕业生 (with what GRD-2 asks of each
 * graduate) and 待办事项 (open cases with their due dates, overdue ones
 * marked, CHG-1, CHG-2, DAT-1, GRD-2). Approvals are written as recorded
 * (OPS-3: who decided, when, with which document number).
 */
import { approvers } from '../../../shared/changes/approvals';
import { type CaseRecord, caseStatusLabels, type ChangeItem } from '../../../shared/changes/caseRecords';
import { caseKindLabel } from '../../../shared/changes/cases';
import { deadlineState, deadlineText } from '../../../shared/changes/deadlines';
import { labelOf, sexes, studentStatuses } from '../../../shared/register/codes';
import { type CellKind, type Column, fieldValue } from './reviewExportColumns';
import type { CaseRow, GraduateRow } from './reviewExportReaders';

const column = <Row>(header: string, width: number, kind: CellKind, value: (row: Row) => string): Column<Row> => ({
  header,
  width,
  kind,
  value,
});

/** `2026-09-02T10:05:00.000+08:00` → `2026-09-02 10:05`; '' stays ''. */
const minute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

const approverLabel = (approver: string): string => labelOf(approvers, approver) ?? approver;

/** 本校：同意（2026-09-02，张校长，文号 阳教字〔2026〕12号）；待县（区）教育局审批 */
export function approvalsText(record: CaseRecord): string {
  const decided = record.decisions.map((decision) => {
    const outcome = decision.outcome === 'approved' ? '同意' : '退回';
    const documentNumber = decision.documentNumber.trim() ? `，文号 ${decision.documentNumber.trim()}` : '';
    const opinion = decision.opinion.trim() ? `，意见：${decision.opinion.trim()}` : '';
    return `${approverLabel(decision.approver)}：${outcome}（${decision.decidedOn}，${decision.decidedBy}${documentNumber}${opinion}）`;
  });
  const waiting = record.nextApprover ? [`待${approverLabel(record.nextApprover)}审批`] : [];
  return [...decided, ...waiting].join('；');
}

const caseColumns = {
  id: column<CaseRow>('事项编号', 9, 'text', (row) => String(row.record.id)),
  kind: column<CaseRow>('类型', 12, 'text', (row) => caseKindLabel(row.record.kind)),
  name: column<CaseRow>('姓名', 10, 'text', (row) => row.student?.name ?? ''),
  studentNumber: column<CaseRow>('全国学籍号', 21, 'id', (row) => row.student?.studentNumber ?? ''),
  idNumber: column<CaseRow>('身份证件号', 20, 'id', (row) => row.student?.idNumber ?? ''),
  classLabel: column<CaseRow>('班级', 14, 'text', (row) => row.student?.classLabel ?? ''),
  appliedOn: column<CaseRow>('申请日期', 12, 'date', (row) => row.record.appliedOn),
  dueDate: column<CaseRow>('办理期限', 12, 'date', (row) => row.record.dueDate ?? ''),
  dueRule: column<CaseRow>('期限依据', 9, 'text', (row) => (row.record.dueRule ? `规则 ${row.record.dueRule}` : '')),
  status: column<CaseRow>('办理状态', 9, 'text', (row) => caseStatusLabels[row.record.status]),
  approvals: column<CaseRow>('审批情况', 60, 'text', (row) => approvalsText(row.record)),
  closedAt: column<CaseRow>('办结时间', 17, 'text', (row) => minute(row.record.closedAt)),
  openedBy: column<CaseRow>('登记人', 10, 'text', (row) => row.record.openedBy),
  openedAt: column<CaseRow>('登记时间', 17, 'text', (row) => minute(row.record.openedAt)),
  reason: column<CaseRow>('申请理由', 40, 'text', (row) => row.record.input.reason),
};

export const movementColumns: readonly Column<CaseRow>[] = [
  caseColumns.id,
  { ...caseColumns.kind, header: '异动类型' },
  caseColumns.name,
  caseColumns.studentNumber,
  caseColumns.idNumber,
  caseColumns.classLabel,
  caseColumns.appliedOn,
  caseColumns.dueDate,
  caseColumns.dueRule,
  caseColumns.status,
  caseColumns.approvals,
  caseColumns.closedAt,
  caseColumns.openedBy,
  caseColumns.openedAt,
  caseColumns.reason,
  column<CaseRow>('撤销原因', 30, 'text', (row) => row.record.withdrawnReason),
];

/** One item of a change request. */
export interface ChangeRow {
  readonly row: CaseRow;
  readonly item: ChangeItem;
}

const ofCase = (source: Column<CaseRow>): Column<ChangeRow> => ({
  ...source,
  value: (change) => source.value(change.row),
});

export const changeRequestColumns: readonly Column<ChangeRow>[] = [
  ...[
    caseColumns.id,
    { ...caseColumns.kind, header: '变更类型' },
    caseColumns.name,
    caseColumns.studentNumber,
    caseColumns.idNumber,
    caseColumns.classLabel,
  ].map(ofCase),
  column<ChangeRow>('变更项目', 14, 'text', (change) => change.item.label),
  // An ID number or phone changes too: text cells, whatever the item.
  column<ChangeRow>('变更前', 30, 'id', (change) => fieldValue(change.item.field, change.item.before)),
  column<ChangeRow>('变更后', 30, 'id', (change) => fieldValue(change.item.field, change.item.after)),
  ...[
    caseColumns.appliedOn,
    caseColumns.dueDate,
    caseColumns.status,
    caseColumns.approvals,
    caseColumns.closedAt,
    caseColumns.reason,
  ].map(ofCase),
];

const hasText = (present: boolean): string => (present ? '有' : '无');

export const graduateColumns: readonly Column<GraduateRow>[] = [
  column('班级', 14, 'text', (row) => row.classLabel),
  column('姓名', 10, 'text', (row) => row.name),
  column('性别', 6, 'text', (row) => labelOf(sexes, row.sex) ?? row.sex),
  column('身份证件号', 20, 'id', (row) => row.idNumber),
  column('全国学籍号', 21, 'id', (row) => row.studentNumber),
  column('毕业结果', 9, 'text', (row) => labelOf(studentStatuses, row.status) ?? row.status),
  column('毕业事项编号', 12, 'text', (row) => (row.graduation ? String(row.graduation.id) : '')),
  column('审批情况', 50, 'text', (row) => (row.graduation ? approvalsText(row.graduation) : '')),
  column('办结时间', 17, 'text', (row) => minute(row.graduation?.closedAt ?? '')),
  // GRD-2: every graduate has both by 30 June.
  column('学习简历', 9, 'text', (row) => hasText(row.hasStudyHistory)),
  column('毕业评语', 9, 'text', (row) => hasText(row.hasGraduationComment)),
];

/** Columns of 待办事项; `today` decides how many days are left. */
export function openCaseColumns(today: string): readonly Column<CaseRow>[] {
  const state = (row: CaseRow) => (row.record.dueDate ? deadlineState(row.record.dueDate, today) : null);
  return [
    caseColumns.id,
    caseColumns.kind,
    column('对象', 24, 'text', (row) => row.record.subject),
    caseColumns.appliedOn,
    caseColumns.dueDate,
    caseColumns.dueRule,
    column('期限情况', 28, 'text', (row) => {
      const deadline = state(row);
      return deadline ? deadlineText(deadline) : '无规定期限';
    }),
    column('是否逾期', 9, 'text', (row) => (state(row)?.overdue ? '是' : '否')),
    column('等待审批', 18, 'text', (row) => (row.record.nextApprover ? approverLabel(row.record.nextApprover) : '')),
    column('缺少的材料', 40, 'text', (row) => row.record.missingEvidence?.message ?? ''),
    caseColumns.openedBy,
    caseColumns.openedAt,
  ];
}
