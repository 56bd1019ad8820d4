/**
 * A spreadsheet cell turned into the value the student form stores: a code
 * for a code list's label or code, a division code for a place's name, a
 * `YYYY-MM-DD` date from text, a date cell or a serial number, a `YYYYMM`
 * month. Numbers Excel mangled are refused here, where it is still known
 * that the cell was a number: an 18-digit ID number stored as a number has
 * lost its last digits (Excel keeps 15), and a phone number its leading 0.
 * Whatever is not refused is checked afterwards by `validateStudentBasics`.
 */
import { type CodeList, codeOf, toHalfWidth } from '../register/codes';
import { divisionName, divisionTree, type DivisionOption } from '../register/divisions';
import { isRealDate, normaliseIdText, parseDate } from '../register/identity';

/** One cell as core read it; blank cells are undefined. */
export type SheetCell =
  | string
  | number
  | boolean
  /** A cell formatted as a date, as `YYYY-MM-DD`. */
  | { readonly date: string }
  /** An error value such as #N/A or #VALUE!. */
  | { readonly error: string }
  /** A formula whose result the file does not hold (the program that wrote it did not compute it). */
  | { readonly formula: string };

export type Converted =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const ok = (value: string): Converted => ({ ok: true, value });
const refused = (message: string): Converted => ({ ok: false, message });

/** The text a cell shows, for free-text fields and the report. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) return cell.date;
  if ('error' in cell) return cell.error;
  return `=${cell.formula}`;
}

/** Error values and formulas without a result cannot be read as anything. */
function unreadable(cell: SheetCell | undefined, subject: string): Converted | null {
  if (cell === undefined || typeof cell !== 'object' || 'date' in cell) return null;
  if ('error' in cell) {
    return refused(`${subject}单元格是错误值 ${cell.error}（多为公式出错），请改为实际内容`);
  }
  return refused(
    `${subject}是公式“=${cell.formula}”，文件中没有保存它的计算结果：请在 Excel 中打开并保存一次，或复制该列后“选择性粘贴 → 数值”`,
  );
}

/** Free text as typed, trimmed. */
export function textValue(cell: SheetCell | undefined, subject: string): Converted {
  return unreadable(cell, subject) ?? ok(cellText(cell).trim());
}

/** Excel's day 1 is 1900-01-01; counting from 1899-12-30 absorbs its 1900 leap-year bug for later dates. */
const excelEpoch = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last day. */
const lastSerial = 2_958_465;

function serialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > lastSerial) return null;
  return new Date(excelEpoch + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A number that is a date: 20150901 typed without separators, or Excel's serial day number. */
function numberDate(value: number): string | null {
  return /^\d{8}$/.test(String(value)) ? parseDate(String(value)) : serialDate(value);
}

/**
 * 出生日期 and other days: a date cell, a serial number, or text `parseDate`
 * reads. Anything else stays as typed, for the form's own message.
 */
export function dateValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  if (typeof cell === 'object' && 'date' in cell) return ok(cell.date);
  if (typeof cell === 'number') {
    const date = numberDate(cell);
    return date ? ok(date) : refused(`${subject}「${cell}」不是日期，请填写如 2015-09-01 的日期`);
  }
  const text = cellText(cell).trim();
  return ok(parseDate(text) ?? text);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthOfDate = (date: string) => date.slice(0, 7).replace('-', '');

/** 入学年月 as `YYYYMM`: 202609, 2026-09, 2026.9, 2026年9月, a date cell or a whole date. */
export function monthValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  if (typeof cell === 'object' && 'date' in cell) return ok(monthOfDate(cell.date));
  if (typeof cell === 'number' && !/^\d{6}$/.test(String(cell))) {
    const date = numberDate(cell);
    return date ? ok(monthOfDate(date)) : refused(`${subject}「${cell}」不是年月，请填写如 202609 的年月`);
  }
  const text = toHalfWidth(cellText(cell)).trim();
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  if (month && isRealDate(Number(month[1]), Number(month[2]), 1)) return ok(`${month[1]}${pad2(Number(month[2]))}`);
  const date = parseDate(text);
  return ok(date && !/^\d{6}$/.test(text) ? monthOfDate(date) : text);
}

/**
 * 身份证件号, 学籍号, 学籍辅号: text, upper case (x → X). A number cell of 16
 * or more digits cannot be trusted: Excel keeps 15 significant digits and
 * turns the rest into zeros, so it is refused whatever its digits look like.
 * Shorter numbers are passed on as digits (a 15-digit old ID number then
 * gets the form's own message).
 */
export function identityValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  if (typeof cell === 'number' && Math.abs(cell) >= 1e15) {
    return refused(
      `${subject}是数字格式的单元格，Excel 只保留 15 位有效数字，末几位已经丢失或变成了 0（表中读到 ${cellText(cell)}）。` +
        '请把该列设为“文本”格式，再重新输入完整号码（人籍一致，规则 OPS-2）',
    );
  }
  return ok(normaliseIdText(cellText(cell)));
}

