/**
 * The roll's filters (学生名册): what the clerk chose, as the route query
 * that keeps it across back navigation, and as the contract's query.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { isCode, studentStatuses } from '../../../shared/register/codes';
import type { StudentFlag, StudentQuery } from '../../../shared/register/students';

export interface RollFilter {
  /** 姓名 (part), 拼音首字母, 身份证件号 or 学籍号 (prefix). */
  readonly text: string;
  readonly grade: number | null;
  readonly classId: number | null;
  /** A `studentStatuses` code. */
  readonly status: string | null;
  readonly flag: StudentFlag | null;
}

export const emptyRollFilter: RollFilter = { text: '', grade: null, classId: null, status: null, flag: null };

/** The contract's limit on the search text. */
export const searchTextMaxLength = 40;

export const studentFlagOptions: readonly { readonly code: StudentFlag; readonly label: string }[] = [
  { code: 'noPhoto', label: '无照片' },
  { code: 'noStudentNumber', label: '无学籍号' },
  { code: 'possibleDuplicate', label: '疑似重复' },
];

const first = (value: LocationQuery[string] | undefined): string => {
  const found = Array.isArray(value) ? value[0] : value;
  return typeof found === 'string' ? found : '';
};

/** A whole number in [min, max] from the query, or null for anything else. */
function whole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** The filter a route query describes; anything malformed (a hand-edited address) is left out. */
export function rollFilterFromQuery(query: LocationQuery): RollFilter {
  const status = first(query['status']);
  const flag = first(query['flag']);
  return {
    text: first(query['q']).slice(0, searchTextMaxLength),
    grade: whole(first(query['grade']), 1, 12),
    classId: whole(first(query['class']), 1, 1e9),
    status: isCode(studentStatuses, status) ? status : null,
    flag: studentFlagOptions.find((option) => option.code === flag)?.code ?? null,
  };
}

/** The route query of a filter: only what is set, so the plain roll is plain `/students`. */
export function rollQuery(filter: RollFilter): LocationQueryRaw {
  return {
    ...(filter.text ? { q: filter.text } : {}),
    ...(filter.grade !== null ? { grade: String(filter.grade) } : {}),
    ...(filter.classId !== null ? { class: String(filter.classId) } : {}),
    ...(filter.status !== null ? { status: filter.status } : {}),
    ...(filter.flag !== null ? { flag: filter.flag } : {}),
  };
}

/** Whether the filters narrow the roll at all (an empty roll then means "no match", not "no students"). */
export function isFiltered(filter: RollFilter): boolean {
  return Object.keys(rollQuery({ ...filter, text: filter.text.trim() })).length > 0;
}

export const sameRollFilter = (a: RollFilter, b: RollFilter): boolean =>
  JSON.stringify(rollQuery(a)) === JSON.stringify(rollQuery(b));

/** The contract's query for a filter, without the block to read. */
export function studentQueryOf(filter: RollFilter): Omit<StudentQuery, 'limit' | 'offset'> {
  const text = filter.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(filter.grade !== null ? { grade: filter.grade } : {}),
    ...(filter.classId !== null ? { classId: filter.classId } : {}),
    ...(filter.status !== null ? { status: filter.status } : {}),
    ...(filter.flag !== null ? { flag: filter.flag } : {}),
  };
}
