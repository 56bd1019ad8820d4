/**
 * Identity numbers as a register clerk types them (rule REG-1; DOMAIN.md
 * "Student numbers and identity documents"): resident ID numbers
 * 居民身份证号 (GB 11643-1999), national student numbers 学籍号, other identity
 * documents 身份证件, phone numbers, postal codes and e-mail addresses.
 *
 * Pure: where a date matters the caller passes `today`; the clock is never read.
 * Each check returns a value or one precise Chinese message, the first problem found.
 *
 * A little over 400 lines: every number a register form holds is here so the
 * import and the forms share one normalisation; the contact checks (phone,
 * postal code, e-mail) are the first to move out if it grows.
 */
import { codeOf, idDocumentTypes, labelOf, sexes, toHalfWidth } from './codes';
import type { IdDocumentType, SexCode } from './codes';
import { isKnownDivision } from './divisions';

export type Checked<T extends object = object> =
  ({ readonly ok: true; readonly value: string } & Readonly<T>) | { readonly ok: false; readonly message: string };

export type ResidentIdResult = Checked<{
  /** 出生日期 as `YYYY-MM-DD`. */
  birthDate: string;
  /** 性别 code: the sequence's last digit odd is 男 '1', even is 女 '2'. */
  sex: SexCode;
  /** 行政区划代码 where the number was first issued. */
  divisionCode: string;
}>;

// ---------------------------------------------------------------------------
// Text and dates

