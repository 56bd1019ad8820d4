/**
 * The national template's extended fields (扩展信息) and the 中职 fields of a
 * student (DOMAIN.md "Student basic information"), checked for
 * `validateStudentBasics`: 是否独生子女 and 是否受过学前教育 are ★ required,
 * every other field is checked only when filled in, so older records and
 * partial imports stay valid.
 *
 * Checks are by format and code list only. Two depend on the school and are
 * core's to make: whether the 专业 is one of the school's majors, and that the
 * 中职 fields and the 学籍辅号 (senior high, rule REG-2) suit the school.
 */
import type { CodeList } from './codes';
import {
  commuteModes,
  disabilityTypes,
  isCode,
  leftBehindStatuses,
  politicalAffiliations,
  studentSources,
  studyModes,
  toHalfWidth,
  yesNo,
} from './codes';
import { localDate, normaliseIdText, parseDate } from './identity';
import type { extendedStudentFields, StudentBasics } from './studentValidation';

/** Every extended field but 曾用名, which `validateStudentBasics` checks as a name. */
export type ExtendedField = Exclude<(typeof extendedStudentFields)[number], 'formerName'>;

/** 上下学距离 in kilometres: a pupil living further away than this is a typing error. */
export const maxCommuteKm = 100;

/** Coded fields checked against their list when filled in; the ★ ones are required (below). */
const codedFields: readonly (readonly [ExtendedField, CodeList, string])[] = [
  ['politicalAffiliation', politicalAffiliations, '政治面貌'],
  ['studentSource', studentSources, '学生来源'],
  ['onlyChild', yesNo, '是否独生子女'],
  ['preschool', yesNo, '是否受过学前教育'],
  ['leftBehind', leftBehindStatuses, '是否留守儿童'],
  ['migrantChild', yesNo, '是否进城务工人员随迁子女'],
  ['orphan', yesNo, '是否孤儿'],
  ['martyrChild', yesNo, '是否烈士或优抚子女'],
  ['inclusiveEducation', yesNo, '是否随班就读'],
  ['disabilityType', disabilityTypes, '残疾类型'],
  ['governmentFundedPlace', yesNo, '是否由政府购买学位'],
  ['needsAid', yesNo, '是否需要申请资助'],
  ['receivesSubsidy', yesNo, '是否享受一补'],
  ['commuteMode', commuteModes, '上下学交通方式'],
  ['needsSchoolBus', yesNo, '是否需要乘坐校车'],
  ['studyMode', studyModes, '学习形式'],
];

/** ★ fields of the extended part. */
const requiredFields: ReadonlySet<ExtendedField> = new Set(['onlyChild', 'preschool']);

/** Free-text fields and their longest length. */
const textFields: readonly (readonly [ExtendedField, string, number])[] = [
  ['specialty', '特长', 100],
  ['studentCategory', '学生类别', 50],
  ['teachingSite', '教学点', 100],
];

const blank = (value: string | undefined) => (value ?? '').trim() === '';

/** Problems by field, the first one each; only the fields of this module. */
export function extendedFieldProblems(
  input: Readonly<StudentBasics>,
  today: Date,
): Partial<Record<ExtendedField, string>> {
  const problems: Partial<Record<ExtendedField, string>> = {};
  const report = (field: ExtendedField, message: string | null) => {
    if (message !== null && problems[field] === undefined) problems[field] = message;
  };
  for (const [field, list, subject] of codedFields) {
    const value = (input[field] ?? '').trim();
    if (value === '') report(field, requiredFields.has(field) ? `请选择${subject}` : null);
    else if (!isCode(list, value)) report(field, `${subject}代码「${value}」不在代码表中，请从列表中选择`);
  }
  for (const [field, subject, max] of textFields) {
    const length = [...(input[field] ?? '').trim()].length;
    if (length > max) report(field, `${subject}不能超过 ${max} 个字（现为 ${length} 个）`);
  }
  if (!blank(input.namePinyin)) report('namePinyin', namePinyinProblem(input.namePinyin ?? ''));
  if (!blank(input.idValidUntil)) report('idValidUntil', idValidUntilProblem(input.idValidUntil ?? '', today));
  if (!blank(input.classSeatNumber) && !/^[0-9A-Za-z]{1,20}$/.test(toHalfWidth(input.classSeatNumber ?? '').trim())) {
    report('classSeatNumber', '班内学号只能包含数字和字母，不超过 20 位');
  }
  // Rule REG-2: the provincial system issues the 学籍辅号; its exact format is not published, so letters and digits.
  if (!blank(input.auxiliaryNumber) && !/^[0-9A-Z]{4,30}$/.test(normaliseIdText(input.auxiliaryNumber ?? ''))) {
    report('auxiliaryNumber', '学籍辅号应为 4 到 30 位字母或数字，请按省学籍系统给出的号码填写');
  }
  if (!blank(input.commuteDistance)) report('commuteDistance', commuteDistanceProblem(input.commuteDistance ?? ''));
  if (!blank(input.majorCode) && !/^\d{6}$/.test(toHalfWidth(input.majorCode ?? '').trim())) {
    report('majorCode', '专业代码应为 6 位数字（见《中等职业学校专业目录》，如 710201）');
  }
  if (!blank(input.schoolingYears) && !/^[1-6]$/.test(toHalfWidth(input.schoolingYears ?? '').trim())) {
    report('schoolingYears', '学制应为 1 到 6 年');
  }
  checkDisability(input, report);
  return problems;
}

function namePinyinProblem(value: string): string | null {
  const s = toHalfWidth(value).trim();
  if (s.length > 100) return `姓名拼音不能超过 100 个字母（现为 ${s.length} 个）`;
  return /^[A-Za-zÜü]+(?:[ ·][A-Za-zÜü]+)*$/.test(s) ? null : '姓名拼音只能包含字母，字之间可用空格，如 LI XIAOHONG';
}

function idValidUntilProblem(value: string, today: Date): string | null {
  const s = toHalfWidth(value).trim();
  if (s === '长期') return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseDate(s) : null;
  if (!date) return `身份证件有效期应为“年-月-日”或“长期”，如 2031-09-01（现为「${s}」）`;
  if (date < localDate(today)) return `身份证件有效期 ${date} 早于今天：证件已过期，请核对或换发证件后填写新的有效期`;
  return null;
}

function commuteDistanceProblem(value: string): string | null {
  const s = toHalfWidth(value).trim();
  const km = /^\d+(?:\.\d{1,2})?$/.test(s) ? Number(s) : NaN;
  return km >= 0 && km <= maxCommuteKm
    ? null
    : `上下学距离应为 0 到 ${maxCommuteKm} 之间的公里数，如 2.5（现为「${s}」）`;
}

/** 随班就读 is schooling of a child with a disability in a regular class; 健康状况 残疾 names one too. */
function checkDisability(
  input: Readonly<StudentBasics>,
  report: (field: ExtendedField, message: string | null) => void,
): void {
  const none = blank(input.disabilityType) || input.disabilityType === '0';
  if (input.inclusiveEducation === '1' && none) report('disabilityType', '随班就读的学生请选择残疾类型');
  if (input.healthStatus === '50' && input.disabilityType === '0') {
    report('disabilityType', '健康状况为“残疾”，残疾类型不能是“无残疾”');
  }
}
