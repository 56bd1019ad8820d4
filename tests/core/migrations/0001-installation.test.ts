import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { installation } from '../../../electron/core/db/migrations/0001-installation';

describe('migration 0001 installation', () => {
  const fresh = () => {
    const db = new Sqlite(':memory:');
    installation.up(db);
    return db;
  };
  const insert =
    'INSERT INTO installation (singleton, installation_id, created_at, created_by_version) VALUES (?, ?, ?, ?)';

  it('holds exactly one row', () => {
    const db = fresh();
    db.prepare(insert).run(1, 'id', '2026-09-01T08:00:00+08:00', '0.1.0');
    expect(() => db.prepare(insert).run(1, 'id2', 'x', 'y')).toThrow(/UNIQUE/);
    expect(() => db.prepare(insert).run(2, 'id2', 'x', 'y')).toThrow(/CHECK/);
  });

  it('is STRICT: a number is not stored as the installation id', () => {
    const db = fresh();
    expect(() => db.prepare(insert).run(1, Buffer.from('x'), 'x', 'y')).toThrow(/cannot store BLOB/);
  });
});
