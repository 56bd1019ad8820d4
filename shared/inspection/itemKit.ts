/**
 * What every self-inspection item is built from (INS-1): the period the
 * figures cover, the rows listed under an item (students, cases, days), and
 * the wording of counts and cases. Pure.
 */
import { chineseDay, daysBetween } from '../changes/calendar';
import { caseKindLabel } from '../changes/cases';
import { currentTerm, type Term, termLabel } from '../register/terms';
import type { CaseFact, Listed, StudentRef } from './facts';
import type { ExceptionList, InspectionException, InspectionItem, InspectionRule, Verdict } from './report';

/** The period the report's case figures cover: the term in progress, else the last one begun. */
export interface InspectionPeriod {
  readonly term: Term | null;
  readonly from: string;
}

/**
 * The term in progress, else the last term begun before `today` (a holiday
 * reports on the term just ended); without any, everything since the
 * installation's first day.
 */
export function inspectionPeriod(terms: readonly Term[], today: string, firstDay: string): InspectionPeriod {
  const term =
    currentTerm(terms, today) ??
    [...terms]
      .filter((candidate) => candidate.startDate <= today)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ??
    null;
  const from = term ? term.startDate : firstDay;
  return { term, from: from > today ? today : from };
}

/** 自查范围's wording of the period, e.g. “2026-2027学年 第一学期（2026年9月1日至今）”. */
export function periodText(period: InspectionPeriod, today: string): string {
  const span = `${chineseDay(period.from)}至${chineseDay(today)}`;
  return period.term ? `${termLabel(period.term)}（${span}）` : `启用以来（${span}）`;
}

/** ENR-1: the county sets the plan early each June, for the intake that September. */
export function enrollmentPlanYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 6 ? year : year - 1;
}

/** 1,204: figures are read at a glance. */
export const figure = (n: number): string => n.toLocaleString('en-US');

/** “另有 N 条” when a list was cut. */
export const moreText = (list: ExceptionList): string | null =>
  list.total > list.rows.length ? `另有 ${figure(list.total - list.rows.length)} 条未列出` : null;

export function studentRow(student: StudentRef, problem: string): InspectionException {
  return {
    subject: student.name,
    classLabel: student.classLabel,
    studentNumber: student.studentNumber,
    problem,
    dueDate: null,
    studentId: student.studentId,
    caseId: null,
  };
}

/** A case's subject is “姓名（班级）” when it was opened; the class goes into its own column. */
function splitSubject(subject: string): { name: string; classLabel: string } {
  const match = /^(.*?)（(.*)）$/.exec(subject);
  return match ? { name: match[1]!, classLabel: match[2]! } : { name: subject, classLabel: '' };
}

export function caseRow(fact: CaseFact, problem: string): InspectionException {
  const { name, classLabel } = splitSubject(fact.subject);
  return {
    subject: name,
    classLabel,
    studentNumber: fact.studentNumber,
    problem: `${caseKindLabel(fact.kind)}：${problem}`,
    dueDate: fact.dueDate,
    studentId: fact.studentId,
    caseId: fact.caseId,
  };
}

/** “2026年9月1日申请，应于 2026年9月8日前办结，已逾期 3 天”. */
export function overdueText(fact: CaseFact, today: string): string {
  const due = fact.dueDate ?? today;
  return `${chineseDay(fact.appliedOn)}申请，应于${chineseDay(due)}前办结，已逾期 ${daysBetween(due, today)} 天，仍在办理中`;
}

/** “2026年9月1日申请，2026年9月12日才办结（期限 2026年9月8日，晚 4 天）”. */
export function lateText(fact: CaseFact): string {
  const due = fact.dueDate ?? fact.appliedOn;
  const decided = fact.decidedOn ?? due;
  return `${chineseDay(fact.appliedOn)}申请，${chineseDay(decided)}才办结（期限${chineseDay(due)}，晚 ${daysBetween(due, decided)} 天）`;
}

/** The rows of a list, each made by `row`. */
export function listOf<T>(list: Listed<T>, row: (entry: T) => InspectionException): ExceptionList {
  return { total: list.total, rows: list.first.map(row) };
}

/** Two lists as one: the first's rows come first; the limit already applied to each. */
export function joined(...lists: readonly ExceptionList[]): ExceptionList {
  return { total: lists.reduce((sum, list) => sum + list.total, 0), rows: lists.flatMap((list) => list.rows) };
}

export const noExceptions: ExceptionList = { total: 0, rows: [] };

export interface ItemHead {
  readonly id: string;
  readonly rules: readonly InspectionRule[];
  readonly part?: string;
  readonly title: string;
}

/** An item; advice is kept only for a verdict that calls for it (需关注, 不符合). */
export function item(
  head: ItemHead,
  verdict: Verdict,
  finding: string,
  advice: string,
  exceptions: ExceptionList = noExceptions,
): InspectionItem {
  return {
    id: head.id,
    rules: head.rules,
    part: head.part ?? null,
    title: head.title,
    verdict,
    finding,
    advice: verdict === 'attention' || verdict === 'fail' ? advice : null,
    exceptions,
  };
}
