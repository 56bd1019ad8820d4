/**
 * Rows of register cases: storing an opened case with its students and
 * items, reading one as the case screen shows it, and the case list with
 * open cases first by due date. The list pages over the `register_case_open`
 * index (status, due date, id) and reads the details of one page only.
 */
import { approvalSteps, type Approver } from '../../../shared/changes/approvals';
import type {
  CaseFilter,
  CaseInput,
  CasePage,
  CaseRecord,
  CaseStatus,
  CaseStudent,
  CaseSummary,
  ChangeItem,
  EvidenceInfo,
  OpenableKind,
  RecordedDecision,
} from '../../../shared/changes/caseRecords';
import type { RuleId } from '../../../shared/changes/cases';
import { changeItemLabel } from '../../../shared/changes/changeItems';
import { type Deadline, deadlineState } from '../../../shared/changes/deadlines';
import {
  type EvidenceDetails,
  formFor,
  missingEvidenceRefusal,
  requiredEvidence,
} from '../../../shared/changes/evidence';
import { stageOf } from '../../../shared/changes/stages';
import { paperProcedureRequired } from '../../../shared/changes/transferRules';
import { localDate } from '../../../shared/register/identity';
import type { SchoolProfile } from '../../../shared/register/school';
import { classLabel } from '../../../shared/register/students';
import { cachedStatement, type Database } from '../db/database';
import { AppError } from '../errors';
import { readProfile } from '../register/schoolService';
import type { PreparedCase } from './caseChecks';

/** The columns of a summary, over `register_case rc`; `grade` decides the stage (GRD-1 steps, TRF-3). */
const summaryColumns = `rc.id, rc.kind, rc.status, rc.subject, rc.applied_on AS appliedOn, rc.due_date AS dueDate,
  rc.due_rule AS dueRule, rc.opened_at AS openedAt, rc.opened_by AS openedBy,
  CASE WHEN rc.kind = 'graduation' THEN NULL
    ELSE (SELECT cs.student_id FROM case_student cs WHERE cs.case_id = rc.id LIMIT 1) END AS studentId,
  (SELECT count(*) FROM case_decision d WHERE d.case_id = rc.id) AS decisionCount,
  CASE WHEN rc.kind = 'transferIn'
    THEN (SELECT c.grade FROM class c WHERE c.id = json_extract(rc.input, '$.classId'))
    ELSE (SELECT c.grade FROM case_student cs JOIN student s ON s.id = cs.student_id JOIN class c ON c.id = s.class_id
          WHERE cs.case_id = rc.id LIMIT 1) END AS grade`;

interface SummaryRow {
  readonly id: number;
  readonly kind: OpenableKind;
  readonly status: CaseStatus;
  readonly subject: string;
  readonly appliedOn: string;
  readonly dueDate: string | null;
  readonly dueRule: RuleId | null;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly studentId: number | null;
  readonly decisionCount: number;
  /** The student's grade, or for a 转入 the grade of the class joined. */
  readonly grade: number;
}

/** The approvers of a case, in order (OPS-3); the stage decides only 毕业's (GRD-1). */
export const caseSteps = (kind: OpenableKind, grade: number, school: SchoolProfile): readonly Approver[] =>
  approvalSteps(kind, stageOf(grade, school));

function toSummary(row: SummaryRow, school: SchoolProfile, today: string): CaseSummary {
  const open = row.status === 'pending';
  const state = open && row.dueDate !== null ? deadlineState(row.dueDate, today) : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    subject: row.subject,
    studentId: row.studentId,
    appliedOn: row.appliedOn,
    dueDate: row.dueDate,
    dueRule: row.dueRule,
    daysLeft: state?.daysLeft ?? null,
    overdue: state?.overdue ?? false,
    // A rejection closes the case, so an open one has only approvals so far.
    nextApprover: open ? (caseSteps(row.kind, row.grade, school)[row.decisionCount] ?? null) : null,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
  };
}

export interface NewCase {
  readonly prepared: PreparedCase;
  readonly deadline: Deadline | null;
  readonly openedAt: string;
  readonly openedBy: string;
}

