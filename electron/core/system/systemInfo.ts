/** 系统信息: the facts support staff ask for first, gathered without touching student data. */
import { platform, release } from 'node:os';
import type { AuditLogInfo, SystemInfo } from '../../../shared/system';
import { auditHead } from '../audit/auditLog';
import { sqliteLibraryVersion } from '../db/database';
import { latestVersion, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { Database } from '../db/database';
import { type DataPaths, databaseFileInfo, installationState, keyringInfo } from '../storage';

export interface RuntimeFacts {
  readonly appVersion: string;
  /** `process.versions.electron` / `.chrome` in the app; null elsewhere. */
  readonly electron: string | null;
  readonly chrome: string | null;
  readonly nativeBinding?: string;
}

/** `db` is the unlocked database, or null: then what needs the key is reported as unknown. */
export function systemInfo(paths: DataPaths, runtime: RuntimeFacts, db: Database | null): SystemInfo {
  const installation = db
    ? (db.prepare('SELECT created_at AS createdAt FROM installation').get() as { createdAt: string } | undefined)
    : undefined;
  return {
    versions: {
      app: runtime.appVersion,
      electron: runtime.electron,
      chrome: runtime.chrome,
      node: process.versions.node,
      sqlite: sqliteLibraryVersion(runtime.nativeBinding),
    },
    dataFolder: paths.folder,
    installation: installationState(paths),
    keyring: keyringInfo(paths),
    database: databaseFileInfo(paths),
    schemaVersion: db ? schemaVersion(db) : null,
    supportedSchemaVersion: latestVersion(migrations),
    installedAt: installation?.createdAt ?? null,
    auditLog: db ? auditLogInfo(db) : null,
    platform: `${platform()} ${release()}`,
  };
}

function auditLogInfo(db: Database): AuditLogInfo {
  const last = db
    .prepare("SELECT at, outcome FROM audit_log WHERE action = 'audit.verify' ORDER BY seq DESC LIMIT 1")
    .get() as { at: string; outcome: string } | undefined;
  return {
    rows: auditHead(db).seq,
    lastVerifiedAt: last?.at ?? null,
    lastVerificationOk: last ? last.outcome === 'success' : null,
  };
}
