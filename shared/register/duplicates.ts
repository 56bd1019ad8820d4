/**
 * Duplicate records (rules OPS-2 一人一籍 and VOC-4 no duplicate registration;
 * DESIGN.md §5): the same ID number or 学籍号 twice is refused; the same name,
 * birth date and sex is flagged for the clerk to review.
 *
 * Pure: core compares the keys against the database (an index on them), the
 * import compares them within a workbook.
 */
import { codeOf, sexes, toHalfWidth } from './codes';
import { normaliseIdText, parseDate } from './identity';

export type DuplicateKind = 'idNumber' | 'studentNumber';

/**
 * The comparison key of an ID number or 学籍号: half-width, upper case
 * (x → X), without spaces; null when blank (a blank Z 其他 document number
 * duplicates nothing).
 */
export function duplicateKey(kind: DuplicateKind, value: string): string | null {
  const s = normaliseIdText(value).replace(/\s+/g, '');
  if (s === '') return null;
  return `${kind === 'idNumber' ? 'id' : 'sn'}:${s}`;
}

/** What identifies a record for the refused duplicates. */
export interface IdentityNumbers {
  /** 身份证件号 */
  readonly idNumber?: string;
  /** 全国学籍号 */
  readonly studentNumber?: string;
}

/**
 * Every key under which another record would be the same student: the ID
 * number, the 学籍号, and the ID number inside a G 学籍号 (a G number keeps
 * the ID number of first registration, DOMAIN.md, so a record whose current
 * ID number is that one is the same person).
 */
export function duplicateKeys(record: IdentityNumbers): string[] {
  const keys = new Set<string>();
  const id = duplicateKey('idNumber', record.idNumber ?? '');
  if (id) keys.add(id);
  const studentNumber = duplicateKey('studentNumber', record.studentNumber ?? '');
  if (studentNumber) {
    keys.add(studentNumber);
    const number = studentNumber.slice('sn:'.length);
    if (number.startsWith('G') && number.length === 19) keys.add(`id:${number.slice(1)}`);
  }
  return [...keys];
}

/**
 * Groups of records that share a key, for a dry-run report: key → indexes of
 * the records in `records` (only keys held by two or more).
 */
export function findDuplicates(records: readonly IdentityNumbers[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of duplicateKeys(record)) byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  return new Map([...byKey].filter(([, indexes]) => indexes.length > 1));
}

/** What a possible second record of the same student shares. */
export interface PersonIdentity {
  /** 姓名 */
  readonly name: string;
  /** 出生日期 (`YYYY-MM-DD` or another form `parseDate` reads) */
  readonly birthDate: string;
  /** 性别 code or label */
  readonly sex: string;
}

/** A name for comparison: half-width, no spaces, one kind of 间隔号, upper case. */
export function normaliseName(name: string): string {
  return toHalfWidth(name)
    .replace(/\s+/g, '')
    .replace(/[・•‧∙⋅ㆍ.]/g, '·')
    .toUpperCase();
}

/** The key under which possible duplicates meet; null when name, birth date or sex is missing or unreadable. */
export function sameStudentKey(person: PersonIdentity): string | null {
  const name = normaliseName(person.name);
  const birthDate = parseDate(person.birthDate);
  const sex = codeOf(sexes, person.sex);
  return name && birthDate && sex ? `${name}|${birthDate}|${sex}` : null;
}

/**
 * Whether two records may be the same student: same normalised name, birth
 * date and sex. Flagged for review, not refused: namesakes born the same day exist.
 */
export function possibleSameStudent(a: PersonIdentity, b: PersonIdentity): boolean {
  const key = sameStudentKey(a);
  return key !== null && key === sameStudentKey(b);
}
