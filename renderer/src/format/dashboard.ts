/**
 * How 首页待办 and 学籍核对 read on screen: the login calendar (OPS-1), the
 * transfer window (CHG-1), the password countdown (SEC-2), the last backup,
 * graduates' missing items (GRD-2) and verification progress (VER-1), each
 * as words and a tone (red when a rule is already broken, orange when
 * close, green when done, grey when nothing is asked yet).
 */
import type { LocationQuery } from 'vue-router';
import type { SessionInfo } from '../../../shared/accounts';
import { addDays, chineseDay, daysBetween } from '../../../shared/changes/calendar';
import {
  type BackupState,
  type ClassVerification,
  type GraduatesDigest,
  type GraduatingGradeDigest,
  type LoginDigest,
  loginCalendarWeeks,
  type TransferWindowState,
  type VerificationProgress,
  type VerificationStudent,
} from '../../../shared/dashboard';
import { backupTriggerLabels } from '../../../shared/exchange/backups';
import { gradeLabel } from '../../../shared/register/students';
import { formatDateMinute } from './units';

export type Tone = 'danger' | 'warning' | 'success' | 'muted';

/** A line of a dashboard card: what it says and how loudly. */
export interface StatusView {
  readonly tone: Tone;
  readonly text: string;
  readonly detail?: string;
}

// ---------------------------------------------------------------------------
// OPS-1 login calendar

export const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'] as const;

/**
 * login: someone logged in; missed: a school day without a login; rest: a day
 * off; before: the installation did not exist yet; future: not yet.
 */
export type LoginDayState = 'login' | 'missed' | 'rest' | 'before' | 'future';

export interface LoginDayCell {
  readonly day: string;
  /** Day of the month, e.g. 7. */
  readonly date: number;
  readonly state: LoginDayState;
  /** What the cell means, for the tooltip and screen readers. */
  readonly title: string;
}

const stateTitles: Readonly<Record<LoginDayState, string>> = {
  login: '已登录',
  missed: '学期内工作日，无人登录',
  rest: '未登录（周末或假期）',
  before: '尚未启用学籍工作台',
  future: '',
};

/** The calendar's weeks (Monday first), from `logins.from` to the end of today's week. */
export function loginCalendar(logins: LoginDigest, today: string): LoginDayCell[][] {
  const logged = new Set(logins.days);
  const missed = new Set(logins.missedSchoolDays);
  return Array.from({ length: loginCalendarWeeks }, (_, week) =>
    Array.from({ length: 7 }, (__, weekday) => {
      const day = addDays(logins.from, week * 7 + weekday);
      const state: LoginDayState = logged.has(day)
        ? 'login'
        : day > today
          ? 'future'
          : day < logins.startedOn
            ? 'before'
            : missed.has(day)
              ? 'missed'
              : 'rest';
      return { day, date: Number(day.slice(8)), state, title: `${chineseDay(day)} ${stateTitles[state]}`.trim() };
    }),
  );
}

/** OPS-1 in words: how many days had a login, when the last one before today was, and the school days missed. */
export function loginSummary(logins: LoginDigest): { readonly lines: readonly string[]; readonly missed: StatusView } {
  const last =
    logins.lastBefore === null
      ? '今天之前没有登录记录'
      : logins.daysSince === 1
        ? '上次登录是昨天'
        : `上次登录在 ${logins.daysSince} 天前（${chineseDay(logins.lastBefore)}）`;
  const count = logins.missedSchoolDays.length;
  return {
    lines: [`近 ${loginCalendarWeeks} 周有 ${logins.days.length} 天登录`, last],
    missed:
      count === 0
        ? { tone: 'success', text: '学期内工作日每天都有登录' }
        : { tone: 'warning', text: `学期内有 ${count} 个工作日无人登录（规则 OPS-1：每天登录，及时处理待办）` },
  };
}

// ---------------------------------------------------------------------------
// The status card

/** CHG-1: whether transfers are handled now, and when next. */
export function transferWindowView(state: TransferWindowState): StatusView {
  if (!state.applies) {
    return {
      tone: 'muted',
      text: '不受开学前后一个月的限制',
      detail: '中职学校的转学按规则 TRF-2 和 VOC-5 办理。',
    };
  }
  if (state.current) {
    return {
      tone: 'success',
      text: '转学办理期内',
      detail: `${chineseDay(state.current.opens)}至${chineseDay(state.current.closes)}（${state.current.term}开学前后一个月，规则 CHG-1）`,
    };
  }
  if (state.next) {
    return {
      tone: 'muted',
      text: '不在转学办理期',
      detail: `下一个办理期：${chineseDay(state.next.opens)}至${chineseDay(state.next.closes)}（${state.next.term}）`,
    };
  }
  return {
    tone: 'warning',
    text: '不在转学办理期',
    detail: '下学期开学日期确定后，请在“学年学期设置”中设置该学期，系统据此计算转学办理期（规则 SCH-2）。',
  };
}

