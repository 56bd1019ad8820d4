/**
 * The columns of the review workbook (导出审查材料) and how a register value
 * becomes a cell. Decisions (docs/decisions.md): coded fields are written as
 * their labels (男, 汉族, 走读), as a reviewer reads them and the import
 * reads them back; division codes (出生地, 籍贯, 户口所在地) stay 6-digit codes,
 * as the national template asks; dates are real dates; 入学年月 stays
 * `YYYYMM` text; ID-like values (身份证件号, 学籍号, 学籍辅号, phones, postal
 * codes, 班内学号) are text cells formatted as text, so Excel never turns them
 * into numbers; every text is formula-safe (cells.ts).
 */
import { type CodeList, labelOf, studentStatuses } from '../../../shared/register/codes';
import { classLabel, gradeLabel, studentFieldLabels } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import { type MemberField, memberFieldNames } from '../../../shared/exchange/importHeaders';
import { changeableFields } from '../../../shared/changes/changeItems';
import { fieldCodeLists } from '../../../shared/register/fieldCodes';

/** text: a string; id: a string formatted as text (@); date: a real date when the value is `YYYY-MM-DD`. */
export type CellKind = 'text' | 'id' | 'date';

export interface Column<Row> {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly kind: CellKind;
  /** The register's value ('' when blank); the sheet writer makes it a safe cell of `kind`. */
  value(row: Row): string;
}

/** ID-like fields of a student or family member: text cells (DOMAIN.md “Excel templates”). */
const idFields: ReadonlySet<string> = new Set([
  'idNumber',
  'studentNumber',
  'auxiliaryNumber',
  'phone',
  'postalCode',
  'classSeatNumber',
]);

const dateFields: ReadonlySet<string> = new Set(['birthDate', 'idValidUntil']);

/** Each list's labels by exact code: stored values are exact codes, and 50,000 rows look up millions of them. */
const labelsByCode = new WeakMap<CodeList, ReadonlyMap<string, string>>();

function labelFor(list: CodeList, code: string): string {
  let labels = labelsByCode.get(list);
  if (!labels) {
    labels = new Map(list.map((entry) => [entry.code, entry.label]));
    labelsByCode.set(list, labels);
  }
  // An older record may hold a code as typed (a dropped leading zero): labelOf is tolerant of that.
  return labels.get(code) ?? labelOf(list, code) ?? code;
}

/** How a field's value is written: the label of a coded value (the code itself when the list lacks it), else as stored. */
export function fieldValue(field: string, value: string | null | undefined): string {
  const text = (value ?? '').trim();
  const list = fieldCodeLists[field];
  return list && text !== '' ? labelFor(list, text) : text;
}

export const fieldKind = (field: string): CellKind =>
  idFields.has(field) ? 'id' : dateFields.has(field) ? 'date' : 'text';

/** Columns wide enough for their longest usual value. */
const fieldWidths: Readonly<Record<string, number>> = {
  idNumber: 20,
  studentNumber: 21,
  auxiliaryNumber: 16,
  currentAddress: 30,
  mailingAddress: 30,
  homeAddress: 30,
  email: 24,
  phone: 14,
  birthDate: 12,
  idValidUntil: 12,
};

/** A student of the 学生 sheet: the record's basics with its class and status. */
export interface StudentRow {
  readonly grade: number;
  readonly classNumber: number;
  /** A `studentStatuses` code. */
  readonly status: string;
  readonly basics: StudentBasics;
}

const basicsValue = (basics: StudentBasics, field: string): string => {
  const value = (basics as unknown as Readonly<Record<string, unknown>>)[field];
  return typeof value === 'string' ? value : '';
};

/** The national template has two family members; a third (rare) stays in the record. */
const templateMembers = 2;

/** A family member's columns in the template's order, headed as the import reads them back (家庭成员1姓名). */
function memberColumns(index: number): Column<StudentRow>[] {
  return (Object.entries(memberFieldNames) as [MemberField, readonly string[]][]).map(([field, [label]]) => ({
    header: `家庭成员${index + 1}${label}`,
    width: fieldWidths[field] ?? 12,
    kind: fieldKind(field),
    value: (row) => fieldValue(field, row.basics.familyMembers[index]?.[field]),
  }));
}

/** 年级, 班级, 学籍状态, then every field of the national template in its order, then two family members. */
export const studentColumns: readonly Column<StudentRow>[] = [
  { header: '年级', width: 8, kind: 'text', value: (row) => gradeLabel(row.grade) },
  { header: '班级', width: 14, kind: 'text', value: (row) => classLabel(row.grade, row.classNumber) },
  {
    header: '学籍状态',
    width: 8,
    kind: 'text',
    value: (row) => labelFor(studentStatuses, row.status),
  },
  ...changeableFields.map((field): Column<StudentRow> => ({
    header: studentFieldLabels[field] ?? field,
    width: fieldWidths[field] ?? 12,
    kind: fieldKind(field),
    value: (row) => fieldValue(field, basicsValue(row.basics, field)),
  })),
  ...Array.from({ length: templateMembers }, (_, index) => memberColumns(index)).flat(),
];
