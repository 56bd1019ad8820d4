/**
 * The disk fills up while the clerk works (docs/decisions.md “Disk-failure
 * tests mount a tmpfs”): the data folder lives on a small tmpfs, a filler
 * file takes the free space, and the work that needs the disk is refused in
 * Chinese. Afterwards, with space freed, the database passes its integrity
 * check and the access log's chain, and everything saved before is there;
 * nothing of the refused work is, and no partial backup looks complete.
 * Skipped (and says so) where mounting is not allowed.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackupFolderName } from '../../shared/exchange/backups';
import { walkChain } from '../../electron/core/audit/auditLog';
import { openStorage } from '../../electron/core/storage';
import { templateStudents, templateWorkbook, xlsxBase64 } from '../support/importWorkbooks';
import {
  adminPassword,
  canMount,
  mountTmpfs,
  samplePupil,
  school,
  testCore,
  testStorageOptions,
} from '../core/fixtures';

let disk: ReturnType<typeof mountTmpfs> | null = null;
let running: { close(): void } | null = null;

afterEach(() => {
  running?.close(); // a failed test may leave its core open on the disk
  running = null;
  disk?.unmount();
  disk = null;
});

/** An installation on a fresh 8 MB tmpfs with one class, the administrator logged in. */
async function installationOnSmallDisk() {
  disk = mountTmpfs('8m');
  const t = testCore(join(disk.folder, 'data'));
  running = t.core;
  await t.call('setup', { ...school, adminUserName: 'wangli', adminDisplayName: '王丽', password: adminPassword });
  const [schoolClass] = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 100 });
  return { ...t, classId: schoolClass!.id, disk: disk.folder };
}

/** Fills the disk but for about `spare` bytes; returns how to free the space again. */
function fillDisk(folder: string, spare: number): () => void {
  const filler = join(folder, 'filler');
  const fd = openSync(filler, 'a');
  try {
    try {
      for (;;) writeSync(fd, Buffer.alloc(16 * 1024));
    } catch {
      // ENOSPC: the disk is full now.
    }
    ftruncateSync(fd, Math.max(0, fstatSync(fd).size - spare));
  } finally {
    closeSync(fd);
  }
  return () => rmSync(filler, { force: true });
}

/** The database as the next login finds it: SQLite's integrity check, the chain, the students' ID numbers. */
async function onDisk(t: Awaited<ReturnType<typeof installationOnSmallDisk>>) {
  const storage = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
  try {
    const { db } = storage;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      chainBroken: walkChain(db).broken,
      idNumbers: db.prepare('SELECT id_number FROM student ORDER BY id').pluck().all() as string[],
      imports: db.prepare("SELECT count(*) FROM audit_log WHERE action = 'student.import'").pluck().get() as number,
    };
  } finally {
    storage.db.close();
  }
}

describe.skipIf(!canMount)('a full disk', () => {
  it('students saved one after another until the disk is full: the refused one is not there, every earlier one is', async () => {
    const t = await installationOnSmallDisk();
    const free = fillDisk(t.disk, 64 * 1024);
    const saved: string[] = [];
    let refusal: { code?: string; message?: string } | null = null;
    for (let sequence = 1; sequence < 400 && !refusal; sequence++) {
      const basics = samplePupil(sequence, { name: '张小明', homeAddress: '山西省阳泉市城区'.repeat(10) });
      try {
        await t.call('registerStudent', t.classId, basics);
        saved.push(basics.idNumber);
      } catch (error) {
        refusal = error as { code?: string; message?: string };
      }
    }
    expect(refusal).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('磁盘空间已满') });
    expect(saved.length).toBeGreaterThan(0);
    // The roll still answers from the full disk, with every student saved before.
    expect((await t.call('listStudents', { limit: 500, offset: 0 })).total).toBe(saved.length);
    free();
    t.core.close();
    expect(await onDisk(t)).toEqual({ integrity: 'ok', chainBroken: null, idNumbers: saved, imports: 0 });
  });

  it('an import commit that fills the disk saves none of its students, and the register is as before', async () => {
    const t = await installationOnSmallDisk();
    await t.call('registerStudent', t.classId, samplePupil(1));
    const before = await t.call('listStudents', { limit: 10, offset: 0 });
    const { students, classes } = templateStudents(1200, 5);
    for (const { grade, number } of classes.filter((c) => c.grade !== 1 || c.number !== 1))
      await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 100 });
    const upload = { fileName: '学生信息.xlsx', base64: await xlsxBase64(templateWorkbook(students)), classId: null };
    const free = fillDisk(t.disk, 256 * 1024);
    await expect(t.call('commitImport', upload)).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('磁盘空间已满'),
    });
    expect(await t.call('listStudents', { limit: 10, offset: 0 })).toEqual(before);
    free();
    t.core.close();
    expect(await onDisk(t)).toEqual({
      integrity: 'ok',
      chainBroken: null,
      idNumbers: [samplePupil(1).idNumber],
      imports: 0,
    });
  });

  it('an automatic backup that fills the data folder leaves no backup that looks complete, and the data as it was', async () => {
    const t = await installationOnSmallDisk();
    for (const sequence of [1, 2, 3]) await t.call('registerStudent', t.classId, samplePupil(sequence));
    const free = fillDisk(t.disk, 48 * 1024);
    await expect(t.call('backupNow', null)).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('没有留下不完整的备份'),
    });
    const store = join(t.paths.folder, 'backups');
    const left = existsSync(store) ? readdirSync(store) : [];
    expect(left.filter((name) => parseBackupFolderName(name))).toEqual([]);
    expect((await t.call('listBackups')).backups).toEqual([]);
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(3);
    free();
    t.core.close();
    expect(await onDisk(t)).toMatchObject({ integrity: 'ok', chainBroken: null, imports: 0 });
    expect((await onDisk(t)).idNumbers).toHaveLength(3);
  });
});