/** SEC-2: the password's days left, orange within the warning days. */
export function passwordView(session: SessionInfo): StatusView {
  const days = session.passwordDaysLeft;
  return {
    tone: session.passwordExpiryWarning ? 'warning' : 'success',
    text: days <= 0 ? '今天到期' : `还剩 ${days} 天`,
    detail: `有效期至 ${formatDateMinute(session.passwordExpiresAt)}`,
  };
}

/** A backup older than this many days is shown in orange. */
export const staleBackupDays = 7;

/**
 * The last backup: 尚未备份 without one; red when a backup failed since (the
 * reason is core's); orange when older than `staleBackupDays`.
 */
export function backupView(backup: BackupState, today: string): StatusView {
  const { last, failedSince } = backup;
  if (failedSince) {
    return {
      tone: 'danger',
      text: `${formatDateMinute(failedSince.at)} 备份失败`,
      detail: `${failedSince.reason ?? ''}${last ? `上次成功备份：${formatDateMinute(last.at)}。` : '尚无成功的备份。'}`,
    };
  }
  if (!last) return { tone: 'warning', text: '尚未备份', detail: '请及时备份，并把备份另外保存一份。' };
  const stale = daysBetween(last.at.slice(0, 10), today) > staleBackupDays;
  return {
    tone: stale ? 'warning' : 'success',
    text: formatDateMinute(last.at),
    detail: last.trigger ? `${backupTriggerLabels[last.trigger]}备份` : undefined,
  };
}

// ---------------------------------------------------------------------------
// GRD-2 graduates

/** “九年级 3 人中 2 人未齐全（缺学习简历 1 人，缺毕业评语 2 人）”. */
export function graduatingGradeText(grade: GraduatingGradeDigest): string {
  if (grade.incomplete === 0) return `${gradeLabel(grade.grade)} ${grade.students} 人，学习简历和毕业评语已齐全`;
  const missing = [
    ...(grade.missingStudyHistory > 0 ? [`缺学习简历 ${grade.missingStudyHistory} 人`] : []),
    ...(grade.missingGraduationComment > 0 ? [`缺毕业评语 ${grade.missingGraduationComment} 人`] : []),
  ];
  return `${gradeLabel(grade.grade)} ${grade.students} 人中 ${grade.incomplete} 人未齐全（${missing.join('，')}）`;
}

/** Days before 30 June from which missing items are shown in orange. */
export const graduatesDueSoonDays = 60;

export function graduatesTone(digest: GraduatesDigest): Tone {
  if (digest.grades.every((grade) => grade.incomplete === 0)) return 'success';
  if (digest.deadline.overdue) return 'danger';
  return digest.deadline.daysLeft <= graduatesDueSoonDays ? 'warning' : 'muted';
}

// ---------------------------------------------------------------------------
// VER-1 progress

/** Whole percent, rounded down so that 99.9 % never shows as done; an empty class counts as done. */
export function verifiedPercent(verified: number, students: number): number {
  return students === 0 ? 100 : Math.floor((verified * 100) / students);
}

/** How many classes the dashboard lists; the review screen has every class. */
export const dashboardClassRows = 8;

/** The classes still to verify, in grade order, at most `dashboardClassRows`, and how many more there are. */
export function classesToVerify(progress: VerificationProgress): {
  readonly shown: readonly ClassVerification[];
  readonly more: number;
} {
  const open = progress.classes.filter((row) => row.verified < row.students);
  return { shown: open.slice(0, dashboardClassRows), more: Math.max(0, open.length - dashboardClassRows) };
}

/** “2026-09-01 08:00 wangli”: when and by whom a record was confirmed. */
export function verifiedByText(student: VerificationStudent): string {
  return student.verifiedAt ? `${formatDateMinute(student.verifiedAt)} ${student.verifiedBy ?? ''}`.trim() : '';
}

/** The class the review screen's address asks for (`?class=12`); null when missing or malformed. */
export function classIdFromQuery(query: LocationQuery): number | null {
  const value = Array.isArray(query['class']) ? query['class'][0] : query['class'];
  return typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}
