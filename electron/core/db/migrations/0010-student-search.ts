import { nameInitials, namePinyin } from '../../../../shared/register/pinyin';
import type { Migration } from '../migrate';

/**
 * Finding students by pinyin (zsf or zhangsanfeng for 张三丰): the initials and
 * the full pinyin of each name are stored beside it, written with the name,
 * and backfilled here for the records that exist.
 *
 * The list's covering index is rebuilt around the roll's order: class, then
 * name by pinyin. With the classes read in grade order, a search reads the
 * index once, in display order, without sorting, and never opens the
 * encrypted rows with their JSON; sex and birth date are in it for the
 * possible-duplicate flag (OPS-2).
 */
export const studentSearch: Migration = {
  version: 10,
  name: 'student-search',
  up(db) {
    db.exec(`
      ALTER TABLE student ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
      ALTER TABLE student ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
    `);
    const rows = db.prepare('SELECT id, name FROM student').all() as { id: number; name: string }[];
    const update = db.prepare('UPDATE student SET name_initials = ?, name_pinyin = ? WHERE id = ?');
    for (const { id, name } of rows) update.run(nameInitials(name), namePinyin(name), id);
    db.exec(`
      DROP INDEX student_list;
      CREATE INDEX student_list ON student (
        class_id, name_pinyin, name, name_initials, id_number, student_number, status, sex, birth_date
      );
    `);
  },
};
