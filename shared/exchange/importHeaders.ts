/**
 * The national template's header, matched tolerantly: full-width or
 * half-width, spaces and line breaks, ★ and * marks, (必填), the names of our
 * student form (`studentFieldLabels`) and the template's other names for the
 * same column. Family members are 成员1姓名, 家庭成员1 联系电话, or a
 * two-row header: a merged 家庭成员1 above 姓名, 关系 … The header is looked
 * for in the first rows of a sheet, so a title row above it is fine.
 */
import { toHalfWidth } from '../register/codes';
import { studentFieldLabels } from '../register/students';
import type { FamilyMember, StudentBasics } from '../register/studentValidation';

export type StudentColumnField = Exclude<keyof StudentBasics, 'familyMembers'>;
export type MemberField = Exclude<keyof FamilyMember, symbol>;

export type ColumnTarget =
  | { readonly kind: 'student'; readonly field: StudentColumnField }
  /** `member` counts from 0: 家庭成员1 is 0. */
  | { readonly kind: 'member'; readonly member: number; readonly field: MemberField }
  | { readonly kind: 'grade' }
  | { readonly kind: 'class' }
  /** A template column this program does not keep (照片, 序号 …). */
  | { readonly kind: 'skipped' };

export interface ImportColumn {
  /** Column number, 1 for A. */
  readonly index: number;
  /** Column letter as Excel shows it. */
  readonly letter: string;
  /** The header as the file writes it (group and sub-header joined for a two-row header). */
  readonly header: string;
  /** What the column holds; null when it is not a template column. */
  readonly target: ColumnTarget | null;
}

export interface HeaderLayout {
  /** Row number of the header's first row. */
  readonly row: number;
  /** 1, or 2 for a group row above the sub-headers. */
  readonly depth: 1 | 2;
  readonly columns: readonly ImportColumn[];
}

/** A row of header candidates: cell texts by column number (index 0 unused). */
export interface HeaderRow {
  readonly number: number;
  readonly texts: readonly (string | undefined)[];
}

/** Family members the template can hold (the contract allows six). */
export const maxImportedMembers = 6;

/** The template's other names for our fields (ours come from `studentFieldLabels`). */
const studentAliases: Partial<Record<StudentColumnField, readonly string[]>> = {
  name: ['学生姓名'],
  birthDate: ['出生年月日'],
  nationality: ['国籍', '国籍地区', '国别'],
  idType: ['证件类型'],
  idNumber: ['身份证号', '身份证号码', '身份证件号码', '证件号码', '证件号', '公民身份号码'],
  overseasStatus: ['港澳台侨胞', '港澳台侨外籍'],
  enrollmentMonth: ['入学时间', '入学日期'],
  currentAddress: ['现住地址', '现居住地址'],
  mailingAddress: ['通讯地址'],
  homeAddress: ['家庭住址'],
  phone: ['电话', '联系方式'],
  postalCode: ['邮编'],
  email: ['电子邮箱', '邮箱', 'email', 'e-mail'],
  studentNumber: ['学籍号', '全国学籍编号', '学籍编号'],
  namePinyin: ['拼音'],
  idValidUntil: ['证件有效期'],
  classSeatNumber: ['学号'],
  onlyChild: ['独生子女'],
  preschool: ['受过学前教育', '是否接受过学前教育'],
  leftBehind: ['留守儿童'],
  migrantChild: ['随迁子女', '进城务工人员随迁子女'],
  orphan: ['孤儿'],
  martyrChild: ['烈士或优抚子女', '是否烈士优抚子女'],
  inclusiveEducation: ['随班就读'],
  governmentFundedPlace: ['政府购买学位'],
  needsAid: ['需要申请资助'],
  receivesSubsidy: ['享受一补'],
  commuteDistance: ['上下学距离'],
  commuteMode: ['上下学方式', '交通方式'],
  needsSchoolBus: ['乘坐校车', '是否乘坐校车'],
  majorCode: ['专业代码', '专业名称'],
};

/** A family member's columns: the first name is ours, the rest the template's. */
export const memberFieldNames: Readonly<Record<MemberField, readonly string[]>> = {
  name: ['姓名'],
  relationship: ['关系', '与学生关系', '与本人关系', '家庭关系', '亲属关系'],
  phone: ['联系电话', '电话', '手机', '手机号码', '联系方式'],
  isGuardian: ['是否监护人', '监护人'],
  idType: ['身份证件类型', '证件类型'],
  idNumber: ['身份证件号', '身份证号', '身份证号码', '身份证件号码', '证件号码'],
  ethnicity: ['民族'],
  householdLocation: ['户口所在地'],
  workplace: ['工作单位', '单位'],
  address: ['现住址', '住址', '家庭住址'],
  jobTitle: ['职务'],
};

/** Template columns kept elsewhere or not at all. */
const skippedNames = ['照片', '序号', '主页地址', '学校名称', '学校标识码', '学籍状态', '备注'];

/** Parts of `studentFieldLabels` that are not columns of the template. */
const recordParts = new Set([
  'familyMembers',
  'status',
  'classId',
  'photo',
  'rewardsPunishments',
  'studyHistory',
  'graduationComment',
]);

