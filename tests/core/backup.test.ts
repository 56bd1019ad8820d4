/** 备份 (DESIGN.md §3): what a backup folder holds, the day's automatic backup, rotation, and disks that refuse. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptAutomaticBackups } from '../../shared/exchange/backups';
import { latestVersion } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { adminPassword, canMount, mountTmpfs } from './fixtures';
import { chosenFolder, entries, lastEvent, loggedActions, readManifestFile, schoolWithStudents } from './backupSupport';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a backup', () => {
  it('is a whole folder: the encrypted database, keyring, attachments and a manifest with every file’s SHA-256', async () => {
    const t = await schoolWithStudents();
    const { rows: auditRows } = await t.call('verifyAuditLog');
    const info = await t.call('backupNow', null);

    expect(info).toMatchObject({
      name: '学籍备份_1114000001_20260901-080000',
      folder: join(t.paths.folder, 'backups', info.name),
      trigger: 'manual',
      createdBy: 'wangli',
      schoolName: '阳泉市第一中学',
      schoolCode: '1114000001',
      students: 2,
      auditRows: auditRows + 1, // the verification just made is in it
      schemaVersion: latestVersion(migrations),
    });
    expect(entries(join(t.paths.folder, 'backups'))).toEqual([info.name]);
    const [photo] = entries(t.paths.attachments);
    expect(entries(info.folder)).toEqual(['attachments', 'backup.json', 'keyring.json', 'xuejidesk.db']);
    expect(entries(join(info.folder, 'attachments'))).toEqual([photo]);
    // Encrypted like the live file: nothing of SQLite's plaintext header, no student name in the bytes.
    const database = readFileSync(join(info.folder, 'xuejidesk.db'));
    expect(database.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(database.includes(Buffer.from('李小红'))).toBe(false);
    expect(readFileSync(join(info.folder, 'keyring.json'))).toEqual(readFileSync(t.paths.keyring));

    const manifest = readManifestFile(info.folder);
    expect(manifest).toMatchObject({
      format: 'xuejidesk-backup',
      school: { name: '阳泉市第一中学', code: '1114000001' },
      createdAt: '2026-09-01T08:00:00.000+08:00',
      counts: { students: 2 },
      audit: { rows: auditRows + 1 },
    });
    expect(manifest.files.map((file) => file.path).sort()).toEqual(
      [`attachments/${photo}`, 'keyring.json', 'xuejidesk.db'].sort(),
    );
    for (const file of manifest.files) expect(sha256(join(info.folder, file.path))).toBe(file.sha256);
    expect(sha256(join(t.paths.attachments, photo!))).toBe(sha256(join(info.folder, 'attachments', photo!)));

    const event = await lastEvent(t, 'backup.create');
    expect(event).toMatchObject({ outcome: 'success', objectId: info.name, userName: 'wangli' });
    expect(event?.details).toMatchObject({ trigger: 'manual', students: 2, auditHeadHash: manifest.audit.headHash });
  });

  it('goes to the folder the clerk chose; a path that is not an existing folder is refused', async () => {
    const t = await schoolWithStudents();
    const usb = chosenFolder();
    const info = await t.call('backupNow', usb);
    expect(entries(usb)).toEqual([info.name]);
    expect(existsSync(join(t.paths.folder, 'backups'))).toBe(false);
    await expect(t.call('backupNow', 'relative/folder')).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('不存在或不是文件夹'),
    });
    await expect(t.call('backupNow', join(usb, 'unplugged'))).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    writeFileSync(join(usb, 'a-file.txt'), 'x');
    await expect(t.call('backupNow', join(usb, 'a-file.txt'))).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('two within the same second get distinct names', async () => {
    const t = await schoolWithStudents();
    const first = await t.call('backupNow', null);
    const second = await t.call('backupNow', null);
    expect(second.name).toBe(`${first.name}_2`);
    expect((await t.call('listBackups')).backups.map((b) => b.name)).toEqual([second.name, first.name]);
  });

  it('is for administrators and clerks; an auditor may not make one', async () => {
    const t = await schoolWithStudents();
    await t.call('createAccount', {
      userName: 'zhaomin',
      displayName: '赵敏',
      role: 'auditor',
      initialPassword: 'Audit-Start-2026x',
    });
    await t.call('logout');
    await t.call('login', { userName: 'zhaomin', password: 'Audit-Start-2026x' });
    await t.call('changePassword', { currentPassword: 'Audit-Start-2026x', newPassword: 'Shen-Ji-Yuan-2026q' });
    await expect(t.call('backupNow', null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the automatic backup', () => {
  it('is made at the first login of each day, not at later logins that day', async () => {
    const t = await schoolWithStudents({ dailyBackup: true });
    await t.call('logout');
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listBackups')).backups.map((b) => [b.trigger, b.createdAt])).toEqual([
      ['login', '2026-09-01T08:00:00.000+08:00'],
    ]);
    await t.call('logout');
    t.advance(60);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listBackups')).backups).toHaveLength(1);
    await t.call('logout');
    t.advance(24 * 60);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listBackups')).backups.map((b) => b.name)).toEqual([
      '学籍备份_1114000001_20260902-090000',
      '学籍备份_1114000001_20260901-080000',
    ]);
    expect((await loggedActions(t)).filter((action) => action.startsWith('backup.'))).toEqual([
      'backup.create:success',
      'backup.create:success',
    ]);
  });

  it('failing does not block the login: it is logged, audited as a failure, and tried again at the next login', async () => {
    const t = await schoolWithStudents({ dailyBackup: true });
    await t.call('logout');
    writeFileSync(join(t.paths.folder, 'backups'), 'not a folder'); // the store cannot be created
    const session = await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(session.userName).toBe('wangli');
    expect(await lastEvent(t, 'backup.create')).toMatchObject({ outcome: 'failure', details: { trigger: 'login' } });
    expect(t.logger.lines.some((line) => line['event'] === 'backup.daily.failed')).toBe(true);
    await t.call('logout');
    rmSync(join(t.paths.folder, 'backups'));
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listBackups')).backups.map((b) => b.trigger)).toEqual(['login']);
  });

  it(`keeps the newest ${keptAutomaticBackups} in the data folder and removes the oldest`, async () => {
    const t = await schoolWithStudents();
    const names: string[] = [];
    for (let i = 0; i <= keptAutomaticBackups; i += 1) {
      names.push((await t.call('backupNow', null)).name);
      t.advance(1);
    }
    const overview = await t.call('listBackups');
    expect(overview.kept).toBe(keptAutomaticBackups);
    expect(overview.backups.map((b) => b.name)).toEqual(names.slice(1).reverse());
    expect(entries(join(t.paths.folder, 'backups'))).not.toContain(names[0]);
    expect((await lastEvent(t, 'backup.create'))?.details['rotated']).toEqual([names[0]]);
  });

  it('never removes the one just made, even with the clock set back', async () => {
    const t = await schoolWithStudents();
    for (let i = 0; i < keptAutomaticBackups; i += 1) {
      await t.call('backupNow', null);
      t.advance(1);
    }
    t.advance(-24 * 60);
    const made = await t.call('backupNow', null);
    expect(entries(join(t.paths.folder, 'backups'))).toContain(made.name);
    expect(entries(join(t.paths.folder, 'backups'))).toHaveLength(keptAutomaticBackups);
  });
});

describe.skipIf(!canMount)('a disk that refuses the backup', () => {
  it('a read-only folder (a write-protected USB stick) is refused in Chinese and nothing is left', async () => {
    const t = await schoolWithStudents();
    const usb = mountTmpfs('4m');
    try {
      usb.readOnly();
      await expect(t.call('backupNow', usb.folder)).rejects.toMatchObject({
        code: 'READ_ONLY',
        message: expect.stringContaining('所选文件夹'),
      });
      expect(entries(usb.folder)).toEqual([]);
      expect(await lastEvent(t, 'backup.create')).toMatchObject({ outcome: 'failure' });
    } finally {
      usb.unmount();
    }
  });

  it('a disk that fills up midway leaves no backup, partial or complete', async () => {
    const t = await schoolWithStudents();
    const usb = mountTmpfs('64k');
    try {
      await expect(t.call('backupNow', usb.folder)).rejects.toMatchObject({
        code: 'DISK_FULL',
        message: expect.stringContaining('没有留下不完整的备份'),
      });
      expect(entries(usb.folder)).toEqual([]);
      // The current data is untouched and still works.
      expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(2);
    } finally {
      usb.unmount();
    }
  });
});
