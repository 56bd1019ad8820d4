/**
 * 数据损坏时的恢复 (damaged data at start). Nobody can log in to an
 * installation whose keyring.json or xuejidesk.db is damaged, so the start
 * screen asks core, before any login, which file is damaged and which
 * automatic backup in the data folder is the newest whole one; and it may
 * restore that backup once the clerk proves its key with the password of
 * one of the backup's administrators or with the recovery code.
 *
 * The restore is the one of 备份与恢复 (backupRestore, backupInspection):
 * staged inside the data folder, checked with the key, recorded in the
 * restored access log, then swapped in; the damaged files are kept in
 * `replaced-<time>/`. What a damaged database hides from the file checks
 * (a page only the key can read) is found when a login or a call reads it:
 * confirmed with `quick_check`, it ends the session (nothing more is
 * written to a damaged file) and core remembers it until the restore. The
 * whole database is checked once a day, at the login that makes the day's
 * automatic backup, so no automatic backup is taken of a damaged database;
 * a check at every login would cost about half a second on a large school.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DamagedFile, DataDamage, RestoreAtStartRequest } from '../../../shared/damagedData';
import type { ApiResult } from '../../../shared/errors';
import { type BackupInfo, hasBackupOfDay, parseBackupFolderName } from '../../../shared/exchange/backups';
import { chineseDateTime } from '../../../shared/time';
import { writeAnchor } from '../audit/anchor';
import { accountSlotId, normalizeUserName } from '../auth/accountRules';
import { findAccount } from '../auth/accountStore';
import type { Sessions } from '../auth/session';
import { checkFileLooksLikeDatabase, type Database } from '../db/database';
import { AppError } from '../errors';
import { normalizeRecoveryCode, unwrapSlot } from '../keyring/keyring';
import { readKeyring } from '../keyring/keyringFile';
import type { Logger } from '../log';
import type { DataPaths } from '../storage';
import { backupInfo, databaseFile, keyringFile, readManifest } from './backupManifest';
import { fileProblems } from './backupInspection';
import { replacedFolder, stageAndCheck, swapIn } from './backupRestore';
import { openSnapshot } from './snapshotDatabase';

export interface StartupRecoveryContext {
  readonly paths: DataPaths;
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly nativeBinding: string | undefined;
  /** Whether the day's first login makes an automatic backup, and so checks the whole database first. */
  readonly daily: boolean;
}

/** Failures that mean a file of the data folder is damaged or missing, and which file. */
const damageCodes: Readonly<Record<string, DamagedFile>> = {
  KEYRING_MISSING: 'keyring.json',
  KEYRING_CORRUPT: 'keyring.json',
  DATABASE_MISSING: 'xuejidesk.db',
  DATABASE_UNREADABLE: 'xuejidesk.db',
};

const fileLabels: Readonly<Record<DamagedFile, string>> = {
  'keyring.json': '密钥文件 keyring.json',
  'xuejidesk.db': '数据库文件 xuejidesk.db',
};

interface Finding {
  readonly file: DamagedFile;
  readonly missing: boolean;
}

