/**
 * 首页待办 (the clerk's day starts here) and 每学期核对: what crosses the
 * contract, and the pure date rules behind them. Rules: OPS-1 (log in every
 * day, handle pending changes promptly), SCH-2 (the term is set), GRD-2
 * (graduates complete by 30 June), CHG-1 (the transfer window), CHG-2 and
 * DAT-1 (cases decided within a week), VER-1 (every record confirmed at least
 * once per term, 教基〔2025〕1号 Art. 25).
 */
import { addDays, daysBetween } from './changes/calendar';
import type { CaseSummary } from './changes/caseRecords';
import type { DeadlineState } from './changes/deadlines';
import type { BackupTrigger } from './exchange/backups';
import { type TransferWindow, transferWindowOn, transferWindows } from './changes/transferRules';
import type { StudentStatus } from './register/codes';
import { currentTerm, type Term, termLabel } from './register/terms';

// ---------------------------------------------------------------------------
// The dashboard

/** SCH-2: the term today falls in, and the reminder when it falls in none. */
export interface DashboardTerm {
  readonly current: Term | null;
  readonly reminder: string | null;
}

/** CHG-2, DAT-1: the open cases, the first ones by due date (overdue ones come first). */
export interface CaseDigest {
  /** 办理中. */
  readonly open: number;
  /** Open and past their due date. */
  readonly overdue: number;
  /** At most `dashboardCaseRows`, in the case list's order. */
  readonly first: readonly CaseSummary[];
}

/** How many open cases the dashboard lists; the case list holds the rest. */
export const dashboardCaseRows = 5;

/** GRD-2: one graduating grade's students still missing a 学习简历 or a 毕业评语. */
export interface GraduatingGradeDigest {
  readonly grade: number;
  /** Its 在读 and 休学 students (the graduating list). */
  readonly students: number;
  readonly missingStudyHistory: number;
  readonly missingGraduationComment: number;
  /** Students missing one or both. */
  readonly incomplete: number;
}

export interface GraduatesDigest {
  /** 30 June of the school year in progress, with the days left. */
  readonly deadline: DeadlineState;
  /** Graduating grades that have students, lowest first. */
  readonly grades: readonly GraduatingGradeDigest[];
}

/** A transfer window as the clerk reads it (CHG-1). */
export interface TransferWindowDays {
  readonly term: string;
  readonly opens: string;
  readonly closes: string;
}

export interface TransferWindowState {
  /** False in a 中职 school: its own transfers are outside the city's window (docs/decisions.md). */
  readonly applies: boolean;
  /** The window today falls in; null mid-semester. */
  readonly current: TransferWindowDays | null;
  /** The next window of a term already set; null when none is set ahead. */
  readonly next: TransferWindowDays | null;
}

/** The term a verification belongs to. */
export interface VerificationTerm {
  readonly id: number;
  /** e.g. 2026-2027学年 第一学期. */
  readonly label: string;
}

/** VER-1 progress of one class in the current term. */
export interface ClassVerification {
  readonly classId: number;
  readonly grade: number;
  readonly label: string;
  /** 在读 and 休学 students. */
  readonly students: number;
  readonly verified: number;
}

export interface VerificationProgress {
  /** Null when today is in no term (SCH-2): nothing can be verified. */
  readonly term: VerificationTerm | null;
  /** Classes with students, by grade and number. */
  readonly classes: readonly ClassVerification[];
  readonly students: number;
  readonly verified: number;
}

/** OPS-1: the days someone logged in, from the access log's login events. */
export interface LoginDigest {
  /** The calendar's first day: the Monday `loginCalendarWeeks - 1` weeks before this week's. */
  readonly from: string;
  /** The access log's first day (the installation's setup): no login was possible before it. */
  readonly startedOn: string;
  /** Days from `from` to today with at least one successful login, ascending. */
  readonly days: readonly string[];
  /** The last day before today with a login; null when there is none. */
  readonly lastBefore: string | null;
  /** Days from `lastBefore` to today. */
  readonly daysSince: number | null;
  /** School days (Monday to Friday inside a term) of the calendar, from `startedOn` to yesterday, without a login. */
  readonly missedSchoolDays: readonly string[];
}

