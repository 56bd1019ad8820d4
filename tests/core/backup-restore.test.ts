/**
 * 从备份恢复: the current data stays until the restored copy is proven good,
 * then moves to `replaced-<time>/`; the session ends and the clerk logs in
 * to the restored data, whose access log says it was restored.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapIn } from '../../electron/core/backup/backupRestore';
import { adminPassword, samplePupil, snapshot } from './fixtures';
import {
  chosenFolder,
  dataFilesBesidesDatabase,
  entries,
  lastEvent,
  loggedActions,
  rollNames,
  schoolWithStudents,
} from './backupSupport';

describe('restoring a backup', () => {
  it('brings back the data of the backup, keeps the replaced data, and ends the session', async () => {
    const t = await schoolWithStudents();
    const photoBefore = await t.call('getStudentPhoto', t.firstId);
    const backup = await t.call('backupNow', chosenFolder());
    t.advance(5);
    // After the backup: one more pupil, and a phone number changed.
    await t.call('registerStudent', t.classId, samplePupil(3, { name: '王小雨' }));
    const first = await t.call('getStudent', t.firstId);
    await t.call('updateStudent', t.firstId, { ...first.basics, phone: '13900000000' });
    expect(await rollNames(t)).toEqual(['张小兰', '李小红', '王小雨'].sort());

    t.advance(5);
    await t.call('restoreBackup', backup.folder);
    expect((await t.call('status')).session).toBeNull();
    const replaced = 'replaced-20260901-081000';
    // The session's database is closed: no -wal or -shm files, the restored data in place.
    expect(entries(t.paths.folder)).toEqual(
      ['attachments', 'audit-anchor.json', 'keyring.json', replaced, 'xuejidesk.db'].sort(),
    );
    expect(entries(join(t.paths.folder, replaced))).toEqual(
      ['attachments', 'audit-anchor.json', 'keyring.json', 'xuejidesk.db'].sort(),
    );

    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await rollNames(t)).toEqual(['张小兰', '李小红'].sort());
    expect((await t.call('getStudent', t.firstId)).basics.phone).toBe(first.basics.phone);
    expect(await t.call('getStudentPhoto', t.firstId)).toEqual(photoBefore);
    // The restored log is intact (the anchor was moved to its head) and says where it came from.
    expect(await t.call('verifyAuditLog')).toMatchObject({ ok: true, problem: null });
    const restored = await lastEvent(t, 'backup.restore');
    expect(restored).toMatchObject({
      outcome: 'success',
      userName: 'wangli',
      objectId: backup.name,
      details: { folder: backup.folder, createdAt: backup.createdAt, replacedFolder: replaced, students: 2 },
    });
    expect((restored?.details['replacedAuditHead'] as { rows: number }).rows).toBeGreaterThan(backup.auditRows);
    // The restored log is the backup's, then the restore, then this login: nothing done after the backup.
    const actions = await loggedActions(t);
    expect(actions.indexOf('backup.restore:success')).toBe(backup.auditRows);
    expect(actions.filter((action) => action === 'student.create:success')).toHaveLength(2);
    expect(actions).not.toContain('student.update:success');
  });

  it('turns passwords back with the keyring of the backup', async () => {
    const t = await schoolWithStudents();
    const backup = await t.call('backupNow', chosenFolder());
    const newPassword = 'Xin-Mi-Ma-2026-Wl';
    await t.call('changePassword', { currentPassword: adminPassword, newPassword });
    await t.call('restoreBackup', backup.folder);
    await expect(t.call('login', { userName: 'wangli', password: newPassword })).rejects.toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await rollNames(t)).toHaveLength(2);
  });

  it('restores an automatic backup from the data folder', async () => {
    const t = await schoolWithStudents();
    const backup = await t.call('backupNow', null);
    await t.call('registerStudent', t.classId, samplePupil(3, { name: '王小雨' }));
    await t.call('restoreBackup', backup.folder);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await rollNames(t)).toHaveLength(2);
    expect((await t.call('listBackups')).backups.map((b) => b.name)).toEqual([backup.name]);
  });

  it('carries the fallback font for rare characters (fonts/) along', async () => {
    const t = await schoolWithStudents();
    const font = join(t.paths.fonts, 'fallback.ttf');
    mkdirSync(t.paths.fonts);
    writeFileSync(font, 'a font file standing in for SimSun-ExtB');
    const backup = await t.call('backupNow', chosenFolder());
    expect(entries(join(backup.folder, 'fonts'))).toEqual(['fallback.ttf']);
    rmSync(t.paths.fonts, { recursive: true });
    await t.call('restoreBackup', backup.folder);
    expect(readFileSync(font, 'utf8')).toBe('a font file standing in for SimSun-ExtB');
  });

  it('refuses a truncated backup without touching the current data', async () => {
    const t = await schoolWithStudents();
    const backup = await t.call('backupNow', chosenFolder());
    await t.call('registerStudent', t.classId, samplePupil(3, { name: '王小雨' }));
    truncateSync(join(backup.folder, 'xuejidesk.db'), 8192);
    const before = dataFilesBesidesDatabase(t.paths.folder);
    const names = await rollNames(t);

    await expect(t.call('restoreBackup', backup.folder)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(/^没有恢复，当前数据没有改动。数据库文件 xuejidesk\.db 不完整/),
    });
    expect(dataFilesBesidesDatabase(t.paths.folder)).toEqual(before);
    expect((await t.call('status')).session?.userName).toBe('wangli');
    expect(await rollNames(t)).toEqual(names);
    expect(await lastEvent(t, 'backup.restore')).toMatchObject({
      outcome: 'failure',
      details: { problems: [expect.stringContaining('不完整')] },
    });
  });

  it('refuses a backup of another school before copying anything', async () => {
    const other = await schoolWithStudents({ code: '1114000002' });
    const backup = await other.call('backupNow', chosenFolder());
    const t = await schoolWithStudents();
    const before = dataFilesBesidesDatabase(t.paths.folder);
    await expect(t.call('restoreBackup', backup.folder)).rejects.toMatchObject({
      message: expect.stringContaining('这是另一所学校的备份'),
    });
    expect(dataFilesBesidesDatabase(t.paths.folder)).toEqual(before);
    expect(await rollNames(t)).toHaveLength(2);
  });

  it('refuses a backup whose files were changed, and leaves no staging copy behind', async () => {
    const t = await schoolWithStudents();
    const backup = await t.call('backupNow', chosenFolder());
    const keyring = join(backup.folder, 'keyring.json');
    const text = readFileSync(keyring, 'utf8');
    writeFileSync(keyring, text.replace('"maxFailures": 5', '"maxFailures": 9'));
    const before = dataFilesBesidesDatabase(t.paths.folder);
    await expect(t.call('restoreBackup', backup.folder)).rejects.toMatchObject({
      message: expect.stringContaining('密钥文件 keyring.json'),
    });
    expect(dataFilesBesidesDatabase(t.paths.folder)).toEqual(before);
    expect(entries(t.paths.folder).some((name) => name.startsWith('restore-staging'))).toBe(false);
    expect(existsSync(join(t.paths.folder, 'replaced-20260901-080000'))).toBe(false);
  });

  it('a swap that fails midway puts every current file back where it was', async () => {
    const t = await schoolWithStudents();
    const backup = await t.call('backupNow', chosenFolder());
    await t.call('logout'); // the swap runs with the database closed
    const before = snapshot(t.paths.folder);
    const staging = join(t.paths.folder, 'restore-staging-20260901-080000');
    cpSync(backup.folder, staging, { recursive: true });
    const diskError = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    expect(() =>
      swapIn(t.paths, staging, join(t.paths.folder, 'replaced-20260901-080000'), () => {
        throw diskError;
      }),
    ).toThrow(diskError);
    rmSync(staging, { recursive: true });
    expect(snapshot(t.paths.folder)).toEqual(before);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await t.call('verifyAuditLog')).toMatchObject({ ok: true });
  });
});
