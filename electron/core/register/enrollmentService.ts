/**
 * 招生计划 (rule ENR-1), the ENR-2 warnings a new student's registration
 * must have acknowledged, and the majors of a 中职 school (VOC-1).
 */
import {
  type EnrollmentPlan,
  type EnrollmentPlanRow,
  type EnrollmentWarning,
  enrollmentPlanProblems,
  enrollmentWarnings,
  startingGrades,
} from '../../../shared/register/enrollment';
import { isVocational, type Major, majorProblems } from '../../../shared/register/school';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass } from './classes';

export interface EnrollmentServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

/**
 * New students of a year: in a starting-grade class, with 入学年月 in that
 * year, whatever their status since (places taken). `year` is SQL giving the year as text.
 */
const enrolledIn = (year: string) => `SELECT count(*) FROM student s JOIN class c ON c.id = s.class_id
  WHERE c.grade IN (${[...startingGrades].join(', ')})
    AND substr(json_extract(s.basics, '$.enrollmentMonth'), 1, 4) = ${year}`;

const planColumns = `p.year, p.places, p.class_size AS classSize, p.parallel_classes AS parallelClasses,
  p.zone_codes AS zoneCodes, p.zone_note AS zoneNote, p.document_number AS documentNumber`;

const withZoneCodes = <T extends { zoneCodes: string }>(row: T): Omit<T, 'zoneCodes'> & { zoneCodes: string[] } => ({
  ...row,
  zoneCodes: JSON.parse(row.zoneCodes) as string[],
});

export function readPlans(database: Database): EnrollmentPlanRow[] {
  const rows = database
    .prepare(
      `SELECT ${planColumns}, (${enrolledIn('CAST(p.year AS TEXT)')}) AS enrolled, p.updated_at AS updatedAt,
         p.updated_by AS updatedBy
       FROM enrollment_plan p ORDER BY p.year DESC`,
    )
    .all() as (Omit<EnrollmentPlanRow, 'zoneCodes'> & { zoneCodes: string })[];
  return rows.map(withZoneCodes);
}

function readPlan(database: Database, year: number): EnrollmentPlan | null {
  const row = database.prepare(`SELECT ${planColumns} FROM enrollment_plan p WHERE p.year = ?`).get(year) as
    (Omit<EnrollmentPlan, 'zoneCodes'> & { zoneCodes: string }) | undefined;
  return row ? withZoneCodes(row) : null;
}

/**
 * ENR-2: what the clerk must acknowledge before `basics` is registered in
 * the class. Used by `checkEnrollment` and inside `registerStudent`'s transaction.
 */
export function enrollmentWarningsFor(
  database: Database,
  classId: number,
  basics: Pick<StudentBasics, 'enrollmentMonth' | 'householdLocation'>,
): EnrollmentWarning[] {
  const target = readClass(database, classId);
  const startingGrade = startingGrades.has(target.grade);
  const year = /^\d{4}/.exec(basics.enrollmentMonth.trim())?.[0];
  const plan = startingGrade && year ? readPlan(database, Number(year)) : null;
  return enrollmentWarnings({
    plan,
    startingGrade,
    enrolled: plan ? (database.prepare(enrolledIn('?')).pluck().get(String(plan.year)) as number) : 0,
    classLabel: target.label,
    classStudents: target.studentCount,
    classCapacity: target.capacity,
    householdLocation: basics.householdLocation,
  });
}

type MajorRow = Omit<Major, 'active'> & { active: number };

function readMajors(database: Database): Major[] {
  const rows = database.prepare('SELECT code, name, years, active FROM major ORDER BY code').all() as MajorRow[];
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

function fieldErrors(problems: Record<string, string>, what: string): AppError {
  const detail = `${what}: ${Object.keys(problems).join(', ')}`;
  return new AppError('FIELD_ERRORS', Object.values(problems).join(''), detail, { fields: problems });
}

export function createEnrollmentService({ sessions, now }: EnrollmentServiceContext) {
  const db = () => sessions.require().storage.db;

  /** Records the bureau's plan for a year (ENR-1), replacing that year's if there is one. */
  function saveEnrollmentPlan(input: EnrollmentPlan): EnrollmentPlanRow[] {
    const plan: EnrollmentPlan = {
      ...input,
      zoneCodes: [...new Set(input.zoneCodes.map((code) => code.trim()))],
      zoneNote: input.zoneNote.trim(),
      documentNumber: input.documentNumber.trim(),
    };
    const problems = enrollmentPlanProblems(plan);
    if (Object.keys(problems).length > 0) throw fieldErrors(problems, 'enrollment plan');
    const database = db();
    const at = now();
    database.transaction(() => {
      const before = readPlan(database, plan.year);
      database
        .prepare(
          `INSERT INTO enrollment_plan (year, places, class_size, parallel_classes, zone_codes, zone_note,
             document_number, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (year) DO UPDATE SET places = excluded.places, class_size = excluded.class_size,
             parallel_classes = excluded.parallel_classes, zone_codes = excluded.zone_codes,
             zone_note = excluded.zone_note, document_number = excluded.document_number,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(
          plan.year,
          plan.places,
          plan.classSize,
          plan.parallelClasses,
          JSON.stringify(plan.zoneCodes),
          plan.zoneNote,
          plan.documentNumber,
          isoWithOffset(at),
          sessions.require().actor.userName,
        );
      sessions.audit({
        at,
        action: 'enrollmentPlan.save',
        objectType: 'enrollmentPlan',
        objectId: String(plan.year),
        outcome: 'success',
        details: { plan, ...(before ? { before } : {}) },
      });
    })();
    return readPlans(database);
  }

  /** Adds a major or changes the one with the same code; only a 中职 school has majors. */
  function saveMajor(input: Major): Major[] {
    const major: Major = { ...input, code: input.code.trim(), name: input.name.trim() };
    const database = db();
    const type = database.prepare('SELECT type FROM school').pluck().get() as string | null;
    if (!isVocational({ type })) {
      throw new AppError(
        'RULE_VIOLATION',
        '只有中等职业学校才设置专业。如本校是中职学校，请先在“学校信息”中把学校类型设为中等职业学校。',
        `majors need a vocational school, type is ${type ?? 'unset'}`,
      );
    }
    const problems = majorProblems(major);
    if (Object.keys(problems).length > 0) throw fieldErrors(problems, 'major');
    database.transaction(() => {
      const before = readMajors(database).find((m) => m.code === major.code);
      database
        .prepare(
          `INSERT INTO major (code, name, years, active) VALUES (?, ?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, years = excluded.years, active = excluded.active`,
        )
        .run(major.code, major.name, major.years, major.active ? 1 : 0);
      sessions.audit({
        at: now(),
        action: 'major.save',
        objectType: 'major',
        objectId: major.code,
        outcome: 'success',
        details: { major, ...(before ? { before } : {}) },
      });
    })();
    return readMajors(database);
  }

  return {
    listEnrollmentPlans: () => readPlans(db()),
    saveEnrollmentPlan,
    checkEnrollment: (classId: number, basics: StudentBasics) => enrollmentWarningsFor(db(), classId, basics),
    listMajors: () => readMajors(db()),
    saveMajor,
  };
}