/** Half-width, trimmed, upper case (x → X), invisible characters removed: how every number is compared. */
export function normaliseIdText(text: string): string {
  return toHalfWidth(text).trim().toUpperCase();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether year, month (1-12) and day name a day of the Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const monthDays = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (monthDays[month - 1] ?? 0);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `today` as `YYYY-MM-DD` in local time (the clerk's calendar day). */
export function localDate(today: Date): string {
  return `${today.getFullYear()}-${pad2(today.getMonth() + 1)}-${pad2(today.getDate())}`;
}

/**
 * A date as clerks and spreadsheets write it (`2015-09-01`, `20150901`,
 * `2015/9/1`, `2015.9.1`, `2015年9月1日`) as `YYYY-MM-DD`; null when it is
 * not a real date.
 */
export function parseDate(text: string): string | null {
  const s = toHalfWidth(text).trim();
  const match =
    /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

/** Whole years from `birthDate` (`YYYY-MM-DD`) to `today`. */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
}

// ---------------------------------------------------------------------------
// Numbers Excel mangled (DESIGN.md §7: detected and rejected, never saved)

/**
 * Why `text` looks like a number Excel stored as a number instead of text, or
 * null. Scientific notation and decimals are certain. A 15-17 digit number
 * where 18 belong is Excel cutting it or a digit left out (15 is also the
 * retired first-generation ID format). Excel's other damage, zeroing the last
 * three digits, still has 18 digits: the check character catches it.
 */
export function excelManglingMessage(text: string, subject = '身份证号'): string | null {
  const s = normaliseIdText(text);
  if (/^\d+(\.\d+)?E\+?\d+$/.test(s)) return `${subject}被 Excel 转成了科学计数法，请把该列设为文本后重新输入`;
  if (/^\d+\.\d+$/.test(s)) return `${subject}带小数点，像是被 Excel 当成了数字，请把该列设为文本后重新输入`;
  if (/^\d{15,17}$/.test(s)) {
    const old = s.length === 15 ? '（旧版 15 位身份证号已停用，请填写现行 18 位号码）' : '';
    return (
      `${subject}只有 ${s.length} 位数字，应为 18 位：可能被 Excel 当成数字截断，或漏输了 ${18 - s.length} 位，` +
      `请把该列设为文本后核对重新输入${old}`
    );
  }
  return null;
}

/** Whether an ID number looks mangled by Excel (see `excelManglingMessage`). */
export function looksExcelMangled(text: string): boolean {
  return excelManglingMessage(text) !== null;
}

// ---------------------------------------------------------------------------
// Resident ID number 居民身份证号 (GB 11643-1999)

/** Province-level division codes (first two digits); 83 is the Taiwan residents' residence permit. */
// prettier-ignore
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character of the first 17 digits by ISO 7064 MOD 11-2. */
export function residentIdCheckChar(first17: string): string {
  const sum = checkWeights.reduce((total, weight, i) => total + weight * Number(first17.charAt(i)), 0);
  return '10X98765432'.charAt(sum % 11);
}

/** Structure and check character, without the "not in the future" check that needs `today`. */
function parseResidentId(text: string, subject: string): ResidentIdResult {
  const s = normaliseIdText(text);
  if (s === '') return { ok: false, message: `${subject}不能为空` };
  const mangled = excelManglingMessage(s, subject);
  if (mangled) return { ok: false, message: mangled };
  if (/\s/.test(s)) return { ok: false, message: `${subject}中间不能有空格` };
  if (s.length !== 18) return { ok: false, message: `${subject}长度应为 18 位（现为 ${s.length} 位）` };
  const badDigit = [...s.slice(0, 17)].findIndex((c) => !/\d/.test(c));
  if (badDigit >= 0) {
    return { ok: false, message: `${subject}第 ${badDigit + 1} 位「${s.charAt(badDigit)}」应为数字` };
  }
  const last = s.charAt(17);
  if (!/[\dX]/.test(last)) return { ok: false, message: `${subject}最后一位「${last}」应为数字或 X` };
  if (!provinceCodes.has(s.slice(0, 2))) {
    return { ok: false, message: `${subject}前两位「${s.slice(0, 2)}」不是有效的省级行政区划代码` };
  }
  const ymd = s.slice(6, 14);
  const birthDate = parseDate(ymd);
  if (!birthDate) return { ok: false, message: `${subject}中的出生日期 ${ymd} 不是有效日期` };
  const expected = residentIdCheckChar(s);
  if (expected !== last) {
    // Excel keeps 15 significant digits and zeroes the rest.
    const excel = s.endsWith('000') ? '；号码末尾是 000，也可能是 Excel 丢了精度，请把该列设为文本后重新输入' : '';
    return { ok: false, message: `${subject}校验码应为 ${expected}，而不是 ${last} — 请核对是否输错某一位${excel}` };
  }
  const sex: SexCode = Number(s.charAt(16)) % 2 === 1 ? '1' : '2';
  return { ok: true, value: s, birthDate, sex, divisionCode: s.slice(0, 6) };
}

/**
 * A resident ID number: 6-digit division code, birth date (a real date, not
 * after `today`), 3-digit sequence (odd 男, even 女) and the MOD 11-2 check
 * character. The value is normalised (half-width, trimmed, x → X).
 */
export function validateResidentId(text: string, today: Date, subject = '身份证号'): ResidentIdResult {
  const result = parseResidentId(text, subject);
  if (result.ok && result.birthDate > localDate(today)) {
    return { ok: false, message: `${subject}中的出生日期 ${result.value.slice(6, 14)} 晚于今天，请核对` };
  }
  return result;
}

export interface ResidentIdMismatch {
  readonly field: 'birthDate' | 'sex';
  readonly message: string;
}

/**
 * Where a student's (or guardian's) 出生日期 and 性别 disagree with a valid ID
 * number. The fields take `YYYY-MM-DD` (or another form `parseDate` reads) and
 * a 性别 code or label. An invalid ID number or an empty field gives no
 * mismatch: the field's own check reports it.
 */
export function residentIdMismatches(
  idNumber: string,
  person: { readonly birthDate?: string; readonly sex?: string },
): ResidentIdMismatch[] {
  const id = parseResidentId(idNumber, '身份证号');
  if (!id.ok) return [];
  const mismatches: ResidentIdMismatch[] = [];
  const birthDate = person.birthDate ? parseDate(person.birthDate) : null;
  if (birthDate && birthDate !== id.birthDate) {
    mismatches.push({
      field: 'birthDate',
      message: `出生日期与身份证号不一致（身份证号中为 ${id.birthDate}，填写的是 ${birthDate}）`,
    });
  }
  const sex = person.sex ? codeOf(sexes, person.sex) : undefined;
  if (sex && sex !== id.sex) {
    mismatches.push({
      field: 'sex',
      message: `性别与身份证号不一致（身份证号显示为${labelOf(sexes, id.sex)}，填写的是${labelOf(sexes, sex)}）`,
    });
  }
  return mismatches;
}

/** The messages of `residentIdMismatches`, for a list. */
export function crossCheckResidentId(
  idNumber: string,
  person: { readonly birthDate?: string; readonly sex?: string },
): string[] {
  return residentIdMismatches(idNumber, person).map((m) => m.message);
}

// ---------------------------------------------------------------------------
// National student number 学籍号 (rule REG-1)

export type StudentNumberKind = 'G' | 'L' | 'J';

export type StudentNumberResult =
  | {
      readonly ok: true;
      readonly value: string;
      /** G permanent, L temporary, J for students without a usable ID number. */
      readonly kind: StudentNumberKind;
      readonly birthDate: string;
      readonly divisionCode: string;
    }
  | { readonly ok: false; readonly kind: StudentNumberKind | null; readonly message: string };

const studentNumberPatterns: Record<Exclude<StudentNumberKind, 'G'>, { pattern: RegExp; shape: string }> = {
  L: { pattern: /^L\d{18}$/, shape: 'L 加 6 位行政区划代码、8 位出生日期和 4 位数字' },
  J: { pattern: /^J\d{17}[\dX]$/, shape: 'J 加 6 位行政区划代码、8 位出生日期、3 位顺序码和 1 位校验码（数字或 X）' },
};

/**
 * A 学籍号: 19 characters, `G` + a full resident ID number, `L` + division
 * code + birth date + 4 digits, or `J` + division code + birth date +
 * sequence + check character. J's check character is not verified: whether
 * it uses MOD 11-2 is unconfirmed (DOMAIN.md), so a J number is accepted on
 * shape and date alone.
 */
export function validateStudentNumber(text: string, today: Date): StudentNumberResult {
  const s = normaliseIdText(text);
  if (s === '') return { ok: false, kind: null, message: '学籍号不能为空' };
  const mangled = excelManglingMessage(s, '学籍号');
  if (mangled && !/^\d{15,17}$/.test(s)) return { ok: false, kind: null, message: mangled };
  const kind = s.charAt(0);
  if (kind !== 'G' && kind !== 'L' && kind !== 'J') {
    const hint = /^\d{17}[\dX]$/.test(s) ? '；正式学籍号是 G 加 18 位身份证号' : '';
    return { ok: false, kind: null, message: `学籍号应以 G、L 或 J 开头${hint}` };
  }
  if (s.length !== 19) return { ok: false, kind, message: `学籍号长度应为 19 位（现为 ${s.length} 位）` };
  if (kind === 'G') {
    const id = validateResidentId(s.slice(1), today, '学籍号中的身份证号');
    return id.ok
      ? { ok: true, value: s, kind, birthDate: id.birthDate, divisionCode: id.divisionCode }
      : { ok: false, kind, message: id.message };
  }
  const { pattern, shape } = studentNumberPatterns[kind];
  if (!pattern.test(s)) return { ok: false, kind, message: `${kind} 字头的学籍号应为 ${shape}` };
  const ymd = s.slice(7, 15);
  const birthDate = parseDate(ymd);
  if (!birthDate) return { ok: false, kind, message: `学籍号中的出生日期 ${ymd} 不是有效日期` };
  if (birthDate > localDate(today)) {
    return { ok: false, kind, message: `学籍号中的出生日期 ${ymd} 晚于今天，请核对` };
  }
  return { ok: true, value: s, kind, birthDate, divisionCode: s.slice(1, 7) };
}

// ---------------------------------------------------------------------------
// Identity documents 身份证件 by 身份证件类型

export type IdDocumentResult = Checked<{ birthDate?: string; sex?: SexCode; divisionCode?: string }>;

interface DocumentFormat {
  readonly min: number;
  readonly max: number;
  /** What such numbers usually look like, for the clerk. */
  readonly hint: string;
}

/**
 * Bounds for documents whose exact format varies (several document kinds
 * share one type code, old and new versions coexist): lenient on purpose,
 * they catch a number typed into the wrong column or cut short, not every
 * typo. Letters, digits and the parentheses of a Hong Kong or Macao check
 * digit are allowed.
 */
const documentFormats: Record<Exclude<IdDocumentType, '1' | 'Z'>, DocumentFormat> = {
  '6': {
    min: 7,
    max: 18,
    hint: '如港澳居民来往内地通行证 H12345678、香港身份证 A123456(7)，或 18 位港澳居民居住证号',
  },
  '7': {
    min: 7,
    max: 18,
    hint: '如港澳居民来往内地通行证 M12345678、澳门身份证 1234567(8)，或 18 位港澳居民居住证号',
  },
  '8': { min: 8, max: 18, hint: '台湾居民来往大陆通行证一般为 8 位数字（旧版 10 位），或 18 位台湾居民居住证号' },
  // Foreigners' permanent residence ID: 15 characters (3 letters + 12 digits) or, since 2023, 18 starting with 9;
  // the type's name also fits other countries' residence cards, hence the wide bounds.
  '9': { min: 6, max: 20, hint: '如外国人永久居留身份证为 15 位（3 个字母加 12 位数字）或以 9 开头的 18 位' },
  A: { min: 5, max: 20, hint: '护照号码一般为 5 到 9 位字母和数字，如中国护照 E12345678' },
};

/**
 * An identity document number by its 身份证件类型 code (or label). Type 1 gets
 * the full resident ID check; 港澳台居民居住证 numbers (18 digits starting
 * 81/82/83) under types 6-8 follow GB 11643 and get it too; Z 其他 may be blank.
 */
export function validateIdDocument(type: string, number: string, today: Date): IdDocumentResult {
  const typeCode = codeOf(idDocumentTypes, type);
  if (!typeCode) {
    return {
      ok: false,
      message: type.trim() ? `身份证件类型「${type.trim()}」不在国家代码表中` : '请选择身份证件类型',
    };
  }
  if (typeCode === '1') return validateResidentId(number, today);
  const s = normaliseIdText(number).replace(/\s+/g, '');
  const label = labelOf(idDocumentTypes, typeCode) ?? '证件';
  if (typeCode === 'Z') {
    // The paper file then holds a stamped attendance certificate (DOMAIN.md).
    return s.length > 30 ? { ok: false, message: '证件号码不能超过 30 位' } : { ok: true, value: s };
  }
  if (s === '') return { ok: false, message: `请填写${label}号码` };
  if (/^8[123]0000\d{11}[\dX]$/.test(s) && typeCode !== '9' && typeCode !== 'A') {
    return validateResidentId(s, today, '居住证号码');
  }
  const bad = [...s].find((c) => !/[A-Z0-9()]/.test(c));
  if (bad !== undefined) return { ok: false, message: `${label}号码只能包含字母、数字和括号，不能有「${bad}」` };
  const { min, max, hint } = documentFormats[typeCode];
  if (s.length < min || s.length > max) {
    return { ok: false, message: `${label}号码应为 ${min} 到 ${max} 位（现为 ${s.length} 位），${hint}` };
  }
  return { ok: true, value: s };
}

// ---------------------------------------------------------------------------
// Contact details as clerks type them

export type PhoneResult = Checked<{ kind: 'mobile' | 'landline' }>;

const phoneHelp = '手机号为 11 位数字（如 13812345678），固定电话带区号（如 0353-1234567）';

/**
 * A mobile (11 digits, 1[3-9]…; a +86 prefix and spaces or hyphens are
 * dropped) or a landline with its area code (Yangquan 0353): `0353-1234567`,
 * `0353 1234567`, `(0353)1234567`, `03531234567`, an extension after
 * `-`/`转`. Values come back as `13812345678` or `0353-1234567[-801]`.
 */
export function validatePhone(text: string, subject = '联系电话'): PhoneResult {
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, message: `${subject}不能为空` };
  if (/^\d+(\.\d+)?E\+?\d+$/i.test(s)) {
    return { ok: false, message: `${subject}被 Excel 转成了科学计数法，请把该列设为文本后重新输入` };
  }
  const compact = s.replace(/[\s\-()]/g, '');
  const mobile = /^(?:\+?86|0086)?(1\d*)$/.exec(compact)?.[1];
  // Seven or eight digits is a landline typed without its area code, not a short mobile.
  if (mobile !== undefined && !/^\d{7,8}$/.test(compact)) {
    if (mobile.length !== 11) return { ok: false, message: `手机号应为 11 位数字（现为 ${mobile.length} 位）` };
    if (!/^1[3-9]/.test(mobile)) return { ok: false, message: `手机号第二位应为 3 到 9，请核对 ${mobile}` };
    return { ok: true, value: mobile, kind: 'mobile' };
  }
  return validateLandline(s, subject);
}

function validateLandline(s: string, subject: string): PhoneResult {
  const parts = s
    .replace(/转|ext\.?|#/gi, '-')
    .replace(/[()]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p)) || parts.length === 0 || parts.length > 3) {
    return { ok: false, message: `${subject}格式不正确：${phoneHelp}` };
  }
  const [first = '', second = '', third = ''] = parts;
  if (!first.startsWith('0')) {
    return /^\d{7,8}$/.test(first)
      ? { ok: false, message: `固定电话请加区号，如 0353-${first}；手机号应为 11 位数字` }
      : { ok: false, message: `${subject}格式不正确：${phoneHelp}` };
  }
  let [area, subscriber, extension] = [first, second, third];
  // 0351 123 4567: the number typed in two groups, not a number and an extension.
  if (second.length < 7 && /^\d{7,8}$/.test(second + third)) [subscriber, extension] = [second + third, ''];
  if (first.length > 4) {
    if (third) return { ok: false, message: `${subject}格式不正确：${phoneHelp}` };
    // Area code and number written together: 010 and 02x are three digits, the rest four.
    const areaLength = /^0(10|2\d)/.test(first) ? 3 : 4;
    [area, subscriber, extension] = [first.slice(0, areaLength), first.slice(areaLength), second];
  }
  if (!subscriber) return { ok: false, message: `${subject}格式不正确：${phoneHelp}` };
  if (!/^0(10|2\d|[3-9]\d\d)$/.test(area)) {
    return { ok: false, message: `区号「${area}」不正确（阳泉的区号是 0353）` };
  }
  if (!/^[1-9]\d{6,7}$/.test(subscriber)) {
    return { ok: false, message: `电话号码「${subscriber}」应为 7 到 8 位数字（区号之后）` };
  }
  if (extension && extension.length > 6) return { ok: false, message: `分机号「${extension}」太长` };
  return { ok: true, value: [area, subscriber, extension].filter(Boolean).join('-'), kind: 'landline' };
}