/** 联系电话: a number cell shorter than a mobile number has lost a landline's leading 0. */
export function phoneValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  if (typeof cell === 'number' && String(cell).length < 11) {
    return refused(
      `${subject}是数字格式的单元格，开头的 0 可能已被 Excel 去掉（表中读到 ${cell}）。` +
        '请把该列设为“文本”格式后重新输入，固定电话带区号，如 0353-1234567',
    );
  }
  return ok(cellText(cell).trim());
}

/** 邮政编码: a number cell of fewer than six digits lost its leading zeros, which are put back. */
export function postalCodeValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e6) {
    return ok(String(cell).padStart(6, '0'));
  }
  return ok(cellText(cell).trim());
}

/**
 * A code list's value by its label, an alias, its code or “code-label”
 * (`codeOf`). Lists whose codes are ours or unconfirmed are matched by label
 * only (codes.ts): a bare code there is refused with the label to write.
 */
export function codeValue(
  list: CodeList,
  cell: SheetCell | undefined,
  subject: string,
  options: { readonly byLabelOnly?: boolean } = {},
): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  const text = cellText(cell).trim();
  if (text === '') return ok('');
  return remembered(list, `${options.byLabelOnly ? 'label' : 'any'}|${subject}|${text}`, () =>
    lookUpCode(list, text, subject, options.byLabelOnly ?? false),
  );
}

/**
 * Conversions by their input text, per code list (or the division table): a
 * column repeats the same few values (男, 汉族, 是) thousands of times. Only
 * texts that matched are kept (labels, codes, place names: nothing personal
 * stays in memory after an import), at most `rememberedPerList` of them.
 */
const rememberedResults = new WeakMap<object, Map<string, Converted>>();
const rememberedPerList = 2_000;

function remembered(owner: object, key: string, convert: () => Converted): Converted {
  let results = rememberedResults.get(owner);
  if (!results) rememberedResults.set(owner, (results = new Map()));
  const known = results.get(key);
  if (known) return known;
  const converted = convert();
  if (converted.ok && results.size < rememberedPerList) results.set(key, converted);
  return converted;
}

function lookUpCode(list: CodeList, text: string, subject: string, byLabelOnly: boolean): Converted {
  const example = list[0]!;
  if (byLabelOnly && /^\d+$/.test(toHalfWidth(text))) {
    return refused(`${subject}请填写名称（如“${example.label}”），不要填写代码「${text}」：这一项按名称识别`);
  }
  const code = codeOf(list, text);
  if (code !== undefined) return ok(code);
  const choices = list.length <= 8 ? `：${list.map((entry) => entry.label).join('、')}` : `，如“${example.label}”`;
  const orCode = byLabelOnly ? '' : `或代码（如 ${example.code}）`;
  return refused(`${subject}「${text}」不在代码表中，请填写代码表中的名称${orCode}${choices}`);
}

/** Division names → codes: full names and their endings (阳泉市城区, 城区), a set when a name is shared. */
let divisionIndex: Map<string, Set<string>> | null = null;

const placeKey = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

function indexDivisions(): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const visit = (option: DivisionOption, names: readonly string[]) => {
    // 省直辖县级行政区划 and the like group counties; their name is not part of a place's name.
    const own = option.label.includes('直辖县级行政区划') ? names : [...names, option.label];
    for (let start = 0; start < own.length; start += 1) {
      const key = placeKey(own.slice(start).join(''));
      index.set(key, (index.get(key) ?? new Set()).add(option.value));
    }
    option.children?.forEach((child) => visit(child, own));
  };
  divisionTree.forEach((option) => visit(option, []));
  return index;
}

/**
 * 出生地, 籍贯, 户口所在地: a 6-digit division code (also inside text, as in
 * 山西省阳泉市城区（140302）) or a current division's name, in full or ending
 * that is unique (阳泉市城区; not 城区, which many cities have).
 */
export function divisionValue(cell: SheetCell | undefined, subject: string): Converted {
  const problem = unreadable(cell, subject);
  if (problem) return problem;
  const text = placeKey(cellText(cell));
  if (text === '') return ok('');
  const codes = text.match(/\d{6}/g) ?? [];
  if (codes.length === 1 && /^\D*\d{6}\D*$/.test(text)) return ok(codes[0]!);
  if (/\d/.test(text)) return ok(text);
  return remembered(divisionTree, `${subject}|${text}`, () => divisionByName(text, subject));
}

function divisionByName(text: string, subject: string): Converted {
  divisionIndex ??= indexDivisions();
  const found = [...(divisionIndex.get(text) ?? [])];
  if (found.length === 1) return ok(found[0]!);
  const hint = '请写全称（如 山西省阳泉市城区）或填写 6 位行政区划代码';
  if (found.length > 1) {
    const names = found.slice(0, 3).map((code) => divisionName(code) ?? code);
    return refused(`${subject}「${text}」对应多个地方（如 ${names.join('、')}），${hint}`);
  }
  return refused(`${subject}「${text}」不是现行的行政区划名称，${hint}`);
}
