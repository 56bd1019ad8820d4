import type { Migration } from '../migrate';

/**
 * What the school keeps per student besides the basic information: rewards
 * and punishments, study history (学习简历, ordered lines), the graduation
 * comment (毕业评语) and the paper-archive checklist (SCH-3, VOC-2).
 * Their edits leave rows in `student_history` like any other field.
 */
export const studentRecords: Migration = {
  version: 8,
  name: 'student-records',
  up(db) {
    db.exec(`
      CREATE TABLE reward_punishment (
        id INTEGER PRIMARY KEY,
        student_id INTEGER NOT NULL REFERENCES student (id),
        kind TEXT NOT NULL CHECK (kind IN ('reward', 'punishment')),
        date TEXT NOT NULL,
        title TEXT NOT NULL,
        level TEXT NOT NULL,
        issuer TEXT NOT NULL,
        reason TEXT NOT NULL,
        revoked_on TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reward_punishment_by_student ON reward_punishment (student_id, date);

      CREATE TABLE study_history (
        student_id INTEGER NOT NULL REFERENCES student (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        from_month TEXT NOT NULL,
        to_month TEXT NOT NULL,
        school TEXT NOT NULL,
        role TEXT NOT NULL,
        witness TEXT NOT NULL,
        PRIMARY KEY (student_id, position)
      ) STRICT;

      CREATE TABLE graduation_comment (
        student_id INTEGER PRIMARY KEY REFERENCES student (id),
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        date TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE archive_item (
        student_id INTEGER NOT NULL REFERENCES student (id),
        item TEXT NOT NULL,
        present INTEGER NOT NULL CHECK (present IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        checked_at TEXT NOT NULL,
        checked_by TEXT NOT NULL,
        PRIMARY KEY (student_id, item)
      ) STRICT;
    `);
  },
};
