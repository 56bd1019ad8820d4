/**
 * Storage figures (issue 2, with the login's key derivation of issue 3):
 * key derivation at the chosen scrypt cost, creating and opening an
 * encrypted database through the storage layer against raw keyed
 * better-sqlite3, and 100k inserts through the storage layer against raw
 * better-sqlite3, plain and encrypted.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import {
  defaultScryptCost,
  newDataKey,
  newKeyring,
  unwrapAnySlot,
  withSlot,
} from '../../electron/core/keyring/keyring';
import { readKeyring } from '../../electron/core/keyring/keyringFile';
import { createDatabase, createStorage, dataPaths, openDatabase, openStorage } from '../../electron/core/storage';
import { tempFolder } from '../core/fixtures';
import { admin, median, type Row, storageOptions, timed } from './benchKit';

const insertRows = 100_000;

const createBenchTable =
  'CREATE TABLE bench (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born TEXT NOT NULL, note TEXT) STRICT';

/** 100k inserts in one transaction with one prepared statement; returns rows per second. */
function insertRate(db: Sqlite.Database): number {
  db.exec(createBenchTable);
  const insert = db.prepare('INSERT INTO bench (name, born, note) VALUES (?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < insertRows; i++) insert.run(`学生${i}`, '2015-09-01', i % 3 === 0 ? null : '备注');
  })();
  return insertRows / ((performance.now() - start) / 1000);
}

function rawDatabase(file: string, encrypted: boolean): Sqlite.Database {
  const db = new Sqlite(file);
  if (encrypted) {
    db.pragma("cipher = 'chacha20'");
    db.pragma(`key = "x'${newDataKey().toString('hex')}'"`);
  }
  return db;
}

/** A new installation of the storage layer alone (keyring and database, no school). */
async function emptyStorage() {
  const paths = dataPaths(join(tempFolder(), 'data'));
  (await createStorage(paths, [admin], storageOptions)).db.close();
  return paths;
}

export async function storageFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const keyDerivation = await median(() =>
    timed(() => withSlot(newKeyring(), admin, admin.secret, newDataKey(), { now: new Date() })),
  );
  rows.push({
    figure: `key derivation, scrypt N=2^${Math.log2(defaultScryptCost.N)} r=${defaultScryptCost.r} (login)`,
    goal: '≤ 1000 ms',
    measured: keyDerivation,
    baseline: null,
    baselineName: '',
    unit: 'ms',
  });

  const createAndMigrate = await median(() =>
    timed(() => createDatabase(join(tempFolder(), 'new.db'), newDataKey(), randomUUID(), storageOptions)),
  );
  const rawCreate = await median(() =>
    timed(() => {
      const db = rawDatabase(join(tempFolder(), 'raw.db'), true);
      db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY) STRICT');
      db.close();
    }),
  );
  rows.push({
    figure: 'create encrypted database + all migrations',
    goal: '≤ 200 ms',
    measured: createAndMigrate,
    baseline: rawCreate,
    baselineName: 'raw encrypted create, one table',
    unit: 'ms',
  });

  const paths = await emptyStorage();
  const { dataKey } = await unwrapAnySlot(readKeyring(paths.keyring), admin.secret);
  const openExisting = await median(() => timed(() => openDatabase(paths.database, dataKey, {}).close()));
  const rawOpen = await median(() =>
    timed(() => {
      const db = new Sqlite(paths.database);
      db.pragma("cipher = 'chacha20'");
      db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      db.close();
    }),
  );
  rows.push({
    figure: 'open encrypted database + migration check',
    goal: '≤ 100 ms',
    measured: openExisting,
    baseline: rawOpen,
    baselineName: 'raw keyed open + first read',
    unit: 'ms',
  });

  const ours = await median(async () => {
    const storage = await openStorage(await emptyStorage(), admin, storageOptions);
    try {
      return insertRate(storage.db);
    } finally {
      storage.db.close();
    }
  });
  for (const encrypted of [false, true]) {
    const raw = await median(() => {
      const db = rawDatabase(join(tempFolder(), 'raw.db'), encrypted);
      try {
        return insertRate(db);
      } finally {
        db.close();
      }
    });
    rows.push({
      figure: `${insertRows / 1000}k inserts, one transaction, storage layer`,
      goal: '≥ 100k rows/s',
      measured: ours,
      baseline: raw,
      baselineName: `raw better-sqlite3, ${encrypted ? 'encrypted' : 'plain'}`,
      unit: 'rows/s',
    });
  }
  return rows;
}
