/**
 * The national basic-information fields of one student (DOMAIN.md "Student
 * basic information", ★ fields), checked before a record is saved (rules
 * REG-1, OPS-2 人籍一致). Pure and zod-free, so the renderer shows the same
 * messages live that core enforces on save.
 *
 * Input is stored form: codes, `YYYY-MM-DD` dates, `YYYYMM` months; the import
 * (later issue) turns spreadsheet text into this form with `codeOf` and
 * `parseDate` first.
 */
import type { CodeList } from './codes';
import {
  boardingTypes,
  enrollmentMethods,
  ethnicities,
  familyRelations,
  healthStatuses,
  householdTypes,
  idDocumentTypes,
  isCode,
  nationalities,
  overseasStatuses,
  sexes,
  toHalfWidth,
  yesNo,
} from './codes';
import { type ExtendedField, extendedFieldProblems } from './extendedFields';
import {
  ageOn,
  localDate,
  normaliseIdText,
  parseDate,
  residentIdMismatches,
  validateDivisionCode,
  validateEmail,
  validateIdDocument,
  validatePhone,
  validatePostalCode,
  validateStudentNumber,
} from './identity';

/** One of the (usually two) family members 家庭成员 of the national template. */
export interface FamilyMember {
  /** 姓名 */
  readonly name: string;
  /** 关系: a `familyRelations` code. */
  readonly relationship: string;
  /** 联系电话 */
  readonly phone: string;
  /** 是否监护人: a `yesNo` code. */
  readonly isGuardian: string;
  /** 身份证件类型: an `idDocumentTypes` code; blank with a number given means 居民身份证. */
  readonly idType?: string;
  /** 身份证件号 */
  readonly idNumber?: string;
  /** 民族: an `ethnicities` code. */
  readonly ethnicity?: string;
  /** 户口所在地: a division code. */
  readonly householdLocation?: string;
  /** 工作单位 */
  readonly workplace?: string;
  /** 现住址 */
  readonly address?: string;
  /** 职务 */
  readonly jobTitle?: string;
}

/** The student's basic information as entered (every value a plain string). */
export interface StudentBasics {
  /** 姓名 */
  readonly name: string;
  /** 性别: a `sexes` code. */
  readonly sex: string;
  /** 出生日期, `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** 出生地: a 6-digit division code. */
  readonly birthPlace: string;
  /** 籍贯: a 6-digit division code. */
  readonly nativePlace: string;
  /** 民族: an `ethnicities` code. */
  readonly ethnicity: string;
  /** 国籍/地区: a `nationalities` code. */
  readonly nationality: string;
  /** 身份证件类型: an `idDocumentTypes` code. */
  readonly idType: string;
  /** 身份证件号 (may be blank only for type Z 其他). */
  readonly idNumber: string;
  /** 港澳台侨外: an `overseasStatuses` code. */
  readonly overseasStatus: string;
  /** 健康状况: a `healthStatuses` code. */
  readonly healthStatus: string;
  /** 户口所在地: a 6-digit division code. */
  readonly householdLocation: string;
  /** 户口性质: a `householdTypes` code. */
  readonly householdType: string;
  /** 入学年月, `YYYYMM`. */
  readonly enrollmentMonth: string;
  /** 入学方式: an `enrollmentMethods` code. */
  readonly enrollmentMethod: string;
  /** 就读方式: a `boardingTypes` code. */
  readonly boardingType: string;
  /** 现住址 */
  readonly currentAddress: string;
  /** 通信地址 */
  readonly mailingAddress: string;
  /** 家庭地址 */
  readonly homeAddress: string;
  /** 联系电话 */
  readonly phone: string;
  /** 邮政编码 */
  readonly postalCode: string;
  /** 电子信箱 (optional) */
  readonly email?: string;
  /** 全国学籍号 (optional: assigned by the Ministry system after registration, rule REG-1) */
  readonly studentNumber?: string;
  /** 家庭成员 */
  readonly familyMembers: readonly FamilyMember[];

