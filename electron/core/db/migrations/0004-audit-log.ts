import type { Migration } from '../migrate';

/**
 * The access log (DESIGN.md §4): append-only (triggers refuse UPDATE and
 * DELETE), each row hash-chained to the previous one.
 */
export const auditLog: Migration = {
  version: 4,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_name TEXT,
        role TEXT,
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_time ON audit_log (at);
      CREATE INDEX audit_log_by_user ON audit_log (user_name, seq);
      CREATE INDEX audit_log_by_object ON audit_log (object_id, seq);
      CREATE INDEX audit_log_by_action ON audit_log (action, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
