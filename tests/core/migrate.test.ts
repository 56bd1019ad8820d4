import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { checkMigrationList, type Migration, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';

const table = (version: number, name: string): Migration => ({
  version,
  name,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY) STRICT`),
});

describe('the migration runner', () => {
  it('applies pending migrations in order and records the version', () => {
    const db = new Sqlite(':memory:');
    expect(migrate(db, [table(1, 'a'), table(2, 'b')])).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, [table(1, 'a'), table(2, 'b'), table(3, 'c')])).toEqual([3]);
    expect(migrate(db, [table(1, 'a'), table(2, 'b'), table(3, 'c')])).toEqual([]);
  });

  it('runs all pending migrations in one transaction: one failure undoes them all', () => {
    const db = new Sqlite(':memory:');
    const broken: Migration = { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE a (x) STRICT') };
    expect(() => migrate(db, [table(1, 'a'), broken])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
  });

  it('refuses a database newer than the build, before writing anything', () => {
    const db = new Sqlite(':memory:');
    db.pragma('user_version = 5');
    expect(() => migrate(db, [table(1, 'a')])).toThrow(
      expect.objectContaining({ code: 'DATABASE_TOO_NEW', userMessage: expect.stringContaining('版本 5') }),
    );
    expect(db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(0);
  });

  it('rejects a migration list with gaps or duplicates', () => {
    expect(() => checkMigrationList([table(1, 'a'), table(3, 'c')])).toThrow(/expected 2/);
    expect(() => checkMigrationList([table(1, 'a'), table(1, 'b')])).toThrow(/expected 2/);
  });

  it("the shipped list is numbered 1..n and each file's name matches", () => {
    expect(() => checkMigrationList(migrations)).not.toThrow();
    expect(migrations.map((m) => m.name)).toEqual([
      'installation',
      'school',
      'accounts',
      'audit-log',
      'school-profile-terms',
      'classes-students',
      'enrollment-plan-majors',
      'student-records',
      'attachments-photos',
      'student-search',
      'register-cases',
      'forms',
      'record-verification',
    ]);
  });
});
