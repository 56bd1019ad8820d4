/**
 * What every benchmark module shares: the table's row, the median of runs,
 * a fresh installation set up through core, and a generated school written
 * straight into a database with the tables' own columns.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/database';
import { createMemoryLogger } from '../../electron/core/log';
import { nameInitials, namePinyin } from '../../shared/register/pinyin';
import { isoWithOffset } from '../../shared/time';
import type { GeneratedSchool } from '../support/schoolGenerator';
import { tempFolder } from '../core/fixtures';

export interface Row {
  readonly figure: string;
  readonly goal: string;
  readonly measured: number;
  readonly baseline: number | null;
  readonly baselineName: string;
  readonly unit: 'ms' | 'rows/s' | 'MB';
}

export const runs = 5;
export const storageOptions = { now: new Date(), appVersion: 'bench' };
export const admin = { id: 'account:admin', kind: 'account' as const, secret: 'Qingshan-Lake-42' };
/** The administrator of `benchInstallation`, as `openStorage` names the slot. */
export const benchSlot = { id: 'account:bench', secret: admin.secret };

export async function median(measure: () => Promise<number> | number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

export async function timed(action: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export function timedSync(action: () => unknown): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

/** A core on `folder` as main builds it (default key-derivation cost). */
export function benchCore(folder: string): Core {
  return createCore({
    dataFolder: folder,
    appVersion: 'bench',
    electron: null,
    chrome: null,
    logger: createMemoryLogger(),
  });
}

/** A core on `folder` with the administrator 'bench' logged in. */
export async function loggedInCore(folder: string): Promise<Core> {
  const core = benchCore(folder);
  const login = await core.call('login', [{ userName: 'bench', password: admin.secret }]);
  if (!login.ok) throw new Error(login.error.message);
  return core;
}

/** A new installation set up through core, with the administrator 'bench'; returns its data folder. */
export async function benchInstallation(): Promise<string> {
  const folder = join(tempFolder(), 'data');
  const core = benchCore(folder);
  const setup = await core.call('setup', [
    {
      schoolName: '基准测试学校',
      schoolCode: '1114000001',
      adminUserName: 'bench',
      adminDisplayName: '基准',
      password: admin.secret,
    },
  ]);
  if (!setup.ok) throw new Error(setup.error.message);
  core.close();
  return folder;
}

/**
 * Writes the generated school's classes and students (all 在读) in one
 * transaction with the tables' own columns; the import (issue 7) will be the
 * real bulk path. Returns each student's row id, in the school's order.
 */
export function seedSchool(db: Database, school: GeneratedSchool): number[] {
  return db.transaction(() => {
    const addClass = db.prepare('INSERT INTO class (grade, number, head_teacher, capacity) VALUES (?, ?, ?, ?)');
    const classIds = school.classes.map((c) =>
      Number(addClass.run(c.grade, c.number, c.headTeacher, c.capacity).lastInsertRowid),
    );
    const insert = db.prepare(
      `INSERT INTO student (class_id, name, name_initials, name_pinyin, sex, birth_date, id_type, id_number,
         student_number, basics, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @stamp, 'bench', @stamp)`,
    );
    const stamp = isoWithOffset(new Date());
    return school.students.map(({ classIndex, basics: b }) =>
      Number(
        insert.run(
          classIds[classIndex]!,
          b.name,
          nameInitials(b.name),
          namePinyin(b.name),
          b.sex,
          b.birthDate,
          b.idType,
          b.idNumber,
          b.studentNumber ?? '',
          JSON.stringify(b),
          { stamp },
        ).lastInsertRowid,
      ),
    );
  })();
}
