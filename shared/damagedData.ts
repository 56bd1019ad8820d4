/**
 * 数据损坏时的恢复: what the start screen shows when a file of the data
 * folder is damaged, before anyone can log in, and the request that
 * restores the newest whole automatic backup.
 */
import type { BackupInfo } from './exchange/backups';

/** The two halves of an installation (DESIGN.md §3). */
export type DamagedFile = 'keyring.json' | 'xuejidesk.db';

export interface DataDamage {
  /** Which file is damaged or missing. */
  readonly file: DamagedFile;
  /** Chinese, for the clerk: the file, what is wrong with it, and what can be done. */
  readonly message: string;
  /** The newest automatic backup in the data folder whose files are all whole; null when there is none. */
  readonly backup: BackupInfo | null;
}

export interface RestoreAtStartRequest {
  /** The backup's folder name in the data folder's `backups/` (as `DataDamage.backup.name`), never a path. */
  readonly backupName: string;
  /** An administrator of the backup; null when `secret` is the recovery code. */
  readonly userName: string | null;
  /** That administrator's password (as it was when the backup was made), or the recovery code. */
  readonly secret: string;
}
