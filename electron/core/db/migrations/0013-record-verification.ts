import type { Migration } from '../migrate';

/**
 * 每学期核对 (rule VER-1, 教基〔2025〕1号 Art. 25): the school confirms every
 * student's record at least once per term. One row per term and student,
 * with who confirmed it and when (OPS-3); the primary key makes a second
 * confirmation in the same term impossible. The dashboard counts a class's
 * rows of the current term through the key (term first), without reading
 * the students' encrypted rows.
 */
export const recordVerification: Migration = {
  version: 13,
  name: 'record-verification',
  up(db) {
    db.exec(`
      CREATE TABLE record_verification (
        term_id INTEGER NOT NULL REFERENCES term (id),
        student_id INTEGER NOT NULL REFERENCES student (id),
        verified_at TEXT NOT NULL,
        verified_by TEXT NOT NULL,
        PRIMARY KEY (term_id, student_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
