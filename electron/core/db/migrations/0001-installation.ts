import type { Migration } from '../migrate';

/**
 * The installation row: its id (the same as keyring.json's, shown on
 * 系统信息 so support staff can match a backup to its installation), when it
 * was created and by which version.
 */
export const installation: Migration = {
  version: 1,
  name: 'installation',
  up(db) {
    db.exec(`
      CREATE TABLE installation (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        installation_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by_version TEXT NOT NULL
      ) STRICT;
    `);
  },
};
