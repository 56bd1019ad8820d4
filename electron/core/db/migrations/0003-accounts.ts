import type { Migration } from '../migrate';

/**
 * Accounts (never deleted: the access log refers to them), their password
 * history (salted scrypt hashes, for "not one of the last N"), and the
 * password policy the administrator configures.
 */
export const accounts: Migration = {
  version: 3,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account (
        id INTEGER PRIMARY KEY,
        user_name TEXT NOT NULL UNIQUE CHECK (user_name = lower(user_name)),
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'auditor')),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        must_change_password TEXT CHECK (must_change_password IN ('initial', 'reset')),
        password_changed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES account (id),
        last_login_at TEXT
      ) STRICT;

      CREATE TABLE password_history (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id),
        changed_at TEXT NOT NULL,
        salt BLOB NOT NULL,
        hash BLOB NOT NULL
      ) STRICT;
      CREATE INDEX password_history_by_account ON password_history (account_id, id);

      CREATE TABLE password_policy (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        min_length INTEGER NOT NULL,
        rotation_days INTEGER NOT NULL,
        warning_days INTEGER NOT NULL,
        history_size INTEGER NOT NULL,
        max_failures INTEGER NOT NULL,
        lockout_minutes INTEGER NOT NULL,
        idle_lock_minutes INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