/** 邮政编码: 6 digits (Yangquan's are 045xxx, but students may live anywhere). */
export function validatePostalCode(text: string): Checked {
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, message: '邮政编码不能为空' };
  return /^\d{6}$/.test(s)
    ? { ok: true, value: s }
    : { ok: false, message: `邮政编码应为 6 位数字（如阳泉市 045000），现为「${s}」` };
}

/** 电子信箱: one @, a dotted domain, no spaces, at most 254 characters. */
export function validateEmail(text: string): Checked {
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, message: '电子信箱不能为空' };
  if (s.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s)) {
    return { ok: false, message: '电子信箱格式不正确，应如 name@example.com' };
  }
  return { ok: true, value: s };
}

/**
 * A 6-digit administrative division code 行政区划代码 that the current GB/T 2260
 * table knows (divisions.ts). Only for places chosen now (出生地, 户口所在地 …):
 * ID numbers keep withdrawn codes and are never looked up.
 */
export function validateDivisionCode(text: string, subject: string): Checked {
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, message: `${subject}不能为空` };
  if (!/^\d{6}$/.test(s) || s === '000000') {
    return { ok: false, message: `${subject}应为 6 位行政区划代码（如阳泉市城区 140302），现为「${s}」` };
  }
  if (!isKnownDivision(s)) {
    return {
      ok: false,
      message: `${subject}代码「${s}」不在现行行政区划代码表中；如是已撤销或更名的旧区划，请从列表中选择现在的区县`,
    };
  }
  return { ok: true, value: s };
}
