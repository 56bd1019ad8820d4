/**
 * What can only be seen across rows (rule OPS-2): the same ID number or
 * 学籍号 twice in the file, or already in the register (refused, never
 * overwritten: 一人一籍), and the same name, birth date and sex (flagged,
 * as registration flags it). Then the counts the report shows, with 班额
 * notes (ENR-2) for the classes the rows go to.
 */
import { labelOf, studentStatuses } from '../register/codes';
import { duplicateKey, duplicateKeys, findDuplicates, sameStudentKey } from '../register/duplicates';
import type { SchoolClass, StudentSummary } from '../register/students';
import type { HeaderLayout } from './importHeaders';
import type { CheckedRow } from './importRows';
import type { ImportClassCount, ImportIssue, ImportIssueLevel } from './studentImport';

/** A row's ID number or 学籍号 held by a record of the register. */
export interface RegisterClash {
  readonly field: 'idNumber' | 'studentNumber';
  readonly other: StudentSummary;
}

export interface RegisterFacts {
  /** Every record of the register (any status: a departed student's record is not reused). */
  readonly existing: readonly StudentSummary[];
  /** The register's own message for a clash (core's `duplicateMessage`), so both say the same. */
  readonly clashMessage: (clash: RegisterClash) => string;
}

const fieldLabels = { idNumber: '身份证件号', studentNumber: '全国学籍号' } as const;
/** 在读 and 休学 students are in school (CHG-3); every other status has left. */
const inSchool = new Set(['enrolled', 'suspended']);

/** Which of a row's numbers a duplicate key comes from (a G 学籍号 also carries the ID number inside it). */
function fieldOfKey(row: CheckedRow, key: string): RegisterClash['field'] {
  return duplicateKey('idNumber', row.basics.idNumber) === key ? 'idNumber' : 'studentNumber';
}

/** Adds the cross-row issues to each row: duplicates as errors, possible duplicates as warnings. */
export function crossCheckRows(rows: readonly CheckedRow[], layout: HeaderLayout, facts: RegisterFacts): CheckedRow[] {
  const added = rows.map((): ImportIssue[] => []);
  const letters = new Map(
    layout.columns.flatMap((column) =>
      column.target?.kind === 'student' ? [[column.target.field, column.letter]] : [],
    ),
  );
  const issue = (index: number, field: string, column: string, level: ImportIssueLevel, message: string) => {
    const row = rows[index]!;
    added[index]!.push({ row: row.row, name: row.basics.name, column, field, level, message });
  };
  const hardClash = new Set<number>();

  // Within the file.
  const numbers = rows.map((row) => ({ idNumber: row.basics.idNumber, studentNumber: row.basics.studentNumber }));
  for (const [key, indexes] of findDuplicates(numbers)) {
    for (const index of indexes) {
      const field = fieldOfKey(rows[index]!, key);
      const others = indexes.filter((other) => other !== index).map((other) => rows[other]!.row);
      hardClash.add(index);
      issue(
        index,
        fieldLabels[field],
        letters.get(field) ?? '',
        'error',
        `${fieldLabels[field]}与第 ${others.join('、')} 行相同：一个学生只能有一条学籍（一人一籍，规则 OPS-2）。请核对后删去重复的行`,
      );
    }
  }

  // Against the register.
  const registered = new Map<string, StudentSummary>();
  for (const record of facts.existing) for (const key of duplicateKeys(record)) registered.set(key, record);
  rows.forEach((row, index) => {
    const clashes = new Map<number, RegisterClash>();
    for (const key of duplicateKeys(row.basics)) {
      const other = registered.get(key);
      if (other && !clashes.has(other.id)) clashes.set(other.id, { field: fieldOfKey(row, key), other });
    }
    for (const clash of clashes.values()) {
      hardClash.add(index);
      const status = labelOf(studentStatuses, clash.other.status) ?? clash.other.status;
      const message = inSchool.has(clash.other.status)
        ? `${facts.clashMessage(clash)}导入不会覆盖已有档案，请从表中删去该行。`
        : `${facts.clashMessage(clash)}该学生现为“${status}”：学生回到本校时，请在原档案上办理转入或复学（籍随人走），不要重新导入。`;
      issue(index, fieldLabels[clash.field], letters.get(clash.field) ?? '', 'error', message);
    }
  });

  // Same name, birth date and sex: flagged for review, as registration does.
  const sameKeys = rows.map((row) => sameStudentKey(row.basics));
  const byKey = new Map<string, number[]>();
  sameKeys.forEach((key, index) => key && byKey.set(key, [...(byKey.get(key) ?? []), index]));
  const registeredPeople = new Map<string, StudentSummary[]>();
  for (const record of facts.existing) {
    const key = sameStudentKey(record);
    if (key) registeredPeople.set(key, [...(registeredPeople.get(key) ?? []), record]);
  }
  sameKeys.forEach((key, index) => {
    if (!key || hardClash.has(index)) return;
    const others = (byKey.get(key) ?? [])
      .filter((other) => other !== index)
      .map((other) => `第 ${rows[other]!.row} 行`);
    const records = (registeredPeople.get(key) ?? []).map((record) => `${record.classLabel}“${record.name}”`);
    const names = [...others, ...records];
    if (names.length === 0) return;
    issue(
      index,
      '姓名',
      letters.get('name') ?? '',
      'warning',
      `与${names.join('、')}的姓名、出生日期、性别都相同，疑似同一学生，请核对（规则 OPS-2）；确是不同的学生时可以导入`,
    );
  });

  return rows.map((row, index) =>
    added[index]!.length > 0 ? { ...row, issues: [...row.issues, ...added[index]!] } : row,
  );
}

export interface ImportSummary {
  readonly rows: number;
  readonly errorRows: number;
  readonly warningRows: number;
  /** Every issue, by row. */
  readonly issues: readonly ImportIssue[];
  readonly classes: readonly ImportClassCount[];
  /** 班额 notes (ENR-2), one per class that would be over it. */
  readonly capacityNotes: readonly string[];
}

/** The counts of the report and the classes the rows go to, in the school's class order. */
export function summariseRows(rows: readonly CheckedRow[], classes: readonly SchoolClass[]): ImportSummary {
  const hasLevel = (row: CheckedRow, level: ImportIssueLevel) => row.issues.some((issue) => issue.level === level);
  const counts = new Map<number, number>();
  for (const row of rows) if (row.classId !== null) counts.set(row.classId, (counts.get(row.classId) ?? 0) + 1);
  const used = classes.filter((entry) => counts.has(entry.id));
  return {
    rows: rows.length,
    errorRows: rows.filter((row) => hasLevel(row, 'error')).length,
    warningRows: rows.filter((row) => !hasLevel(row, 'error') && hasLevel(row, 'warning')).length,
    issues: rows.flatMap((row) => row.issues),
    classes: used.map((entry) => ({ classId: entry.id, label: entry.label, rows: counts.get(entry.id)! })),
    capacityNotes: used.flatMap((entry) => {
      const total = entry.studentCount + counts.get(entry.id)!;
      return total > entry.capacity
        ? [
            `${entry.label}现有 ${entry.studentCount} 人，导入后为 ${total} 人，超过班额 ${entry.capacity} 人（规则 ENR-2）。` +
              '导入不会因此被拒绝，请核对分班是否正确。',
          ]
        : [];
    }),
  };
}
