/**
 * 备份与恢复 (DESIGN.md §3): the automatic backup at the day's first login,
 * kept in `<data>/backups/` (the newest 30), a backup on demand there or in
 * a folder the clerk chose, the check of a backup folder, and the restore
 * that replaces the current data only once the restored copy is proven
 * good. Every backup, check and restore is in the access log, refusals
 * and failures included.
 *
 * Restore and the access log: the current log records the restore just
 * before its database moves to `replaced-<time>/`; the restored database
 * gets its own 'backup.restore' event (appended to the staged copy before
 * the swap, with the head of the log it replaced), so each log tells where
 * the other went. The keyring comes back with the backup: accounts and
 * passwords are those of the backup's time, which the check says first.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import {
  type BackupCheck,
  type BackupInfo,
  type BackupOverview,
  type BackupTrigger,
  backupsToRotate,
  hasBackupOfDay,
  keptAutomaticBackups,
  parseBackupFolderName,
} from '../../../shared/exchange/backups';
import type { AuditOutcome } from '../../../shared/audit';
import { isoWithOffset } from '../../../shared/time';
import { writeAnchor } from '../audit/anchor';
import { type AuditEntry, type AuditHead, appendAudit, auditHead } from '../audit/auditLog';
import { listAccountRows } from '../auth/accountStore';
import type { Session, Sessions } from '../auth/session';
import { AppError, fileSystemError } from '../errors';
import type { Logger } from '../log';
import { type DataPaths, openDatabase } from '../storage';
import { type BackupManifest, backupInfo, readManifest } from './backupManifest';
import { type CurrentInstallation, identityProblem, inspectBackup } from './backupInspection';
import { replacedFolder, stageAndCheck, swapIn } from './backupRestore';
import { writeBackup } from './backupWriter';

export interface BackupServiceContext {
  readonly paths: DataPaths;
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly appVersion: string;
  readonly nativeBinding: string | undefined;
  /** Whether the day's first login makes a backup (the app: yes; tests that count log rows leave it off). */
  readonly daily: boolean;
}

type BackupEvent = Omit<AuditEntry, 'userName' | 'role'>;

