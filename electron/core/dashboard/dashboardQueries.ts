/**
 * The dashboard's own reads, each one set-based statement whatever the
 * school's size: VER-1 progress per class (the student index and the
 * verification key, no student row opened), the graduating grades, the
 * login days of the access log (OPS-1) and its backup events.
 */
import type { BackupState, ClassVerification, VerificationTerm } from '../../../shared/dashboard';
import type { BackupTrigger } from '../../../shared/exchange/backups';
import { classLabel } from '../../../shared/register/students';
import type { Database } from '../db/database';

/** VER-1: each class's 在读 and 休学 students and how many were confirmed in `term` (none without a term). */
export function classVerification(database: Database, term: VerificationTerm | null): ClassVerification[] {
  const rows = database
    .prepare(
      `SELECT c.id AS classId, c.grade, c.number, count(*) AS students, count(v.student_id) AS verified
       FROM class c
         JOIN student s ON s.class_id = c.id AND s.status IN ('enrolled', 'suspended')
         LEFT JOIN record_verification v ON v.term_id = ? AND v.student_id = s.id
       GROUP BY c.id
       ORDER BY c.grade, c.number`,
    )
    .all(term?.id ?? 0) as (Omit<ClassVerification, 'label'> & { number: number })[];
  return rows.map(({ number, ...row }) => ({ ...row, label: classLabel(row.grade, number) }));
}

/** The graduating grades (6, 9, 12) the school has classes of, lowest first. */
export function graduatingGradesOf(database: Database): number[] {
  return database
    .prepare('SELECT DISTINCT grade FROM class WHERE grade IN (6, 9, 12) ORDER BY grade')
    .pluck()
    .all() as number[];
}

/**
 * OPS-1: the days from `from` (YYYY-MM-DD) with a successful login by any
 * account, ascending. Times are stored in local ISO form, so the first ten
 * characters are the clerk's calendar day.
 */
export function loginDaysSince(database: Database, from: string): string[] {
  return database
    .prepare(
      `SELECT DISTINCT substr(at, 1, 10) AS day FROM audit_log
       WHERE action = 'login' AND outcome = 'success' AND at >= ?
       ORDER BY day`,
    )
    .pluck()
    .all(from) as string[];
}

/** The day of the access log's first event (the setup); `today` for a log still empty. */
export function firstLogDay(database: Database, today: string): string {
  const at = database.prepare('SELECT at FROM audit_log ORDER BY seq LIMIT 1').pluck().get() as string | undefined;
  return at?.slice(0, 10) ?? today;
}

/** OPS-1: the last day before `today` with a successful login; null when there is none. */
export function lastLoginDayBefore(database: Database, today: string): string | null {
  const at = database
    .prepare(`SELECT max(at) FROM audit_log WHERE action = 'login' AND outcome = 'success' AND at < ?`)
    .pluck()
    .get(today) as string | null;
  return at === null ? null : at.slice(0, 10);
}

/** The newest successful `backup.create` event, and the newest failed one after it (the backups part writes them). */
export function backupState(database: Database): BackupState {
  const last = database
    .prepare(
      `SELECT seq, at, json_extract(details, '$.trigger') AS trigger, user_name AS userName FROM audit_log
       WHERE action = 'backup.create' AND outcome = 'success' ORDER BY seq DESC LIMIT 1`,
    )
    .get() as { seq: number; at: string; trigger: BackupTrigger | null; userName: string | null } | undefined;
  const failed = database
    .prepare(
      `SELECT at, json_extract(details, '$.reason') AS reason FROM audit_log
       WHERE action = 'backup.create' AND outcome = 'failure' AND seq > ? ORDER BY seq DESC LIMIT 1`,
    )
    .get(last?.seq ?? 0) as { at: string; reason: string | null } | undefined;
  return {
    last: last ? { at: last.at, trigger: last.trigger, userName: last.userName } : null,
    failedSince: failed ?? null,
  };
}
