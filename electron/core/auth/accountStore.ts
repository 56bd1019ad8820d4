/** SQL of the account, school and password_policy tables. */
import type { AccountSummary, PasswordChangeReason, Role } from '../../../shared/accounts';
import type { PasswordPolicy } from '../../../shared/passwordPolicy';
import type { Database } from '../db/database';

export interface AccountRow {
  readonly id: number;
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
  readonly enabled: boolean;
  readonly mustChangePassword: Extract<PasswordChangeReason, 'initial' | 'reset'> | null;
  readonly passwordChangedAt: string;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

const accountColumns = `id, user_name AS userName, display_name AS displayName, role, enabled,
  must_change_password AS mustChangePassword, password_changed_at AS passwordChangedAt,
  created_at AS createdAt, last_login_at AS lastLoginAt`;

type RawAccount = Omit<AccountRow, 'enabled'> & { enabled: number };
const fromRaw = (row: RawAccount): AccountRow => ({ ...row, enabled: row.enabled === 1 });

export function findAccount(db: Database, userName: string): AccountRow | null {
  const row = db.prepare(`SELECT ${accountColumns} FROM account WHERE user_name = ?`).get(userName) as
    RawAccount | undefined;
  return row ? fromRaw(row) : null;
}

export function listAccountRows(db: Database): AccountRow[] {
  return (db.prepare(`SELECT ${accountColumns} FROM account ORDER BY id`).all() as RawAccount[]).map(fromRaw);
}

export function insertAccount(
  db: Database,
  account: Pick<AccountRow, 'userName' | 'displayName' | 'role' | 'mustChangePassword'> & {
    at: string;
    createdBy: number | null;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO account (user_name, display_name, role, must_change_password, password_changed_at, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        account.userName,
        account.displayName,
        account.role,
        account.mustChangePassword,
        account.at,
        account.at,
        account.createdBy,
      ).lastInsertRowid,
  );
}

export function setPassword(
  db: Database,
  accountId: number,
  at: string,
  mustChange: AccountRow['mustChangePassword'],
): void {
  db.prepare('UPDATE account SET password_changed_at = ?, must_change_password = ? WHERE id = ?').run(
    at,
    mustChange,
    accountId,
  );
}

export function setEnabled(db: Database, accountId: number, enabled: boolean): void {
  db.prepare('UPDATE account SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, accountId);
}

export function recordLogin(db: Database, accountId: number, at: string): void {
  db.prepare('UPDATE account SET last_login_at = ? WHERE id = ?').run(at, accountId);
}

export function countEnabledAdmins(db: Database): number {
  return db.prepare("SELECT count(*) FROM account WHERE role = 'admin' AND enabled = 1").pluck().get() as number;
}

export function toSummary(row: AccountRow, lockedUntil: string | null): AccountSummary {
  return {
    userName: row.userName,
    displayName: row.displayName,
    role: row.role,
    enabled: row.enabled,
    createdAt: row.createdAt,
    passwordChangedAt: row.passwordChangedAt,
    lastLoginAt: row.lastLoginAt,
    lockedUntil,
  };
}

export function readPolicy(db: Database): PasswordPolicy {
  return db
    .prepare(
      `SELECT min_length AS minLength, rotation_days AS rotationDays, warning_days AS warningDays,
         history_size AS historySize, max_failures AS maxFailures, lockout_minutes AS lockoutMinutes,
         idle_lock_minutes AS idleLockMinutes FROM password_policy`,
    )
    .get() as PasswordPolicy;
}

export function writePolicy(db: Database, policy: PasswordPolicy, at: string): void {
  db.prepare(
    `INSERT INTO password_policy (singleton, min_length, rotation_days, warning_days, history_size, max_failures,
       lockout_minutes, idle_lock_minutes, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET min_length = excluded.min_length, rotation_days = excluded.rotation_days,
       warning_days = excluded.warning_days, history_size = excluded.history_size, max_failures = excluded.max_failures,
       lockout_minutes = excluded.lockout_minutes, idle_lock_minutes = excluded.idle_lock_minutes,
       updated_at = excluded.updated_at`,
  ).run(
    policy.minLength,
    policy.rotationDays,
    policy.warningDays,
    policy.historySize,
    policy.maxFailures,
    policy.lockoutMinutes,
    policy.idleLockMinutes,
    at,
  );
}

export function writeSchool(db: Database, school: { name: string; code: string }, at: string): void {
  db.prepare(
    `INSERT INTO school (singleton, name, code, updated_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET name = excluded.name, code = excluded.code, updated_at = excluded.updated_at`,
  ).run(school.name, school.code, at);
}
