/**
 * A damaged keyring.json or xuejidesk.db at start (数据损坏时的恢复), on real
 * encrypted installations: bytes flipped in the middle of each file, and
 * each file cut short, found by the next morning's first login (the day's
 * check of the whole database before its automatic backup). The start screen learns which file is damaged (the
 * precise error goes to the technical log), is offered the newest whole
 * automatic backup, and restoring it with an administrator's password or
 * the recovery code brings back the data and a working login; the restore
 * is in the restored access log, and the damaged file is kept.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { adminPassword, samplePupil, setUpCore, testCore, testStorageOptions } from '../core/fixtures';

let root: string;
/** Set up, two students, an automatic backup, then a third student: logged out and closed. */
let template: string;
let recoveryCode: string;
let copies = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-damaged-'));
  const t = await setUpCore();
  recoveryCode = t.recoveryCode;
  const [schoolClass] = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 45 });
  await t.call('registerStudent', schoolClass!.id, samplePupil(1, { name: '安琪' }));
  await t.call('registerStudent', schoolClass!.id, samplePupil(2, { name: '白雪' }));
  await t.call('backupNow', null);
  await t.call('registerStudent', schoolClass!.id, samplePupil(3, { name: '陈晨' }));
  for (let i = 0; i < 40; i++) await t.call('listStudents', { limit: 10, offset: 0 });
  await t.call('logout');
  t.core.close();
  template = t.paths.folder;
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A copy of the installation with one file damaged, and the app started on it the next morning. */
function damaged(file: 'keyring.json' | 'xuejidesk.db', damage: (path: string) => void) {
  const folder = join(root, `copy-${(copies += 1)}`);
  cpSync(template, folder, { recursive: true });
  damage(join(folder, file));
  const t = testCore(folder, { dailyBackup: true });
  t.setClock(new Date('2026-09-02T07:50:00+08:00'));
  return t;
}

const flipMiddle = (path: string): void => {
  const bytes = readFileSync(path);
  const middle = Math.floor(bytes.length / 2);
  for (let i = middle; i < middle + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
};
const cutInHalf = (path: string): void => truncateSync(path, Math.floor(statSync(path).size / 2));

const login = (t: ReturnType<typeof testCore>, password = adminPassword) =>
  t.core.call('login', [{ userName: 'wangli', password }]);

const cases = [
  { file: 'keyring.json', damage: 'bytes flipped in the middle', apply: flipMiddle, code: 'KEYRING_CORRUPT' },
  { file: 'keyring.json', damage: 'cut in half', apply: cutInHalf, code: 'KEYRING_CORRUPT' },
  { file: 'xuejidesk.db', damage: 'bytes flipped in the middle', apply: flipMiddle, code: 'DATABASE_UNREADABLE' },
  { file: 'xuejidesk.db', damage: 'cut in half', apply: cutInHalf, code: 'DATABASE_UNREADABLE' },
] as const;

const label = { 'keyring.json': '密钥文件 keyring.json', 'xuejidesk.db': '数据库文件 xuejidesk.db' };

describe.each(cases)('$file, $damage', ({ file, apply, code }) => {
  it('the login is refused, the start screen names the file and offers the last good automatic backup', async () => {
    const t = damaged(file, apply);
    // The morning's first login: refused with the damaged file's name (a page only the key reads: by the day's check).
    expect(await login(t)).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('损坏') } });
    expect((await t.call('status')).session).toBeNull();
    const damage = await t.call('checkDataFiles');
    expect(damage).toMatchObject({ file, backup: { students: 2, trigger: 'manual' } });
    expect(damage!.message).toContain(`${label[file]} 已损坏`);
    expect(damage!.message).toContain('2 名学生');
    // The precise error is in the technical log, not on the screen.
    expect(t.logger.lines).toContainEqual(expect.objectContaining({ event: 'startup.damaged', file, code }));
    t.core.close();
  });

  it('restoring that backup with the administrator password brings back its data and a working login', async () => {
    const t = damaged(file, apply);
    await login(t);
    const { backup } = (await t.call('checkDataFiles'))!;
    const wrong = await t.core.call('restoreAtStart', [
      { backupName: backup!.name, userName: 'wangli', secret: 'Not-The-Password-1' },
    ]);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'WRONG_SECRET', message: expect.stringContaining('密码') },
    });
    await t.call('restoreAtStart', { backupName: backup!.name, userName: 'wangli', secret: adminPassword });
    expect(await t.call('checkDataFiles')).toBeNull();
    expect(await login(t)).toMatchObject({ ok: true });
    const roll = await t.call('listStudents', { limit: 10, offset: 0 });
    expect(roll.rows.map((row) => row.name).sort()).toEqual(['安琪', '白雪']);
    expect(await t.call('verifyAuditLog')).toMatchObject({ ok: true });
    const events = await t.call('listAuditEvents', { action: 'backup.restoreAtStart', limit: 10, offset: 0 });
    expect(events.rows).toEqual([
      expect.objectContaining({ userName: 'wangli', outcome: 'success', objectId: backup!.name }),
    ]);
    // The damaged file is kept beside the data.
    const replaced = readdirSync(t.paths.folder).find((name) => name.startsWith('replaced-'));
    expect(readdirSync(join(t.paths.folder, replaced!))).toContain(file);
    t.core.close();
  });
});

