/**
 * `npm run bench`: the performance figures of XuejiDesk, each against a
 * baseline measured in the same run on the same machine, printed as one
 * table. Later issues add their rows here. Median of several runs.
 * `npm run bench -- register` (or `changes`, `forms`, `import`, `export`) prints those rows only.
 */
import { spawnSync } from 'node:child_process';
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
import { writeAnchor } from '../../electron/core/audit/anchor';
import { appendAudit, auditHead, walkChain } from '../../electron/core/audit/auditLog';
import { createDatabase, createStorage, dataPaths, openDatabase, openStorage } from '../../electron/core/storage';
import { tempFolder } from '../core/fixtures';
import { nameInitials } from '../../shared/register/pinyin';
import { generateSchool } from '../support/schoolGenerator';
import {
  admin,
  benchCore,
  benchInstallation,
  benchSlot,
  median,
  type Row,
  runs,
  seedSchool,
  storageOptions,
  timed,
  timedSync,
} from './benchKit';
import { changesFigures } from './changesFigures';
import { formsFigures } from './formsFigures';
import { importFigures } from './importFigures';
import { exportFigures } from './exportFigures';

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

async function main(): Promise<void> {
  // `npm run bench -- register|changes|forms`: only those rows, for working on them.
  if (process.argv[2] === 'register') return print(await registerFigures());
  if (process.argv[2] === 'changes') return print(await changesFigures());
  if (process.argv[2] === 'forms') return print(await formsFigures());
  if (process.argv[2] === 'import') return print(await importFigures());
  if (process.argv[2] === 'export') return print(await exportFigures());
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

  const setUp = async () => {
    const paths = dataPaths(join(tempFolder(), 'data'));
    (await createStorage(paths, [admin], storageOptions)).db.close();
    return paths;
  };
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

  const paths = await setUp();
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
    const storage = await openStorage(await setUp(), admin, storageOptions);
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
  rows.push(...(await auditFigures()));
  rows.push(...(await registerFigures()));
  rows.push(...(await changesFigures()));
  rows.push(...(await formsFigures()));
  rows.push(...(await importFigures()));
  rows.push(...(await exportFigures()));
  print(rows);
}

const registerStudents = 50_000;

/** The register (issue 4): search p95 on a generated 50k-student school, through core and raw, and main-side memory. */
async function registerFigures(): Promise<Row[]> {
  const folder = await benchInstallation();
  const school = generateSchool({ seed: 2026, studentCount: registerStudents });
  const storage = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  seedSchool(storage.db, school);
  storage.db.close();

  // What a clerk types: part of a name, the initials of one (zsf), the start of an ID number.
  const texts = school.students
    .slice(0, 300)
    .map(({ basics }, i) => [basics.name.slice(0, 2), nameInitials(basics.name), basics.idNumber.slice(0, 12)][i % 3]!);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'registerProbe.ts'), folder, 'bench', admin.secret, JSON.stringify(texts)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  const probe = JSON.parse(child.stdout) as { times: number[]; peakRssMb: number };

  const raw = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const rawQuery = raw.db.prepare(
    `SELECT s.id, s.name, s.class_id FROM student s JOIN class c ON c.id = s.class_id
     WHERE s.name LIKE @part OR s.name_initials LIKE @start OR s.name_pinyin LIKE @start
       OR s.id_number LIKE @start OR s.student_number LIKE @start
     ORDER BY c.grade, c.number, s.name_pinyin, s.name LIMIT 50`,
  );
  const rawTimes = texts.map((text) => timedSync(() => rawQuery.all({ part: `%${text}%`, start: `${text}%` })));
  raw.db.close();
  const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;
  return [
    {
      figure: `student search p95, ${registerStudents / 1000}k students (name part, initials or ID prefix)`,
      goal: '≤ 15 ms, ≤ 3×',
      measured: p95(probe.times),
      baseline: p95(rawTimes),
      baselineName: 'raw SQL, same search',
      unit: 'ms',
    },
    {
      figure: `main-side peak RSS, ${registerStudents / 1000}k register open and searched`,
      goal: '≤ 300 MB',
      measured: probe.peakRssMb,
      baseline: null,
      baselineName: '',
      unit: 'MB',
    },
  ];
}

