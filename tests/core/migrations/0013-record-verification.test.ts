import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

/** A migrated database with two terms (ids 1, 2), one class and one student (id 1). */
function withStudent() {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const term = db.prepare('INSERT INTO term (school_year, semester, start_date, end_date) VALUES (?, ?, ?, ?)');
  term.run('2026-2027', 1, '2026-09-01', '2027-01-20');
  term.run('2026-2027', 2, '2027-02-20', '2027-07-10');
  db.prepare('INSERT INTO class (grade, number, capacity) VALUES (7, 1, 45)').run();
  db.prepare(
    `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, student_number, basics, created_at, created_by, updated_at)
     VALUES (1, '某', '1', '2013-01-01', '1', '140302201301010011', '', '{}', 'x', 'x', 'x')`,
  ).run();
  return db;
}

const verify = (db: Sqlite.Database, termId: number, studentId: number) =>
  db
    .prepare(
      `INSERT INTO record_verification (term_id, student_id, verified_at, verified_by)
       VALUES (?, ?, '2026-09-01T08:00:00.000+08:00', 'wangli')`,
    )
    .run(termId, studentId);

describe('migration 0013 record verification', () => {
  it('VER-1 keeps one confirmation per student and term, with who and when', () => {
    const db = withStudent();
    verify(db, 1, 1);
    verify(db, 2, 1);
    expect(() => verify(db, 1, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT term_id, verified_by FROM record_verification ORDER BY term_id').all()).toEqual([
      { term_id: 1, verified_by: 'wangli' },
      { term_id: 2, verified_by: 'wangli' },
    ]);
  });

  it('refers to a real term and a real student', () => {
    const db = withStudent();
    expect(() => verify(db, 9, 1)).toThrow(/FOREIGN KEY/);
    expect(() => verify(db, 1, 9)).toThrow(/FOREIGN KEY/);
  });
});
