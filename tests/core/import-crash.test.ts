/**
 * The process killed during an import (issue 7): a child process runs core
 * as main would and imports a template of 600 students; the test kills it
 * (SIGKILL, no chance to clean up) at a random moment of the import, 20
 * times. Each time the database opens, passes SQLite's integrity check and
 * the access log's chain, and holds either none of the students and no
 * import event, or all of them and exactly one: never a part.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { walkChain } from '../../electron/core/audit/auditLog';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { templateStudents, templateWorkbook, xlsxBytes } from '../support/importWorkbooks';
import { adminPassword, setUpCore, testStorageOptions } from './fixtures';

const studentCount = 600;
const runs = 20;
/** Children at once: each spends most of its life starting up. */
const parallel = 4;

let root: string;
/** The data folder of the set-up installation each run copies. */
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

interface Run {
  readonly folder: string;
  /** The child finished the import before the kill. */
  readonly finished: boolean;
}

/** Starts a child on a copy of the set-up installation; resolves once it has exited. */
function importInChild(index: number, killAfter: (importStarted: number) => number | null): Promise<Run> {
  const folder = join(root, `run-${index}`);
  cpSync(template, folder, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'importCrashChild.ts'), folder, 'wangli', adminPassword, file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY') && !output.includes('DONE') && !child.killed) {
        const delay = killAfter(performance.now());
        if (delay !== null) setTimeout(() => child.kill('SIGKILL'), delay).unref();
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed: ${errors}`));
      else resolve({ folder, finished: output.includes('DONE') });
    });
  });
}

/** What the killed child left: students and import events, after SQLite's own recovery at opening. */
async function leftBehind(folder: string) {
  const storage = await openStorage(
    dataPaths(folder),
    { id: 'account:wangli', secret: adminPassword },
    testStorageOptions(),
  );
  try {
    const { db } = storage;
    return {
      students: db.prepare('SELECT count(*) FROM student').pluck().get() as number,
      imports: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'student.import'").pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }),
      chainBroken: walkChain(db).broken,
    };
  } finally {
    storage.db.close();
  }
}

it(`the process killed at a random moment of an import, ${runs} times: the register is always before or after it, never between`, async () => {
  // How long the import itself takes here, from READY to the end of the child.
  let importTime = 0;
  const calibration = await importInChild(-1, (started) => {
    importTime = started;
    return null;
  });
  importTime = performance.now() - importTime;
  expect(await leftBehind(calibration.folder)).toMatchObject({ students: studentCount, imports: 1 });

  const outcomes: Run[] = [];
  for (let batch = 0; batch < runs; batch += parallel) {
    const started = Array.from({ length: Math.min(parallel, runs - batch) }, (_, i) =>
      importInChild(batch + i, () => Math.random() * importTime),
    );
    outcomes.push(...(await Promise.all(started)));
  }
  for (const run of outcomes) {
    const found = await leftBehind(run.folder);
    expect(found.integrity).toBe('ok');
    expect(found.chainBroken).toBeNull();
    expect([
      { students: 0, imports: 0 },
      { students: studentCount, imports: 1 },
    ]).toContainEqual({ students: found.students, imports: found.imports });
    if (run.finished) expect(found.students).toBe(studentCount);
  }
  // Most kills land while the import runs, not after it.
  expect(outcomes.filter((run) => !run.finished).length).toBeGreaterThan(runs / 2);
}, 90_000);
