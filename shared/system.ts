/** Types of the 系统信息 (About / diagnostics) page and the start-up status. */
import type { SessionInfo } from './accounts';

/** Where the installation stands, shown before anyone logs in. */
export type InstallationState =
  /** Empty data folder: the setup wizard comes next. */
  | 'not-set-up'
  /** keyring.json and the database are both present. */
  | 'ready'
  /** One of the two is missing or unreadable: support staff must look. */
  | 'damaged';

export interface AppStatus {
  readonly installation: InstallationState;
  /** The open session (possibly locked), or null when nobody is logged in. */
  readonly session: SessionInfo | null;
}

export interface RuntimeVersions {
  readonly app: string;
  /** Absent when core runs outside Electron (CLI, tests, web bridge). */
  readonly electron: string | null;
  readonly chrome: string | null;
  readonly node: string;
  readonly sqlite: string;
}

/** The database as seen from outside: facts that need no key. */
export interface DatabaseFileInfo {
  readonly present: boolean;
  readonly sizeBytes: number | null;
  /** True when the file does not start with the plaintext header `SQLite format 3`. */
  readonly encrypted: boolean | null;
}

export interface KeyringInfo {
  readonly present: boolean;
  readonly readable: boolean;
  readonly slotCount: number | null;
  readonly hasRecoverySlot: boolean | null;
}

export interface SystemInfo {
  readonly versions: RuntimeVersions;
  readonly dataFolder: string;
  readonly installation: InstallationState;
  readonly keyring: KeyringInfo;
  readonly database: DatabaseFileInfo;
  /** Schema version of the database (PRAGMA user_version); null until a session unlocks it. */
  readonly schemaVersion: number | null;
  /** The newest schema version this build knows. */
  readonly supportedSchemaVersion: number;
  /** When this installation was created; null until unlocked. */
  readonly installedAt: string | null;
  /** The access log's size and its latest chain verification; null until unlocked. */
  readonly auditLog: AuditLogInfo | null;
  readonly platform: string;
}

export interface AuditLogInfo {
  readonly rows: number;
  /** The latest 访问日志 verification (screen or CLI), if any. */
  readonly lastVerifiedAt: string | null;
  readonly lastVerificationOk: boolean | null;
}
