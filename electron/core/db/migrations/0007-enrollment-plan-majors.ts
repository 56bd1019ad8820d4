import type { Migration } from '../migrate';

/**
 * The county bureau's enrollment plan per year (ENR-1) and the majors of a
 * vocational school (中职专业). A plan's zone is a JSON array of GB/T 2260
 * county codes.
 */
export const enrollmentPlanMajors: Migration = {
  version: 7,
  name: 'enrollment-plan-majors',
  up(db) {
    db.exec(`
      CREATE TABLE enrollment_plan (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        places INTEGER NOT NULL CHECK (places >= 1),
        class_size INTEGER NOT NULL CHECK (class_size >= 1),
        parallel_classes INTEGER NOT NULL CHECK (parallel_classes >= 1),
        zone_codes TEXT NOT NULL CHECK (json_valid(zone_codes) AND json_type(zone_codes) = 'array'),
        zone_note TEXT NOT NULL DEFAULT '',
        document_number TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE major (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 6),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
    `);
  },
};
