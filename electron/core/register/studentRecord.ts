/**
 * Reads a student's full record from every table that holds part of it
 * (basic information, history, rewards and punishments, study history,
 * graduation comment, archive checklist, photo), and the one-line summary
 * the roll shows. Every service that changes a student returns this; the
 * history writer and the refusal of a record part's field problems are
 * shared here too.
 */
import { classLabel, type StudentRecord, type StudentSummary } from '../../../shared/register/students';
import { archiveItemsFor, type StudentRecords } from '../../../shared/register/studentRecords';
import type { PhotoInfo } from '../../../shared/register/photos';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import type { Database } from '../db/database';
import { AppError } from '../errors';

/** Columns of `StudentSummary` (with grade and number for the label), over `student s JOIN class c`. */
export const summaryColumns = `s.id, s.name, s.sex, s.birth_date AS birthDate, s.id_number AS idNumber,
  s.student_number AS studentNumber, s.class_id AS classId, c.grade, c.number, s.status,
  EXISTS (SELECT 1 FROM student_photo p WHERE p.student_id = s.id) AS hasPhoto`;

export type SummaryRow = Omit<StudentSummary, 'classLabel' | 'hasPhoto'> & {
  grade: number;
  number: number;
  hasPhoto: number;
};

export const toSummary = ({ grade, number, hasPhoto, ...row }: SummaryRow): StudentSummary => ({
  ...row,
  classLabel: classLabel(grade, number),
  hasPhoto: hasPhoto === 1,
});

/** 中等职业学校: the VOC-2 archive items, 中职 stages and majors apply. */
export function schoolIsVocational(database: Database): boolean {
  return database.prepare("SELECT type = '360' FROM school").pluck().get() === 1;
}

function readRecords(database: Database, studentId: number): StudentRecords {
  const rewardsPunishments = database
    .prepare(
      `SELECT id, kind, date, title, level, issuer, reason, revoked_on AS revokedOn
       FROM reward_punishment WHERE student_id = ? ORDER BY date, id`,
    )
    .all(studentId) as StudentRecords['rewardsPunishments'][number][];
  const studyHistory = database
    .prepare(
      `SELECT from_month AS fromMonth, to_month AS toMonth, school, role, witness
       FROM study_history WHERE student_id = ? ORDER BY position`,
    )
    .all(studentId) as StudentRecords['studyHistory'][number][];
  const graduationComment =
    (database
      .prepare('SELECT text, author, date FROM graduation_comment WHERE student_id = ?')
      .get(studentId) as StudentRecords['graduationComment']) ?? null;
  const checked = new Map(
    (
      database
        .prepare(
          `SELECT item, present, note, checked_at AS checkedAt, checked_by AS checkedBy
           FROM archive_item WHERE student_id = ?`,
        )
        .all(studentId) as { item: string; present: number; note: string; checkedAt: string; checkedBy: string }[]
    ).map((row) => [row.item, row]),
  );
  const archive = archiveItemsFor(schoolIsVocational(database)).map(({ code }) => {
    const row = checked.get(code);
    return row
      ? { ...row, present: row.present === 1 }
      : { item: code, present: false, note: '', checkedAt: '', checkedBy: '' };
  });
  return { rewardsPunishments, studyHistory, graduationComment, archive };
}

function readPhoto(database: Database, studentId: number): PhotoInfo | null {
  return (
    (database
      .prepare(
        `SELECT p.sha256, a.size AS bytes, p.width, p.height, p.updated_at AS updatedAt, p.updated_by AS updatedBy
         FROM student_photo p JOIN attachment a ON a.sha256 = p.sha256 WHERE p.student_id = ?`,
      )
      .get(studentId) as PhotoInfo | undefined) ?? null
  );
}

/** The whole record; refuses with a Chinese message when the student does not exist. */
export function readStudentRecord(database: Database, id: number): StudentRecord {
  const row = database
    .prepare(
      `SELECT ${summaryColumns}, s.basics, s.created_at AS createdAt, s.updated_at AS updatedAt
       FROM student s JOIN class c ON c.id = s.class_id WHERE s.id = ?`,
    )
    .get(id) as (SummaryRow & { basics: string; createdAt: string; updatedAt: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该学生的档案，可能已被修改，请刷新。', `student ${id} missing`);
  const history = database
    .prepare(
      `SELECT field, before, after, changed_at AS at, changed_by AS by FROM student_history
       WHERE student_id = ? ORDER BY id DESC`,
    )
    .all(id) as StudentRecord['history'][number][];
  const { basics, createdAt, updatedAt, ...summary } = row;
  return {
    ...toSummary(summary),
    basics: JSON.parse(basics) as StudentBasics,
    ...readRecords(database, id),
    photo: readPhoto(database, id),
    createdAt,
    updatedAt,
    history,
  };
}

/** A student's identifier for the access log: 学籍号, else ID number, else the row id. */
export function auditObjectId(student: Pick<StudentSummary, 'id' | 'studentNumber' | 'idNumber'>): string {
  return student.studentNumber || student.idNumber || String(student.id);
}

/** Refuses a record part's (奖惩, 学习简历 …) field problems in Chinese, field by field. */
export function refuseProblems(problems: Readonly<Record<string, string | undefined>>, what: string): void {
  const fields = Object.fromEntries(
    Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const count = Object.keys(fields).length;
  if (count === 0) return;
  throw new AppError(
    'FIELD_ERRORS',
    `${what}有 ${count} 处需要修改，请查看标红的栏目。`,
    `${what} fields: ${Object.keys(fields).join(', ')}`,
    { fields },
  );
}

/** Every string property trimmed, as typed text is compared and stored. */
export const trimmed = <T extends object>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, typeof field === 'string' ? field.trim() : field]),
  ) as T;

/** One history row per changed field, stamped with who and when. */
export function writeHistory(
  database: Database,
  studentId: number,
  changes: readonly { field: string; before: string; after: string }[],
  stamp: string,
  by: string,
): void {
  const insert = database.prepare(
    'INSERT INTO student_history (student_id, field, before, after, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const change of changes) insert.run(studentId, change.field, change.before, change.after, stamp, by);
}
