import type { Migration } from '../migrate';

/**
 * Register cases (学籍异动, 毕业 lists, basic-information and 奖惩 change
 * requests, issue 5). A case is what the clerk submitted (`input`, validated
 * JSON), the students it concerns, its approval steps as recorded (OPS-3:
 * the reviewer who decided and the account that entered it), its evidence
 * files (in the attachment store) and, for a basic-information change, its
 * items with the value each field had when the request was made. The record
 * changes only when the last step approves, in the same transaction.
 *
 * `promotion` keeps one row per school year promoted (升级), so that the
 * whole school never moves up twice in a year.
 */
export const registerCases: Migration = {
  version: 11,
  name: 'register-cases',
  up(db) {
    db.exec(`
      CREATE TABLE register_case (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        subject TEXT NOT NULL,
        input TEXT NOT NULL CHECK (json_valid(input)),
        applied_on TEXT NOT NULL,
        due_date TEXT,
        due_rule TEXT,
        withdrawn_reason TEXT NOT NULL DEFAULT '',
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        closed_at TEXT NOT NULL DEFAULT ''
      ) STRICT;
      -- The open-case list, by due date (cases without one last).
      CREATE INDEX register_case_open ON register_case (status, due_date, id);

      -- The students of a case: one for a movement or a change request, many for a graduating list,
      -- none for a new student's transfer in until it is approved.
      CREATE TABLE case_student (
        case_id INTEGER NOT NULL REFERENCES register_case (id),
        student_id INTEGER NOT NULL REFERENCES student (id),
        outcome TEXT,
        PRIMARY KEY (case_id, student_id)
      ) STRICT;
      CREATE INDEX case_student_by_student ON case_student (student_id, case_id);

      CREATE TABLE case_decision (
        case_id INTEGER NOT NULL REFERENCES register_case (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        approver TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected')),
        decided_on TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        opinion TEXT NOT NULL,
        document_number TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (case_id, position)
      ) STRICT;

      CREATE TABLE case_evidence (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES register_case (id),
        kind TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES attachment (sha256),
        file_name TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_evidence_by_case ON case_evidence (case_id, id);

      CREATE TABLE case_item (
        case_id INTEGER NOT NULL REFERENCES register_case (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        field TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        PRIMARY KEY (case_id, position)
      ) STRICT;

      CREATE TABLE promotion (
        school_year TEXT PRIMARY KEY,
        students INTEGER NOT NULL,
        classes_created INTEGER NOT NULL,
        promoted_at TEXT NOT NULL,
        promoted_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
