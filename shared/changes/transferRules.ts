/**
 * 转学 rules of the city's 中小学: the grounds (CHG-1), the window of one
 * month before or after a semester's start (CHG-1, TRF-1 “原则上学期中不得转学”),
 * no transfer in a stage's starting or graduating grade within the city
 * (TRF-1), senior high's 四不转 (TRF-2) and its paper procedure (TRF-3).
 *
 * A 中等职业学校's own transfers are outside these city rules (they belong
 * to the 中小学 register); for them only TRF-2's “no vocational student into
 * an ordinary high school” and VOC-5 (movementRules.ts) apply.
 */
import { toHalfWidth, type CodeList, type CodeOf } from '../register/codes';
import type { SchoolProfile } from '../register/school';
import { gradeLabel } from '../register/students';
import { termLabel, type Term } from '../register/terms';
import { addMonths, chineseDay } from './calendar';
import type { Refusal } from './cases';
import { isGraduatingGrade, isStartingGrade, stageOf } from './stages';

// ---------------------------------------------------------------------------
// CHG-1 grounds

/** 转学理由 that CHG-1 accepts. */
export const transferGrounds = [
  { code: 'familyMoved', label: '家庭居住地迁移且户籍已迁入' },
  { code: 'migrantWorkplaceMoved', label: '外来务工的父母务工地变化' },
] as const satisfies CodeList;

export type TransferGround = CodeOf<typeof transferGrounds>;

/** How far the family home or the parent's workplace moved. */
export const moveScopes = [
  { code: 'province', label: '跨省' },
  { code: 'city', label: '跨市' },
  { code: 'county', label: '跨县（区）' },
  { code: 'withinCounty', label: '同一县（区）内' },
] as const satisfies CodeList;

export type MoveScope = CodeOf<typeof moveScopes>;

export interface TransferReason {
  readonly ground: TransferGround;
  readonly scope: MoveScope;
  /** 户籍已迁入新居住地 (needed when the family moved). */
  readonly hukouMoved: boolean;
}

/** CHG-1: null when the reason allows a transfer. */
export function transferReasonRefusal(reason: TransferReason): Refusal | null {
  const allowed =
    '家庭跨省、市、县（区）迁移且户籍已迁入新居住地，或外来务工的父母务工地跨省、市、县（区）变化的，可以办理转学。';
  if (reason.scope === 'withinCounty') {
    const what = reason.ground === 'familyMoved' ? '家庭在同一县（区）内搬迁' : '父母务工地在同一县（区）内变化';
    return { rule: 'CHG-1', message: `${what}，不能作为转学理由（规则 CHG-1）。${allowed}` };
  }
  if (reason.ground === 'familyMoved' && !reason.hukouMoved) {
    return {
      rule: 'CHG-1',
      message: '家庭已迁移，但户籍尚未迁入新居住地，暂不能转学（规则 CHG-1）。户口迁入后，凭户口迁移证明即可办理。',
    };
  }
  return null;
}

// ---------------------------------------------------------------------------
// CHG-1 window

/** The days (inclusive) around one semester's start when transfers are handled. */
export interface TransferWindow {
  readonly term: Term;
  readonly opens: string;
  readonly closes: string;
}

/** One window per configured term: one month before to one month after its start. */
export function transferWindows(terms: readonly Term[]): TransferWindow[] {
  return [...terms]
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((term) => ({ term, opens: addMonths(term.startDate, -1), closes: addMonths(term.startDate, 1) }));
}

/** The window that includes `day`, or null (mid-semester, or no term set around it). */
export function transferWindowOn(terms: readonly Term[], day: string): TransferWindow | null {
  return transferWindows(terms).find((window) => window.opens <= day && day <= window.closes) ?? null;
}

const windowText = (window: TransferWindow): string =>
  `${chineseDay(window.opens)}至${chineseDay(window.closes)}（${termLabel(window.term)}开学前后一个月）`;

/** CHG-1 and TRF-1: null when `day` is inside a transfer window. */
export function transferWindowRefusal(terms: readonly Term[], day: string): Refusal | null {
  if (transferWindowOn(terms, day)) return null;
  const next = transferWindows(terms).find((window) => window.opens > day);
  const when = next
    ? `下一个可办理时间为${windowText(next)}。`
    : '下学期的开学日期确定后，请先在“学年学期设置”中设置该学期，系统据此计算可办理时间（规则 SCH-2）。';
  return {
    rule: 'CHG-1',
    message: `${chineseDay(day)}不能办理转学：转学只在每学期开学前后一个月内办理（规则 CHG-1），学期中原则上不转学（规则 TRF-1）。${when}`,
  };
}

// ---------------------------------------------------------------------------
// TRF-1 grades