/** How headers are compared: half-width, no spaces or marks, no (必填), lower case. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s★☆*※:]/g, '')
    .replace(/\((?:必填|选填|必填项)\)|必填|选填/g, '')
    .toLowerCase();
}

const withoutNotes = (key: string) => key.replace(/\([^)]*\)/g, '');

const targets = new Map<string, ColumnTarget>();
for (const [field, label] of Object.entries(studentFieldLabels)) {
  if (recordParts.has(field)) continue;
  const target: ColumnTarget = { kind: 'student', field: field as StudentColumnField };
  for (const name of [label, ...(studentAliases[field as StudentColumnField] ?? [])])
    targets.set(headerKey(name), target);
}
for (const name of ['年级', '年级名称', '所在年级']) targets.set(headerKey(name), { kind: 'grade' });
for (const name of ['班级', '班级名称', '所在班级', '班号']) targets.set(headerKey(name), { kind: 'class' });
for (const name of skippedNames) targets.set(headerKey(name), { kind: 'skipped' });

const memberTargets = new Map<string, MemberField>();
for (const [field, names] of Object.entries(memberFieldNames)) {
  for (const name of names) memberTargets.set(headerKey(name), field as MemberField);
}

const chineseNumbers = '一二三四五六';
/** 家庭成员1, 成员一, 家庭成员(二), 监护人1信息, then what follows (the field, or nothing for a group cell). */
const memberPrefix = /^(?:家庭成员|成员|监护人)(?:\(([1-6一二三四五六])\)|([1-6一二三四五六]))(?:信息)?(.*)$/;

function memberTarget(key: string): ColumnTarget | null | 'group' {
  const match = memberPrefix.exec(key);
  if (!match) return null;
  const digit = match[1] ?? match[2] ?? '';
  const member = /\d/.test(digit) ? Number(digit) - 1 : chineseNumbers.indexOf(digit);
  const rest = match[3] ?? '';
  if (rest === '') return 'group';
  const field = memberTargets.get(rest) ?? memberTargets.get(withoutNotes(rest));
  return field ? { kind: 'member', member, field } : null;
}

/** The column a header names; null when it is not one of the template's. */
export function matchHeader(text: string): ColumnTarget | null {
  const key = headerKey(text);
  if (key === '') return null;
  for (const candidate of [key, withoutNotes(key)]) {
    const member = memberTarget(candidate);
    if (member === 'group') return null;
    const found = member ?? targets.get(candidate);
    if (found) return found;
  }
  return null;
}

/** A group cell of a two-row header: 家庭成员1, 成员(二), 家庭成员信息 … */
function isGroupHeader(text: string): boolean {
  const key = headerKey(text);
  return memberTarget(key) === 'group' || /^(?:家庭成员|监护人)(?:信息)?$/.test(key);
}

/** Column letter of a column number: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const trimmed = (text: string | undefined) => (text ?? '').trim();

function singleRow(row: HeaderRow): ImportColumn[] {
  return row.texts.flatMap((text, index) =>
    index === 0 || trimmed(text) === ''
      ? []
      : [{ index, letter: columnLetter(index), header: trimmed(text), target: matchHeader(text ?? '') }],
  );
}

/**
 * Two rows: a group cell (merged across its columns, so only its first cell
 * has text) over sub-headers; other columns are merged down, their text in
 * the top row.
 */
function twoRows(top: HeaderRow, bottom: HeaderRow): ImportColumn[] {
  const width = Math.max(top.texts.length, bottom.texts.length);
  const columns: ImportColumn[] = [];
  let group = '';
  for (let index = 1; index < width; index += 1) {
    const upper = trimmed(top.texts[index]);
    const lower = trimmed(bottom.texts[index]);
    if (upper !== '') group = isGroupHeader(upper) ? upper : '';
    let header = upper;
    let target: ColumnTarget | null = null;
    if (group !== '' && lower !== '') {
      header = `${group} ${lower}`;
      target = matchHeader(`${group}${lower}`) ?? matchHeader(lower);
    } else if (upper !== '') {
      target = matchHeader(upper);
    } else if (lower !== '') {
      header = lower;
      target = matchHeader(lower);
    }
    if (header !== '') columns.push({ index, letter: columnLetter(index), header, target });
  }
  return columns;
}

const targetKey = (target: ColumnTarget): string =>
  target.kind === 'student'
    ? target.field
    : target.kind === 'member'
      ? `${target.member}.${target.field}`
      : target.kind;

/** Distinct template columns recognised: how much a candidate header looks like the template's. */
function score(columns: readonly ImportColumn[]): number {
  const keys = new Set(columns.flatMap((column) => (column.target ? [targetKey(column.target)] : [])));
  return keys.has('name') ? keys.size : 0;
}

/** Rows searched for the header: room for a title and a line of instructions above it. */
export const headerSearchRows = 10;
/** The fewest recognised columns (姓名 among them) that make a header. */
const minimumScore = 4;

