/**
 * Finding students on the roll (issue 4): by part of the name, the start of
 * its pinyin initials or full pinyin (zsf, zhangsan for 张三丰; a name in Latin
 * letters by its start), the start of an ID number or 学籍号, and by grade,
 * class, status and the review flags.
 *
 * One read of the covering index `student_list` (migration 0010) collects
 * the matching ids already in roll order: the classes are read in grade and
 * class order, and within a class the index is ordered by name pinyin. The
 * count is the number of ids; only the page's rows are then read. Typed text
 * is compared with instr() and GLOB on plain letters and digits, so %, _ and
 * * are never wildcards.
 */
import type { StudentQuery, StudentSummary } from '../../../shared/register/students';
import { toHalfWidth } from '../../../shared/register/codes';
import type { Database } from '../db/database';
import { summaryColumns, type SummaryRow, toSummary } from './studentRecord';

interface Condition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** What typed text can mean: names hold no digits, numbers no Chinese characters. */
function textCondition(typed: string): Condition | null {
  const text = toHalfWidth(typed).trim();
  if (text === '') return null;
  const compact = text.replace(/[\s·]/g, '');
  if (/^[A-Za-z]+$/.test(compact)) {
    // The start of the initials or the pinyin; a name in Latin letters keeps all of them in both.
    const letters = `${compact.toLowerCase()}*`;
    return { sql: '(s.name_initials GLOB ? OR s.name_pinyin GLOB ?)', params: [letters, letters] };
  }
  if (/^\d+$/.test(compact)) return { sql: 's.id_number GLOB ?', params: [`${compact}*`] };
  if (/^[A-Za-z0-9]+$/.test(compact)) {
    // A 学籍号 starts with G, L or J; other documents (passports) may start with a letter too.
    const number = `${compact.toUpperCase()}*`;
    return { sql: '(s.id_number GLOB ? OR s.student_number GLOB ?)', params: [number, number] };
  }
  return { sql: 'instr(s.name, ?) > 0', params: [text] };
}

/** The review flags of the roll (OPS-2 for possible duplicates, REG-1 for the missing 学籍号). */
const flagConditions: Record<NonNullable<StudentQuery['flag']>, string> = {
  noPhoto: 'NOT EXISTS (SELECT 1 FROM student_photo p WHERE p.student_id = s.id)',
  noStudentNumber: "s.student_number = ''",
  // The registration's check (duplicates.ts normaliseName) on validated names: spaces and case aside.
  possibleDuplicate: `EXISTS (SELECT 1 FROM student d WHERE d.birth_date = s.birth_date AND d.sex = s.sex
    AND d.id <> s.id AND upper(replace(d.name, ' ', '')) = upper(replace(s.name, ' ', '')))`,
};

function conditions(query: StudentQuery): Condition[] {
  const found: (Condition | null)[] = [
    query.text === undefined ? null : textCondition(query.text),
    query.grade === undefined ? null : { sql: 'c.grade = ?', params: [query.grade] },
    query.classId === undefined ? null : { sql: 'c.id = ?', params: [query.classId] },
    query.status === undefined ? null : { sql: 's.status = ?', params: [query.status] },
    query.flag === undefined ? null : { sql: flagConditions[query.flag], params: [] },
  ];
  return found.filter((condition): condition is Condition => condition !== null);
}

/** One page of the roll in roll order (grade, class, name by pinyin), and how many match in all. */
export function searchStudents(database: Database, query: StudentQuery): { rows: StudentSummary[]; total: number } {
  const where = conditions(query);
  // CROSS JOIN keeps class as the outer loop, so the order comes from the indexes, not a sort.
  const ids = database
    .prepare(
      `SELECT s.id FROM class c CROSS JOIN student s ON s.class_id = c.id
       ${where.length > 0 ? `WHERE ${where.map((condition) => condition.sql).join(' AND ')}` : ''}
       ORDER BY c.grade, c.number, s.name_pinyin, s.name`,
    )
    .pluck()
    .all(...where.flatMap((condition) => condition.params)) as number[];
  const page = ids.slice(query.offset, query.offset + query.limit);
  if (page.length === 0) return { rows: [], total: ids.length };
  const found = database
    .prepare(
      `SELECT ${summaryColumns} FROM student s JOIN class c ON c.id = s.class_id
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(page)) as SummaryRow[];
  const byId = new Map(found.map((row) => [row.id, row]));
  return { rows: page.map((id) => toSummary(byId.get(id)!)), total: ids.length };
}
