import type { Migration } from '../migrate';

/**
 * Classes and students (issue 4). A student's national basic information is
 * kept whole as validated JSON (`basics`); the fields that identify, search
 * and refuse duplicates are columns beside it, written from the same
 * object. Every later edit leaves field-level history rows.
 */
export const classesStudents: Migration = {
  version: 6,
  name: 'classes-students',
  up(db) {
    db.exec(`
      CREATE TABLE class (
        id INTEGER PRIMARY KEY,
        grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
        head_teacher TEXT NOT NULL DEFAULT '',
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100),
        UNIQUE (grade, number)
      ) STRICT;

      CREATE TABLE student (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class (id),
        status TEXT NOT NULL DEFAULT 'enrolled',
        name TEXT NOT NULL,
        sex TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL DEFAULT '',
        student_number TEXT NOT NULL DEFAULT '',
        basics TEXT NOT NULL CHECK (json_valid(basics)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- OPS-2 一人一籍: one record per identity document and per 学籍号.
      CREATE UNIQUE INDEX student_unique_id ON student (id_type, id_number) WHERE id_number <> '';
      CREATE UNIQUE INDEX student_unique_number ON student (student_number) WHERE student_number <> '';
      -- Covers every column of the list and the search, in list order: a search scans this
      -- narrow index instead of the encrypted rows with their JSON.
      CREATE INDEX student_list ON student (class_id, name, sex, birth_date, id_number, student_number, status);
      CREATE INDEX student_by_identity ON student (birth_date, sex, name);

      CREATE TABLE student_history (
        id INTEGER PRIMARY KEY,
        student_id INTEGER NOT NULL REFERENCES student (id),
        field TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX student_history_by_student ON student_history (student_id, id);
    `);
  },
};