export function createBackupService(context: BackupServiceContext) {
  const { paths, sessions, now, logger } = context;
  const store = join(paths.folder, 'backups');

  /** Audits an event that must not turn a clear failure into another one (a full disk refuses both). */
  function auditQuietly(entry: BackupEvent): void {
    try {
      sessions.require().storage.db.transaction(() => sessions.audit(entry))();
    } catch (error) {
      logger.error('backup.audit.failed', error, { action: entry.action });
    }
  }

  /** Names of the complete backups in the automatic store. */
  function storeNames(): string[] {
    const isFolder = statSync(store, { throwIfNoEntry: false })?.isDirectory() ?? false;
    return isFolder ? readdirSync(store).filter((name) => parseBackupFolderName(name)) : [];
  }

  function listBackups(): BackupOverview {
    sessions.require();
    const backups = storeNames()
      .sort((a, b) => parseBackupFolderName(b)!.sortKey.localeCompare(parseBackupFolderName(a)!.sortKey))
      .flatMap((name) => {
        const reading = readManifest(join(store, name));
        return reading.manifest ? [backupInfo(join(store, name), reading.manifest)] : [];
      });
    return { folder: store, kept: keptAutomaticBackups, backups };
  }

  function create(folder: string | null, trigger: BackupTrigger, at: Date): BackupInfo {
    const session = sessions.require();
    const parent = folder === null ? store : chosenFolder(folder);
    let written: ReturnType<typeof writeBackup>;
    try {
      mkdirSync(parent, { recursive: true });
      written = writeBackup({
        storage: session.storage,
        parent,
        where: folder === null ? '数据文件夹' : `所选文件夹（${parent}）`,
        trigger,
        createdBy: session.actor.userName,
        at,
        appVersion: context.appVersion,
        nativeBinding: context.nativeBinding,
        link: parent === store,
      });
    } catch (caught) {
      const error = fileSystemError(caught, '备份文件夹') ?? caught;
      logger.error('backup.create.failed', error, { trigger, folder: parent });
      const reason = error instanceof AppError ? error.userMessage : '程序内部出错';
      auditQuietly({ at, action: 'backup.create', outcome: 'failure', details: { trigger, folder: parent, reason } });
      throw error;
    }
    const info = backupInfo(written.folder, written.manifest);
    const rotated = parent === store ? rotate(info.name) : [];
    session.storage.db.transaction(() =>
      sessions.audit({
        at,
        action: 'backup.create',
        objectType: 'backup',
        objectId: info.name,
        outcome: 'success',
        details: {
          trigger,
          folder: parent,
          sizeBytes: info.sizeBytes,
          files: written.manifest.files.length,
          students: info.students,
          auditRows: info.auditRows,
          auditHeadHash: written.manifest.audit.headHash,
          rotated,
        },
      }),
    )();
    logger.info('backup.created', { name: info.name, folder: parent, trigger, rotated });
    return info;
  }

  /** Removes automatic backups beyond the kept number, and partial ones an interrupted backup left. */
  function rotate(justMade: string): string[] {
    const doomed = backupsToRotate(storeNames(), justMade);
    const partials = readdirSync(store).filter(
      (name) => name.endsWith('.partial') && parseBackupFolderName(name.slice(0, -'.partial'.length)),
    );
    for (const name of [...doomed, ...partials]) {
      try {
        rmSync(join(store, name), { recursive: true, force: true });
      } catch (error) {
        logger.error('backup.rotate.failed', error, { name });
      }
    }
    return doomed;
  }

  /** The day's first login: a backup unless one was made today already. Never throws: the login goes on. */
  function afterLogin(at: Date): void {
    if (!context.daily) return;
    try {
      if (!hasBackupOfDay(storeNames(), at)) create(null, 'login', at);
    } catch (error) {
      logger.error('backup.daily.failed', error);
    }
  }

  function currentInstallation(session: Session): CurrentInstallation {
    const { db, dataKey, keyring } = session.storage;
    return {
      dataKey,
      installationId: keyring.installationId,
      school: db.prepare('SELECT name, code FROM school').get() as CurrentInstallation['school'],
      accounts: listAccountRows(db),
      userName: session.actor.userName,
      nativeBinding: context.nativeBinding,
    };
  }

  function checkBackup(folder: string): BackupCheck {
    const session = sessions.require();
    const source = chosenFolder(folder);
    const at = now();
    const inspection = inspectBackup(source, currentInstallation(session));
    const check: BackupCheck = {
      folder: source,
      backup: inspection.manifest && backupInfo(source, inspection.manifest),
      ok: inspection.problems.length === 0,
      problems: inspection.problems,
      notes: inspection.notes,
      currentStudents: session.storage.db.prepare('SELECT count(*) FROM student').pluck().get() as number,
      checkedAt: isoWithOffset(at),
    };
    auditQuietly({
      at,
      action: 'backup.check',
      objectType: 'backup',
      objectId: basename(source),
      outcome: check.ok ? 'success' : 'failure',
      details: { folder: source, createdAt: check.backup?.createdAt ?? null, problems: check.problems },
    });
    return check;
  }

  function restoreBackup(folder: string): void {
    const session = sessions.require();
    const source = chosenFolder(folder);
    const at = now();
    const current = currentInstallation(session);
    const event = restoreEvents(source, at);
    const refuse = (problems: readonly string[]): never => {
      auditQuietly(event('failure', { folder: source, problems }));
      throw new AppError(
        'RULE_VIOLATION',
        `没有恢复，当前数据没有改动。${problems.join('')}`,
        `restore refused: ${problems.join(' | ')}`,
      );
    };
    const reading = readManifest(source);
    if (!reading.manifest) return refuse([reading.problem]);
    const identity = identityProblem(reading.manifest, current);
    if (identity) return refuse([identity]); // before copying a whole backup that cannot be used

    const replaced = replacedFolder(paths, at);
    const details = {
      folder: source,
      createdAt: reading.manifest.createdAt,
      createdBy: reading.manifest.createdBy,
      students: reading.manifest.counts.students,
      replacedFolder: basename(replaced),
    };
    const staged = stageAndProve(session, source, reading.manifest, current, event, details);
    if ('problems' in staged) return refuse(staged.problems);

    auditQuietly(event('success', details));
    const { userName, role } = session.actor;
    sessions.close(); // the database must be closed before its file moves
    try {
      swapIn(paths, staged.folder, replaced, () =>
        writeAnchor(paths.auditAnchor, current.dataKey, current.installationId, staged.head),
      );
    } catch (error) {
      rmSync(staged.folder, { recursive: true, force: true });
      logger.error('backup.restore.swap-failed', error, { folder: source });
      const reason = '替换数据文件时出错，当前数据已放回原处';
      recordAfterClose({ ...event('failure', { folder: source, reason }), userName, role }, current);
      throw new AppError(
        error instanceof AppError ? error.code : 'INTERNAL',
        '恢复没有完成：替换数据文件时出错，当前数据已放回原处，没有改动。请重新登录后再试；如果问题依旧，请联系技术支持。',
        `restore swap failed: ${String((error as Error).message)}`,
        { cause: error },
      );
    }
    logger.info('backup.restored', { folder: source, replaced });
  }

  /**
   * Copies the backup into a staging folder of the data folder and checks
   * the copy; a good one gets the restore event in its own log (its head
   * is returned for the anchor). Problems leave nothing behind.
   */
  function stageAndProve(
    session: Session,
    source: string,
    manifest: BackupManifest,
    current: CurrentInstallation,
    event: RestoreEvents,
    details: Readonly<Record<string, unknown>>,
  ): { folder: string; head: AuditHead } | { problems: readonly string[] } {
    const replacedHead = auditHead(session.storage.db);
    const restored = { ...details, replacedAuditHead: { rows: replacedHead.seq, hash: replacedHead.hash } };
    const { userName, role } = session.actor;
    try {
      return stageAndCheck(paths, source, manifest, current, now(), () => ({
        ...event('success', restored),
        userName,
        role,
      }));
    } catch (error) {
      logger.error('backup.restore.failed', error, { folder: source });
      const reason = error instanceof AppError ? error.userMessage : '程序内部出错';
      auditQuietly(event('failure', { folder: source, reason }));
      throw error;
    }
  }

  /** Logs into the current database after the session ended (a swap that was undone). */
  function recordAfterClose(entry: AuditEntry, current: CurrentInstallation): void {
    try {
      const db = openDatabase(paths.database, current.dataKey, { nativeBinding: context.nativeBinding });
      try {
        db.transaction(() => appendAudit(db, entry))();
        writeAnchor(paths.auditAnchor, current.dataKey, current.installationId, auditHead(db));
      } finally {
        db.close();
      }
    } catch (error) {
      logger.error('backup.restore.audit-failed', error);
    }
  }

  return {
    listBackups,
    backupNow: (folder: string | null): BackupInfo => create(folder, 'manual', now()),
    checkBackup,
    restoreBackup,
    afterLogin,
  };
}

type RestoreEvents = (outcome: AuditOutcome, details: Readonly<Record<string, unknown>>) => BackupEvent;

/** The access-log events of one restore, all about the same backup folder. */
function restoreEvents(source: string, at: Date): RestoreEvents {
  return (outcome, details) => ({
    at,
    action: 'backup.restore',
    objectType: 'backup',
    objectId: basename(source),
    outcome,
    details,
  });
}

/** A folder the renderer got from `chooseFolder`: it must be an absolute path to an existing folder. */
function chosenFolder(path: string): string {
  // A NUL byte cannot be in a real path; the file system calls would throw on it.
  if (!isAbsolute(path) || path.includes('\0') || !statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError(
      'RULE_VIOLATION',
      `所选位置不可用：“${path}”不存在或不是文件夹（U 盘可能已拔出）。请重新选择文件夹。`,
      `not an existing absolute folder: ${path}`,
    );
  }
  return resolve(path);
}
