/**
 * Writing a student's basic information, shared by registration (学生登记),
 * the direct edit of non-key fields, and the register cases that change a
 * record when approved (转入 of a new student, 基本信息变更, 复学 with a new
 * 学籍辅号, 转专业): the same normalisation, the same field checks, the same
 * duplicate refusal (OPS-2 一人一籍), and the searchable columns always
 * written from the same object as the JSON.
 */
import type { StudentStatus } from '../../../shared/register/codes';
import { normaliseIdText } from '../../../shared/register/identity';
import { normaliseName } from '../../../shared/register/duplicates';
import { nameInitials, namePinyin } from '../../../shared/register/pinyin';
import type { StudentSummary } from '../../../shared/register/students';
import { type StudentBasics, validateStudentBasics } from '../../../shared/register/studentValidation';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { summaryColumns, type SummaryRow, toSummary } from './studentRecord';

/** Trims and normalises what is typed, so the same person is found and compared the same way. */
export function normalisedBasics(basics: StudentBasics): StudentBasics {
  return {
    ...basics,
    name: basics.name.trim(),
    idNumber: normaliseIdText(basics.idNumber),
    studentNumber: normaliseIdText(basics.studentNumber ?? ''),
  };
}

/** Refuses, field by field in Chinese, basic information the national rules do not accept. */
export function refuseFieldErrors(basics: StudentBasics, today: Date): void {
  const errors = validateStudentBasics(basics, { today });
  const fields = Object.keys(errors);
  if (fields.length > 0) {
    throw new AppError(
      'FIELD_ERRORS',
      `有 ${fields.length} 项信息需要修改，请查看标红的栏目。`,
      `student fields: ${fields.join(', ')}`,
      { fields: errors as Record<string, string> },
    );
  }
}

/** Another record that holds the same identity document or 学籍号 (OPS-2 一人一籍). */
export interface DuplicateClash {
  readonly field: 'idNumber' | 'studentNumber';
  readonly other: StudentSummary;
}

export function findDuplicate(
  database: Database,
  basics: StudentBasics,
  exceptId: number | null,
): DuplicateClash | null {
  const clash = database
    .prepare(
      `SELECT ${summaryColumns} FROM student s JOIN class c ON c.id = s.class_id
       WHERE s.id IS NOT ? AND ((s.id_number <> '' AND s.id_type = ? AND s.id_number = ?)
         OR (s.student_number <> '' AND s.student_number = ?))`,
    )
    .get(exceptId, basics.idType, basics.idNumber, basics.studentNumber ?? '') as SummaryRow | undefined;
  if (!clash) return null;
  const other = toSummary(clash);
  return { field: other.idNumber === basics.idNumber && basics.idNumber !== '' ? 'idNumber' : 'studentNumber', other };
}

/** The clerk's message for a clash, naming the other record. */
export function duplicateMessage({ field, other }: DuplicateClash): string {
  return `${field === 'idNumber' ? '身份证件号' : '学籍号'}已登记在${other.classLabel}“${other.name}”的档案中（一人一籍，规则 OPS-2）。请先核对是否为同一学生。`;
}

/** OPS-2 一人一籍: the same document number or 学籍号 twice is refused, naming the other record. */
export function refuseDuplicates(database: Database, basics: StudentBasics, exceptId: number | null): void {
  const clash = findDuplicate(database, basics, exceptId);
  if (!clash) return;
  throw new AppError('DUPLICATE', duplicateMessage(clash), `duplicate ${clash.field} with student ${clash.other.id}`, {
    fields: { [clash.field]: `与${clash.other.classLabel}“${clash.other.name}”重复` },
  });
}

/** Same name, birth date and sex as other records: flagged for review (OPS-2), never refused. */
export function possibleDuplicates(database: Database, basics: StudentBasics, exceptId: number): StudentSummary[] {
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

/** The columns written from the basics, in the order both statements below bind them. */
const basicsColumns = (basics: StudentBasics) =>
  [
    basics.name,
    nameInitials(basics.name),
    namePinyin(basics.name),
    basics.sex,
    basics.birthDate,
    basics.idType,
    basics.idNumber,
    basics.studentNumber ?? '',
    JSON.stringify(basics),
  ] as const;

/** A new record in the class (the caller checked, normalised and de-duplicated the basics); returns its id. */
export function insertStudent(
  database: Database,
  classId: number,
  basics: StudentBasics,
  stamp: string,
  by: string,
  status: StudentStatus = 'enrolled',
): number {
  return Number(
    database
      .prepare(
        `INSERT INTO student (class_id, name, name_initials, name_pinyin, sex, birth_date, id_type, id_number,
           student_number, basics, created_at, created_by, updated_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(classId, ...basicsColumns(basics), stamp, by, stamp, status).lastInsertRowid,
  );
}

/** Replaces the record's basic information and every column derived from it (name search columns too). */
export function writeStudentBasics(database: Database, studentId: number, basics: StudentBasics, stamp: string): void {
  database
    .prepare(
      `UPDATE student SET name = ?, name_initials = ?, name_pinyin = ?, sex = ?, birth_date = ?, id_type = ?,
         id_number = ?, student_number = ?, basics = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...basicsColumns(basics), stamp, studentId);
}