  // The template's other fields. Optional in the type so that older records
  // and partial imports stay readable; `validateStudentBasics` requires the
  // ★ ones (独生子女, 学前教育) and checks the rest when filled in.
  /** 姓名拼音 */
  readonly namePinyin?: string;
  /** 曾用名 */
  readonly formerName?: string;
  /** 政治面貌: a `politicalAffiliations` code. */
  readonly politicalAffiliation?: string;
  /** 身份证件有效期 `YYYY-MM-DD`, or '长期'. */
  readonly idValidUntil?: string;
  /** 特长 */
  readonly specialty?: string;
  /** 班内学号 */
  readonly classSeatNumber?: string;
  /** 学生来源: a `studentSources` code. */
  readonly studentSource?: string;
  /** 学籍辅号 (senior high, rule REG-2). */
  readonly auxiliaryNumber?: string;
  /** 是否独生子女 ★: a `yesNo` code. */
  readonly onlyChild?: string;
  /** 是否受过学前教育 ★: a `yesNo` code. */
  readonly preschool?: string;
  /** 是否留守儿童: a `leftBehindStatuses` code. */
  readonly leftBehind?: string;
  /** 是否进城务工人员随迁子女: a `yesNo` code. */
  readonly migrantChild?: string;
  /** 是否孤儿: a `yesNo` code. */
  readonly orphan?: string;
  /** 是否烈士或优抚子女: a `yesNo` code. */
  readonly martyrChild?: string;
  /** 随班就读: a `yesNo` code. */
  readonly inclusiveEducation?: string;
  /** 残疾类型: a `disabilityTypes` code. */
  readonly disabilityType?: string;
  /** 是否由政府购买学位: a `yesNo` code. */
  readonly governmentFundedPlace?: string;
  /** 是否需要申请资助: a `yesNo` code. */
  readonly needsAid?: string;
  /** 是否享受一补: a `yesNo` code. */
  readonly receivesSubsidy?: string;
  /** 上下学距离, kilometres as typed, e.g. 2.5. */
  readonly commuteDistance?: string;
  /** 上下学交通方式: a `commuteModes` code. */
  readonly commuteMode?: string;
  /** 是否需要乘坐校车: a `yesNo` code. */
  readonly needsSchoolBus?: string;

  // 中职 only (vocational schools).
  /** 专业: the code of one of the school's `Major`s. */
  readonly majorCode?: string;
  /** 学制 in years, as text, e.g. '3'. */
  readonly schoolingYears?: string;
  /** 学习形式: a `studyModes` code (rule VOC-5 restricts 弹性学习). */
  readonly studyMode?: string;
  /** 学生类别, e.g. 应届初中毕业生 (free text until the code list is confirmed). */
  readonly studentCategory?: string;
  /** 教学点 */
  readonly teachingSite?: string;
}

/** The template fields after the family members, every one an optional string. */
export const extendedStudentFields = [
  'namePinyin',
  'formerName',
  'politicalAffiliation',
  'idValidUntil',
  'specialty',
  'classSeatNumber',
  'studentSource',
  'auxiliaryNumber',
  'onlyChild',
  'preschool',
  'leftBehind',
  'migrantChild',
  'orphan',
  'martyrChild',
  'inclusiveEducation',
  'disabilityType',
  'governmentFundedPlace',
  'needsAid',
  'receivesSubsidy',
  'commuteDistance',
  'commuteMode',
  'needsSchoolBus',
  'majorCode',
  'schoolingYears',
  'studyMode',
  'studentCategory',
  'teachingSite',
] as const satisfies readonly (keyof StudentBasics)[];

export type StudentField = keyof StudentBasics | `familyMembers.${number}.${Exclude<keyof FamilyMember, symbol>}`;

/** Field → Chinese message, one (the first problem) per field; empty when the record is valid. */
export type StudentFieldErrors = Partial<Record<StudentField, string>>;

export const nameLength = { min: 2, max: 30 } as const;
export const ageRange = { min: 3, max: 25 } as const;
export const maxAddressLength = 100;

/** Dot look-alikes that input methods produce instead of the 间隔号 · (U+00B7). */
const wrongDots = /[・•‧∙⋅ㆍ.。]/;

/**
 * A person's 姓名: 2-30 characters, Chinese characters (rare ones too) or
 * Latin letters, with the 间隔号 · between the parts of a minority or foreign
 * name; spaces only between Latin words.
 */
export function personNameProblem(text: string, subject = '姓名'): string | null {
  const s = toHalfWidth(text).trim();
  if (s === '') return `${subject}不能为空`;
  const length = [...s].length;
  if (length < nameLength.min) return `${subject}至少 ${nameLength.min} 个字`;
  if (length > nameLength.max) return `${subject}不能超过 ${nameLength.max} 个字（现为 ${length} 个）`;
  if (wrongDots.test(s)) return `${subject}中的间隔号请用「·」，如 阿依古丽·买买提`;
  if (/\p{Script=Han}/u.test(s) && /\s/.test(s)) return `${subject}中不能有空格`;
  const bad = [...s].find((c) => !/[\p{Script=Han}A-Za-z· ]/u.test(c));
  if (bad !== undefined) return `${subject}中不能有「${bad}」：只能用汉字、字母和间隔号「·」`;
  if (!/^[\p{Script=Han}A-Za-z]+(?:(?:·| )[\p{Script=Han}A-Za-z]+)*$/u.test(s)) {
    return `${subject}中的间隔号「·」或空格只能在两个字之间，且不能连用`;
  }
  return null;
}

