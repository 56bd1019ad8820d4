/**
 * Classes and student records (issue 4): registration with the national
 * rules checked first, duplicates refused or flagged (OPS-2, VOC-4),
 * audited reads of a full record, direct edits of non-key fields with
 * field-level history, key fields only through a change request (DAT-1).
 */
import { isoWithOffset } from '../../../shared/time';
import type { EnrollmentWarning, EnrollmentWarningKind } from '../../../shared/register/enrollment';
import {
  type ClassInput,
  classLabel,
  classProblems,
  keyFieldChanges,
  type RegistrationResult,
  type SchoolClass,
  type StudentQuery,
  type StudentRecord,
  type StudentSummary,
  studentChanges,
  studentFieldLabels,
} from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass, readClasses } from './classes';
import { enrollmentWarningsFor } from './enrollmentService';
import { searchStudents } from './studentSearch';
import { auditObjectId, readStudentRecord, writeHistory } from './studentRecord';
import {
  insertStudent,
  normalisedBasics,
  possibleDuplicates,
  refuseDuplicates,
  refuseFieldErrors,
  writeStudentBasics,
} from './studentWrites';

export interface StudentServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

export function createStudentService({ sessions, now }: StudentServiceContext) {
  const db = () => sessions.require().storage.db;
  const actor = () => sessions.require().actor.userName;

  function saveClass(input: ClassInput): SchoolClass[] {
    const cleaned = { ...input, headTeacher: input.headTeacher.trim() };
    const problems = classProblems(cleaned);
    if (Object.keys(problems).length > 0) {
      throw new AppError('FIELD_ERRORS', Object.values(problems).join(''), 'class fields', { fields: problems });
    }
    const database = db();
    const clash = database
      .prepare('SELECT id FROM class WHERE grade = ? AND number = ? AND id IS NOT ?')
      .get(cleaned.grade, cleaned.number, cleaned.id ?? null);
    if (clash) {
      throw new AppError('RULE_VIOLATION', `${classLabel(cleaned.grade, cleaned.number)}已经存在。`, 'class exists');
    }
    const at = now();
    database.transaction(() => {
      const before = cleaned.id === undefined ? undefined : readClass(database, cleaned.id);
      const values = [cleaned.grade, cleaned.number, cleaned.headTeacher, cleaned.capacity] as const;
      const id = before
        ? (database
            .prepare('UPDATE class SET grade = ?, number = ?, head_teacher = ?, capacity = ? WHERE id = ?')
            .run(...values, before.id),
          before.id)
        : Number(
            database
              .prepare('INSERT INTO class (grade, number, head_teacher, capacity) VALUES (?, ?, ?, ?)')
              .run(...values).lastInsertRowid,
          );
      sessions.audit({
        at,
        action: before ? 'class.update' : 'class.create',
        objectType: 'class',
        objectId: String(id),
        outcome: 'success',
        details: {
          class: classLabel(cleaned.grade, cleaned.number),
          headTeacher: cleaned.headTeacher,
          capacity: cleaned.capacity,
        },
      });
    })();
    return readClasses(database);
  }

  /**
   * ENR-2: every warning must be among the kinds the clerk acknowledged;
   * returns the acknowledged warnings, for the access log.
   */
  function acknowledgedEnrollmentWarnings(
    database: Database,
    classId: number,
    basics: StudentBasics,
    acknowledged: readonly EnrollmentWarningKind[],
  ): EnrollmentWarning[] {
    const warnings = enrollmentWarningsFor(database, classId, basics);
    const pending = warnings.filter((warning) => !acknowledged.includes(warning.kind));
    if (pending.length > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        `保存前请确认以下招生提示：${pending.map((warning) => warning.message).join('')}确认后再保存。`,
        `unacknowledged enrollment warnings: ${pending.map((warning) => warning.kind).join(', ')}`,
      );
    }
    return warnings;
  }

  function registerStudent(
    classId: number,
    input: StudentBasics,
    acknowledgedWarnings: readonly EnrollmentWarningKind[] = [],
  ): RegistrationResult {
    const basics = normalisedBasics(input);
    const at = now();
    refuseFieldErrors(basics, at);
    const database = db();
    const schoolClass = readClass(database, classId);
    return database.transaction(() => {
      refuseDuplicates(database, basics, null);
      const warnings = acknowledgedEnrollmentWarnings(database, classId, basics, acknowledgedWarnings);
      const stamp = isoWithOffset(at);
      const id = insertStudent(database, classId, basics, stamp, actor());
      const flagged = possibleDuplicates(database, basics, id);
      sessions.audit({
        at,
        action: 'student.create',
        objectType: 'student',
        objectId: basics.studentNumber || basics.idNumber || String(id),
        outcome: 'success',
        details: { studentId: id, class: schoolClass.label, possibleDuplicates: flagged.map((s) => s.id) },
      });
      if (warnings.length > 0) {
        sessions.audit({
          at,
          action: 'enrollment.acknowledge',
          objectType: 'student',
          objectId: basics.studentNumber || basics.idNumber || String(id),
          outcome: 'success',
          details: {
            studentId: id,
            class: schoolClass.label,
            kinds: warnings.map((warning) => warning.kind),
            messages: warnings.map((warning) => warning.message),
          },
        });
      }
      return { student: readStudentRecord(database, id), possibleDuplicates: flagged };
    })();
  }

  /** The full record: every opening is in the access log (DESIGN.md §4). */
  function getStudent(id: number): StudentRecord {
    const database = db();
    const found = readStudentRecord(database, id);
    database.transaction(() =>
      sessions.audit({
        at: now(),
        action: 'student.read',
        objectType: 'student',
        objectId: auditObjectId(found),
        outcome: 'success',
        details: { studentId: id },
      }),
    )();
    return found;
  }

  function updateStudent(id: number, input: StudentBasics): StudentRecord {
    const database = db();
    const before = readStudentRecord(database, id);
    const basics = normalisedBasics(input);
    const changes = studentChanges(before.basics, basics);
    const locked = keyFieldChanges(changes);
    if (locked.length > 0) {
      const names = locked.map((change) => studentFieldLabels[change.field] ?? change.field).join('、');
      throw new AppError(
        'RULE_VIOLATION',
        `${names}属于关键数据，登记后只能通过“基本信息变更申请”经审批后修改（规则 DAT-1）。`,
        `key fields: ${locked.map((change) => change.field).join(', ')}`,
        { fields: Object.fromEntries(locked.map((change) => [change.field, '关键数据：请通过基本信息变更申请修改'])) },
      );
    }
    const majorChange = changes.find((change) => change.field === 'majorCode' && change.before !== '');
    if (majorChange) {
      throw new AppError(
        'RULE_VIOLATION',
        '已登记的专业只能通过“转专业”学籍异动经审批后变更（规则 VOC-3）。',
        'majorCode changed outside a changeMajor case',
        { fields: { majorCode: '请通过转专业办理' } },
      );
    }
    if (changes.length === 0) return before;
    const at = now();
    refuseFieldErrors(basics, at);
    const stamp = isoWithOffset(at);
    database.transaction(() => {
      refuseDuplicates(database, basics, id);
      writeStudentBasics(database, id, basics, stamp);
      writeHistory(database, id, changes, stamp, actor());
      sessions.audit({
        at,
        action: 'student.update',
        objectType: 'student',
        objectId: basics.studentNumber || basics.idNumber || String(id),
        outcome: 'success',
        details: { studentId: id, fields: changes.map((change) => change.field) },
      });
    })();
    return readStudentRecord(database, id);
  }

  /** 姓名 (part or pinyin), 身份证件号 / 学籍号 (start), grade, class, status, flags; in roll order. */
  function listStudents(query: StudentQuery): { rows: StudentSummary[]; total: number } {
    return searchStudents(db(), query);
  }

  return {
    listClasses: () => readClasses(db()),
    saveClass,
    registerStudent,
    getStudent,
    updateStudent,
    listStudents,
  };
}
