/**
 * The process killed during an import (issue 7, issue 8): a child process
 * runs core as main would and imports a template of 600 students; it is
 * killed (SIGKILL) at a seeded random moment of the import, 20 times. Each
 * time the database opens, passes SQLite's integrity check and the access
 * log's chain, and holds either none of the students and no import event,
 * or all of them and exactly one: never a part.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { setUpCore } from '../core/fixtures';
import { killAtRandomMoments, leftBehind, reliabilitySeed } from './killHarness';

const studentCount = 600;
const runs = 20;

let root: string;
let template: string;
let file: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-import-crash-'));
  const t = await setUpCore();
  template = t.paths.folder;
  const { students, classes } = templateStudents(studentCount, 5);
  for (const { grade, number } of classes)
    await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 100 });
  await t.call('logout');
  t.core.close();
  file = join(root, 'students.xlsx');
  writeFileSync(file, await xlsxBytes(templateWorkbook(students)));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const registerFacts = (folder: string) =>
  leftBehind(folder, (db) => ({
    students: db.prepare('SELECT count(*) FROM student').pluck().get() as number,
    imports: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'student.import'").pluck().get() as number,
  }));

it(`the process killed at a random moment of an import, ${runs} times: the register is always before or after it, never between`, async () => {
  const { calibration, killed } = await killAtRandomMoments({
    operation: 'import',
    template,
    root,
    clock: '2026-09-01T08:00:00+08:00',
    extra: file,
    runs,
    seed: reliabilitySeed('import kills'),
  });
  expect((await registerFacts(calibration.folder)).facts).toEqual({ students: studentCount, imports: 1 });
  for (const run of killed) {
    const found = await registerFacts(run.folder);
    expect(found.integrity).toBe('ok');
    expect(found.chainBroken).toBeNull();
    expect([
      { students: 0, imports: 0 },
      { students: studentCount, imports: 1 },
    ]).toContainEqual(found.facts);
    if (run.finished) expect(found.facts.students).toBe(studentCount);
  }
  // Most kills land while the import runs, not after it.
  expect(killed.filter((run) => !run.finished).length).toBeGreaterThan(runs / 2);
}, 120_000);