/** The access log's backups (its `backup.create` events): the newest good one, and a failure since. */
export interface BackupState {
  /** The newest successful backup; null: the data was never backed up. */
  readonly last: {
    readonly at: string;
    readonly trigger: BackupTrigger | null;
    readonly userName: string | null;
  } | null;
  /** The newest backup that failed after `last` (or ever, without one), with core's reason. */
  readonly failedSince: { readonly at: string; readonly reason: string | null } | null;
}

/** 首页待办: everything the clerk should see first, read in one call. */
export interface Dashboard {
  /** Core's day, `YYYY-MM-DD`: every count below is as of this day. */
  readonly today: string;
  readonly term: DashboardTerm;
  readonly cases: CaseDigest;
  readonly graduates: GraduatesDigest;
  readonly transferWindow: TransferWindowState;
  readonly verification: VerificationProgress;
  readonly logins: LoginDigest;
  readonly backup: BackupState;
}

// ---------------------------------------------------------------------------
// 每学期核对 (VER-1)

/** A student of the review screen, with this term's confirmation. */
export interface VerificationStudent {
  readonly studentId: number;
  readonly name: string;
  /** 1 男, 2 女. */
  readonly sex: string;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly studentNumber: string;
  readonly status: StudentStatus;
  /** When the record was confirmed this term; null: not yet. */
  readonly verifiedAt: string | null;
  /** The account that confirmed it (OPS-3). */
  readonly verifiedBy: string | null;
}

export interface VerificationList {
  readonly classId: number;
  readonly classLabel: string;
  /** Null when today is in no term (SCH-2); `reminder` then says what to do. */
  readonly term: VerificationTerm | null;
  readonly reminder: string | null;
  /** The class's 在读 and 休学 students, in roll order. */
  readonly students: readonly VerificationStudent[];
}

export interface VerificationResult {
  /** The term the confirmations belong to. */
  readonly term: VerificationTerm;
  /** Records confirmed by this call. */
  readonly confirmed: number;
  /** Records already confirmed this term, left as they were. */
  readonly alreadyVerified: number;
}

/** The most students one confirmation takes (a whole grade of a large school). */
export const maxConfirmedAtOnce = 2000;

// ---------------------------------------------------------------------------
// Pure rules

/** Weeks the login calendar shows (OPS-1). */
export const loginCalendarWeeks = 8;

/** A Monday, to count weekdays from. */
const aMonday = '2024-01-01';

/** 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  return (((daysBetween(aMonday, day) % 7) + 7) % 7) + 1;
}

/** The login calendar's first day: a Monday, so that it ends with the week of `today`. */
export function loginCalendarStart(today: string): string {
  return addDays(today, -(weekdayOf(today) - 1) - 7 * (loginCalendarWeeks - 1));
}

/** OPS-1: a day the clerk is expected at work: Monday to Friday inside a term (holidays are not known). */
export function isSchoolDay(day: string, terms: readonly Term[]): boolean {
  return weekdayOf(day) <= 5 && currentTerm(terms, day) !== null;
}

/** OPS-1: the school days from `from` up to (not including) `today` with no login. */
export function missedSchoolDays(
  from: string,
  today: string,
  loginDays: readonly string[],
  terms: readonly Term[],
): string[] {
  const logged = new Set(loginDays);
  const missed: string[] = [];
  for (let day = from; day < today; day = addDays(day, 1)) {
    if (isSchoolDay(day, terms) && !logged.has(day)) missed.push(day);
  }
  return missed;
}

const windowDays = (window: TransferWindow): TransferWindowDays => ({
  term: termLabel(window.term),
  opens: window.opens,
  closes: window.closes,
});

/** CHG-1: whether transfers may be handled today, and the next window. */
export function transferWindowState(terms: readonly Term[], today: string, vocational: boolean): TransferWindowState {
  const current = transferWindowOn(terms, today);
  const next = transferWindows(terms).find((window) => window.opens > today) ?? null;
  return {
    applies: !vocational,
    current: current ? windowDays(current) : null,
    next: next ? windowDays(next) : null,
  };
}
