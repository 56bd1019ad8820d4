/** Set-up shared by the backup tests: a school with students and a photo, folders the clerk "chooses", disk views. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { CoreOptions } from '../../electron/core/app';
import { signManifest, type BackupManifest } from '../../electron/core/backup/backupManifest';
import { unwrapAnySlot } from '../../electron/core/keyring/keyring';
import { readKeyring } from '../../electron/core/keyring/keyringFile';
import { adminPassword, samplePupil, school, snapshot, tempFolder, testCore } from './fixtures';

export type TestCore = Awaited<ReturnType<typeof schoolWithStudents>>;

/** A set-up school (学校标识码 `code`) whose administrator is logged in, with one class, two pupils and a photo. */
export async function schoolWithStudents(options: Partial<CoreOptions> & { code?: string } = {}) {
  const t = testCore(undefined, options);
  await t.call('setup', {
    schoolName: options.code ? '阳泉市第二中学' : school.schoolName,
    schoolCode: options.code ?? school.schoolCode,
    adminUserName: 'wangli',
    adminDisplayName: '王丽',
    password: adminPassword,
  });
  const [schoolClass] = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 45 });
  const classId = schoolClass!.id;
  const first = await t.call('registerStudent', classId, samplePupil(1, { name: '李小红' }));
  await t.call('registerStudent', classId, samplePupil(2, { name: '张小兰' }));
  const photo = await sharp({ create: { width: 358, height: 441, channels: 3, background: '#8cc8f0' } })
    .jpeg()
    .toBuffer();
  await t.call('setStudentPhoto', first.student.id, { fileName: '照片.jpg', base64: photo.toString('base64') });
  return { ...t, classId, firstId: first.student.id };
}

/** The names on the roll, in order. */
export async function rollNames(t: TestCore): Promise<string[]> {
  return (await t.call('listStudents', { limit: 100, offset: 0 })).rows.map((row) => row.name).sort();
}

/** A folder the clerk picked in the folder dialog (a temp folder standing in for a USB stick). */
export const chosenFolder = (): string => tempFolder();

/** Names of the folders and files directly in `folder`. */
export const entries = (folder: string): string[] => readdirSync(folder).sort();

/** The actions of the access log, oldest first, as `action:outcome`. */
export async function loggedActions(t: TestCore): Promise<string[]> {
  const page = await t.call('listAuditEvents', { limit: 500, offset: 0 });
  return page.rows.map((row) => `${row.action}:${row.outcome}`).reverse();
}

/** The newest event of one action. */
export async function lastEvent(t: TestCore, action: 'backup.create' | 'backup.check' | 'backup.restore') {
  return (await t.call('listAuditEvents', { action, limit: 1, offset: 0 })).rows[0];
}

export const readManifestFile = (folder: string): BackupManifest =>
  JSON.parse(readFileSync(join(folder, 'backup.json'), 'utf8')) as BackupManifest;

/**
 * Rewrites a backup's manifest as someone holding the key would (recomputing
 * the MAC): what is left to catch damage is the database's own checks.
 */
export async function resignManifest(t: TestCore, folder: string, change: (m: BackupManifest) => BackupManifest) {
  const { dataKey } = await unwrapAnySlot(readKeyring(t.paths.keyring), adminPassword);
  const { mac: _mac, ...body } = change(readManifestFile(folder));
  writeFileSync(join(folder, 'backup.json'), JSON.stringify(signManifest(dataKey, body)));
}

/** Every file of the data folder but the live database and the audit anchor, which every logged call changes. */
export function dataFilesBesidesDatabase(folder: string): Record<string, string> {
  const live = /^(xuejidesk\.db(-wal|-shm)?|audit-anchor\.json)$/;
  return Object.fromEntries(Object.entries(snapshot(folder)).filter(([path]) => !live.test(path)));
}
