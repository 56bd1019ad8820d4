import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

/** A migrated database with one class and one student (id 1). */
function withStudent() {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.prepare('INSERT INTO class (grade, number, capacity) VALUES (1, 1, 45)').run();
  db.prepare(
    `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, student_number, basics, created_at, created_by, updated_at)
     VALUES (1, '某', '1', '2019-01-01', '1', '140302201901010011', '', '{}', 'x', 'x', 'x')`,
  ).run();
  return db;
}

describe('migration 0008 student records', () => {
  it('rewards and punishments: known kinds only, tied to a student, not revoked unless said', () => {
    const db = withStudent();
    const insert = db.prepare(
      `INSERT INTO reward_punishment (student_id, kind, date, title, level, issuer, reason, recorded_at, recorded_by)
       VALUES (?, ?, '2026-06-01', '三好学生', '5', '学校', '优秀', 'x', 'x')`,
    );
    insert.run(1, 'reward');
    expect(db.prepare('SELECT revoked_on FROM reward_punishment').pluck().get()).toBe('');
    expect(() => insert.run(1, 'praise')).toThrow(/CHECK/);
    expect(() => insert.run(99, 'reward')).toThrow(/FOREIGN KEY/);
  });

  it('study history: one line per position, positions from 0, tied to a student', () => {
    const db = withStudent();
    const insert = db.prepare(
      `INSERT INTO study_history (student_id, position, from_month, to_month, school, role, witness)
       VALUES (?, ?, '201909', '', '实验小学', '', '王芳')`,
    );
    insert.run(1, 0);
    expect(() => insert.run(1, 0)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, -1)).toThrow(/CHECK/);
    expect(() => insert.run(99, 1)).toThrow(/FOREIGN KEY/);
  });

  it('one graduation comment per student', () => {
    const db = withStudent();
    const insert = db.prepare(
      "INSERT INTO graduation_comment (student_id, text, author, date, updated_at, updated_by) VALUES (?, '评语', '赵老师', '2026-06-10', 'x', 'x')",
    );
    insert.run(1);
    expect(() => insert.run(1)).toThrow(/UNIQUE/);
    expect(() => insert.run(99)).toThrow(/FOREIGN KEY/);
  });

  it('archive checklist: one row per item, present is 0 or 1, tied to a student', () => {
    const db = withStudent();
    const insert = db.prepare(
      "INSERT INTO archive_item (student_id, item, present, checked_at, checked_by) VALUES (?, ?, ?, 'x', 'x')",
    );
    insert.run(1, 'idCopy', 1);
    expect(db.prepare('SELECT note FROM archive_item').pluck().get()).toBe('');
    expect(() => insert.run(1, 'idCopy', 0)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 'householdCopy', 2)).toThrow(/CHECK/);
    expect(() => insert.run(99, 'idCopy', 1)).toThrow(/FOREIGN KEY/);
  });

  it('tables are STRICT: text where a number belongs is refused', () => {
    const db = withStudent();
    expect(() =>
      db
        .prepare(
          "INSERT INTO archive_item (student_id, item, present, checked_at, checked_by) VALUES (1, 'idCopy', 'yes', 'x', 'x')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
