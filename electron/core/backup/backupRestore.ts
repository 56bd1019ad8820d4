/**
 * The file work of a restore. The current data stays in place until the
 * restored copy is proven good: the backup's files are copied into a
 * staging folder inside the data folder (same disk, so the final moves are
 * renames), checked there, then swapped in: the current files move to
 * `replaced-<time>/` (kept), the staged ones take their place. A failed
 * swap moves everything back.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupStamp } from '../../../shared/exchange/backups';
import { type AuditEntry, appendAudit, auditHead, type AuditHead } from '../audit/auditLog';
import { fileSystemError } from '../errors';
import { removeQuietly } from '../files';
import { type DataPaths, openDatabase } from '../storage';
import { type CurrentInstallation, inspectBackup } from './backupInspection';
import { type BackupManifest, databaseFile, manifestFile } from './backupManifest';

/** What makes up an installation's data in the data folder; logs and automatic backups stay where they are. */
const installationItems = [
  'xuejidesk.db',
  'xuejidesk.db-wal',
  'xuejidesk.db-shm',
  'keyring.json',
  'audit-anchor.json',
  'attachments',
  'fonts',
] as const;

const stagingPattern = /^restore-staging-\d{8}-\d{6}$/;

export function stagingFolder(paths: DataPaths, at: Date): string {
  return join(paths.folder, `restore-staging-${backupStamp(at)}`);
}

/** Staging folders an interrupted restore left behind: never in use once a new restore starts. */
export function removeStaleStaging(paths: DataPaths): void {
  for (const name of readdirSync(paths.folder)) {
    if (stagingPattern.test(name)) rmSync(join(paths.folder, name), { recursive: true, force: true });
  }
}

/** Copies `backup.json` and the files it lists (only those) into `staging`; a missing one is left for the check to name. */
export function stageBackup(source: string, staging: string, manifest: BackupManifest): void {
  try {
    mkdirSync(staging);
    copyFileSync(join(source, manifestFile), join(staging, manifestFile));
    for (const entry of manifest.files) {
      const from = join(source, ...entry.path.split('/'));
      if (!existsSync(from)) continue;
      const to = join(staging, ...entry.path.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw fileSystemError(error, '数据文件夹（恢复用的临时副本）') ?? error;
  }
}

/**
 * Opens the staged database as the app will (bringing an older schema up to
 * date), appends the restore event to its own log, and closes it. Returns
 * the log's new head for the audit anchor.
 */
export function recordInStaged(
  staging: string,
  dataKey: Buffer,
  entry: AuditEntry,
  nativeBinding: string | undefined,
): AuditHead {
  const db = openDatabase(join(staging, databaseFile), dataKey, { nativeBinding });
  try {
    db.transaction(() => appendAudit(db, entry))();
    return auditHead(db);
  } finally {
    db.close(); // checkpoints: the staged database is one file again
  }
}

/**
 * Copies the backup into a new staging folder of the data folder and checks
 * the copy with the key (inspectBackup). A good copy gets the restore event
 * `entryFor(staging)` in its own log (which may still refuse by throwing)
 * and comes back with the log's head, for the anchor. Problems, or a
 * failure, leave nothing behind.
 */
export function stageAndCheck(
  paths: DataPaths,
  source: string,
  manifest: BackupManifest,
  current: CurrentInstallation,
  at: Date,
  entryFor: (staging: string) => AuditEntry,
): { folder: string; head: AuditHead } | { problems: readonly string[] } {
  removeStaleStaging(paths);
  const staging = stagingFolder(paths, at);
  try {
    stageBackup(source, staging, manifest);
    const { problems } = inspectBackup(staging, current);
    if (problems.length > 0) {
      rmSync(staging, { recursive: true, force: true });
      return { problems };
    }
    return {
      folder: staging,
      head: recordInStaged(staging, current.dataKey, entryFor(staging), current.nativeBinding),
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function replacedFolder(paths: DataPaths, at: Date): string {
  return join(paths.folder, `replaced-${backupStamp(at)}`);
}

/**
 * Moves the current data into `replaced` and the staged data into the data
 * folder, then runs `finish` (writing the audit anchor). The database must
 * be closed. Any failure moves every file back where it was.
 */
export function swapIn(paths: DataPaths, staging: string, replaced: string, finish: () => void): void {
  const moved: [from: string, to: string][] = [];
  const move = (from: string, to: string): void => {
    renameSync(from, to);
    moved.push([from, to]);
  };
  try {
    mkdirSync(replaced);
    for (const item of installationItems) {
      if (existsSync(join(paths.folder, item))) move(join(paths.folder, item), join(replaced, item));
    }
    for (const item of installationItems) {
      if (existsSync(join(staging, item))) move(join(staging, item), join(paths.folder, item));
    }
    finish();
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
    removeQuietly(replaced); // empty again; if a move back failed, what it holds stays there

    throw fileSystemError(error, '数据文件夹') ?? error;
  }
  rmSync(staging, { recursive: true, force: true });
}
