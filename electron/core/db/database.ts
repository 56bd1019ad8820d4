/**
 * Opening the encrypted SQLite database (DESIGN.md §3).
 *
 * better-sqlite3-multiple-ciphers, cipher ChaCha20-Poly1305 (every page is
 * authenticated), keyed with the raw 256-bit data key (the x'…' form skips
 * the passphrase KDF: the key is random, the keyring did the stretching).
 * WAL, foreign keys on, full fsync on commit.
 */
import { existsSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { AppError, fileSystemError } from '../errors';
import { removeQuietly } from '../files';

export type Database = Sqlite.Database;

const statements = new WeakMap<Database, Map<string, Sqlite.Statement>>();

/**
 * The connection's statement for `sql`, compiled at its first use and kept
 * with the connection: for readers called once per row of a long list (a
 * case per open case of an export), where compiling each time costs more
 * than running.
 */
export function cachedStatement(database: Database, sql: string): Sqlite.Statement {
  let cache = statements.get(database);
  if (!cache) statements.set(database, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = database.prepare(sql)));
  return statement;
}

export interface OpenOptions {
  /** Path of the Electron-ABI build of the native module; unset under plain Node. */
  readonly nativeBinding?: string;
  /** Create the file (setup only); otherwise it must exist. */
  readonly create?: boolean;
}

const restoreHint = '请从最近的备份恢复，或联系技术支持。已有文件没有被改动。';

export function openEncryptedDatabase(file: string, dataKey: Buffer, options: OpenOptions = {}): Database {
  if (!options.create) {
    checkFileLooksLikeDatabase(file);
  }
  // A failed first read can leave fresh -wal/-shm files behind (e.g. on a full
  // disk); those we created are removed, older ones may hold committed data.
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((side) => !existsSync(side));
  let db: Database | undefined;
  try {
    db = new Sqlite(file, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    // The first read proves the key: a wrong key or damaged first page reads as "not a database".
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    sideFiles.forEach(removeQuietly);
    throw sqliteError(error, file);
  }
}

/** Pragmas that write: only after the caller has checked the schema version. */
export function configureConnection(db: Database): void {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 32 MB of decrypted pages: searches over a large register stay in memory instead of decrypting again.
    db.pragma('cache_size = -32768');
  } catch (error) {
    throw sqliteError(error, db.name);
  }
}

/**
 * An empty or truncated file would open as a fresh empty database and be
 * silently "set up" again; refuse it before SQLite sees it.
 */
export function checkFileLooksLikeDatabase(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(
        'DATABASE_MISSING',
        `找不到数据库文件 xuejidesk.db。${restoreHint}`,
        `database missing: ${file}`,
      );
    }
    throw fileSystemError(error, '数据库') ?? error;
  }
  if (size === 0 || size % 512 !== 0) {
    throw unreadable(file, `size ${size} is not a whole number of pages`);
  }
}

function unreadable(file: string, detail: string, cause?: unknown): AppError {
  return new AppError(
    'DATABASE_UNREADABLE',
    `数据库无法解密或已损坏：文件可能受损，或与密钥文件不属于同一套安装。${restoreHint}`,
    `database ${file}: ${detail}`,
    { cause },
  );
}

/** Maps SQLite's result codes to what the clerk can act on. */
export function sqliteError(error: unknown, file: string): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    return fileSystemError(error, '数据库') ?? (error as Error);
  }
  const detail = `${code}: ${(error as Error).message}`;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return unreadable(file, detail, error);
  }
  // IOERR_SHMSIZE: the WAL index could not grow on disk, which in practice means a full disk.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') {
    return new AppError('DISK_FULL', '磁盘空间已满，本次操作没有保存。请清理磁盘空间后重试。', detail, {
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new AppError(
      'READ_ONLY',
      '无法写入数据库：数据文件夹是只读的或没有写入权限。请检查磁盘和文件夹权限后重试。',
      `database ${file}: ${detail}`,
      { cause: error },
    );
  }
  return error as Error;
}

/** The SQLite library version, read without any database file. */
export function sqliteLibraryVersion(nativeBinding?: string): string {
  const db = new Sqlite(':memory:', { nativeBinding });
  try {
    return db.prepare('SELECT sqlite_version() AS version').pluck().get() as string;
  } finally {
    db.close();
  }
}
