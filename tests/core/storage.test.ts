/**
 * The encrypted installation on disk: what it looks like from outside, and
 * every way opening it can fail (issue 2, item 3). Each failure gives a
 * Chinese message and leaves every file exactly as it was.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { newRecoveryCode } from '../../electron/core/keyring/keyring';
import {
  createStorage,
  dataPaths,
  type DataPaths,
  type OpenStorage,
  openStorage,
  installationState,
} from '../../electron/core/storage';
import { canMount, mountTmpfs, snapshot, tempFolder, testStorageOptions } from './fixtures';

const admin = { id: 'account:admin', kind: 'account' as const, secret: 'Correct-Horse-7' };
const opened: OpenStorage[] = [];

async function newInstallation(folder = join(tempFolder(), 'data'), recoveryCode = newRecoveryCode()) {
  const paths = dataPaths(folder);
  const storage = await createStorage(
    paths,
    [admin, { id: 'recovery', kind: 'recovery', secret: recoveryCode }],
    testStorageOptions(),
  );
  storage.db.close();
  return { paths, recoveryCode };
}

async function open(paths: DataPaths, secret = admin.secret, id = admin.id) {
  const storage = await openStorage(paths, { id, secret }, testStorageOptions());
  opened.push(storage);
  return storage;
}

/** Runs a failing open and checks the message and that no file changed. */
async function expectRefusal(paths: DataPaths, code: string, messagePart: string, attempt = () => open(paths)) {
  const before = snapshot(paths.folder);
  await expect(attempt()).rejects.toMatchObject({ code, userMessage: expect.stringContaining(messagePart) });
  expect(snapshot(paths.folder)).toEqual(before);
}

afterEach(() => {
  opened.splice(0).forEach((storage) => storage.db.open && storage.db.close());
});

describe('the database file on disk', () => {
  it('does not start with "SQLite format 3" and holds no readable text', async () => {
    const { paths } = await newInstallation();
    const bytes = readFileSync(paths.database);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('installation'))).toBe(false);
  });

  it('cannot be opened without the key, nor with another key', async () => {
    const { paths } = await newInstallation();
    const plain = new Sqlite(paths.database, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    const wrong = new Sqlite(paths.database, { fileMustExist: true });
    wrong.pragma("cipher = 'chacha20'");
    wrong.pragma(`key = "x'${'ab'.repeat(32)}'"`);
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    wrong.close();
  });

  it('opens with the password and with the recovery code, in WAL mode with foreign keys on', async () => {
    const { paths, recoveryCode } = await newInstallation();
    const byPassword = await open(paths);
    expect(byPassword.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(byPassword.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(byPassword.db.prepare('SELECT installation_id FROM installation').pluck().get()).toBe(
      byPassword.keyring.installationId,
    );
    byPassword.db.close();
    const byRecovery = await open(paths, recoveryCode, 'recovery');
    expect(byRecovery.db.prepare('SELECT count(*) FROM installation').pluck().get()).toBe(1);
  });

  it('reports the installation state without any key', async () => {
    const folder = join(tempFolder(), 'data');
    expect(installationState(dataPaths(folder))).toBe('not-set-up');
    const { paths } = await newInstallation(folder);
    expect(installationState(paths)).toBe('ready');
    rmSync(paths.keyring);
    expect(installationState(paths)).toBe('damaged');
  });

  it('refuses to set up over an existing installation', async () => {
    const { paths } = await newInstallation();
    await expectRefusal(paths, 'ALREADY_SET_UP', '已有一套安装', () =>
      createStorage(paths, [admin], testStorageOptions()),
    );
  });
});

describe('opening refuses, explains and changes nothing', () => {
  it('a wrong password', async () => {
    const { paths } = await newInstallation();
    await expectRefusal(paths, 'WRONG_SECRET', '密码不正确', () => open(paths, 'correct-horse-7'));
  });

  it('a missing keyring', async () => {
    const { paths } = await newInstallation();
    rmSync(paths.keyring);
    await expectRefusal(paths, 'KEYRING_MISSING', '找不到密钥文件');
  });

  it('a keyring edited by hand', async () => {
    const { paths } = await newInstallation();
    writeFileSync(paths.keyring, readFileSync(paths.keyring, 'utf8').replace('"version": 1', '"version": 2'));
    await expectRefusal(paths, 'KEYRING_CORRUPT', '已损坏或被改动');
  });

  it('a missing database', async () => {
    const { paths } = await newInstallation();
    rmSync(paths.database);
    await expectRefusal(paths, 'DATABASE_MISSING', '找不到数据库文件');
  });

  it('the key of another installation (keyring.json from elsewhere)', async () => {
    const { paths } = await newInstallation();
    const other = await newInstallation();
    writeFileSync(paths.keyring, readFileSync(other.paths.keyring));
    await expectRefusal(paths, 'DATABASE_UNREADABLE', '无法解密或已损坏');
  });

  it('a corrupt file: bytes overwritten in its first page', async () => {
    const { paths } = await newInstallation();
    const fd = openSync(paths.database, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 200);
    closeSync(fd);
    await expectRefusal(paths, 'DATABASE_UNREADABLE', '无法解密或已损坏');
  });

  it.each([
    ['empty', 0],
    ['truncated', 3000],
  ])('a corrupt file: %s', async (_what, size) => {
    const { paths } = await newInstallation();
    writeFileSync(paths.database, readFileSync(paths.database).subarray(0, size));
    await expectRefusal(paths, 'DATABASE_UNREADABLE', '无法解密或已损坏');
  });

  it('a database written by a newer version', async () => {
    const { paths } = await newInstallation();
    const storage = await open(paths);
    storage.db.pragma('user_version = 999');
    storage.db.close();
    await expectRefusal(paths, 'DATABASE_TOO_NEW', '更新版本');
  });

  it.skipIf(!canMount)('a read-only disk', async () => {
    const disk = mountTmpfs('4m');
    try {
      const { paths } = await newInstallation(join(disk.folder, 'data'));
      disk.readOnly();
      await expectRefusal(paths, 'READ_ONLY', '只读');
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(!canMount)('a full disk, when opening', async () => {
    const disk = mountTmpfs('4m');
    try {
      const { paths } = await newInstallation(join(disk.folder, 'data'));
      writeFileSync(join(disk.folder, 'filler'), Buffer.alloc(0));
      fillDisk(join(disk.folder, 'filler'));
      await expectRefusal(paths, 'DISK_FULL', '磁盘空间已满');
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(!canMount)('a full disk, when setting up: nothing is left behind', async () => {
    const disk = mountTmpfs('4m');
    try {
      fillDisk(join(disk.folder, 'filler'));
      const before = snapshot(disk.folder);
      const paths = dataPaths(join(disk.folder, 'data'));
      await expect(createStorage(paths, [admin], testStorageOptions())).rejects.toMatchObject({
        code: 'DISK_FULL',
        userMessage: expect.stringContaining('磁盘空间已满'),
      });
      expect(snapshot(disk.folder)).toEqual(before);
    } finally {
      disk.unmount();
    }
  });
});

/** Writes until the disk refuses, leaving a few KiB of room at most. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (;;) writeSync(fd, Buffer.alloc(4096));
  } catch {
    // ENOSPC: the disk is full now.
  } finally {
    closeSync(fd);
  }
}
