import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';

describe('migration 0010 student search', () => {
  it('backfills the pinyin of every existing name, surnames read as surnames', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 9));
    db.prepare('INSERT INTO class (grade, number, capacity) VALUES (1, 1, 45)').run();
    const insert = db.prepare(
      `INSERT INTO student (class_id, name, sex, birth_date, id_type, id_number, basics, created_at, created_by, updated_at)
       VALUES (1, ?, '1', '2019-01-01', '1', ?, '{}', 'x', 'x', 'x')`,
    );
    insert.run('单田芳', '140302201901010011');
    insert.run('吕小布', '140302201901010038');
    insert.run('Anna·Li', '');

    expect(migrate(db, migrations.slice(0, 10))).toEqual([10]);
    expect(db.prepare('SELECT name, name_initials, name_pinyin FROM student ORDER BY id').all()).toEqual([
      { name: '单田芳', name_initials: 'stf', name_pinyin: 'shantianfang' },
      { name: '吕小布', name_initials: 'lxb', name_pinyin: 'lvxiaobu' },
      { name: 'Anna·Li', name_initials: 'annali', name_pinyin: 'annali' },
    ]);
  });

  it('the roll is read from one covering index, in order, without a sort', () => {
    const db = new Sqlite(':memory:');
    migrate(db, migrations);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT s.id FROM class c CROSS JOIN student s ON s.class_id = c.id
         WHERE instr(s.name, ?) > 0 OR s.name_initials GLOB ? OR s.id_number GLOB ? OR s.status = ?
         ORDER BY c.grade, c.number, s.name_pinyin, s.name`,
      )
      .all('x', 'x', 'x', 'x')
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toEqual([
      'SCAN c USING COVERING INDEX sqlite_autoindex_class_1',
      'SEARCH s USING COVERING INDEX student_list (class_id=?)',
    ]);
  });
});
