/**
 * Backups (备份与恢复, DESIGN.md §3): what a backup is called, what the
 * screens are told about one, and which automatic backups rotation removes.
 *
 * A backup is a folder `学籍备份_<学校标识码>_<YYYYMMDD-HHmmss>/` holding the
 * encrypted database, `keyring.json`, `attachments/`, `fonts/` (when a
 * fallback font was added) and `backup.json`, the manifest that names every
 * file with its SHA-256. Automatic backups live in the data folder's
 * `backups/`; a manual one goes to a folder the clerk chooses.
 */

/** Automatic backups kept in the data folder; the oldest beyond this are removed after each new one. */
export const keptAutomaticBackups = 30;

/** What started a backup: the day's first login, or the clerk's button. */
export type BackupTrigger = 'login' | 'manual';

export const backupTriggerLabels: Readonly<Record<BackupTrigger, string>> = {
  login: '每日自动',
  manual: '手动',
};

/** One backup as its manifest describes it (not yet checked against its files). */
export interface BackupInfo {
  /** The folder's name, e.g. 学籍备份_1114000001_20260901-080000. */
  readonly name: string;
  /** Absolute path of the backup folder. */
  readonly folder: string;
  readonly trigger: BackupTrigger;
  /** ISO 8601 with offset. */
  readonly createdAt: string;
  /** User name of the account that made it. */
  readonly createdBy: string;
  readonly schoolName: string;
  /** 学校标识码. */
  readonly schoolCode: string;
  readonly appVersion: string;
  /** The database's schema version (PRAGMA user_version). */
  readonly schemaVersion: number;
  readonly students: number;
  /** Rows of the access log in the backup. */
  readonly auditRows: number;
  /** Total bytes of the files the manifest lists. */
  readonly sizeBytes: number;
}

/** 备份与恢复 page: the automatic backups in the data folder, newest first. */
export interface BackupOverview {
  /** Absolute path of the data folder's `backups/`. */
  readonly folder: string;
  /** How many automatic backups are kept. */
  readonly kept: number;
  readonly backups: readonly BackupInfo[];
}

/** The verdict on a backup folder before a restore: what it is, and why it may not be restored. */
export interface BackupCheck {
  /** Absolute path of the folder checked. */
  readonly folder: string;
  /** Null when the folder holds no readable manifest. */
  readonly backup: BackupInfo | null;
  /** True when nothing is wrong: restoring it is allowed. */
  readonly ok: boolean;
  /** Chinese, one sentence each; empty when ok. */
  readonly problems: readonly string[];
  /** Chinese: what a restore would change besides the data (passwords, accounts); shown before confirming. */
  readonly notes: readonly string[];
  /** Students in the current data, to compare with the backup's. */
  readonly currentStudents: number;
  readonly checkedAt: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local time as `YYYYMMDD-HHmmss`: folder names sort by time. */
export function backupStamp(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** `学籍备份_<学校标识码>_<YYYYMMDD-HHmmss>`, with `_2`, `_3` … when that second is taken. */
export function backupFolderName(schoolCode: string, date: Date, attempt = 1): string {
  return `学籍备份_${schoolCode}_${backupStamp(date)}${attempt > 1 ? `_${attempt}` : ''}`;
}

const namePattern = /^学籍备份_(\d{10})_(\d{8})-(\d{6})(?:_(\d+))?$/;

/** The parts of a backup folder's name, or null for any other name (`.partial` folders included). */
export function parseBackupFolderName(
  name: string,
): { readonly schoolCode: string; readonly day: string; readonly sortKey: string } | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [, schoolCode, day, time, attempt] = match;
  return { schoolCode: schoolCode!, day: day!, sortKey: `${day}${time}${(attempt ?? '1').padStart(4, '0')}` };
}

/** Whether one of these folder names is a backup made on the local day of `date`. */
export function hasBackupOfDay(names: readonly string[], date: Date): boolean {
  const day = backupStamp(date).slice(0, 8);
  return names.some((name) => parseBackupFolderName(name)?.day === day);
}

/**
 * The automatic backups rotation removes: all but the newest `kept` by the
 * time in their names, never the one just made (a clock set back would
 * otherwise make it the oldest).
 */
export function backupsToRotate(names: readonly string[], justMade: string, kept = keptAutomaticBackups): string[] {
  const others = names
    .filter((name) => name !== justMade && parseBackupFolderName(name))
    .sort((a, b) => parseBackupFolderName(b)!.sortKey.localeCompare(parseBackupFolderName(a)!.sortKey));
  return others.slice(Math.max(kept - 1, 0));
}
