/**
 * The process killed during a backup into the data folder's automatic
 * store: a child makes the backup and is killed (SIGKILL) at a seeded
 * random moment of it, 20 times. Each time the live data is untouched (it
 * opens, passes the integrity check and the chain, every student as
 * before), and the store holds no backup that looks complete but is not:
 * a folder with a backup's final name passes the same check a restore
 * makes; an interrupted one is only ever a `.partial` folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseBackupFolderName } from '../../shared/exchange/backups';
import { listAccountRows } from '../../electron/core/auth/accountStore';
import { inspectBackup } from '../../electron/core/backup/backupInspection';
import type { Database } from '../../electron/core/db/database';
import type { OpenStorage } from '../../electron/core/storage';
import { killAtRandomMoments, leftBehind, reliabilitySeed } from './killHarness';
import { importedSchool } from './schools';

const day = '2026-10-12';
const runs = 20;

let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-backup-crash-'));
  const t = await importedSchool(day, 800);
  template = t.paths.folder;
  await t.call('logout');
  t.core.close();
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The live students, and what the automatic store holds: complete backups with their check's problems, partial ones. */
function backupState(db: Database, storage: OpenStorage) {
  const students = db.prepare('SELECT * FROM student ORDER BY id').raw().all();
  const store = join(storage.paths.folder, 'backups');
  const names = existsSync(store) ? readdirSync(store) : [];
  const current = {
    dataKey: storage.dataKey,
    installationId: storage.keyring.installationId,
    school: db.prepare('SELECT name, code FROM school').get() as { name: string; code: string },
    accounts: listAccountRows(db),
    userName: 'wangli',
    nativeBinding: undefined,
  };
  return {
    students: createHash('sha256').update(JSON.stringify(students)).digest('hex'),
    complete: names
      .filter((name) => parseBackupFolderName(name))
      .map((name) => ({ name, problems: inspectBackup(join(store, name), current).problems })),
    partial: names.filter((name) => !parseBackupFolderName(name)),
    events: db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.create' AND outcome = 'success'")
      .pluck()
      .get() as number,
  };
}

it(`the process killed at a random moment of a backup, ${runs} times: no backup looks complete unless it is, the data untouched`, async () => {
  const before = (await leftBehind(template, backupState)).facts;
  const { calibration, killed } = await killAtRandomMoments({
    operation: 'backup',
    template,
    root,
    clock: `${day}T08:00:00+08:00`,
    runs,
    seed: reliabilitySeed('backup kills'),
  });
  const after = (await leftBehind(calibration.folder, backupState)).facts;
  expect(before).toMatchObject({ complete: [], partial: [], events: 0 });
  expect(after).toMatchObject({ students: before.students, complete: [{ problems: [] }], partial: [], events: 1 });
  for (const run of killed) {
    const found = await leftBehind(run.folder, backupState);
    expect(found.integrity).toBe('ok');
    expect(found.chainBroken).toBeNull();
    expect(found.facts.students).toBe(before.students);
    expect(found.facts.complete.length).toBeLessThanOrEqual(1);
    for (const backup of found.facts.complete) expect(backup.problems).toEqual([]);
    for (const name of found.facts.partial) expect(name).toMatch(/^学籍备份_\d+_\d{8}-\d{6}\.partial$/);
    // The event follows the backup: logged means made.
    expect(found.facts.events).toBeLessThanOrEqual(found.facts.complete.length);
    if (run.finished) expect(found.facts).toMatchObject({ complete: [{ problems: [] }], events: 1 });
  }
  console.log(
    `[reliability] backup: ${killed.length} kills, ${killed.filter((run) => !run.finished).length} before the end`,
  );
  expect(killed.filter((run) => !run.finished).length).toBeGreaterThan(runs / 2);
}, 240_000);
