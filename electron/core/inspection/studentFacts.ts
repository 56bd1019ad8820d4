/**
 * The self-inspection's facts about students (INS-1), each one statement
 * whatever the school's size: counts, and the first `inspectionListLimit`
 * students in roll order. Lists whose rule is a shared function (archive
 * items, duplicate keys) read the narrow columns of every record once and
 * apply it.
 */
import type { StudentSummary } from '../../../shared/register/students';
import { addDays } from '../../../shared/changes/calendar';
import { findDuplicates, sameStudentKey } from '../../../shared/register/duplicates';
import type { StudentStatus } from '../../../shared/register/codes';
import { classLabel } from '../../../shared/register/students';
import { missingItems, requiredSchoolItems, requiredVocationalItems } from '../../../shared/inspection/archiveRules';
import type { ArchiveGap, DuplicateGroup, InspectionFacts, Listed, StudentRef } from '../../../shared/inspection/facts';
import { photoGraceDays } from '../../../shared/inspection/itemsRegister';
import { studentEntryDays } from '../../../shared/inspection/itemsVocational';
import { inspectionListLimit } from '../../../shared/inspection/report';
import type { Database } from '../db/database';

/** 在读 and 休学: the enrolled pool (CHG-3). */
export const currentStudents = `s.status IN ('enrolled', 'suspended')`;

/** The columns of a `StudentRef`, over `student s JOIN class c`. */
export const studentColumns = `s.id AS studentId, s.name, s.student_number AS studentNumber, c.grade, c.number`;

export const rollOrder = `c.grade, c.number, s.name_pinyin, s.id`;

type StudentRow = Omit<StudentRef, 'classLabel'> & { grade: number; number: number };

/** A row's grade and class number as the class label. */
export function toStudentRef<T extends StudentRow>(row: T): Omit<T, 'grade' | 'number'> & { classLabel: string } {
  const { grade, number, ...rest } = row;
  return { ...rest, classLabel: classLabel(grade, number) };
}

/**
 * A list's total and its first rows in `order`: the count needs no sort, the
 * first rows only a top-N one.
 */
export function listed<Row extends object, T>(
  database: Database,
  select: string,
  order: string,
  params: readonly unknown[],
  map: (row: Row) => T,
): Listed<T> {
  const total = database
    .prepare(`SELECT count(*) FROM (${select})`)
    .pluck()
    .get(...params) as number;
  const first = database.prepare(`${select} ORDER BY ${order} LIMIT ${inspectionListLimit}`).all(...params) as Row[];
  return { total, first: first.map(map) };
}

/** Current students matching `where`, in roll order. */
const currentWhere = (database: Database, where: string, params: readonly unknown[] = []): Listed<StudentRef> =>
  listed(
    database,
    `SELECT ${studentColumns} FROM student s JOIN class c ON c.id = s.class_id
     WHERE ${currentStudents} AND ${where}`,
    rollOrder,
    params,
    toStudentRef<StudentRow>,
  );

export function studentCounts(database: Database): { students: number; classes: number } {
  return database
    .prepare(
      `SELECT count(*) AS students, count(DISTINCT s.class_id) AS classes FROM student s WHERE ${currentStudents}`,
    )
    .get() as { students: number; classes: number };
}

/** First rows and total of entries already in roll order. */
const firstOf = <T>(entries: readonly T[]): Listed<T> => ({
  total: entries.length,
  first: entries.slice(0, inspectionListLimit),
});

/** Student id → a value, from a two-column statement. */
const byStudent = <T>(database: Database, sql: string, params: readonly unknown[] = []): Map<number, T> =>
  new Map(
    (
      database
        .prepare(sql)
        .raw()
        .all(...params) as [number, T][]
    ).map(([studentId, value]) => [studentId, value]),
  );

/**
 * SCH-3 and VOC-2: each current student's ticked items and what happened to
 * them, each side read once (the pool from the list index, the archive and
 * case tables grouped by student) and joined here; 中职 graduates of the last
 * year for the 毕业生信息登记表.
 */
