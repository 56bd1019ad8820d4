/**
 * Applying an approved case to the record, inside the transaction that
 * records its last approval (OPS-3): what may have changed since the case
 * was opened is checked again (the status machine, class room, duplicates,
 * the values a change request recorded), the status moves only through
 * `statusAfter`, and every change leaves field-level history. A refusal
 * here rolls the approval back with everything else.
 */
import type { CaseInput, CaseRecord } from '../../../shared/changes/caseRecords';
import type { Refusal, Transition } from '../../../shared/changes/cases';
import { fieldValue, staleItemRefusals } from '../../../shared/changes/changeItems';
import { canMove, type GraduationOutcome, statusAfter } from '../../../shared/changes/statusMachine';
import { labelOf, type StudentStatus, studentStatuses } from '../../../shared/register/codes';
import type { SchoolProfile } from '../../../shared/register/school';
import { rewardPunishmentText } from '../../../shared/register/studentRecords';
import { type FieldChange, type SchoolClass, studentChanges } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import type { Database } from '../db/database';
import { readClass } from '../register/classes';
import { checkedRewardPunishment, writeRewardPunishment } from '../register/rewardPunishments';
import { writeHistory } from '../register/studentRecord';
import { duplicateMessage, findDuplicate, insertStudent, writeStudentBasics } from '../register/studentWrites';
import { classFullRefusal, readStudentFacts, ruleViolation, type StudentFacts } from './caseFacts';
import { addCaseStudent } from './caseStore';
import { majorRefusals } from './caseChecks';
import { appliedBasics, appliedItemRefusals, departedRefusal } from './changeRequestChecks';
import { graduateRefusals } from './graduationChecks';

export interface ApplyContext {
  readonly database: Database;
  readonly school: SchoolProfile;
  readonly now: Date;
  /** The approval's time, stamped on the record and its history. */
  readonly stamp: string;
  /** The signed-in account that recorded the approval. */
  readonly by: string;
}

/** What the apply did, for the access log. */
export interface Applied {
  readonly studentIds: readonly number[];
  readonly fields: readonly string[];
}

/** Refuses the apply (and so the approval) when any of these is a refusal. */
function refuseIf(refusals: readonly (Refusal | null)[], caseId: number): void {
  const found = refusals.filter((refusal): refusal is Refusal => refusal !== null);
  if (found.length > 0) throw ruleViolation(found, `case ${caseId} apply`, '本事项现在不能生效，审核结果没有保存：');
}

const statusLabel = (status: StudentStatus): string => labelOf(studentStatuses, status) ?? status;

interface RecordChange {
  readonly status?: StudentStatus;
  readonly target?: SchoolClass;
  /** Said after the new class in the history, e.g. （复学降级）: CHG-4 records a student going down a grade. */
  readonly classNote?: string;
  readonly basics?: StudentBasics;
}

/** Writes the student's new status, class and basics, with one history row per change. */
function changeRecord(context: ApplyContext, student: StudentFacts, change: RecordChange): FieldChange[] {
  const { database, stamp } = context;
  const status = change.status ?? student.status;
  const classId = change.target?.id ?? student.classId;
  const changes: FieldChange[] = [];
  if (status !== student.status) {
    changes.push({ field: 'status', before: statusLabel(student.status), after: statusLabel(status) });
  }
  if (change.target && classId !== student.classId) {
    changes.push({
      field: 'classId',
      before: student.classLabel,
      after: `${change.target.label}${change.classNote ?? ''}`,
    });
  }
  database
    .prepare('UPDATE student SET status = ?, class_id = ?, updated_at = ? WHERE id = ?')
    .run(status, classId, stamp, student.id);
  if (change.basics) {
    const fields = studentChanges(student.basics, change.basics);
    if (fields.length > 0) writeStudentBasics(database, student.id, change.basics, stamp);
    changes.push(...fields);
  }
  writeHistory(database, student.id, changes, stamp, context.by);
  return changes;
}

/** The status machine again: nothing but a movement's own start statuses may move (e.g. twice). */
function movingStudent(context: ApplyContext, record: CaseRecord, studentId: number, grade?: number): StudentFacts {
  const student = readStudentFacts(context.database, studentId);
  const moving = { status: student.status, grade: grade ?? student.grade };
  refuseIf([canMove(moving, record.kind as Transition, context.school)], record.id);
  return student;
}

/** The class joined, again with room (it may have filled up since the case was opened). */
function joinedClass(context: ApplyContext, record: CaseRecord, classId: number, rule: 'CHG-1' | 'CHG-4') {
  const target = readClass(context.database, classId);
  refuseIf([classFullRefusal(target, rule)], record.id);
  return target;
}

function applied(student: StudentFacts, changes: readonly FieldChange[]): Applied {
  return { studentIds: [student.id], fields: changes.map((change) => change.field) };
}

