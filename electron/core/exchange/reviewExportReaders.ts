/**
 * What the review workbook reads (导出审查材料), from one read transaction
 * of a connection of its own, so that every sheet, count and the access
 * log's head hash come from the same moment. Students are read a class at a
 * time (at most a class's rows in memory); cases one at a time.
 */
import type { CaseRecord } from '../../../shared/changes/caseRecords';
import { graduationOutcomes } from '../../../shared/changes/statusMachine';
import type { SchoolProfile } from '../../../shared/register/school';
import { classLabel, type SchoolClass } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import { listCaseSummaries, readCase } from '../changes/caseStore';
import type { Database } from '../db/database';
import type { StudentRow } from './reviewExportColumns';

/** Every class by grade and number (the photo zips go class by class too). */
export function classesInOrder(database: Database): Pick<SchoolClass, 'id' | 'grade' | 'number' | 'label'>[] {
  const rows = database.prepare('SELECT id, grade, number FROM class ORDER BY grade, number').all() as {
    id: number;
    grade: number;
    number: number;
  }[];
  return rows.map((row) => ({ ...row, label: classLabel(row.grade, row.number) }));
}

/** Every student of every status, class by class, each class in roll order (pinyin). */
export function* studentRows(database: Database): Generator<StudentRow> {
  const students = database
    .prepare('SELECT status, basics FROM student WHERE class_id = ? ORDER BY name_pinyin, name, id')
    .raw();
  for (const schoolClass of classesInOrder(database)) {
    for (const [status, basics] of students.all(schoolClass.id) as [string, string][]) {
      yield {
        grade: schoolClass.grade,
        classNumber: schoolClass.number,
        status,
        basics: JSON.parse(basics) as StudentBasics,
      };
    }
  }
}

/** The student a case is about, with the numbers a reviewer looks them up by. */
export interface CaseStudentFacts {
  readonly name: string;
  readonly classLabel: string;
  readonly studentNumber: string;
  readonly idNumber: string;
}

export interface CaseRow {
  readonly record: CaseRecord;
  /** Null for a graduating list (many students). */
  readonly student: CaseStudentFacts | null;
}

/** Which cases a sheet lists. */
export type CaseSelection = 'movements' | 'changeRequests' | 'open';

const changeRequestKinds = ['basicInfoChange', 'rewardPunishmentChange'];

/**
 * Case ids of a sheet: change requests, and movements (every other kind but the graduating lists, which the
 * 毕业生 sheet lists by student), by application day; open cases by due date, as the case list shows them.
 */
function caseIds(database: Database, selection: CaseSelection, school: SchoolProfile, today: string): number[] {
  if (selection === 'open') {
    const page = listCaseSummaries(
      database,
      { scope: 'open', limit: Number.MAX_SAFE_INTEGER, offset: 0 },
      school,
      today,
    );
    return page.rows.map((row) => row.id);
  }
  const [test, kinds] =
    selection === 'changeRequests' ? ['IN', changeRequestKinds] : ['NOT IN', [...changeRequestKinds, 'graduation']];
  return database
    .prepare(`SELECT id FROM register_case WHERE kind ${test} (SELECT value FROM json_each(?)) ORDER BY applied_on, id`)
    .pluck()
    .all(JSON.stringify(kinds)) as number[];
}

/** The one student of a case as the record is now; a new student's 转入 before approval from its input. */
function caseStudent(database: Database, record: CaseRecord): CaseStudentFacts | null {
  const [student] = record.students;
  if (record.kind === 'graduation') return null;
  if (student) {
    const numbers = database
      .prepare('SELECT student_number AS studentNumber, id_number AS idNumber FROM student WHERE id = ?')
      .get(student.studentId) as { studentNumber: string; idNumber: string };
    return { name: student.name, classLabel: student.classLabel, ...numbers };
  }
  const basics = record.input.kind === 'transferIn' ? record.input.basics : undefined;
  return {
    name: basics?.name ?? record.subject,
    classLabel: '',
    studentNumber: basics?.studentNumber ?? '',
    idNumber: basics?.idNumber ?? '',
  };
}

export function* caseRows(
  database: Database,
  selection: CaseSelection,
  school: SchoolProfile,
  today: string,
): Generator<CaseRow> {
  for (const id of caseIds(database, selection, school, today)) {
    const record = readCase(database, id, school, today);
    yield { record, student: caseStudent(database, record) };
  }
}

/** A student who left with 毕业, 结业 or 肄业, and what GRD-2 asks of them. */
export interface GraduateRow {
  readonly name: string;
  readonly sex: string;
  readonly idNumber: string;
  readonly studentNumber: string;
  readonly classLabel: string;
  /** `graduated`, `completed` or `incomplete`. */
  readonly status: string;
  /** The approved graduating list; null for a record that came in graduated. */
  readonly graduation: CaseRecord | null;
  readonly hasStudyHistory: boolean;
  readonly hasGraduationComment: boolean;
}

export function* graduateRows(database: Database, school: SchoolProfile, today: string): Generator<GraduateRow> {
  const rows = database
    .prepare(
      `SELECT s.name, s.sex, s.id_number AS idNumber, s.student_number AS studentNumber, c.grade, c.number, s.status,
         (SELECT cs.case_id FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
          WHERE cs.student_id = s.id AND rc.kind = 'graduation' AND rc.status = 'approved'
          ORDER BY rc.id DESC LIMIT 1) AS caseId,
         EXISTS (SELECT 1 FROM study_history h WHERE h.student_id = s.id) AS hasStudyHistory,
         EXISTS (SELECT 1 FROM graduation_comment g WHERE g.student_id = s.id) AS hasGraduationComment
       FROM student s JOIN class c ON c.id = s.class_id
       WHERE s.status IN (SELECT value FROM json_each(?))
       ORDER BY c.grade, c.number, s.name_pinyin, s.name, s.id`,
    )
    .all(JSON.stringify(graduationOutcomes)) as (Omit<
    GraduateRow,
    'classLabel' | 'graduation' | 'hasStudyHistory' | 'hasGraduationComment'
  > & {
    grade: number;
    number: number;
    caseId: number | null;
    hasStudyHistory: number;
    hasGraduationComment: number;
  })[];
  // A graduating list holds a whole grade: each is read once.
  const lists = new Map<number, CaseRecord>();
  for (const { grade, number, caseId, hasStudyHistory, hasGraduationComment, ...row } of rows) {
    if (caseId !== null && !lists.has(caseId)) lists.set(caseId, readCase(database, caseId, school, today));
    yield {
      ...row,
      classLabel: classLabel(grade, number),
      graduation: caseId === null ? null : lists.get(caseId)!,
      hasStudyHistory: hasStudyHistory === 1,
      hasGraduationComment: hasGraduationComment === 1,
    };
  }
}
