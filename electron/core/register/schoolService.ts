/** 学校信息 and 学年学期设置 (rules SCH-1, SCH-2): read, change, log every change with before and after. */
import type { SchoolProfile } from '../../../shared/register/school';
import { schoolProfileProblems } from '../../../shared/register/school';
import {
  type Term,
  type TermInput,
  termLabel,
  termProblems,
  termReminder,
  currentTerm,
} from '../../../shared/register/terms';
import type { TermsOverview } from '../../../shared/register/terms';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';

export interface SchoolServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

export function readProfile(db: Database): SchoolProfile {
  const row = db
    .prepare(
      `SELECT name, code, type, ownership, provincial_model AS provincialModel, enrollment_zone AS enrollmentZone,
         register_office AS registerOffice, register_officer AS registerOfficer, officer_phone AS officerPhone
       FROM school`,
    )
    .get() as (Omit<SchoolProfile, 'provincialModel'> & { provincialModel: number }) | undefined;
  if (!row) throw new Error('school row missing');
  return { ...row, provincialModel: row.provincialModel === 1 };
}

export function readTerms(db: Database): Term[] {
  return db
    .prepare(
      `SELECT id, school_year AS schoolYear, semester, start_date AS startDate, end_date AS endDate
       FROM term ORDER BY start_date`,
    )
    .all() as Term[];
}

function ruleViolation(problems: Record<string, string>, what: string): AppError {
  return new AppError(
    'RULE_VIOLATION',
    Object.values(problems).join(''),
    `${what}: ${Object.keys(problems).join(', ')}`,
  );
}

/** The fields that differ, as { field: [before, after] }, for the access log. */
function changedFields<T extends object>(before: T, after: T): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    (Object.keys(after) as (keyof T & string)[])
      .filter((key) => before[key] !== after[key])
      .map((key) => [key, [before[key], after[key]]]),
  );
}

/** YYYY-MM-DD of `date` in local time. */
const localDay = (date: Date): string => isoWithOffset(date).slice(0, 10);

export function createSchoolService({ sessions, now }: SchoolServiceContext) {
  const db = () => sessions.require().storage.db;

  function getSchoolProfile(): SchoolProfile {
    return readProfile(db());
  }

  function updateSchoolProfile(profile: SchoolProfile): SchoolProfile {
    const cleaned: SchoolProfile = {
      ...profile,
      name: profile.name.trim(),
      enrollmentZone: profile.enrollmentZone.trim(),
      registerOffice: profile.registerOffice.trim(),
      registerOfficer: profile.registerOfficer.trim(),
      officerPhone: profile.officerPhone.trim(),
    };
    const problems = schoolProfileProblems(cleaned);
    if (Object.keys(problems).length > 0) throw ruleViolation(problems, 'school profile');
    const at = now();
    const database = db();
    database.transaction(() => {
      const before = readProfile(database);
      database
        .prepare(
          `UPDATE school SET name = ?, code = ?, type = ?, ownership = ?, provincial_model = ?, enrollment_zone = ?,
             register_office = ?, register_officer = ?, officer_phone = ?, updated_at = ?`,
        )
        .run(
          cleaned.name,
          cleaned.code,
          cleaned.type,
          cleaned.ownership,
          cleaned.provincialModel ? 1 : 0,
          cleaned.enrollmentZone,
          cleaned.registerOffice,
          cleaned.registerOfficer,
          cleaned.officerPhone,
          isoWithOffset(at),
        );
      sessions.audit({
        at,
        action: 'school.update',
        objectType: 'school',
        objectId: cleaned.code,
        outcome: 'success',
        details: { changes: changedFields(before, cleaned) },
      });
    })();
    return readProfile(database);
  }

  function listTerms(): TermsOverview {
    const terms = readTerms(db());
    const today = localDay(now());
    return { terms, current: currentTerm(terms, today), reminder: termReminder(terms, today) };
  }

  function saveTerm(input: TermInput): TermsOverview {
    const database = db();
    const existing = readTerms(database);
    if (input.id !== undefined && !existing.some((term) => term.id === input.id)) {
      throw new AppError('NOT_FOUND', '要修改的学期不存在，可能已被他人修改，请刷新。', `term ${input.id} missing`);
    }
    const problems = termProblems(input, existing);
    if (Object.keys(problems).length > 0) throw ruleViolation(problems, 'term');
    const at = now();
    database.transaction(() => {
      const before = existing.find((term) => term.id === input.id);
      const values = [input.schoolYear, input.semester, input.startDate, input.endDate] as const;
      const id =
        input.id === undefined
          ? Number(
              database
                .prepare('INSERT INTO term (school_year, semester, start_date, end_date) VALUES (?, ?, ?, ?)')
                .run(...values).lastInsertRowid,
            )
          : (database
              .prepare('UPDATE term SET school_year = ?, semester = ?, start_date = ?, end_date = ? WHERE id = ?')
              .run(...values, input.id),
            input.id);
      sessions.audit({
        at,
        action: before ? 'term.update' : 'term.create',
        objectType: 'term',
        objectId: String(id),
        outcome: 'success',
        details: { term: termLabel(input), ...(before ? { changes: changedFields(before, { ...input, id }) } : input) },
      });
    })();
    return listTerms();
  }

  return { getSchoolProfile, updateSchoolProfile, listTerms, saveTerm };
}