function textProblem(value: string, subject: string, max: number): string | null {
  const s = value.trim();
  if (s === '') return `请填写${subject}`;
  const length = [...s].length;
  return length > max ? `${subject}不能超过 ${max} 个字（现为 ${length} 个）` : null;
}

function codeProblem(list: CodeList, value: string, subject: string): string | null {
  if (value.trim() === '') return `请选择${subject}`;
  return isCode(list, value) ? null : `${subject}代码「${value}」不在国家代码表中`;
}

/** `YYYYMM` of a `YYYY-MM-DD` date. */
const monthOf = (date: string) => date.slice(0, 7).replace('-', '');

/**
 * Every ★ field of the national template, the optional 学籍号 and 电子信箱,
 * the family members (at least one is the guardian 监护人, with name,
 * relationship and phone), and the extended fields (extendedFields.ts).
 */
export function validateStudentBasics(
  input: Readonly<StudentBasics>,
  context: { readonly today: Date },
): StudentFieldErrors {
  const { today } = context;
  const errors: StudentFieldErrors = {};
  const report = (field: StudentField, message: string | null) => {
    if (message !== null && errors[field] === undefined) errors[field] = message;
  };

  report('name', personNameProblem(input.name));
  report('sex', codeProblem(sexes, input.sex, '性别'));
  report('birthDate', birthDateProblem(input.birthDate, today));
  // An out-of-range age still dates the birth: enrollment must not precede it.
  const birthDate = parseDate(input.birthDate);
  for (const [field, subject] of [
    ['birthPlace', '出生地'],
    ['nativePlace', '籍贯'],
  ] as const) {
    const checked = validateDivisionCode(input[field], subject);
    report(field, checked.ok ? null : checked.message);
  }
  report('ethnicity', codeProblem(ethnicities, input.ethnicity, '民族'));
  report('nationality', nationalityProblem(input.nationality));
  checkIdDocument(input, today, report);
  report('overseasStatus', codeProblem(overseasStatuses, input.overseasStatus, '港澳台侨外'));
  report('healthStatus', codeProblem(healthStatuses, input.healthStatus, '健康状况'));
  const household = validateDivisionCode(input.householdLocation, '户口所在地');
  report('householdLocation', household.ok ? null : household.message);
  report('householdType', codeProblem(householdTypes, input.householdType, '户口性质'));
  report('enrollmentMonth', enrollmentMonthProblem(input.enrollmentMonth, birthDate, today));
  report('enrollmentMethod', codeProblem(enrollmentMethods, input.enrollmentMethod, '入学方式'));
  report('boardingType', codeProblem(boardingTypes, input.boardingType, '就读方式'));
  report('currentAddress', textProblem(input.currentAddress, '现住址', maxAddressLength));
  report('mailingAddress', textProblem(input.mailingAddress, '通信地址', maxAddressLength));
  report('homeAddress', textProblem(input.homeAddress, '家庭地址', maxAddressLength));
  const phone = validatePhone(input.phone);
  report('phone', phone.ok ? null : phone.message);
  const postal = validatePostalCode(input.postalCode);
  report('postalCode', postal.ok ? null : postal.message);
  if (input.email?.trim()) {
    const email = validateEmail(input.email);
    report('email', email.ok ? null : email.message);
  }
  if (input.studentNumber?.trim()) {
    const studentNumber = validateStudentNumber(input.studentNumber, today);
    report('studentNumber', studentNumber.ok ? null : studentNumber.message);
  }
  checkFamilyMembers(input, today, report);
  if (input.formerName?.trim()) report('formerName', personNameProblem(input.formerName, '曾用名'));
  for (const [field, message] of Object.entries(extendedFieldProblems(input, today))) {
    report(field as ExtendedField, message ?? null);
  }
  return errors;
}

type Report = (field: StudentField, message: string | null) => void;