export function archiveFacts(
  database: Database,
  today: string,
  vocational: boolean,
): Pick<InspectionFacts, 'archive' | 'vocationalArchive'> {
  const present = byStudent<string>(
    database,
    `SELECT student_id, coalesce(group_concat(CASE WHEN present = 1 THEN item END), '') FROM archive_item GROUP BY student_id`,
  );
  const approved = byStudent<string>(
    database,
    `SELECT cs.student_id, group_concat(DISTINCT rc.kind) FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
     WHERE rc.status = 'approved' GROUP BY cs.student_id`,
  );
  const rewarded = byStudent<number>(database, 'SELECT DISTINCT student_id, 1 FROM reward_punishment');
  const graduated = vocational
    ? byStudent<number>(
        database,
        `SELECT DISTINCT cs.student_id, 1 FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
         WHERE rc.kind = 'graduation' AND rc.status = 'approved' AND rc.closed_at >= ?`,
        [addDays(today, -365)],
      )
    : new Map<number, number>();
  const rows = database
    .prepare(
      `SELECT ${studentColumns}, s.status FROM student s JOIN class c ON c.id = s.class_id
       WHERE ${currentStudents} OR s.status IN ('graduated', 'completed', 'incomplete')
       ORDER BY ${rollOrder}`,
    )
    .all() as (StudentRow & { status: StudentStatus })[];
  const school: ArchiveGap[] = [];
  const vocationalGaps: ArchiveGap[] = [];
  let checked = 0;
  for (const row of rows) {
    const current = row.status === 'enrolled' || row.status === 'suspended';
    if (!current && !graduated.has(row.studentId)) continue;
    const ticked = new Set((present.get(row.studentId) ?? '').split(','));
    const { status: _status, ...student } = toStudentRef(row);
    if (current) {
      if (present.has(row.studentId)) checked += 1;
      const kinds = (approved.get(row.studentId) ?? '').split(',');
      const context = {
        moved: kinds.some(
          (kind) => kind !== '' && !['graduation', 'basicInfoChange', 'rewardPunishmentChange'].includes(kind),
        ),
        changed: kinds.includes('basicInfoChange'),
        rewarded: rewarded.has(row.studentId),
      };
      const missing = missingItems(requiredSchoolItems(context), ticked);
      if (missing.length > 0) school.push({ ...student, missing });
    }
    if (vocational) {
      const missing = missingItems(requiredVocationalItems(!current), ticked);
      if (missing.length > 0) vocationalGaps.push({ ...student, missing });
    }
  }
  return { archive: { checked, incomplete: firstOf(school) }, vocationalArchive: firstOf(vocationalGaps) };
}

/** REG-1 and REG-2 (grades 10-12 of an ordinary high school). */
export function numberFacts(
  database: Database,
  vocational: boolean,
): Pick<InspectionFacts, 'studentNumbers' | 'auxiliaryNumbers'> {
  const seniorHigh = vocational
    ? 0
    : (database
        .prepare(
          `SELECT count(*) FROM student s JOIN class c ON c.id = s.class_id WHERE ${currentStudents} AND c.grade >= 10`,
        )
        .pluck()
        .get() as number);
  return {
    studentNumbers: {
      missing: currentWhere(database, `s.student_number = ''`),
      temporary: currentWhere(database, `upper(substr(s.student_number, 1, 1)) = 'L'`),
    },
    auxiliaryNumbers: {
      seniorHigh,
      missing: vocational
        ? { total: 0, first: [] }
        : currentWhere(
            database,
            `c.grade >= 10 AND trim(coalesce(json_extract(s.basics, '$.auxiliaryNumber'), '')) = ''`,
          ),
    },
  };
}

/**
 * The first student row registered on or after `day`, by bisecting the row
 * ids: rows are only ever appended, so registration stamps grow with the id
 * (a clock set back, which the access log records, can only blur the edge).
 * About 17 row reads instead of opening every record for its stamp.
 */