/** 转入: a new student gets a record (籍随人走 brings a returning one back to it). */
function applyTransferIn(context: ApplyContext, record: CaseRecord, input: Extract<CaseInput, { kind: 'transferIn' }>) {
  const { database, stamp, by } = context;
  if (input.studentId !== null) {
    const target = readClass(database, input.classId);
    const student = movingStudent(context, record, input.studentId, target.grade);
    joinedClass(context, record, input.classId, 'CHG-1');
    const status = statusAfter('transferIn', student.status);
    return applied(student, changeRecord(context, student, { status, target }));
  }
  const basics = input.basics as StudentBasics;
  const target = joinedClass(context, record, input.classId, 'CHG-1');
  const clash = findDuplicate(database, basics, null);
  refuseIf([clash && { rule: 'OPS-2', message: duplicateMessage(clash) }], record.id);
  const status = statusAfter('transferIn', null);
  const id = insertStudent(database, input.classId, basics, stamp, by, status);
  addCaseStudent(database, record.id, id, null);
  const changes = [
    { field: 'status', before: '', after: statusLabel(status) },
    { field: 'classId', before: '', after: target.label },
  ];
  writeHistory(database, id, changes, stamp, by);
  return { studentIds: [id], fields: changes.map((change) => change.field) };
}

/** 复学: back in the pool, in the class chosen, with the new 学籍辅号 when going down a grade (CHG-4, REG-2). */
function applyResumption(context: ApplyContext, record: CaseRecord, input: Extract<CaseInput, { kind: 'resumption' }>) {
  const student = movingStudent(context, record, input.studentId);
  const target =
    input.classId === student.classId
      ? readClass(context.database, input.classId)
      : joinedClass(context, record, input.classId, 'CHG-4');
  const auxiliaryNumber = input.newAuxiliaryNumber ?? '';
  return applied(
    student,
    changeRecord(context, student, {
      status: statusAfter('resumption', student.status),
      target,
      classNote: target.grade < student.grade ? '（复学降级）' : '',
      basics: auxiliaryNumber === '' ? undefined : { ...student.basics, auxiliaryNumber },
    }),
  );
}

/** 毕业: each student on the list, checked again, gets the outcome the school chose (GRD-1, GRD-2). */
function applyGraduation(context: ApplyContext, record: CaseRecord) {
  const outcomes = new Map(record.students.map((student) => [student.studentId, student.outcome]));
  const students = [...outcomes.keys()].map((id) => readStudentFacts(context.database, id));
  refuseIf(
    students.flatMap((student) =>
      graduateRefusals(context.database, context.school, student, record.appliedOn, record.id),
    ),
    record.id,
  );
  const fields = students.flatMap((student) => {
    const outcome = outcomes.get(student.id) as GraduationOutcome;
    return changeRecord(context, student, { status: statusAfter('graduation', student.status, outcome) });
  });
  return { studentIds: students.map((student) => student.id), fields: [...new Set(fields.map((f) => f.field))] };
}

/** 基本信息变更: only while every field still has the value recorded with the request (DAT-1). */
function applyBasicInfoChange(context: ApplyContext, record: CaseRecord, studentId: number) {
  const student = readStudentFacts(context.database, studentId);
  refuseIf(
    [departedRefusal(student), ...staleItemRefusals(record.items, (field) => fieldValue(student.basics, field))],
    record.id,
  );
  const items = record.items.map(({ field, after }) => ({ field, after }));
  const basics = appliedBasics(student.basics, items);
  refuseIf(appliedItemRefusals(context.database, student, basics, items, context.now), record.id);
  return applied(student, changeRecord(context, student, { basics }));
}

/** 奖惩: written only while the entry is as it was when the request was made (DAT-1). */
function applyRewardPunishment(
  context: ApplyContext,
  record: CaseRecord,
  input: Extract<CaseInput, { kind: 'rewardPunishmentChange' }>,
) {
  const { database, stamp, by } = context;
  const student = readStudentFacts(database, input.studentId);
  const checked = checkedRewardPunishment(database, student, input.entry, context.now);
  const entryNow = checked.before ? rewardPunishmentText(checked.before) : '';
  refuseIf(
    staleItemRefusals(record.items, () => entryNow),
    record.id,
  );
  const { id, change } = writeRewardPunishment(database, student.id, checked, stamp, by);
  database.prepare('UPDATE student SET updated_at = ? WHERE id = ?').run(stamp, student.id);
  writeHistory(database, student.id, [change], stamp, by);
  return { studentIds: [student.id], fields: [change.field], entryId: id };
}

/** Applies an approved case; throws (rolling the approval back) when it can no longer take effect. */
export function applyCase(context: ApplyContext, record: CaseRecord): Applied {
  const { input } = record;
  switch (input.kind) {
    case 'transferIn':
      return applyTransferIn(context, record, input);
    case 'resumption':
      return applyResumption(context, record, input);
    case 'repeatGrade': {
      const student = movingStudent(context, record, input.studentId);
      const target = joinedClass(context, record, input.classId, 'CHG-4');
      return applied(student, changeRecord(context, student, { target, classNote: '（留级）' }));
    }
    case 'changeMajor': {
      // The major may have been closed since the case was opened.
      const student = movingStudent(context, record, input.studentId);
      refuseIf(majorRefusals(context.database, student, input.majorCode), record.id);
      return applied(
        student,
        changeRecord(context, student, { basics: { ...student.basics, majorCode: input.majorCode } }),
      );
    }
    case 'graduation':
      return applyGraduation(context, record);
    case 'basicInfoChange':
      return applyBasicInfoChange(context, record, input.studentId);
    case 'rewardPunishmentChange':
      return applyRewardPunishment(context, record, input);
    default: {
      const student = movingStudent(context, record, input.studentId);
      return applied(student, changeRecord(context, student, { status: statusAfter(input.kind, student.status) }));
    }
  }
}
