import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

const migrated = () => {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 7),
  );
  return db;
};

describe('migration 0007 enrollment plan and majors', () => {
  const insertPlan = `INSERT INTO enrollment_plan (year, places, class_size, parallel_classes, zone_codes, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, 'x', 'wangli')`;

  it('ENR-1 keeps one plan per year with positive figures and the zone as a JSON array', () => {
    const db = migrated();
    const insert = db.prepare(insertPlan);
    insert.run(2026, 180, 45, 4, '["140302"]');
    expect(() => insert.run(2026, 90, 45, 2, '[]')).toThrow(/UNIQUE/);
    expect(() => insert.run(1999, 180, 45, 4, '[]')).toThrow(/CHECK/);
    expect(() => insert.run(2027, 0, 45, 4, '[]')).toThrow(/CHECK/);
    expect(() => insert.run(2027, 180, 0, 4, '[]')).toThrow(/CHECK/);
    expect(() => insert.run(2027, 180, 45, 0, '[]')).toThrow(/CHECK/);
    expect(() => insert.run(2027, 180, 45, 4, '"140302"')).toThrow(/CHECK/);
    expect(() => insert.run(2027, 180, 45, 4, '[140302')).toThrow(/CHECK/);
    expect(db.prepare('SELECT zone_note, document_number FROM enrollment_plan').get()).toEqual({
      zone_note: '',
      document_number: '',
    });
  });

  it('VOC-1 keeps one major per code, 学制 of 1 to 6 years, active by default', () => {
    const db = migrated();
    const insert = db.prepare('INSERT INTO major (code, name, years) VALUES (?, ?, ?)');
    insert.run('710201', '计算机应用', 3);
    expect(() => insert.run('710201', '计算机网络技术', 3)).toThrow(/UNIQUE/);
    expect(() => insert.run('700206', '机电技术应用', 0)).toThrow(/CHECK/);
    expect(() => insert.run('700206', '机电技术应用', 7)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO major (code, name, years, active) VALUES ('1', 'a', 3, 2)").run()).toThrow(
      /CHECK/,
    );
    expect(db.prepare('SELECT active FROM major').pluck().get()).toBe(1);
  });
});