/** TRF-1: null unless the grade is a stage's starting or graduating grade and both schools are in the city. */
export function transferGradeRefusal(grade: number, bothInCity: boolean): Refusal | null {
  if (!bothInCity) return null;
  const outside = '与阳泉市以外学校之间的转学不受此限。';
  if (isStartingGrade(grade)) {
    return {
      rule: 'TRF-1',
      message: `起始年级（${gradeLabel(grade)}）的学生不能在阳泉市内转学（规则 TRF-1）。学生升入${gradeLabel(grade + 1)}后，可在学期开学前后一个月内办理；${outside}`,
    };
  }
  if (isGraduatingGrade(grade)) {
    return {
      rule: 'TRF-1',
      message: `毕业年级（${gradeLabel(grade)}）的学生不能在阳泉市内转学（规则 TRF-1）。${outside}`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------
// TRF-2 四不转

/** One side of a transfer, as TRF-2 compares them. */
export type TransferSchool = Pick<SchoolProfile, 'name' | 'type' | 'ownership' | 'provincialModel' | 'enrollmentZone'>;

/** The other school of a transfer, as the clerk records it from the 转学联系表. */
export interface OtherSchool extends TransferSchool {
  /** 阳泉市内学校 (TRF-1 applies only within the city). */
  readonly inCity: boolean;
}

/** 普通高中: school types with senior grades that are not 中职. */
const ordinarySeniorTypes: ReadonlySet<string> = new Set(['341', '342', '345']);

const isOrdinarySenior = (school: TransferSchool): boolean =>
  school.type !== null && ordinarySeniorTypes.has(school.type);
const zoneKey = (zone: string): string => toHalfWidth(zone).replace(/\s+/g, '');

/** The facts TRF-2 compares that are not recorded yet, as “某校的招生区域”. */
function missingFacts(sending: TransferSchool, receiving: TransferSchool): string[] {
  return [sending, receiving].flatMap((school) => [
    ...(school.type === null ? [`${school.name}的学校类型`] : []),
    ...(school.ownership === null ? [`${school.name}的办学类型（公办/民办）`] : []),
    ...(zoneKey(school.enrollmentZone) === '' ? [`${school.name}的招生区域`] : []),
  ]);
}

/**
 * TRF-2 四不转, for a senior-grade student (10-12) whose receiving school is
 * an ordinary high school; empty when none of the four applies. A fact that
 * is not recorded is a refusal too: the rule cannot be checked without it.
 */
export function fourNoTransferRefusals(sending: TransferSchool, receiving: TransferSchool, grade: number): Refusal[] {
  if (grade < 10) return [];
  const missing = missingFacts(sending, receiving);
  const unknown: Refusal = {
    rule: 'TRF-2',
    message: `无法核对高中“四不转”：${missing.join('、')}未填写（规则 TRF-2）。填写后即可核对。`,
  };
  if (receiving.type === null) return [unknown];
  if (!isOrdinarySenior(receiving)) return [];
  const into = `${sending.name}的学生不能转入${receiving.name}`;
  if (sending.type === '360') {
    return [
      {
        rule: 'TRF-2',
        message: `${into}：中等职业学校（包括普通中专、职业高中、技工学校和成人中专）的学生不能转入普通高中（规则 TRF-2 四不转）。学生可以转入其他中等职业学校。`,
      },
    ];
  }
  if (missing.length > 0) return [unknown];
  const refusals: Refusal[] = [];
  if (sending.ownership === '2' && receiving.ownership === '1') {
    refusals.push({
      rule: 'TRF-2',
      message: `${into}：民办高中的学生不能转入公办高中（规则 TRF-2 四不转）。学生可以转入其他民办高中。`,
    });
  }
  if (!sending.provincialModel && receiving.provincialModel) {
    refusals.push({
      rule: 'TRF-2',
      message: `${into}：一般普通高中的学生不能转入省级示范高中（规则 TRF-2 四不转）。学生可以转入其他一般普通高中。`,
    });
  }
  if (isOrdinarySenior(sending) && zoneKey(sending.enrollmentZone) === zoneKey(receiving.enrollmentZone)) {
    refusals.push({
      rule: 'TRF-2',
      message: `${into}：两校同属招生区域“${receiving.enrollmentZone.trim()}”，同一招生区域的普通高中之间不能转学（规则 TRF-2 四不转）。学生可以转入其他招生区域的学校。`,
    });
  }
  return refusals;
}

/** TRF-3: a 普通高中 student's transfer keeps its paper procedure (纸质手续) beside the electronic one. */
export function paperProcedureRequired(
  grade: number,
  school: Pick<SchoolProfile, 'type'>,
  other: TransferSchool,
): boolean {
  return stageOf(grade, school) === 'senior' || (grade >= 10 && isOrdinarySenior(other));
}

// ---------------------------------------------------------------------------
// All of them

export interface TransferCase {
  /** 'in': this school receives the student; 'out': this school sends them. */
  readonly direction: 'in' | 'out';
  /** The student's grade: now (out) or the grade they join (in). */
  readonly grade: number;
  readonly school: SchoolProfile;
  readonly otherSchool: OtherSchool;
  readonly reason: TransferReason;
  /** The day the case is applied for. */
  readonly date: string;
  readonly terms: readonly Term[];
}

/** Every CHG-1, TRF-1 and TRF-2 refusal of a transfer; empty when it may go ahead. */
export function transferRefusals(transfer: TransferCase): Refusal[] {
  const { direction, grade, school, otherSchool } = transfer;
  const [sending, receiving] = direction === 'in' ? [otherSchool, school] : [school, otherSchool];
  const fourNo = fourNoTransferRefusals(sending, receiving, grade);
  if (stageOf(grade, school) === 'vocational') return fourNo;
  return [
    transferReasonRefusal(transfer.reason),
    transferWindowRefusal(transfer.terms, transfer.date),
    transferGradeRefusal(grade, otherSchool.inCity),
    ...fourNo,
  ].filter((refusal): refusal is Refusal => refusal !== null);
}
