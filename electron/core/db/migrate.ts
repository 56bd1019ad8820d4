/**
 * The migration runner (DESIGN.md §3): migrations are numbered from 1
 * without gaps, each a synchronous `up(db)`; all pending ones run in one
 * transaction and the schema version lives in `PRAGMA user_version`.
 * A database newer than this build is refused before anything is written.
 */
import { AppError } from '../errors';
import type { Database } from './database';
import { sqliteError } from './database';

export interface Migration {
  readonly version: number;
  /** Short English name, as in the file name `NNNN-name.ts`. */
  readonly name: string;
  up(db: Database): void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** Throws when the build's own migration list is malformed: a programming error, caught by tests. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

export function refuseNewerDatabase(db: Database, migrations: readonly Migration[]): void {
  const found = schemaVersion(db);
  const supported = latestVersion(migrations);
  if (found > supported) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `数据库来自更新版本的学籍工作台（数据结构版本 ${found}，本程序最高支持 ${supported}）。请安装最新版本后再打开，数据没有被改动。`,
      `database user_version ${found} > supported ${supported}`,
    );
  }
}

/** Brings the database to the latest version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  checkMigrationList(migrations);
  refuseNewerDatabase(db, migrations);
  const pending = migrations.filter((m) => m.version > schemaVersion(db));
  if (pending.length === 0) return [];
  try {
    db.transaction(() => {
      for (const migration of pending) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
    })();
  } catch (error) {
    throw sqliteError(error, db.name);
  }
  return pending.map((m) => m.version);
}
