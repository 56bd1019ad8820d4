/**
 * Classes and student records (issue 4): registration with the national
 * rules checked first, duplicates refused or flagged (OPS-2, VOC-4),
 * audited reads of a full record, direct edits of non-key fields with
 * field-level history, key fields only through a change request (DAT-1).
 */
import { isoWithOffset } from '../../../shared/time';
import type { EnrollmentWarning, EnrollmentWarningKind } from '../../../shared/register/enrollment';
import { normaliseIdText } from '../../../shared/register/identity';
import { normaliseName } from '../../../shared/register/duplicates';
import { nameInitials, namePinyin } from '../../../shared/register/pinyin';
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
import { type StudentBasics, validateStudentBasics } from '../../../shared/register/studentValidation';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass, readClasses } from './classes';
import { enrollmentWarningsFor } from './enrollmentService';
import { searchStudents } from './studentSearch';
import {
  auditObjectId,
  readStudentRecord,
  summaryColumns,
  type SummaryRow,
  toSummary,
  writeHistory,
} from './studentRecord';

export interface StudentServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

/** Trims and normalises what is typed, so the same person is found and compared the same way. */
function normalised(basics: StudentBasics): StudentBasics {
  return {
    ...basics,
    name: basics.name.trim(),
    idNumber: normaliseIdText(basics.idNumber),
    studentNumber: normaliseIdText(basics.studentNumber ?? ''),
  };
}

function fieldErrors(basics: StudentBasics, today: Date): void {
  const errors = validateStudentBasics(basics, { today });
  const fields = Object.keys(errors);
  if (fields.length > 0) {
    throw new AppError(
      'FIELD_ERRORS',
      `有 ${fields.length} 项信息需要修改，请查看标红的栏目。`,
      `student fields: ${fields.join(', ')}`,
      {
        fields: errors as Record<string, string>,
      },
    );
  }
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

  /** OPS-2 一人一籍: the same document number or 学籍号 twice is refused, naming the other record. */
  function refuseDuplicates(database: Database, basics: StudentBasics, exceptId: number | null): void {
    const clash = database
      .prepare(
        `SELECT ${summaryColumns} FROM student s JOIN class c ON c.id = s.class_id
         WHERE s.id IS NOT ? AND ((s.id_number <> '' AND s.id_type = ? AND s.id_number = ?)
           OR (s.student_number <> '' AND s.student_number = ?))`,
      )
      .get(exceptId, basics.idType, basics.idNumber, basics.studentNumber ?? '') as SummaryRow | undefined;
    if (!clash) return;
    const other = toSummary(clash);
    const which = other.idNumber === basics.idNumber && basics.idNumber !== '' ? 'idNumber' : 'studentNumber';
    throw new AppError(
      'DUPLICATE',
      `${which === 'idNumber' ? '身份证件号' : '学籍号'}已登记在${other.classLabel}“${other.name}”的档案中（一人一籍，规则 OPS-2）。请先核对是否为同一学生。`,
      `duplicate ${which} with student ${other.id}`,
      { fields: { [which]: `与${other.classLabel}“${other.name}”重复` } },
    );
  }

  function possibleDuplicates(database: Database, basics: StudentBasics, exceptId: number): StudentSummary[] {
    return (
      database
        .prepare(
          `SELECT ${summaryColumns} FROM student s JOIN class c ON c.id = s.class_id
           WHERE s.id <> ? AND s.birth_date = ? AND s.sex = ?`,
        )
        .all(exceptId, basics.birthDate, basics.sex) as SummaryRow[]
    )
      .filter((row) => normaliseName(row.name) === normaliseName(basics.name))
      .map(toSummary);
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
    const basics = normalised(input);
    const at = now();
    fieldErrors(basics, at);
    const database = db();
    const schoolClass = readClass(database, classId);
    return database.transaction(() => {
      refuseDuplicates(database, basics, null);
      const warnings = acknowledgedEnrollmentWarnings(database, classId, basics, acknowledgedWarnings);
      const stamp = isoWithOffset(at);
      const id = Number(
        database
          .prepare(
            `INSERT INTO student (class_id, name, name_initials, name_pinyin, sex, birth_date, id_type, id_number,
               student_number, basics, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            classId,
            basics.name,
            nameInitials(basics.name),
            namePinyin(basics.name),
            basics.sex,
            basics.birthDate,
            basics.idType,
            basics.idNumber,
            basics.studentNumber ?? '',
            JSON.stringify(basics),
            stamp,
            actor(),
            stamp,
          ).lastInsertRowid,
      );
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
    const basics = normalised(input);
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
    if (changes.length === 0) return before;
    const at = now();
    fieldErrors(basics, at);
    const stamp = isoWithOffset(at);
    database.transaction(() => {
      refuseDuplicates(database, basics, id);
      database
        .prepare('UPDATE student SET student_number = ?, basics = ?, updated_at = ? WHERE id = ?')
        .run(basics.studentNumber ?? '', JSON.stringify(basics), stamp, id);
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