/** The template header among the first rows of a sheet, or null when the sheet has none. */
export function findHeader(rows: readonly HeaderRow[]): HeaderLayout | null {
  let best: HeaderLayout | null = null;
  let bestScore = minimumScore - 1;
  rows.slice(0, headerSearchRows).forEach((row, position) => {
    const single = singleRow(row);
    const next = rows[position + 1];
    const pair = next && next.number === row.number + 1 ? twoRows(row, next) : null;
    const candidates: [ImportColumn[], 1 | 2][] = [[single, 1]];
    if (pair) candidates.push([pair, 2]);
    for (const [columns, depth] of candidates) {
      const value = score(columns);
      if (value > bestScore) {
        best = { row: row.number, depth, columns };
        bestScore = value;
      }
    }
  });
  return best;
}

/** ★ fields of the form: a file without one of these columns cannot pass for any row. */
const requiredStudentFields: readonly StudentColumnField[] = [
  'name',
  'sex',
  'birthDate',
  'birthPlace',
  'nativePlace',
  'ethnicity',
  'nationality',
  'idType',
  'idNumber',
  'overseasStatus',
  'healthStatus',
  'householdLocation',
  'householdType',
  'enrollmentMonth',
  'enrollmentMethod',
  'boardingType',
  'currentAddress',
  'mailingAddress',
  'homeAddress',
  'phone',
  'postalCode',
  'onlyChild',
  'preschool',
];
/** A guardian needs these (`validateStudentBasics`); one family member with all of them is enough. */
const requiredMemberFields: readonly MemberField[] = ['name', 'relationship', 'isGuardian', 'phone'];

/** The field's name in messages and the report: 身份证件号, 家庭成员1 联系电话, 年级. */
export function targetLabel(target: ColumnTarget): string {
  switch (target.kind) {
    case 'student':
      return studentFieldLabels[target.field] ?? target.field;
    case 'member':
      return `家庭成员${target.member + 1} ${memberFieldNames[target.field][0]}`;
    case 'grade':
      return '年级';
    case 'class':
      return '班级';
    case 'skipped':
      return '';
  }
}

/**
 * Why no row of a file with this header could be imported: a ★ column
 * missing, the same column twice, no 班级 column when the rows' classes come
 * from the file. Empty when the header will do.
 */
export function headerProblems(layout: HeaderLayout, classFromColumns: boolean): string[] {
  const problems: string[] = [];
  const seen = new Map<string, ImportColumn>();
  for (const column of layout.columns) {
    if (!column.target || column.target.kind === 'skipped') continue;
    const key = targetKey(column.target);
    const first = seen.get(key);
    if (first) {
      problems.push(
        `“${targetLabel(column.target)}”有两列（${first.letter} 列“${first.header}”和 ${column.letter} 列“${column.header}”），` +
          '无法确定用哪一列：请删去其中一列，或改正它的表头。',
      );
    } else seen.set(key, column);
  }
  const missing = requiredStudentFields.filter((field) => !seen.has(field)).map((field) => studentFieldLabels[field]);
  if (missing.length > 0) {
    problems.push(
      `表头缺少必填（★）的列：${missing.join('、')}。请使用全国学籍系统的学生信息模板，并保留其中所有 ★ 列。`,
    );
  }
  const members = Array.from({ length: maxImportedMembers }, (_, member) => member);
  if (!members.some((member) => requiredMemberFields.every((field) => seen.has(`${member}.${field}`)))) {
    problems.push(
      '表头缺少家庭成员的列：至少要有一位家庭成员的姓名、关系、是否监护人和联系电话（如“成员1姓名”“成员1关系”）。',
    );
  }
  if (classFromColumns && !seen.has('class')) {
    problems.push('表中没有“班级”列：请在页面上选择要导入到的班级，或在表中加上“年级”“班级”两列。');
  }
  return problems;
}

/** Notes on columns that are not imported: the template's own (照片 …) and ones it does not have. */
export function columnNotes(layout: HeaderLayout): string[] {
  const named = (columns: readonly ImportColumn[]) =>
    columns.map((column) => `${column.letter} 列“${column.header}”`).join('、');
  const skipped = layout.columns.filter((column) => column.target?.kind === 'skipped');
  const unknown = layout.columns.filter((column) => column.target === null);
  return [
    ...(skipped.length > 0 ? [`以下列本程序不导入：${named(skipped)}。`] : []),
    ...(unknown.length > 0
      ? [`以下列不是学生信息模板中的列，没有导入：${named(unknown)}。如是模板的列，请改用模板中的表头。`]
      : []),
  ];
}

/** A file none of whose visible worksheets starts with the template's header. */
export function missingHeaderMessage(fileName: string, sheetNames: readonly string[]): string {
  const sheets = sheetNames.length > 0 ? `（${sheetNames.map((name) => `“${name}”`).join('、')}）` : '';
  return (
    `在文件“${fileName}”的工作表${sheets}前 ${headerSearchRows} 行中没有找到学生信息的表头。` +
    '应有全国学籍系统学生信息模板的表头，如“姓名”“性别”“出生日期”“身份证件类型”“身份证件号”“成员1姓名”等。' +
    '请确认选择的是学生信息表，表头在前几行，且工作表没有隐藏。'
  );
}
