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

const hash = (char: string) => char.repeat(64);

describe('migration 0009 attachments and photos', () => {
  it('keeps one row per SHA-256 name, with a real hash length and a size', () => {
    const db = migrated();
    const insert = db.prepare(
      "INSERT INTO attachment (sha256, media_type, size, created_at, created_by) VALUES (?, 'image/jpeg', ?, 'x', 'x')",
    );
    insert.run(hash('a'), 1000);
    expect(() => insert.run(hash('a'), 1000)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('abc', 1000)).toThrow(/CHECK/);
    expect(() => insert.run(hash('b'), -1)).toThrow(/CHECK/);
  });

  it('one current photo per student, tied to an existing student and attachment', () => {
    const db = migrated();
    db.prepare('INSERT INTO class (grade, number, capacity) VALUES (1, 1, 45)').run();
    db.prepare(
      `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, student_number, basics, created_at, created_by, updated_at)
       VALUES (1, '某', '1', '2019-01-01', '1', '140302201901010011', '', '{}', 'x', 'x', 'x')`,
    ).run();
    db.prepare(
      "INSERT INTO attachment (sha256, media_type, size, created_at, created_by) VALUES (?, 'image/jpeg', 1, 'x', 'x')",
    ).run(hash('a'));
    const photo = db.prepare(
      "INSERT INTO student_photo (student_id, sha256, width, height, updated_at, updated_by) VALUES (?, ?, 358, 441, 'x', 'x')",
    );
    photo.run(1, hash('a'));
    expect(() => photo.run(1, hash('a'))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => photo.run(2, hash('a'))).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM student_photo').run();
    expect(() => photo.run(1, hash('c'))).toThrow(/FOREIGN KEY/);
  });
});
