/**
 * Due dates of open cases and the date rules around graduation: CHG-2 and
 * DAT-1 (decided within one week of the application), CHG-1 (a transfer is
 * done inside its window), GRD-2 (graduates complete by 30 June; from 1 July
 * no new cases for graduating students). Pure: `today` is passed in.
 */
import type { Term } from '../register/terms';
import { addDays, chineseDay, daysBetween } from './calendar';
import { caseKindLabel, type CaseKind, type Refusal, type RuleId, type Transition } from './cases';
import { isGraduatingGrade } from './stages';
import { transferWindowOn } from './transferRules';

/** Rules CHG-2 and DAT-1: “办理期限为学生提出申请后一周内完成”. */
export const decisionDays = 7;

const decidedInAWeek: ReadonlySet<CaseKind> = new Set<CaseKind>([
  'suspension',
  'resumption',
  'death',
  'goingAbroad',
  'dropout',
]);

export interface Deadline {
  readonly rule: RuleId;
  /** The last day (inclusive) by which the case must be decided. */
  readonly dueDate: string;
}

/** GRD-2: a school year's graduates are complete by 30 June of the year it ends in. */
export function graduationDeadline(year: number): string {
  return `${year}-06-30`;
}

/**
 * The year whose 30 June ends the graduation season of `day` (GRD-2): the
 * end of the school year of the term holding `day`; outside every term,
 * from September the school year just begun (due next June), until the end
 * of August the one ending now (a list opened in July is already late).
 */
export function graduationYear(day: string, terms: readonly Term[]): number {
  const term = terms.find((candidate) => candidate.startDate <= day && day <= candidate.endDate);
  const ends = term ? Number(term.schoolYear.slice(5, 9)) : Number.NaN;
  if (Number.isInteger(ends) && ends > 2000) return ends;
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year + 1 : year;
}

/**
 * The due date of a case applied for on `appliedOn`, or null where no rule
 * sets one (留级, 调班, 升级, 转专业, 注销, and a transfer applied for outside
 * every window, which `transferRefusals` refuses anyway).
 */
export function caseDeadline(kind: CaseKind, appliedOn: string, terms: readonly Term[]): Deadline | null {
  if (decidedInAWeek.has(kind)) return { rule: 'CHG-2', dueDate: addDays(appliedOn, decisionDays) };
  if (kind === 'basicInfoChange' || kind === 'rewardPunishmentChange') {
    return { rule: 'DAT-1', dueDate: addDays(appliedOn, decisionDays) };
  }
  if (kind === 'transferIn' || kind === 'transferOut') {
    const window = transferWindowOn(terms, appliedOn);
    return window ? { rule: 'CHG-1', dueDate: window.closes } : null;
  }
  if (kind === 'graduation') return { rule: 'GRD-2', dueDate: graduationDeadline(graduationYear(appliedOn, terms)) };
  return null;
}

export interface DeadlineState {
  readonly dueDate: string;
  /** Days left including today's: 0 on the due date, negative once overdue. */
  readonly daysLeft: number;
  readonly overdue: boolean;
}

export function deadlineState(dueDate: string, today: string): DeadlineState {
  const daysLeft = daysBetween(today, dueDate);
  return { dueDate, daysLeft, overdue: daysLeft < 0 };
}

/** The open-case list's wording, e.g. “还剩 3 天（2026年9月14日截止）” or “已逾期 2 天”. */
export function deadlineText(state: DeadlineState): string {
  const due = `${chineseDay(state.dueDate)}截止`;
  if (state.overdue) return `已逾期 ${-state.daysLeft} 天（${due}）`;
  return state.daysLeft === 0 ? `今天截止` : `还剩 ${state.daysLeft} 天（${due}）`;
}

/**
 * GRD-2: from 1 July the national system takes no new case for a student of a
 * graduating grade until the summer is over (31 August), when promotion moves
 * the grades on. 毕业 itself is still recorded.
 */
export function graduatingSeasonRefusal(grade: number, movement: Transition, day: string): Refusal | null {
  if (movement === 'graduation' || !isGraduatingGrade(grade)) return null;
  const monthDay = day.slice(5);
  if (monthDay < '07-01' || monthDay > '08-31') return null;
  return {
    rule: 'GRD-2',
    message: `${chineseDay(day)}已过 6 月 30 日，不能再为毕业年级学生新办${caseKindLabel(movement)}（规则 GRD-2：7 月 1 日起全国学籍系统不再受理）。毕业年级学生的异动应在 6 月 30 日前办理；确需补办的，请联系县（区）教育局学籍管理部门。`,
  };
}