function birthDateProblem(value: string, today: Date): string | null {
  const s = value.trim();
  if (s === '') return '请填写出生日期';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return `出生日期应为“年-月-日”，如 2015-09-01（现为「${s}」）`;
  const date = parseDate(s);
  if (!date) return `出生日期 ${s} 不是有效日期`;
  if (date > localDate(today)) return `出生日期 ${s} 晚于今天`;
  const age = ageOn(date, today);
  if (age < ageRange.min || age > ageRange.max) {
    return `按出生日期 ${s}，学生今天 ${age} 岁，不在 ${ageRange.min} 到 ${ageRange.max} 岁之间，请核对`;
  }
  return null;
}

/** The nationality list is partial (see codes.ts), so an unknown code may be real: say how to get it added. */
function nationalityProblem(value: string): string | null {
  if (value.trim() === '') return '请选择国籍/地区';
  if (isCode(nationalities, value)) return null;
  return `国籍/地区代码「${value}」不在本软件的代码表中；如确为其他国家或地区，请联系管理员补充`;
}

function enrollmentMonthProblem(value: string, birthDate: string | null, today: Date): string | null {
  const s = value.trim();
  if (s === '') return '请填写入学年月';
  if (!/^\d{6}$/.test(s)) return `入学年月应为 6 位数字（年份和月份），如 202609（现为「${s}」）`;
  const month = Number(s.slice(4));
  if (month < 1 || month > 12 || Number(s.slice(0, 4)) < 1900) return `入学年月 ${s} 不是有效的年月`;
  if (s > monthOf(localDate(today))) return `入学年月 ${s} 晚于本月`;
  if (birthDate && s < monthOf(birthDate)) return `入学年月 ${s} 早于出生日期 ${birthDate}`;
  return null;
}

function checkIdDocument(input: Readonly<StudentBasics>, today: Date, report: Report): void {
  const typeProblem = codeProblem(idDocumentTypes, input.idType, '身份证件类型');
  if (typeProblem) {
    report('idType', typeProblem);
    return;
  }
  const checked = validateIdDocument(input.idType, input.idNumber, today);
  if (!checked.ok) {
    report('idNumber', checked.message);
    return;
  }
  if (input.idType === '1') {
    // The ID number is the better witness: the hand-typed field is reported.
    for (const { field, message } of residentIdMismatches(input.idNumber, input)) report(field, message);
  }
}

const isBlank = (value: string | undefined) => (value ?? '').trim() === '';

function checkFamilyMembers(input: Readonly<StudentBasics>, today: Date, report: Report): void {
  const members = input.familyMembers
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => Object.values(member).some((value) => typeof value === 'string' && !isBlank(value)));
  if (members.length === 0) {
    report('familyMembers', '请至少填写一位家庭成员（监护人）的信息');
    return;
  }
  if (!members.some(({ member }) => member.isGuardian === '1')) {
    report('familyMembers', '家庭成员中至少应有一位监护人（“是否监护人”选“是”）');
  }
  const ownId = normaliseIdText(input.idNumber);
  for (const { member, index } of members) {
    const key = (field: Exclude<keyof FamilyMember, symbol>): StudentField => `familyMembers.${index}.${field}`;
    const who = `家庭成员${index + 1}`;
    report(key('name'), personNameProblem(member.name, `${who}的姓名`));
    report(key('relationship'), codeProblem(familyRelations, member.relationship, `${who}与学生的关系`));
    report(key('isGuardian'), codeProblem(yesNo, member.isGuardian, `${who}是否为监护人`));
    if (isBlank(member.phone)) {
      if (member.isGuardian === '1') report(key('phone'), `请填写监护人（${who}）的联系电话`);
    } else {
      const phone = validatePhone(member.phone, `${who}的联系电话`);
      report(key('phone'), phone.ok ? null : phone.message);
    }
    if (!isBlank(member.idNumber)) {
      const idType = isBlank(member.idType) ? '1' : (member.idType ?? '1');
      const checked = validateIdDocument(idType, member.idNumber ?? '', today);
      if (!checked.ok) report(key('idNumber'), checked.message);
      else if (ownId !== '' && checked.value === ownId) {
        report(key('idNumber'), `${who}的证件号码与学生本人的相同，请核对`);
      }
    }
    if (!isBlank(member.ethnicity)) report(key('ethnicity'), codeProblem(ethnicities, member.ethnicity ?? '', '民族'));
    if (!isBlank(member.householdLocation)) {
      const location = validateDivisionCode(member.householdLocation ?? '', `${who}的户口所在地`);
      report(key('householdLocation'), location.ok ? null : location.message);
    }
  }
}
