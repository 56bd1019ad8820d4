import type { Migration } from '../migrate';

/** The school (SCH-1), one per installation; set up with its name and 学校标识码, completed by the register issue. */
export const school: Migration = {
  version: 2,
  name: 'school',
  up(db) {
    db.exec(`
      CREATE TABLE school (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
        code TEXT NOT NULL CHECK (length(code) = 10 AND code NOT GLOB '*[^0-9]*'),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
