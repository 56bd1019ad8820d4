/**
 * The data folder and its two halves: `keyring.json` and the encrypted
 * `xuejidesk.db`. Creating and opening an installation, with every failure
 * named for the clerk and nothing on disk changed by a failed attempt.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, fileSystemError } from './errors';
import { removeQuietly } from './files';
import { checkFileLooksLikeDatabase, configureConnection, type Database, openEncryptedDatabase } from './db/database';
import { migrate, refuseNewerDatabase } from './db/migrate';
import { migrations } from './db/migrations';
import {
  type Keyring,
  newDataKey,
  newKeyring,
  type ScryptCost,
  type SlotKind,
  unwrapSlot,
  withSlot,
} from './keyring/keyring';
import { readKeyring, writeKeyring } from './keyring/keyringFile';
import type { DatabaseFileInfo, InstallationState, KeyringInfo } from '../../shared/system';

export interface DataPaths {
  readonly folder: string;
  readonly keyring: string;
  readonly database: string;
  readonly logs: string;
  readonly auditAnchor: string;
  /** Encrypted attachments (photos, evidence scans), each named by its SHA-256. */
  readonly attachments: string;
  /** The administrator's fallback font for rare characters on printed forms (`fallback.ttf` or `.otf`). */
  readonly fonts: string;
}

export function dataPaths(folder: string): DataPaths {
  return {
    folder,
    keyring: join(folder, 'keyring.json'),
    database: join(folder, 'xuejidesk.db'),
    logs: join(folder, 'logs'),
    auditAnchor: join(folder, 'audit-anchor.json'),
    attachments: join(folder, 'attachments'),
    fonts: join(folder, 'fonts'),
  };
}

/** An unlocked installation: the open database and the key that opened it. */
export interface OpenStorage {
  readonly paths: DataPaths;
  readonly db: Database;
  readonly keyring: Keyring;
  /** Kept in memory while unlocked, to re-wrap slots (password changes). */
  readonly dataKey: Buffer;
}

export interface StorageOptions {
  readonly nativeBinding?: string;
  readonly now: Date;
  readonly appVersion: string;
  readonly scryptCost?: ScryptCost;
}

export interface SlotSecret {
  readonly id: string;
  readonly kind: SlotKind;
  readonly secret: string;
}

export function installationState(paths: DataPaths): InstallationState {
  const hasKeyring = existsSync(paths.keyring);
  const hasDatabase = existsSync(paths.database);
  if (!hasKeyring && !hasDatabase) return 'not-set-up';
  return hasKeyring && hasDatabase ? 'ready' : 'damaged';
}

/**
 * Creates a new installation with the given key slots. The database is
 * built under a temporary name and moved into place last, after the keyring
 * is safely written; any failure removes what this call created.
 */
export async function createStorage(
  paths: DataPaths,
  slots: readonly SlotSecret[],
  options: StorageOptions,
): Promise<OpenStorage> {
  if (installationState(paths) !== 'not-set-up') {
    throw new AppError(
      'ALREADY_SET_UP',
      '此数据文件夹中已有一套安装，不能再次初始化。',
      `data folder ${paths.folder} is not empty`,
    );
  }
  const dataKey = newDataKey();
  let keyring = newKeyring();
  for (const slot of slots) {
    keyring = await withSlot(keyring, slot, slot.secret, dataKey, { cost: options.scryptCost, now: options.now });
  }
  const building = `${paths.database}.creating`;
  const created: string[] = [];
  const folderExisted = existsSync(paths.folder);
  try {
    mkdirSync(paths.folder, { recursive: true });
    created.push(building);
    createDatabase(building, dataKey, keyring.installationId, options);
    created.push(paths.keyring);
    writeKeyring(paths.keyring, keyring);
    renameSync(building, paths.database);
  } catch (error) {
    created.forEach(removeQuietly);
    if (!folderExisted) removeQuietly(paths.folder);
    throw fileSystemError(error, '数据文件夹') ?? error;
  }
  return { paths, db: openDatabase(paths.database, dataKey, options), keyring, dataKey };
}

/** Opens an installation with one slot's secret, migrating the database to this build's schema. */
export async function openStorage(
  paths: DataPaths,
  slot: Pick<SlotSecret, 'id' | 'secret'>,
  options: StorageOptions,
): Promise<OpenStorage> {
  const keyring = readKeyring(paths.keyring);
  checkFileLooksLikeDatabase(paths.database); // before the slow key derivation
  const dataKey = await unwrapSlot(keyring, slot.id, slot.secret);
  return { paths, db: openDatabase(paths.database, dataKey, options), keyring, dataKey };
}

/** A new database file with every migration and the installation row. */
export function createDatabase(
  file: string,
  dataKey: Buffer,
  installationId: string,
  options: Pick<StorageOptions, 'nativeBinding' | 'now' | 'appVersion'>,
): void {
  removeQuietly(file);
  const db = openEncryptedDatabase(file, dataKey, { create: true, nativeBinding: options.nativeBinding });
  try {
    configureConnection(db);
    migrate(db, migrations);
    db.prepare(
      'INSERT INTO installation (singleton, installation_id, created_at, created_by_version) VALUES (1, ?, ?, ?)',
    ).run(installationId, options.now.toISOString(), options.appVersion);
  } finally {
    db.close(); // checkpoints and removes the -wal and -shm files
  }
}

/** Opens an existing database with its data key and brings it to this build's schema. */
export function openDatabase(file: string, dataKey: Buffer, options: Pick<StorageOptions, 'nativeBinding'>): Database {
  const db = openEncryptedDatabase(file, dataKey, { nativeBinding: options.nativeBinding });
  try {
    refuseNewerDatabase(db, migrations);
    configureConnection(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function keyringInfo(paths: DataPaths): KeyringInfo {
  if (!existsSync(paths.keyring)) {
    return { present: false, readable: false, slotCount: null, hasRecoverySlot: null };
  }
  try {
    const keyring = readKeyring(paths.keyring);
    return {
      present: true,
      readable: true,
      slotCount: keyring.slots.length,
      hasRecoverySlot: keyring.slots.some((slot) => slot.kind === 'recovery'),
    };
  } catch {
    return { present: true, readable: false, slotCount: null, hasRecoverySlot: null };
  }
}

const plaintextHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** What can be told about the database file without its key. */
export function databaseFileInfo(paths: DataPaths): DatabaseFileInfo {
  if (!existsSync(paths.database)) {
    return { present: false, sizeBytes: null, encrypted: null };
  }
  const header = Buffer.alloc(plaintextHeader.length);
  const fd = openSync(paths.database, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return { present: true, sizeBytes: statSync(paths.database).size, encrypted: !header.equals(plaintextHeader) };
}
