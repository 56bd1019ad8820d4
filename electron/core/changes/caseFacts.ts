/**
 * The facts a register case's rules need, read from the database: the
 * student as they are now, their open cases, the fields other open change
 * requests are changing, earlier approved suspensions, and whether a class
 * has room. The rules themselves are in shared/changes.
 */
import type { PendingItem } from '../../../shared/changes/changeItems';
import type { CaseKind, Refusal, RuleId } from '../../../shared/changes/cases';
import type { SuspensionPeriod } from '../../../shared/changes/suspensionRules';
import type { StudentStatus } from '../../../shared/register/codes';
import type { SchoolProfile } from '../../../shared/register/school';
import { classLabel, type SchoolClass } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import type { Term } from '../../../shared/register/terms';
import type { Database } from '../db/database';
import { AppError } from '../errors';

/** The school and its terms, read once per call. */
export interface SchoolFacts {
  readonly school: SchoolProfile;
  readonly terms: readonly Term[];
}

/** A student as the rules see them now. */
export interface StudentFacts {
  readonly id: number;
  readonly name: string;
  readonly status: StudentStatus;
  readonly classId: number;
  /** 年级 of the class the student belongs to (CHG-3 keeps a suspended student in it). */
  readonly grade: number;
  readonly classLabel: string;
  readonly basics: StudentBasics;
  readonly idNumber: string;
  readonly studentNumber: string;
}

interface StudentRow extends Omit<StudentFacts, 'classLabel' | 'basics'> {
  readonly number: number;
  readonly basics: string;
}

export function readStudentFacts(database: Database, studentId: number): StudentFacts {
  const row = database
    .prepare(
      `SELECT s.id, s.name, s.status, s.class_id AS classId, c.grade, c.number, s.basics,
         s.id_number AS idNumber, s.student_number AS studentNumber
       FROM student s JOIN class c ON c.id = s.class_id WHERE s.id = ?`,
    )
    .get(studentId) as StudentRow | undefined;
  if (!row) {
    throw new AppError('NOT_FOUND', '找不到该学生的档案，可能已被修改，请刷新。', `student ${studentId} missing`);
  }
  const { number, basics, ...facts } = row;
  return { ...facts, classLabel: classLabel(row.grade, number), basics: JSON.parse(basics) as StudentBasics };
}

/** The rules' refusals as one error: every message for the clerk, the rule ids for the log. */
export function ruleViolation(refusals: readonly Refusal[], what: string, lead = ''): AppError {
  return new AppError(
    'RULE_VIOLATION',
    `${lead}${refusals.map((refusal) => refusal.message).join('')}`,
    `${what} refused by rules ${[...new Set(refusals.map((refusal) => refusal.rule))].join(', ')}`,
  );
}

/** Malformed input of a case form, refused field by field before any rule is asked. */
export function caseFieldErrors(fields: Record<string, string>, what: string): AppError {
  return new AppError(
    'FIELD_ERRORS',
    `有 ${Object.keys(fields).length} 项信息需要修改，请查看标红的栏目。`,
    `${what}: ${Object.keys(fields).join(', ')}`,
    { fields },
  );
}

/** Who a case is about, as lists show it: 张三（七年级（2）班）. */
export const studentSubject = (name: string, label: string): string => `${name}（${label}）`;

/** Kinds of the student's cases still 办理中, apart from `exceptCaseId` (the case being decided). */
export function openCaseKinds(database: Database, studentId: number, exceptCaseId: number | null): CaseKind[] {
  return database
    .prepare(
      `SELECT rc.kind FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
       WHERE cs.student_id = ? AND rc.status = 'pending' AND rc.id IS NOT ? ORDER BY rc.id`,
    )
    .pluck()
    .all(studentId, exceptCaseId) as CaseKind[];
}

/** The fields other open 基本信息变更 of the student are changing (DAT-1). */
export function pendingItems(database: Database, studentId: number, exceptCaseId: number | null): PendingItem[] {
  return database
    .prepare(
      `SELECT ci.case_id AS caseId, ci.field FROM case_student cs
         JOIN register_case rc ON rc.id = cs.case_id
         JOIN case_item ci ON ci.case_id = rc.id
       WHERE cs.student_id = ? AND rc.status = 'pending' AND rc.kind = 'basicInfoChange' AND rc.id IS NOT ?
       ORDER BY ci.case_id, ci.position`,
    )
    .all(studentId, exceptCaseId) as PendingItem[];
}

/** Open 奖惩 change requests of the student that change the entry with this id (DAT-1). */
export function pendingEntryCases(
  database: Database,
  studentId: number,
  entryId: number,
  exceptCaseId: number | null,
): number[] {
  return database
    .prepare(
      `SELECT rc.id FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
       WHERE cs.student_id = ? AND rc.status = 'pending' AND rc.kind = 'rewardPunishmentChange'
         AND json_extract(rc.input, '$.entry.id') = ? AND rc.id IS NOT ? ORDER BY rc.id`,
    )
    .pluck()
    .all(studentId, entryId, exceptCaseId) as number[];
}

/** The student's approved 休学 periods (CHG-2 counts them towards the two years). */
export function approvedSuspensions(database: Database, studentId: number): SuspensionPeriod[] {
  return database
    .prepare(
      `SELECT json_extract(rc.input, '$.period.startDate') AS startDate,
         json_extract(rc.input, '$.period.endDate') AS endDate
       FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
       WHERE cs.student_id = ? AND rc.kind = 'suspension' AND rc.status = 'approved' ORDER BY startDate`,
    )
    .all(studentId) as SuspensionPeriod[];
}

/** Refusal when the class the student would join is at its 班额, citing the movement's rule. */
export function classFullRefusal(target: SchoolClass, rule: RuleId): Refusal | null {
  if (target.studentCount < target.capacity) return null;
  return {
    rule,
    message: `${target.label}的班额为 ${target.capacity} 人，现有 ${target.studentCount} 人，已满（规则 ${rule}）。请选择其他班级，或先修改该班的班额。`,
  };
}
