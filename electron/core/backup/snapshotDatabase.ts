/**
 * A backup's database, opened with the current session's data key and
 * never written (`query_only`), and the facts a manifest records of it.
 */
import { auditHead } from '../audit/auditLog';
import { type Database, openEncryptedDatabase } from '../db/database';
import { schemaVersion } from '../db/migrate';

export interface SnapshotFacts {
  readonly installationId: string;
  readonly school: { readonly name: string; readonly code: string };
  readonly schemaVersion: number;
  readonly students: number;
  readonly audit: { readonly rows: number; readonly headHash: string };
}

/** Opens read-only in effect; throws core's Chinese DATABASE_UNREADABLE when the key does not open it. */
export function openSnapshot(file: string, dataKey: Buffer, nativeBinding: string | undefined): Database {
  const db = openEncryptedDatabase(file, dataKey, { nativeBinding });
  db.pragma('query_only = ON');
  return db;
}

export function snapshotFacts(db: Database): SnapshotFacts {
  const head = auditHead(db);
  return {
    installationId: db.prepare('SELECT installation_id FROM installation').pluck().get() as string,
    school: db.prepare('SELECT name, code FROM school').get() as SnapshotFacts['school'],
    schemaVersion: schemaVersion(db),
    students: db.prepare('SELECT count(*) FROM student').pluck().get() as number,
    audit: { rows: head.seq, headHash: head.hash },
  };
}

/** Opens, reads the facts, closes. */
export function readSnapshotFacts(file: string, dataKey: Buffer, nativeBinding: string | undefined): SnapshotFacts {
  const db = openSnapshot(file, dataKey, nativeBinding);
  try {
    return snapshotFacts(db);
  } finally {
    db.close();
  }
}