/** Stores an opened case with its students and recorded items; returns its id. */
export function insertCase(database: Database, { prepared, deadline, openedAt, openedBy }: NewCase): number {
  const { input } = prepared;
  const id = Number(
    database
      .prepare(
        `INSERT INTO register_case (kind, subject, input, applied_on, due_date, due_rule, opened_at, opened_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.kind,
        prepared.subject,
        JSON.stringify(input),
        input.appliedOn,
        deadline?.dueDate ?? null,
        deadline?.rule ?? null,
        openedAt,
        openedBy,
      ).lastInsertRowid,
  );
  for (const student of prepared.students) addCaseStudent(database, id, student.studentId, student.outcome);
  const item = database.prepare(
    'INSERT INTO case_item (case_id, position, field, before, after) VALUES (?, ?, ?, ?, ?)',
  );
  prepared.items.forEach((entry, position) => item.run(id, position, entry.field, entry.before, entry.after));
  return id;
}

export function addCaseStudent(database: Database, caseId: number, studentId: number, outcome: string | null): void {
  database
    .prepare('INSERT INTO case_student (case_id, student_id, outcome) VALUES (?, ?, ?)')
    .run(caseId, studentId, outcome);
}

/** What decides the evidence list besides the kind: the grounds, and a VOC-5 exception. */
function evidenceDetails(input: CaseInput): EvidenceDetails {
  return {
    transferGround: 'transfer' in input ? input.transfer.reason.ground : undefined,
    suspensionGround: input.kind === 'suspension' ? input.ground : undefined,
    flexibleStudyException: 'exception' in input && (input.exception?.documentNumber.trim() ?? '') !== '',
  };
}

export function readEvidence(database: Database, caseId: number): EvidenceInfo[] {
  return cachedStatement(
    database,
    `SELECT e.id, e.kind, e.file_name AS fileName, a.media_type AS mediaType, a.size AS bytes, e.sha256,
         e.added_at AS addedAt, e.added_by AS addedBy
       FROM case_evidence e JOIN attachment a ON a.sha256 = e.sha256 WHERE e.case_id = ? ORDER BY e.id`,
  ).all(caseId) as EvidenceInfo[];
}

function readStudents(database: Database, caseId: number): CaseStudent[] {
  const rows = cachedStatement(
    database,
    `SELECT cs.student_id AS studentId, s.name, c.grade, c.number, cs.outcome FROM case_student cs
         JOIN student s ON s.id = cs.student_id JOIN class c ON c.id = s.class_id
       WHERE cs.case_id = ? ORDER BY c.grade, c.number, s.name_pinyin, s.id`,
  ).all(caseId) as (Omit<CaseStudent, 'classLabel'> & { grade: number; number: number })[];
  return rows.map(({ grade, number, ...student }) => ({ ...student, classLabel: classLabel(grade, number) }));
}

function readItems(database: Database, caseId: number): ChangeItem[] {
  const rows = cachedStatement(
    database,
    'SELECT field, before, after FROM case_item WHERE case_id = ? ORDER BY position',
  ).all(caseId) as Omit<ChangeItem, 'label'>[];
  return rows.map((item) => ({ ...item, label: changeItemLabel(item.field) }));
}

function readDecisions(database: Database, caseId: number): RecordedDecision[] {
  return cachedStatement(
    database,
    `SELECT approver, outcome, decided_on AS decidedOn, decided_by AS decidedBy, opinion,
         document_number AS documentNumber, recorded_at AS recordedAt, recorded_by AS recordedBy
       FROM case_decision WHERE case_id = ? ORDER BY position`,
  ).all(caseId) as RecordedDecision[];
}

/** One case with everything the case screen shows; NOT_FOUND when there is none. */
export function readCase(database: Database, caseId: number, school: SchoolProfile, today: string): CaseRecord {
  const row = cachedStatement(
    database,
    `SELECT ${summaryColumns}, rc.input, rc.withdrawn_reason AS withdrawnReason, rc.closed_at AS closedAt
       FROM register_case rc WHERE rc.id = ?`,
  ).get(caseId) as (SummaryRow & { input: string; withdrawnReason: string; closedAt: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该学籍事项，请刷新后重试。', `case ${caseId} missing`);
  const input = JSON.parse(row.input) as CaseInput;
  const requirements = requiredEvidence(row.kind, evidenceDetails(input));
  const evidence = readEvidence(database, caseId);
  return {
    ...toSummary(row, school, today),
    input,
    students: readStudents(database, caseId),
    items: readItems(database, caseId),
    steps: caseSteps(row.kind, row.grade, school),
    decisions: readDecisions(database, caseId),
    requirements,
    evidence,
    missingEvidence:
      row.status === 'pending'
        ? missingEvidenceRefusal(
            row.kind,
            requirements,
            evidence.map((file) => file.kind),
          )
        : null,
    form: formFor(row.kind),
    paperProcedure: 'transfer' in input && paperProcedureRequired(row.grade, school, input.transfer.otherSchool),
    withdrawnReason: row.withdrawnReason,
    closedAt: row.closedAt,
  };
}

/** `readCase` with the school as it is and the clerk's local day. */
export const readCaseNow = (database: Database, caseId: number, now: Date): CaseRecord =>
  readCase(database, caseId, readProfile(database), localDate(now));

/** The WHERE clause of a filter; fixed fragments only, every value bound. */
function filterClause(filter: CaseFilter, today: string): { where: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const scope = filter.scope ?? 'open';
  if (scope === 'open') parts.push("rc.status = 'pending'");
  if (scope === 'closed') parts.push("rc.status <> 'pending'");
  if (filter.overdueOnly) {
    parts.push("rc.status = 'pending' AND rc.due_date < ?");
    params.push(today);
  }
  if (filter.kind !== undefined) {
    parts.push('rc.kind = ?');
    params.push(filter.kind);
  }
  if (filter.studentId !== undefined) {
    parts.push('rc.id IN (SELECT cs.case_id FROM case_student cs WHERE cs.student_id = ?)');
    params.push(filter.studentId);
  }
  return { where: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Open cases first by due date (none last) then id; closed ones after, newest first. */
const listOrder = `rc.status <> 'pending',
  CASE WHEN rc.status = 'pending' THEN rc.due_date IS NULL END,
  CASE WHEN rc.status = 'pending' THEN rc.due_date END,
  CASE WHEN rc.status = 'pending' THEN rc.id ELSE -rc.id END`;

export function listCaseSummaries(
  database: Database,
  filter: CaseFilter,
  school: SchoolProfile,
  today: string,
): CasePage {
  const { where, params } = filterClause(filter, today);
  // The page's ids come from the index alone; only those rows are read in full.
  const ids = database
    .prepare(`SELECT rc.id FROM register_case rc ${where} ORDER BY ${listOrder} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, filter.limit, filter.offset) as number[];
  const rows = database
    .prepare(`SELECT ${summaryColumns} FROM register_case rc WHERE rc.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row, school, today)] : [];
    }),
    total: database
      .prepare(`SELECT count(*) FROM register_case rc ${where}`)
      .pluck()
      .get(...params) as number,
    overdueCount: database
      .prepare("SELECT count(*) FROM register_case WHERE status = 'pending' AND due_date < ?")
      .pluck()
      .get(today) as number,
  };
}
