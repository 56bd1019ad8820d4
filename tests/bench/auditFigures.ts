/**
 * Access-log figures (issue 3): the append rate, one event per transaction,
 * on a new installation against a plain insert per transaction; and the
 * chain verification over the 50k school's 200k-row log against reading
 * the same rows without hashing.
 */
import { performance } from 'node:perf_hooks';
import { appendAudit, walkChain } from '../../electron/core/audit/auditLog';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { benchInstallation, benchSlot, median, type Row, storageOptions, timed } from './benchKit';
import { auditEvent, bigSchool } from './bigSchool';

const appends = 2_000;

async function appendFigure(): Promise<Row> {
  const storage = await openStorage(dataPaths(await benchInstallation()), benchSlot, storageOptions);
  const { db } = storage;
  try {
    const appendStart = performance.now();
    for (let i = 0; i < appends; i++) db.transaction(() => appendAudit(db, auditEvent(i)))();
    const appendRate = appends / ((performance.now() - appendStart) / 1000);
    db.exec('CREATE TABLE plain_events (id INTEGER PRIMARY KEY, at TEXT, user_name TEXT, details TEXT) STRICT');
    const plainInsert = db.prepare('INSERT INTO plain_events (at, user_name, details) VALUES (?, ?, ?)');
    const plainStart = performance.now();
    for (let i = 0; i < appends; i++) db.transaction(() => plainInsert.run(new Date().toISOString(), 'bench', '{}'))();
    const plainRate = appends / ((performance.now() - plainStart) / 1000);
    return {
      figure: 'access-log append, one event per transaction',
      goal: '≥ 500 events/s',
      measured: appendRate,
      baseline: plainRate,
      baselineName: 'plain insert per transaction',
      unit: 'rows/s',
    };
  } finally {
    db.close();
  }
}

async function verificationFigure(): Promise<Row> {
  const { folder } = await bigSchool();
  const storage = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const { db } = storage;
  try {
    const rows = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const verifyMs = await median(() => timed(() => walkChain(db)));
    const readMs = await median(() =>
      timed(() => {
        for (const _row of db.prepare('SELECT * FROM audit_log ORDER BY seq').raw().iterate());
      }),
    );
    return {
      figure: `access-log chain verification, ${rows.toLocaleString('en-US')} rows`,
      goal: '≥ 200k rows/s',
      measured: rows / (verifyMs / 1000),
      baseline: rows / (readMs / 1000),
      baselineName: 'reading the rows, no hashing',
      unit: 'rows/s',
    };
  } finally {
    db.close();
  }
}

export async function auditFigures(): Promise<Row[]> {
  return [await appendFigure(), await verificationFigure()];
}