function firstIdSince(database: Database, day: string): number {
  const stampFrom = database.prepare(
    'SELECT id, created_at AS createdAt FROM student WHERE id >= ? ORDER BY id LIMIT 1',
  );
  let low = (database.prepare('SELECT min(id) FROM student').pluck().get() as number | null) ?? 0;
  let high = ((database.prepare('SELECT max(id) FROM student').pluck().get() as number | null) ?? 0) + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const row = stampFrom.get(middle) as { id: number; createdAt: string } | undefined;
    if (row && row.createdAt.slice(0, 10) < day) low = row.id + 1;
    else high = middle;
  }
  return low;
}

/** ENR-2: current students without a photo, from the list index; those registered within the grace period are counted apart. */
export function photoFacts(database: Database, today: string): InspectionFacts['photos'] {
  const withoutPhoto = 'NOT EXISTS (SELECT 1 FROM student_photo p WHERE p.student_id = s.id)';
  const listed = currentWhere(database, withoutPhoto);
  const registered = byStudent<string>(
    database,
    `SELECT id, substr(created_at, 1, 10) FROM student WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(listed.first.map((student) => student.studentId))],
  );
  return {
    missing: {
      total: listed.total,
      first: listed.first.map((student) => ({ ...student, registeredOn: registered.get(student.studentId) ?? '' })),
    },
    recent: database
      .prepare(`SELECT count(*) FROM student s WHERE ${currentStudents} AND ${withoutPhoto} AND s.id >= ?`)
      .pluck()
      .get(firstIdSince(database, addDays(today, -photoGraceDays))) as number,
  };
}

/** GRD-2: current students of the graduating grades (6, 9, 12) and those missing a 学习简历 or 毕业评语. */
export function graduateFacts(database: Database): InspectionFacts['graduates'] {
  const inGrades = `c.grade IN (6, 9, 12)`;
  const history = `EXISTS (SELECT 1 FROM study_history h WHERE h.student_id = s.id)`;
  const comment = `EXISTS (SELECT 1 FROM graduation_comment g WHERE g.student_id = s.id)`;
  const students = database
    .prepare(
      `SELECT count(*) FROM student s JOIN class c ON c.id = s.class_id WHERE ${currentStudents} AND ${inGrades}`,
    )
    .pluck()
    .get() as number;
  const incomplete = listed(
    database,
    `SELECT ${studentColumns}, NOT ${history} AS missingStudyHistory, NOT ${comment} AS missingComment
     FROM student s JOIN class c ON c.id = s.class_id
     WHERE ${currentStudents} AND ${inGrades} AND NOT (${history} AND ${comment})`,
    rollOrder,
    [],
    (row: StudentRow & { missingStudyHistory: number; missingComment: number }) => ({
      ...toStudentRef(row),
      missingStudyHistory: row.missingStudyHistory === 1,
      missingComment: row.missingComment === 1,
    }),
  );
  return { students, incomplete };
}

/** VER-1: current students confirmed in `termId`, and those not yet (every one without a term). */
export function verificationFacts(database: Database, termId: number | null): InspectionFacts['verification'] {
  const confirmed = `EXISTS (SELECT 1 FROM record_verification v WHERE v.term_id = ? AND v.student_id = s.id)`;
  return {
    verified: database
      .prepare(`SELECT count(*) FROM student s WHERE ${currentStudents} AND ${confirmed}`)
      .pluck()
      .get(termId ?? 0) as number,
    unverified: currentWhere(database, `NOT ${confirmed}`, [termId ?? 0]),
  };
}

/** OPS-2: 休学 students whose last approved suspension has ended, with no case open to resume or leave. */
export function suspensionEndedFacts(
  database: Database,
  today: string,
): InspectionFacts['departures']['suspensionEnded'] {
  const endDate = `(SELECT json_extract(rc.input, '$.period.endDate') FROM register_case rc
      JOIN case_student cs ON cs.case_id = rc.id
    WHERE cs.student_id = s.id AND rc.kind = 'suspension' AND rc.status = 'approved' ORDER BY rc.id DESC LIMIT 1)`;
  return listed(
    database,
    `SELECT ${studentColumns}, ${endDate} AS endDate FROM student s JOIN class c ON c.id = s.class_id
     WHERE s.status = 'suspended' AND ${endDate} < ?
       AND NOT EXISTS (SELECT 1 FROM case_student cs JOIN register_case rc ON rc.id = cs.case_id
                       WHERE cs.student_id = s.id AND rc.status = 'pending')`,
    rollOrder,
    [today],
    toStudentRef<StudentRow & { endDate: string }>,
  );
}

/** VOC-3: students registered in the period more than a month after their 入学年月 began (since the installation). */
export function lateStudentFacts(
  database: Database,
  from: string,
  firstDay: string,
): InspectionFacts['lateEntries']['students'] {
  const month = `json_extract(s.basics, '$.enrollmentMonth')`;
  const firstOfMonth = `substr(${month}, 1, 4) || '-' || substr(${month}, 5, 2) || '-01'`;
  return listed(
    database,
    `SELECT ${studentColumns}, substr(s.created_at, 1, 10) AS registeredOn, ${month} AS enrollmentMonth
     FROM student s JOIN class c ON c.id = s.class_id
     WHERE ${currentStudents} AND s.created_at >= ? AND ${month} >= ?
       AND julianday(substr(s.created_at, 1, 10)) - julianday(${firstOfMonth}) > ?`,
    rollOrder,
    [from, firstDay.slice(0, 7).replace('-', ''), studentEntryDays],
    toStudentRef<StudentRow & { registeredOn: string; enrollmentMonth: string }>,
  );
}

/** VOC-5: current students in 弹性学习 (`studyModes` code 2). */
export const flexibleStudents = (database: Database): number =>
  database
    .prepare(`SELECT count(*) FROM student s WHERE ${currentStudents} AND json_extract(s.basics, '$.studyMode') = '2'`)
    .pluck()
    .get() as number;

type KeyRow = Pick<StudentSummary, 'id' | 'name' | 'sex' | 'birthDate' | 'idNumber' | 'studentNumber'>;

/**
 * OPS-2, VOC-4: every record (any status) by the keys of the shared duplicate
 * rules, read from the list index without opening a row; the records of the
 * groups found are read after.
 */
export function duplicateFacts(database: Database): InspectionFacts['duplicates'] {
  const rows = database
    .prepare(
      `SELECT s.id, s.name, s.sex, s.birth_date AS birthDate, s.id_number AS idNumber, s.student_number AS studentNumber
       FROM student s`,
    )
    .all() as KeyRow[];
  const seen = new Set<string>();
  const numbers: { kind: DuplicateGroup['kind']; value: string; ids: number[] }[] = [];
  for (const [key, indexes] of findDuplicates(rows)) {
    const ids = indexes.map((index) => rows[index]!.id);
    if (seen.has(ids.join(','))) continue;
    seen.add(ids.join(','));
    numbers.push({ kind: key.startsWith('sn:') ? 'studentNumber' : 'idNumber', value: key.slice(3), ids });
  }
  const byIdentity = new Map<string, number[]>();
  for (const row of rows) {
    const key = sameStudentKey(row);
    if (!key) continue;
    const ids = byIdentity.get(key);
    if (ids) ids.push(row.id);
    else byIdentity.set(key, [row.id]);
  }
  const identity = [...byIdentity]
    .filter(([, ids]) => ids.length > 1 && !seen.has(ids.join(',')))
    .map(([key, ids]) => ({ kind: 'identity' as const, value: key.split('|').slice(0, 2).join(' '), ids }));
  return { numbers: groupsOf(database, numbers), identity: groupsOf(database, identity) };
}

function groupsOf(
  database: Database,
  groups: readonly { kind: DuplicateGroup['kind']; value: string; ids: readonly number[] }[],
): Listed<DuplicateGroup> {
  const shown = groups.slice(0, inspectionListLimit);
  const ids = shown.flatMap((group) => group.ids);
  const students = new Map(
    (
      database
        .prepare(
          `SELECT ${studentColumns}, s.status FROM student s JOIN class c ON c.id = s.class_id
           WHERE s.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as (StudentRow & { status: StudentStatus })[]
    ).map((row) => [row.studentId, toStudentRef(row)] as const),
  );
  return {
    total: groups.length,
    first: shown.map((group) => ({
      kind: group.kind,
      value: group.value,
      students: group.ids.flatMap((id) => students.get(id) ?? []),
    })),
  };
}
