import type { Migration } from '../migrate';

/** The rest of the school profile (SCH-1, VOC-1) and the school years and semesters (SCH-2). */
export const schoolProfileTerms: Migration = {
  version: 5,
  name: 'school-profile-terms',
  up(db) {
    db.exec(`
      ALTER TABLE school ADD COLUMN type TEXT;
      ALTER TABLE school ADD COLUMN ownership TEXT;
      ALTER TABLE school ADD COLUMN provincial_model INTEGER NOT NULL DEFAULT 0 CHECK (provincial_model IN (0, 1));
      ALTER TABLE school ADD COLUMN enrollment_zone TEXT NOT NULL DEFAULT '';
      ALTER TABLE school ADD COLUMN register_office TEXT NOT NULL DEFAULT '';
      ALTER TABLE school ADD COLUMN register_officer TEXT NOT NULL DEFAULT '';
      ALTER TABLE school ADD COLUMN officer_phone TEXT NOT NULL DEFAULT '';

      CREATE TABLE term (
        id INTEGER PRIMARY KEY,
        school_year TEXT NOT NULL,
        semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date > start_date),
        UNIQUE (school_year, semester)
      ) STRICT;
    `);
  },
};