it('the recovery code proves the key too, and a restore is refused while nothing is damaged', async () => {
  const t = damaged('keyring.json', cutInHalf);
  const { backup } = (await t.call('checkDataFiles'))!;
  await t.call('restoreAtStart', { backupName: backup!.name, userName: null, secret: recoveryCode.toLowerCase() });
  expect(await login(t)).toMatchObject({ ok: true });
  await t.call('logout');
  const again = await t.core.call('restoreAtStart', [
    { backupName: backup!.name, userName: null, secret: recoveryCode },
  ]);
  expect(again).toMatchObject({
    ok: false,
    error: { code: 'RULE_VIOLATION', message: expect.stringContaining('没有发现损坏') },
  });
  t.core.close();
});

it('a damaged page found by a call during the day ends the session, and the start screen offers the backup', async () => {
  // The student table's first page is damaged; the day's check already passed (daily backups off).
  const folder = join(root, `copy-${(copies += 1)}`);
  cpSync(template, folder, { recursive: true });
  const storage = await openStorage(
    dataPaths(folder),
    { id: 'account:wangli', secret: adminPassword },
    testStorageOptions(),
  );
  const page = storage.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'student'").pluck().get() as number;
  const pageSize = storage.db.pragma('page_size', { simple: true }) as number;
  storage.db.close();
  const bytes = readFileSync(join(folder, 'xuejidesk.db'));
  const middle = (page - 1) * pageSize + pageSize / 2;
  for (let i = middle; i < middle + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(join(folder, 'xuejidesk.db'), bytes);
  const t = testCore(folder);
  expect(await login(t)).toMatchObject({ ok: true });
  const roll = await t.core.call('listStudents', [{ limit: 10, offset: 0 }]);
  expect(roll).toMatchObject({ ok: false, error: { code: 'DATABASE_UNREADABLE' } });
  expect((await t.call('status')).session).toBeNull();
  expect(await t.call('checkDataFiles')).toMatchObject({ file: 'xuejidesk.db', backup: { students: 2 } });
  expect(t.logger.lines).toContainEqual(
    expect.objectContaining({ event: 'startup.damaged', file: 'xuejidesk.db', during: 'session' }),
  );
  t.core.close();
});

it.each(['keyring.json', 'xuejidesk.db'] as const)(
  'a missing %s makes the installation damaged, named as gone, and the backup brings it back',
  async (file) => {
    const t = damaged(file, (path) => rmSync(path));
    expect((await t.call('status')).installation).toBe('damaged');
    const damage = await t.call('checkDataFiles');
    expect(damage).toMatchObject({ file, backup: { students: 2 } });
    expect(damage!.message).toContain(`${label[file]} 不见了`);
    await t.call('restoreAtStart', { backupName: damage!.backup!.name, userName: 'wangli', secret: adminPassword });
    expect((await t.call('status')).installation).toBe('ready');
    expect(await login(t)).toMatchObject({ ok: true });
    t.core.close();
  },
);
