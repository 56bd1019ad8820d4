import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

const migrated = () => {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
};

describe('migration 0002 school', () => {
  it('keeps one school whose 学校标识码 is 10 digits', () => {
    const db = migrated();
    const insert = db.prepare('INSERT INTO school (singleton, name, code, updated_at) VALUES (1, ?, ?, ?)');
    expect(() => insert.run('阳泉市第一中学', '11140000A1', 'x')).toThrow(/CHECK/);
    expect(() => insert.run('阳泉市第一中学', '111400001', 'x')).toThrow(/CHECK/);
    insert.run('阳泉市第一中学', '1114000001', 'x');
    expect(() => insert.run('另一所', '1114000002', 'x')).toThrow(/UNIQUE/);
  });
});

describe('migration 0003 accounts', () => {
  it('stores lower-case user names once, known roles only, history tied to an account', () => {
    const db = migrated();
    const insert = db.prepare(
      "INSERT INTO account (user_name, display_name, role, password_changed_at, created_at) VALUES (?, '某', ?, 'x', 'x')",
    );
    expect(() => insert.run('WangLi', 'admin')).toThrow(/CHECK/);
    expect(() => insert.run('wangli', 'root')).toThrow(/CHECK/);
    insert.run('wangli', 'admin');
    expect(() => insert.run('wangli', 'clerk')).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare("INSERT INTO password_history (account_id, changed_at, salt, hash) VALUES (99, 'x', x'00', x'00')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 0004 audit log', () => {
  it('is append-only: UPDATE and DELETE are refused by triggers', () => {
    const db = migrated();
    db.prepare(
      "INSERT INTO audit_log (seq, at, action, outcome, details, prev_hash, hash) VALUES (1, 'x', 'login', 'success', '{}', 'a', 'b')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'logout'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_log (seq, at, action, outcome, details, prev_hash, hash) VALUES (2, 'x', 'a', 'maybe', '{}', 'a', 'b')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 0005 school profile and terms', () => {
  it('adds the profile columns with defaults, and terms unique per year and semester', () => {
    const db = migrated();
    db.prepare(
      "INSERT INTO school (singleton, name, code, updated_at) VALUES (1, '阳泉一中', '1114000001', 'x')",
    ).run();
    expect(db.prepare('SELECT provincial_model, enrollment_zone FROM school').get()).toEqual({
      provincial_model: 0,
      enrollment_zone: '',
    });
    const term = db.prepare('INSERT INTO term (school_year, semester, start_date, end_date) VALUES (?, ?, ?, ?)');
    term.run('2026-2027', 1, '2026-09-01', '2027-01-20');
    expect(() => term.run('2026-2027', 1, '2026-09-02', '2027-01-20')).toThrow(/UNIQUE/);
    expect(() => term.run('2026-2027', 2, '2027-03-01', '2027-02-01')).toThrow(/CHECK/);
  });
});

describe('migration 0006 classes and students', () => {
  it('OPS-2: one record per identity document and per 学籍号; blank numbers do not collide', () => {
    const db = migrated();
    db.prepare('INSERT INTO class (grade, number, capacity) VALUES (1, 1, 45)').run();
    const insert = db.prepare(
      `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, student_number, basics, created_at, created_by, updated_at)
       VALUES (1, '某', '1', '2019-01-01', ?, ?, ?, '{}', 'x', 'x', 'x')`,
    );
    insert.run('1', '140302201901010011', '');
    expect(() => insert.run('1', '140302201901010011', '')).toThrow(/UNIQUE/);
    insert.run('Z', '', '');
    insert.run('Z', '', '');
    insert.run('1', '140302201901010038', 'L140302201901010001');
    expect(() => insert.run('1', '140302201901010046', 'L140302201901010001')).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO student_history (student_id, field, before, after, changed_at, changed_by) VALUES (99, 'a', '', '', 'x', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
