/**
 * Writing one backup folder (DESIGN.md §3): the database by `VACUUM INTO`
 * (a consistent snapshot, encrypted under the same key; `db.backup()`
 * refuses an encrypted source and `db.serialize()` is plaintext), the
 * keyring, the encrypted attachments and the fallback font, then
 * `backup.json`. Everything is written into `<name>.partial` and renamed
 * when complete, so a folder with the final name is always whole; a failure
 * removes the partial folder.
 *
 * Synchronous on purpose: no other call can change the database or the
 * attachments between the snapshot and the copies.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { type BackupTrigger, backupFolderName } from '../../../shared/exchange/backups';
import { isoWithOffset } from '../../../shared/time';
import { sqliteError } from '../db/database';
import { AppError } from '../errors';
import { writeFileAtomically } from '../files';
import type { OpenStorage } from '../storage';
import {
  type BackupManifest,
  databaseFile,
  type FileEntry,
  fileDigest,
  keyringFile,
  manifestFile,
  signManifest,
} from './backupManifest';
import { readSnapshotFacts } from './snapshotDatabase';

export interface BackupRequest {
  readonly storage: OpenStorage;
  /** An existing folder the backup folder is made in. */
  readonly parent: string;
  /** How the clerk knows that folder, for messages: “所选文件夹（E:\）”, “数据文件夹”. */
  readonly where: string;
  readonly trigger: BackupTrigger;
  readonly createdBy: string;
  readonly at: Date;
  readonly appVersion: string;
  readonly nativeBinding: string | undefined;
  /**
   * Hard-link attachments and the font instead of copying them: for the
   * automatic backups on the same disk. Safe because those files are never
   * changed in place (each write replaces the file by a rename).
   */
  readonly link: boolean;
}

export interface WrittenBackup {
  readonly folder: string;
  readonly manifest: BackupManifest;
}

const attachmentName = /^[0-9a-f]{64}$/;
const fontName = /^fallback\.(?:ttf|otf)$/;

export function writeBackup(request: BackupRequest): WrittenBackup {
  const { storage, parent, at } = request;
  const schoolCode = storage.db.prepare('SELECT code FROM school').pluck().get() as string;
  const name = freeName(parent, schoolCode, at);
  const folder = join(parent, name);
  const partial = `${folder}.partial`;
  try {
    mkdirSync(partial);
    storage.db.prepare('VACUUM INTO ?').run(join(partial, databaseFile));
    copyFileSync(storage.paths.keyring, join(partial, keyringFile));
    const extras = [
      ...copyFolder(storage.paths.attachments, partial, 'attachments', attachmentName, request.link),
      ...copyFolder(storage.paths.fonts, partial, 'fonts', fontName, request.link),
    ];
    const written = [databaseFile, keyringFile, ...extras.filter((file) => !file.linked).map((file) => file.path)];
    written.forEach((path) => flush(join(partial, path)));
    const facts = readSnapshotFacts(join(partial, databaseFile), storage.dataKey, request.nativeBinding);
    const files: FileEntry[] = [databaseFile, keyringFile, ...extras.map((file) => file.path)].map((path) => ({
      path,
      ...fileDigest(join(partial, path)),
    }));
    const manifest = signManifest(storage.dataKey, {
      format: 'xuejidesk-backup',
      version: 1,
      trigger: request.trigger,
      installationId: facts.installationId,
      school: facts.school,
      createdAt: isoWithOffset(at),
      createdBy: request.createdBy,
      appVersion: request.appVersion,
      schemaVersion: facts.schemaVersion,
      audit: facts.audit,
      counts: { students: facts.students },
      files,
    });
    writeFileAtomically(join(partial, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, '备份说明文件');
    renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    try {
      rmSync(partial, { recursive: true, force: true });
    } catch {
      // A disk that refused the backup may refuse the clean-up; the name still says it is partial.
    }
    throw writeError(error, request.where, partial);
  }
}

/** The first name not taken by a backup or a partial one (two backups within one second). */
function freeName(parent: string, schoolCode: string, at: Date): string {
  for (let attempt = 1; ; attempt += 1) {
    const name = backupFolderName(schoolCode, at, attempt);
    if (!existsSync(join(parent, name)) && !existsSync(join(parent, `${name}.partial`))) return name;
  }
}

/** Copies (or links) the files of `source` whose names fit `pattern` into `<target>/<sub>/`; returns their paths. */
function copyFolder(
  source: string,
  target: string,
  sub: string,
  pattern: RegExp,
  link: boolean,
): { path: string; linked: boolean }[] {
  if (!existsSync(source)) return [];
  const names = readdirSync(source).filter((name) => pattern.test(name));
  if (names.length === 0) return [];
  mkdirSync(join(target, sub));
  return names.map((name) => {
    const from = join(source, name);
    const to = join(target, sub, name);
    if (link) {
      try {
        linkSync(from, to);
        return { path: `${sub}/${name}`, linked: true };
      } catch {
        // another disk, or a file system without hard links: copy instead
      }
    }
    copyFileSync(from, to);
    return { path: `${sub}/${name}`, linked: false };
  });
}

/** Flushes a written file to the disk, so that “complete” survives pulling out a USB stick. */
function flush(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeError(error: unknown, where: string, file: string): Error {
  const found = sqliteError(error, file);
  if (found instanceof AppError && found.code === 'READ_ONLY') {
    return new AppError(
      'READ_ONLY',
      `无法写入备份：${where}是只读的或没有写入权限（U 盘请检查写保护开关）。请换一个位置后重试；已有数据没有改动。`,
      found.message,
      { cause: error },
    );
  }
  if (found instanceof AppError && found.code === 'DISK_FULL') {
    return new AppError(
      'DISK_FULL',
      `备份没有完成：${where}空间不足。请清理空间或换一个位置后重试；没有留下不完整的备份，已有数据没有改动。`,
      found.message,
      { cause: error },
    );
  }
  return found;
}
