/**
 * The facts each form prints, read from the register (formData.ts): a case
 * with its student and class, a student's record with the decrypted photo and
 * approved movements, a class's current students in roll order, a 中职
 * student's major. Refusals name what would make the form printable.
 */
import type { CaseSummary } from '../../../shared/changes/caseRecords';
import { isTransition } from '../../../shared/changes/cases';
import { localDate } from '../../../shared/register/identity';
import { isVocational } from '../../../shared/register/school';
import type { StudentRecord } from '../../../shared/register/students';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { listCaseSummaries, readCaseNow } from '../changes/caseStore';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass } from '../register/classes';
import { readProfile } from '../register/schoolService';
import { readStudentRecord } from '../register/studentRecord';
import type { CaseFormData, ClassRosterData, GraduateRegistrationData, StudentCardData } from './formData';

/** 专业名称 by 专业代码 of every major the school has had (a closed one still names its students' major). */
function readMajorNames(database: Database): Record<string, string> {
  const rows = database.prepare('SELECT code, name FROM major').all() as { code: string; name: string }[];
  return Object.fromEntries(rows.map((row) => [row.code, row.name]));
}

/** A case's form data; the class named is the one the case moves the student into, if any. */
export function readCaseFormData(database: Database, caseId: number, now: Date): CaseFormData {
  const record = readCaseNow(database, caseId, now);
  const student = record.studentId === null ? null : readStudentRecord(database, record.studentId);
  const input = record.input;
  const classId = 'classId' in input ? input.classId : student?.classId;
  const schoolClass = classId === undefined ? null : readClass(database, classId);
  return {
    case: record,
    student,
    newStudent: input.kind === 'transferIn' ? (input.basics ?? null) : null,
    classLabel: schoolClass?.label ?? '',
    headTeacher: schoolClass?.headTeacher ?? '',
    school: readProfile(database),
    majorNames: readMajorNames(database),
  };
}

/** A stored photo, decrypted; null without one. */
const photoOf = (store: AttachmentStore, student: StudentRecord): Buffer | null =>
  student.photo ? store.get(student.photo.sha256) : null;

/** Approved 学籍异动 of a student (毕业 lists included), oldest first. */
function approvedMovements(database: Database, studentId: number, now: Date): CaseSummary[] {
  const all = listCaseSummaries(
    database,
    { scope: 'closed', studentId, limit: Number.MAX_SAFE_INTEGER, offset: 0 },
    readProfile(database),
    localDate(now),
  ).rows;
  return all
    .filter((summary) => summary.status === 'approved' && isTransition(summary.kind))
    .sort((a, b) => (a.appliedOn < b.appliedOn ? -1 : a.appliedOn > b.appliedOn ? 1 : a.id - b.id));
}

export function readStudentCardData(
  database: Database,
  store: AttachmentStore,
  student: StudentRecord,
  now: Date,
): StudentCardData {
  return {
    student,
    photoJpeg: photoOf(store, student),
    movements: approvedMovements(database, student.id, now),
    school: readProfile(database),
    majorNames: readMajorNames(database),
  };
}

/** The class's 在读 and 休学 students (CHG-3 keeps suspended ones in it) in roll order: name by pinyin. */
export function readClassStudents(database: Database, classId: number): StudentRecord[] {
  const ids = database
    .prepare(
      `SELECT id FROM student WHERE class_id = ? AND status IN ('enrolled', 'suspended')
       ORDER BY name_pinyin, name, id`,
    )
    .pluck()
    .all(classId) as number[];
  return ids.map((id) => readStudentRecord(database, id));
}

export function readClassRosterData(database: Database, classId: number): ClassRosterData {
  return {
    schoolClass: readClass(database, classId),
    students: readClassStudents(database, classId),
    school: readProfile(database),
  };
}

/** VOC-2: the 毕业生信息登记表 belongs to a 中职 student's archive; other schools have none. */
export function readGraduateRegistrationData(
  database: Database,
  store: AttachmentStore,
  studentId: number,
): GraduateRegistrationData {
  const school = readProfile(database);
  if (!isVocational(school)) {
    throw new AppError(
      'RULE_VIOLATION',
      '毕业生信息登记表只属于中等职业学校学生的档案（规则 VOC-2），本校在“学校信息”中登记的不是中等职业学校。' +
        '如学校类型登记有误，请管理员在“学校信息”中改为“中等职业学校”后再打印。',
      `graduate registration for school type ${school.type ?? 'unset'}`,
    );
  }
  const student = readStudentRecord(database, studentId);
  const majorName = readMajorNames(database)[student.basics.majorCode ?? ''] ?? '';
  return { student, photoJpeg: photoOf(store, student), majorName, school };
}
