/**
 * Which of the school's classes a row of the template goes to, from its
 * 年级 and 班级 cells as clerks write them: 七年级 / 初一 / 7 / 高一 and
 * 1 / 1班 / (1)班 / 七年级（1）班 / 0701. A class the school has not set up
 * is named, never created here.
 */
import { toHalfWidth } from '../register/codes';
import { classLabel, type SchoolClass } from '../register/students';
import { cellText, type SheetCell } from './importValues';

export type ClassPick =
  { readonly ok: true; readonly classId: number } | { readonly ok: false; readonly message: string };

const digits = '一二三四五六七八九十';

/** 一 … 十二 as a number (1-12); NaN otherwise. */
function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = /^十([一二])$/.exec(text);
  if (tens) return 10 + digits.indexOf(tens[1]!) + 1;
  return text.length === 1 && digits.includes(text) ? digits.indexOf(text) + 1 : NaN;
}

const compact = (text: string) => toHalfWidth(text).replace(/\s+/g, '');

/** The grade a text names, 1-12: 七年级, 7年级, 初一, 初中一年级, 高三, 高中三年级, 小学一年级, 7. */
export function gradeOf(text: string): number | null {
  const s = compact(text);
  const stage = /^(初中|初|高中|高|小学)(.+?)(?:年级)?$/.exec(s);
  if (stage) {
    const n = chineseNumber(stage[2]!);
    const [offset, top] = stage[1]!.startsWith('初') ? [6, 3] : stage[1]!.startsWith('高') ? [9, 3] : [0, 6];
    return n >= 1 && n <= top ? offset + n : null;
  }
  const plain = /^(.+?)(?:年级)?$/.exec(s);
  const n = plain ? chineseNumber(plain[1]!) : NaN;
  return n >= 1 && n <= 12 ? n : null;
}

interface ClassText {
  readonly grade: number | null;
  readonly number: number;
}

/** A 班级 cell: its class number and, when it says so, its grade. */
function readClassText(text: string): ClassText | null {
  const s = compact(text).replace(/[()]/g, '');
  const withGrade = /^(.*?年级|初中?.|高中?.|小学.)(\d{1,2})班?$/.exec(s);
  if (withGrade) {
    const grade = gradeOf(withGrade[1]!);
    return grade === null ? null : { grade, number: Number(withGrade[2]) };
  }
  const plain = /^(\d{1,2})班?$/.exec(s);
  if (plain) return { grade: null, number: Number(plain[1]) };
  // 0701 or 701: two digits of grade, two of class, as class codes are often written.
  const code = /^(\d{1,2})(\d{2})$/.exec(s);
  if (code) return { grade: Number(code[1]), number: Number(code[2]) };
  return null;
}

interface ClassIndex {
  readonly byLabel: ReadonlyMap<string, SchoolClass>;
  readonly byGradeAndNumber: ReadonlyMap<string, SchoolClass>;
}

/** The classes by compared label and by grade and number, built once per list (thousands of rows ask). */
const indexes = new WeakMap<readonly SchoolClass[], ClassIndex>();

function indexOf(classes: readonly SchoolClass[]): ClassIndex {
  let index = indexes.get(classes);
  if (!index) {
    index = {
      byLabel: new Map(classes.map((entry) => [compact(entry.label), entry])),
      byGradeAndNumber: new Map(classes.map((entry) => [`${entry.grade}-${entry.number}`, entry])),
    };
    indexes.set(classes, index);
  }
  return index;
}

/** The class of a row from its 年级 and 班级 cells. */
export function pickClass(
  gradeCell: SheetCell | undefined,
  classCell: SheetCell | undefined,
  classes: readonly SchoolClass[],
): ClassPick {
  const classText = cellText(classCell).trim();
  const gradeText = cellText(gradeCell).trim();
  if (classText === '') return { ok: false, message: '请填写班级，如“1班”或“七年级（1）班”' };
  const columnGrade = gradeText === '' ? null : gradeOf(gradeText);
  if (gradeText !== '' && columnGrade === null) {
    return { ok: false, message: `年级「${gradeText}」无法识别，请写作“七年级”“初一”或“高一”` };
  }
  const index = indexOf(classes);
  const byLabel = index.byLabel.get(compact(classText));
  const parsed = byLabel ? { grade: byLabel.grade, number: byLabel.number } : readClassText(classText);
  if (!parsed) return { ok: false, message: `班级「${classText}」无法识别，请写作“1班”或“七年级（1）班”` };
  if (columnGrade !== null && parsed.grade !== null && columnGrade !== parsed.grade) {
    return { ok: false, message: `年级「${gradeText}」与班级「${classText}」不一致，请核对` };
  }
  if (byLabel) return { ok: true, classId: byLabel.id };
  const grade = columnGrade ?? parsed.grade;
  if (grade === null) return { ok: false, message: `请填写年级，或把班级写作“七年级（${parsed.number}）班”` };
  const found = index.byGradeAndNumber.get(`${grade}-${parsed.number}`);
  if (!found) {
    return {
      ok: false,
      message: `本校还没有${classLabel(grade, parsed.number)}：请先在“班级管理”中添加该班级，或核对年级和班级`,
    };
  }
  return { ok: true, classId: found.id };
}
