import type { Migration } from '../migrate';

/**
 * Printed forms (issue 6). Every generated form gets a number
 * (学校标识码-year-sequence) and a verification code, the start of the
 * SHA-256 of the data it prints; `form_issue` keeps both with what was
 * printed, so a paper form held up by an inspector is matched to its row and
 * to the access log. `form_font` is the administrator's fallback font for
 * rare characters (at most one; the file itself lives in the data folder's
 * `fonts/`).
 */
export const forms: Migration = {
  version: 12,
  name: 'forms',
  up(db) {
    db.exec(`
      CREATE TABLE form_issue (
        form_number TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence > 0),
        form TEXT NOT NULL,
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        data_sha256 TEXT NOT NULL CHECK (length(data_sha256) = 64),
        verification_code TEXT NOT NULL,
        pages INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        UNIQUE (year, sequence)
      ) STRICT;

      CREATE TABLE form_font (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        file_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        glyph_count INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
