/**
 * 检查备份: a backup folder is checked against this installation before any
 * restore: same school, same installation (the current data key opens it),
 * every file whole, integrity_check ok, the access log's chain intact.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminPassword, samplePupil } from './fixtures';
import {
  chosenFolder,
  lastEvent,
  readManifestFile,
  resignManifest,
  schoolWithStudents,
  type TestCore,
} from './backupSupport';

/** A manual backup in a folder of its own; returns the backup folder. */
async function backupOf(t: TestCore): Promise<string> {
  return (await t.call('backupNow', chosenFolder())).folder;
}

/** Flips one byte in the middle of a file, as a failing disk would. */
function flipByte(file: string): void {
  const bytes = readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  writeFileSync(file, bytes);
}

describe('checking a backup', () => {
  it('describes a good backup: school, time, students, log rows; nothing wrong', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    await t.call('registerStudent', t.classId, samplePupil(3, { name: '王小雨' }));
    const check = await t.call('checkBackup', folder);
    expect(check).toMatchObject({
      folder,
      ok: true,
      problems: [],
      notes: [],
      currentStudents: 3,
      backup: { schoolName: '阳泉市第一中学', schoolCode: '1114000001', students: 2, createdBy: 'wangli' },
    });
    expect(check.backup!.auditRows).toBeGreaterThan(0);
    expect(await lastEvent(t, 'backup.check')).toMatchObject({ outcome: 'success', details: { folder } });
  });

  it('refuses a truncated backup, naming the file and how much is missing', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    const database = join(folder, 'xuejidesk.db');
    const size = readFileSync(database).length;
    truncateSync(database, size - 4096);
    const check = await t.call('checkBackup', folder);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      `数据库文件 xuejidesk.db 不完整：应为 ${size} 字节，实际 ${size - 4096} 字节（备份可能在复制时被截断）。`,
    ]);
    expect(await lastEvent(t, 'backup.check')).toMatchObject({ outcome: 'failure' });
  });

  it('refuses a backup of another school', async () => {
    const other = await schoolWithStudents({ code: '1114000002' });
    const folder = await backupOf(other);
    const t = await schoolWithStudents();
    const check = await t.call('checkBackup', folder);
    expect(check.ok).toBe(false);
    expect(check.backup?.schoolCode).toBe('1114000002');
    expect(check.problems).toEqual([
      '这是另一所学校的备份（阳泉市第二中学，学校标识码 1114000002），本机是阳泉市第一中学（1114000001）。只能恢复本校的备份，请选择本校的备份文件夹。',
    ]);
  });

  it('refuses a backup of another installation of the same school: this key does not open it', async () => {
    const before = await schoolWithStudents();
    const folder = await backupOf(before);
    const reinstalled = await schoolWithStudents();
    const check = await reinstalled.call('checkBackup', folder);
    expect(check.problems).toEqual([expect.stringContaining('来自另一套学籍工作台安装')]);
  });

  it('refuses a backup whose database changed after it was made', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    flipByte(join(folder, 'xuejidesk.db'));
    expect((await t.call('checkBackup', folder)).problems).toEqual([
      '数据库文件 xuejidesk.db 的内容与备份时不符：文件已损坏或被改动。',
    ]);
  });

  it('refuses a damaged database even when its manifest was rewritten with the key to match', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    const database = join(folder, 'xuejidesk.db');
    flipByte(database);
    const sha256 = createHash('sha256').update(readFileSync(database)).digest('hex');
    await resignManifest(t, folder, (m) => ({
      ...m,
      files: m.files.map((file) => (file.path === 'xuejidesk.db' ? { ...file, sha256 } : file)),
    }));
    const check = await t.call('checkBackup', folder);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([expect.stringMatching(/^备份中的数据库(已损坏|无法用本机的密钥打开)/)]);
  });

  it('refuses an edited backup.json, a changed attachment and a missing keyring', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    const manifest = readManifestFile(folder);

    const edited = chosenFolder();
    cpSync(folder, edited, { recursive: true });
    writeFileSync(join(edited, 'backup.json'), JSON.stringify({ ...manifest, counts: { students: 900 } }));
    expect((await t.call('checkBackup', edited)).problems).toEqual([expect.stringContaining('backup.json 被改动过')]);

    const attachment = manifest.files.find((file) => file.path.startsWith('attachments/'))!;
    const changed = chosenFolder();
    cpSync(folder, changed, { recursive: true });
    flipByte(join(changed, attachment.path));
    expect((await t.call('checkBackup', changed)).problems).toEqual([
      `附件 ${attachment.path.slice('attachments/'.length).slice(0, 8)} 的内容与备份时不符：文件已损坏或被改动。`,
    ]);

    const missing = chosenFolder();
    cpSync(folder, missing, { recursive: true });
    writeFileSync(join(missing, 'keyring.json'), '');
    expect((await t.call('checkBackup', missing)).problems).toEqual([
      expect.stringContaining('密钥文件 keyring.json 不完整'),
    ]);
  });

  it('refuses a folder that is not a backup, and one whose backup was interrupted', async () => {
    const t = await schoolWithStudents();
    const plain = chosenFolder();
    expect((await t.call('checkBackup', plain)).problems).toEqual([
      expect.stringContaining('没有备份说明文件 backup.json'),
    ]);
    const interrupted = join(chosenFolder(), '学籍备份_1114000001_20260901-080000.partial');
    cpSync(await backupOf(t), interrupted, { recursive: true });
    rmSync(join(interrupted, 'backup.json')); // the manifest is written last
    expect((await t.call('checkBackup', interrupted)).problems).toEqual([
      expect.stringContaining('这是一个没有完成的备份'),
    ]);
  });

  it('says whose password a restore turns back and which accounts it removes', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    t.advance(1);
    await t.call('changePassword', { currentPassword: adminPassword, newPassword: 'Xin-Mi-Ma-2026-Wl' });
    await t.call('createAccount', {
      userName: 'lihua',
      displayName: '李华',
      role: 'clerk',
      initialPassword: 'Chu-Shi-2026!x',
    });
    expect((await t.call('checkBackup', folder)).notes).toEqual([
      '备份之后修改过密码的账号，恢复后要用备份时的密码登录：王丽（wangli）。',
      '备份之后才建立的账号，恢复后将不存在：李华（lihua）。',
    ]);
  });

  it('is for administrators only', async () => {
    const t = await schoolWithStudents();
    const folder = await backupOf(t);
    await t.call('createAccount', {
      userName: 'lihua',
      displayName: '李华',
      role: 'clerk',
      initialPassword: 'Chu-Shi-2026!x',
    });
    await t.call('logout');
    await t.call('login', { userName: 'lihua', password: 'Chu-Shi-2026!x' });
    await t.call('changePassword', { currentPassword: 'Chu-Shi-2026!x', newPassword: 'Xue-Ji-Li-2026!m' });
    await expect(t.call('checkBackup', folder)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.call('restoreBackup', folder)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('backupNow', null)).createdBy).toBe('lihua');
  });
});
