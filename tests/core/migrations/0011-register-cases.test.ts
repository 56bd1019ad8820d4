import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

/** A migrated database with one class, one student (id 1) and one open case (id 1) about them. */
function withCase() {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.prepare('INSERT INTO class (grade, number, capacity) VALUES (8, 1, 45)').run();
  db.prepare(
    `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, student_number, basics, created_at, created_by, updated_at)
     VALUES (1, '某', '1', '2012-01-01', '1', '140302201201010011', '', '{}', 'x', 'x', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO register_case (kind, subject, input, applied_on, due_date, due_rule, opened_at, opened_by)
     VALUES ('suspension', '某（八年级（1）班）', '{"kind":"suspension"}', '2026-09-01', '2026-09-08', 'CHG-2', 'x', 'x')`,
  ).run();
  db.prepare('INSERT INTO case_student (case_id, student_id) VALUES (1, 1)').run();
  return db;
}

describe('migration 0011 register cases', () => {
  it('a case opens pending with its input as JSON, and only the four statuses exist', () => {
    const db = withCase();
    expect(db.prepare('SELECT status, withdrawn_reason, closed_at FROM register_case').get()).toEqual({
      status: 'pending',
      withdrawn_reason: '',
      closed_at: '',
    });
    expect(() => db.prepare("UPDATE register_case SET status = 'done'").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO register_case (kind, subject, input, applied_on, opened_at, opened_by) VALUES ('death', 's', 'not json', '2026-09-01', 'x', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('OPS-3 one decision per step position, approved or rejected, on an existing case', () => {
    const db = withCase();
    const decide = db.prepare(
      `INSERT INTO case_decision (case_id, position, approver, outcome, decided_on, decided_by, opinion, document_number,
         recorded_at, recorded_by) VALUES (?, ?, 'school', ?, '2026-09-02', '李校长', '同意', '', 'x', 'wangli')`,
    );
    decide.run(1, 0, 'approved');
    expect(() => decide.run(1, 0, 'approved')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => decide.run(1, 1, 'maybe')).toThrow(/CHECK/);
    expect(() => decide.run(1, -1, 'approved')).toThrow(/CHECK/);
    expect(() => decide.run(9, 0, 'approved')).toThrow(/FOREIGN KEY/);
  });

  it('a student is on a case once; evidence points at a stored attachment; items are ordered by position', () => {
    const db = withCase();
    expect(() => db.prepare('INSERT INTO case_student (case_id, student_id) VALUES (1, 1)').run()).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
    expect(() => db.prepare('INSERT INTO case_student (case_id, student_id) VALUES (1, 2)').run()).toThrow(
      /FOREIGN KEY/,
    );
    const evidence = db.prepare(
      "INSERT INTO case_evidence (case_id, kind, sha256, file_name, added_at, added_by) VALUES (1, 'signedForm', ?, '表.pdf', 'x', 'x')",
    );
    expect(() => evidence.run('a'.repeat(64))).toThrow(/FOREIGN KEY/);
    db.prepare(
      "INSERT INTO attachment (sha256, media_type, size, created_at, created_by) VALUES (?, 'application/pdf', 10, 'x', 'x')",
    ).run('a'.repeat(64));
    evidence.run('a'.repeat(64));
    const item = db.prepare(
      "INSERT INTO case_item (case_id, position, field, before, after) VALUES (1, ?, 'name', '甲', '乙')",
    );
    item.run(0);
    expect(() => item.run(0)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('the open-case list reads the register_case_open index, by due date', () => {
    const db = withCase();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM register_case WHERE status = 'pending' ORDER BY due_date, id")
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('register_case_open');
  });

  it('one promotion per school year', () => {
    const db = withCase();
    const promote = db.prepare(
      "INSERT INTO promotion (school_year, students, classes_created, promoted_at, promoted_by) VALUES ('2027-2028', 300, 2, 'x', 'x')",
    );
    promote.run();
    expect(() => promote.run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
