import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

function migrated() {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

const issue = (db: Sqlite.Database, formNumber: string, year: number, sequence: number, sha = 'a'.repeat(64)) =>
  db
    .prepare(
      `INSERT INTO form_issue (form_number, year, sequence, form, object_type, object_id, data_sha256,
         verification_code, pages, issued_at, issued_by)
       VALUES (?, ?, ?, 'basicInfoChange', 'case', '1', ?, 'AAAA-AAAA', 1, 'x', 'wangli')`,
    )
    .run(formNumber, year, sequence, sha);

describe('migration 0012 forms', () => {
  it('a form number is issued once, and one sequence number once a year', () => {
    const db = migrated();
    issue(db, '1114000001-2026-000001', 2026, 1);
    issue(db, '1114000001-2027-000001', 2027, 1);
    expect(() => issue(db, '1114000001-2026-000001', 2026, 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    // A school code changed mid-year does not restart the year's sequence.
    expect(() => issue(db, '1114000009-2026-000001', 2026, 1)).toThrow(/UNIQUE/);
    expect(() => issue(db, '1114000001-2026-000000', 2026, 0)).toThrow(/CHECK/);
    expect(() => issue(db, '1114000001-2026-000003', 2026, 3, 'abc')).toThrow(/CHECK/);
  });

  it('holds at most one fallback font', () => {
    const db = migrated();
    const font = db.prepare(
      `INSERT INTO form_font (id, file_name, family_name, glyph_count, sha256, added_at, added_by)
       VALUES (?, 'simsunb.ttf', 'SimSun-ExtB', 42711, ?, 'x', 'wangli')`,
    );
    font.run(1, 'b'.repeat(64));
    expect(() => font.run(1, 'c'.repeat(64))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => font.run(2, 'c'.repeat(64))).toThrow(/CHECK/);
  });
});
