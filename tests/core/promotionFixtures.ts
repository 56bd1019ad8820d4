/** Set-up shared by the 升级 and graduating-list tests: a core set up on a chosen day, and raw writes. */
import type { CaseKind } from '../../shared/changes/cases';
import type { Database } from '../../electron/core/db/database';
import { openStorage } from '../../electron/core/storage';
import { adminPassword, school, testCore, testStorageOptions } from './fixtures';

export type TestCore = ReturnType<typeof testCore>;

/** A core set up on `day` (08:00 Beijing time) with the administrator wangli logged in. */
export async function setUpCoreOn(day: string): Promise<TestCore> {
  const t = testCore();
  t.setClock(new Date(`${day}T08:00:00+08:00`));
  await t.call('setup', { ...school, adminUserName: 'wangli', adminDisplayName: '王丽', password: adminPassword });
  return t;
}

/**
 * Writes straight to the database, for states no call of this part
 * makes (a status set by an approved case, an open case): logs out, writes,
 * logs back in.
 */
export async function writeRaw(t: TestCore, write: (db: Database) => void): Promise<void> {
  await t.call('logout');
  const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
  try {
    raw.db.transaction(() => write(raw.db))();
  } finally {
    raw.db.close();
  }
  await t.call('login', { userName: 'wangli', password: adminPassword });
}

export function setStatus(db: Database, studentId: number, status: string): void {
  db.prepare('UPDATE student SET status = ? WHERE id = ?').run(status, studentId);
}

/** An open (办理中) case of `kind` about one student, as the case service stores it. */
export function insertOpenCase(db: Database, kind: CaseKind, studentId: number): void {
  const caseId = db
    .prepare(
      `INSERT INTO register_case (kind, subject, input, applied_on, opened_at, opened_by)
       VALUES (?, '测试事项', '{}', '2026-09-01', '2026-09-01T08:00:00.000+08:00', 'wangli')`,
    )
    .run(kind).lastInsertRowid;
  db.prepare('INSERT INTO case_student (case_id, student_id) VALUES (?, ?)').run(caseId, studentId);
}