export function createStartupRecovery(context: StartupRecoveryContext) {
  const { paths, sessions, now, logger } = context;
  const store = join(paths.folder, 'backups');
  /** Damage only the key could see, found by a login or a call (a page of the database that does not authenticate). */
  let foundWithKey: Finding | null = null;

  /** Runs a login; a damaged file it meets is remembered and written to the technical log. */
  async function watchLogin<T>(login: () => Promise<T>): Promise<T> {
    try {
      return await login();
    } catch (error) {
      const file = error instanceof AppError ? damageCodes[error.code] : undefined;
      if (file && error instanceof AppError) {
        foundWithKey = { file, missing: error.code.endsWith('_MISSING') };
        logger.error('startup.damaged', error, { file, during: 'login' });
      }
      throw error;
    }
  }

  /**
   * A call that met an unreadable page of the open database: when
   * `quick_check` confirms the damage, it is remembered and the session
   * ends, so the start screen can offer the restore.
   */
  function afterCall(result: ApiResult<unknown>): void {
    const session = sessions.current();
    if (result.ok || result.error.code !== 'DATABASE_UNREADABLE' || !session) return;
    const verdict = quickCheck(session.storage.db);
    if (verdict !== 'ok') damagedWithKey(verdict, 'session');
  }

  /** `quick_check`'s verdict on the open database: 'ok', or the first problem. */
  function quickCheck(db: Database): string {
    try {
      return String(db.pragma('quick_check', { simple: true }));
    } catch (error) {
      return String((error as Error).message);
    }
  }

  /** Damage confirmed with the key: remembered, logged, and the session (with its open file) ends. */
  function damagedWithKey(verdict: string, during: 'login' | 'session'): void {
    foundWithKey = { file: 'xuejidesk.db', missing: false };
    logger.error('startup.damaged', new Error(`quick_check: ${verdict}`), { file: 'xuejidesk.db', during });
    sessions.close();
  }

  /** The day's first login, before its automatic backup: the whole database must pass `quick_check`. */
  function checkBeforeDailyBackup(at: Date): void {
    const session = sessions.current();
    if (!context.daily || !session || hasBackupOfDay(storeNames(), at)) return;
    const verdict = quickCheck(session.storage.db);
    if (verdict === 'ok') return;
    damagedWithKey(verdict, 'login');
    throw new AppError(
      'DATABASE_UNREADABLE',
      '数据库文件 xuejidesk.db 已损坏：每天第一次登录时的完整性检查没有通过，今天没有做自动备份。请在登录页从最近一份完好的自动备份恢复，或联系技术支持；请不要删除数据文件夹中的任何文件。',
      `daily check: quick_check: ${verdict}`,
    );
  }

  /** What the files show without a key, or what a login or a call found with it. */
  function finding(): Finding | null {
    for (const check of [() => readKeyring(paths.keyring), () => checkFileLooksLikeDatabase(paths.database)]) {
      try {
        check();
      } catch (error) {
        const file = error instanceof AppError ? damageCodes[error.code] : undefined;
        if (!file || !(error instanceof AppError)) throw error;
        logger.error('startup.damaged', error, { file, during: 'start' });
        return { file, missing: error.code.endsWith('_MISSING') };
      }
    }
    return foundWithKey;
  }

  /** Names of the complete backups in the automatic store (none when it is missing or not a folder). */
  function storeNames(): string[] {
    const isFolder = statSync(store, { throwIfNoEntry: false })?.isDirectory() ?? false;
    return isFolder ? readdirSync(store).filter((name) => parseBackupFolderName(name)) : [];
  }

  /** The newest automatic backup whose manifest reads and whose files all have their recorded size and hash. */
  function newestWholeBackup(): BackupInfo | null {
    const names = storeNames();
    names.sort((a, b) => parseBackupFolderName(b)!.sortKey.localeCompare(parseBackupFolderName(a)!.sortKey));
    for (const name of names) {
      const folder = join(store, name);
      const { manifest } = readManifest(folder);
      if (manifest && fileProblems(folder, manifest).length === 0) return backupInfo(folder, manifest);
    }
    return null;
  }

  function checkDataFiles(): DataDamage | null {
    if (sessions.current()) return null; // a session has the database open: nothing is damaged at start
    const found = finding();
    if (!found) return null;
    const backup = newestWholeBackup();
    const what = `${fileLabels[found.file]} ${found.missing ? '不见了' : '已损坏'}，学籍工作台无法打开本校数据，任何账号都不能登录。`;
    const offer = backup
      ? `可以用数据文件夹中最近一份完好的自动备份（${chineseDateTime(new Date(backup.createdAt))}，${backup.students} 名学生）恢复：备份之后录入或修改的内容需要重新录入；损坏的文件会保留在数据文件夹中，不会删除。恢复需要备份时某位管理员的密码，或本校的恢复码。`
      : '数据文件夹中没有完好的自动备份。如有 U 盘等处的备份，请联系技术支持，并准备好本校的恢复码；请不要删除数据文件夹中的任何文件。';
    return { file: found.file, message: `${what}${offer}`, backup };
  }

  async function restoreAtStart(request: RestoreAtStartRequest): Promise<void> {
    if (sessions.current()) {
      throw new AppError(
        'RULE_VIOLATION',
        '已有账号登录，数据没有损坏。恢复备份请在“备份与恢复”中操作。',
        'session open',
      );
    }
    const found = finding();
    if (!found) {
      throw new AppError(
        'RULE_VIOLATION',
        '数据文件没有发现损坏，不需要在登录前恢复。请正常登录，需要时由管理员在“备份与恢复”中恢复备份。',
        'restore at start without damage',
      );
    }
    const backup = newestWholeBackup();
    if (!backup || backup.name !== request.backupName) {
      throw new AppError(
        'RULE_VIOLATION',
        '只能恢复数据文件夹中最近一份完好的自动备份，所选备份不是这一份。请重新打开学籍工作台后再试。',
        `restore at start: ${JSON.stringify(request.backupName)} is not the newest whole backup`,
      );
    }
    const { manifest } = readManifest(backup.folder);
    const backupKeyring = readKeyring(join(backup.folder, keyringFile));
    const userName = request.userName === null ? null : normalizeUserName(request.userName);
    let dataKey: Buffer;
    try {
      dataKey = await unwrapSlot(
        backupKeyring,
        userName === null ? 'recovery' : accountSlotId(userName),
        userName === null ? normalizeRecoveryCode(request.secret) : request.secret.slice(0, 4096),
      );
    } catch (error) {
      logger.error('startup.restore.refused', error, { backup: backup.name, userName });
      if (error instanceof AppError && error.code === 'WRONG_SECRET') {
        throw new AppError(
          'WRONG_SECRET',
          userName === null
            ? '恢复码不正确。请对照恢复码保管单重新输入（不区分大小写，可省略短横线）。'
            : '用户名或密码不正确：请输入这份备份时管理员账号的密码。也可以改用恢复码。',
          `restore at start: wrong secret for ${userName ?? 'recovery'}`,
        );
      }
      throw error;
    }
    const at = now();
    const current = {
      dataKey,
      installationId: backupKeyring.installationId,
      school: manifest!.school,
      accounts: [],
      userName: userName ?? '',
      nativeBinding: context.nativeBinding,
    };
    const replaced = replacedFolder(paths, at);
    /** The checked copy, removed again when the swap fails. */
    let stagedFolder: string | null = null;
    try {
      const checked = stageAndCheck(paths, backup.folder, manifest!, current, at, (staging) => ({
        at,
        userName: userName ?? '恢复码',
        role: userName === null ? null : administratorOf(join(staging, databaseFile), dataKey, userName),
        action: 'backup.restoreAtStart',
        objectType: 'backup',
        objectId: backup.name,
        outcome: 'success',
        details: {
          damagedFile: found.file,
          missing: found.missing,
          backupCreatedAt: backup.createdAt,
          students: backup.students,
          proof: userName === null ? 'recoveryCode' : 'password',
          replacedFolder: replaced.slice(paths.folder.length + 1),
        },
      }));
      if ('problems' in checked) {
        throw new AppError(
          'RULE_VIOLATION',
          `没有恢复，数据文件夹没有改动。${checked.problems.join('')}`,
          'restore at start refused',
        );
      }
      stagedFolder = checked.folder;
      swapIn(paths, checked.folder, replaced, () =>
        writeAnchor(paths.auditAnchor, dataKey, backupKeyring.installationId, checked.head),
      );
    } catch (error) {
      if (stagedFolder) rmSync(stagedFolder, { recursive: true, force: true });
      logger.error('startup.restore.failed', error, { backup: backup.name });
      throw error;
    }
    foundWithKey = null;
    logger.info('startup.restored', { backup: backup.name, damagedFile: found.file });
  }

  /** The account must be an enabled administrator in the backup; its role goes into the log. */
  function administratorOf(file: string, dataKey: Buffer, userName: string): 'admin' {
    const db = openSnapshot(file, dataKey, context.nativeBinding);
    try {
      const account = findAccount(db, userName);
      if (account?.role === 'admin' && account.enabled) return 'admin';
    } finally {
      db.close();
    }
    throw new AppError(
      'FORBIDDEN',
      `账号 ${userName} 在这份备份中不是启用的管理员，不能恢复数据。请用管理员账号的密码，或改用恢复码。`,
      `restore at start: ${userName} is not an enabled administrator in the backup`,
    );
  }

  return { watchLogin, afterCall, checkBeforeDailyBackup, checkDataFiles, restoreAtStart };
}
