/**
 * The process killed during 升级 (year-end promotion): a child runs the
 * whole school's promotion and is killed (SIGKILL) at a seeded random
 * moment of it, 20 times. Each time the database opens, passes SQLite's
 * integrity check and the access log's chain, and is exactly the school
 * before the promotion or exactly the school after it: every student in
 * the old class or every student in the new one, the promotion recorded
 * once with its event, or not at all.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/database';
import { killAtRandomMoments, leftBehind, reliabilitySeed } from './killHarness';
import { importedSchool } from './schools';

const day = '2027-07-15';
const runs = 20;

let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-promotion-crash-'));
  const t = await importedSchool(day, 1200, true);
  template = t.paths.folder;
  await t.call('logout');
  t.core.close();
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Where every student is, the history rows and the promotion's records, as one comparable value. */
function schoolState(db: Database) {
  const rows = db.prepare('SELECT id, class_id, status, updated_at FROM student ORDER BY id').raw().all();
  return {
    placement: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
    classes: db.prepare('SELECT count(*) FROM class').pluck().get() as number,
    history: db.prepare('SELECT count(*) FROM student_history').pluck().get() as number,
    promotions: db.prepare('SELECT count(*) FROM promotion').pluck().get() as number,
    events: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'school.promotion'").pluck().get() as number,
  };
}

it(`the process killed at a random moment of 升级, ${runs} times: the school is wholly before or wholly after it`, async () => {
  const before = (await leftBehind(template, schoolState)).facts;
  const { calibration, killed } = await killAtRandomMoments({
    operation: 'promotion',
    template,
    root,
    clock: `${day}T08:00:00+08:00`,
    runs,
    seed: reliabilitySeed('promotion kills'),
  });
  const after = (await leftBehind(calibration.folder, schoolState)).facts;
  expect(before).toMatchObject({ promotions: 0, events: 0 });
  expect(after).toMatchObject({ promotions: 1, events: 1 });
  expect(after.placement).not.toBe(before.placement);
  for (const run of killed) {
    const found = await leftBehind(run.folder, schoolState);
    expect(found.integrity).toBe('ok');
    expect(found.chainBroken).toBeNull();
    expect([before, after]).toContainEqual(found.facts);
    if (run.finished) expect(found.facts).toEqual(after);
  }
  console.log(
    `[reliability] promotion: ${killed.length} kills, ${killed.filter((run) => !run.finished).length} before the end`,
  );
  expect(killed.filter((run) => !run.finished).length).toBeGreaterThan(runs / 2);
}, 240_000);
