import type { Migration } from '../migrate';

/**
 * Attachments (photos now, evidence scans with the changes issue): the file
 * lives encrypted under `attachments/`, named by the SHA-256 of its content;
 * the database keeps its type, size and hash (DESIGN.md §3). One current
 * photo per student.
 */
export const attachmentsPhotos: Migration = {
  version: 9,
  name: 'attachments-photos',
  up(db) {
    db.exec(`
      CREATE TABLE attachment (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE student_photo (
        student_id INTEGER PRIMARY KEY REFERENCES student (id),
        sha256 TEXT NOT NULL REFERENCES attachment (sha256),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