const auditRows = 200_000;

/** Access-log figures (issue 3): append rate, chain verification over 200k rows, login on that log. */
async function auditFigures(): Promise<Row[]> {
  const folder = await benchInstallation();
  const paths = dataPaths(folder);
  const storage = await openStorage(paths, benchSlot, storageOptions);
  const { db } = storage;
  const event = (i: number) => ({
    at: new Date(),
    userName: 'bench',
    role: 'clerk' as const,
    action: 'login' as const,
    objectType: 'student',
    objectId: `G1401022015090${String(i).padStart(5, '0')}`,
    outcome: 'success' as const,
    details: { note: '基准' },
  });
  const appends = 2_000;
  const appendStart = performance.now();
  for (let i = 0; i < appends; i++) db.transaction(() => appendAudit(db, event(i)))();
  const appendRate = appends / ((performance.now() - appendStart) / 1000);
  db.exec('CREATE TABLE plain_events (id INTEGER PRIMARY KEY, at TEXT, user_name TEXT, details TEXT) STRICT');
  const plainInsert = db.prepare('INSERT INTO plain_events (at, user_name, details) VALUES (?, ?, ?)');
  const plainStart = performance.now();
  for (let i = 0; i < appends; i++) db.transaction(() => plainInsert.run(new Date().toISOString(), 'bench', '{}'))();
  const plainRate = appends / ((performance.now() - plainStart) / 1000);
  db.transaction(() => {
    for (let i = auditHead(db).seq; i < auditRows; i++) appendAudit(db, event(i));
  })();
  writeAnchor(paths.auditAnchor, storage.dataKey, storage.keyring.installationId, auditHead(db));
  const verifyMs = await median(() => timed(() => walkChain(db)));
  const readMs = await median(() =>
    timed(() => {
      for (const _row of db.prepare('SELECT * FROM audit_log ORDER BY seq').raw().iterate());
    }),
  );
  db.close();
  const login = await median(async () => {
    const c = benchCore(folder);
    const start = performance.now();
    const result = await c.call('login', [{ userName: 'bench', password: admin.secret }]);
    const time = performance.now() - start;
    if (!result.ok) throw new Error(result.error.message);
    c.call('logout', []);
    return time;
  });
  return [
    {
      figure: 'access-log append, one event per transaction',
      goal: '≥ 500 events/s',
      measured: appendRate,
      baseline: plainRate,
      baselineName: 'plain insert per transaction',
      unit: 'rows/s',
    },
    {
      figure: `access-log chain verification, ${auditRows / 1000}k rows`,
      goal: '≥ 200k rows/s',
      measured: auditRows / (verifyMs / 1000),
      baseline: auditRows / (readMs / 1000),
      baselineName: 'reading the rows, no hashing',
      unit: 'rows/s',
    },
    {
      figure: `login: key derivation + open + chain check of ${auditRows / 1000}k rows`,
      goal: '≤ 1000 ms',
      measured: login,
      baseline: null,
      baselineName: '',
      unit: 'ms',
    },
  ];
}

function format(value: number, unit: Row['unit']): string {
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return `${Math.round(value).toLocaleString('en-US')} rows/s`;
}

function print(rows: readonly Row[]): void {
  const table = rows.map((row) => [
    row.figure,
    row.goal,
    format(row.measured, row.unit),
    row.baseline === null ? '—' : `${format(row.baseline, row.unit)} (${row.baselineName})`,
    row.baseline === null ? '—' : `${(row.measured / row.baseline).toFixed(2)}×`,
  ]);
  const header = ['figure', 'goal', 'measured', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`XuejiDesk benchmark — node ${process.versions.node}, ${runs} runs each, median`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  table.forEach((r) => console.log(line(r)));
}

void main();
