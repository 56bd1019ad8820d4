/** The encrypted attachment store (DESIGN.md §3) on real installations: photos now, evidence scans later. */
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPasswordPolicy } from '../../shared/passwordPolicy';
import { createAttachmentStore } from '../../electron/core/attachments/attachmentStore';
import { createSessions, type Sessions } from '../../electron/core/auth/session';
import { createMemoryLogger } from '../../electron/core/log';
import { createStorage, dataPaths } from '../../electron/core/storage';
import { tempFolder, testStorageOptions } from './fixtures';

const opened: Sessions[] = [];
afterEach(() => opened.splice(0).forEach((sessions) => sessions.close()));

/** A new installation with an open session, and its attachment store. */
async function installation() {
  const paths = dataPaths(join(tempFolder(), 'data'));
  const storage = await createStorage(
    paths,
    [{ id: 'account:admin', kind: 'account', secret: 'Correct-Horse-7' }],
    testStorageOptions(),
  );
  const sessions = createSessions({ anchorFile: paths.auditAnchor, logger: createMemoryLogger() });
  sessions.open({
    storage,
    actor: { id: 1, userName: 'wangli', displayName: '王丽', role: 'admin' },
    locked: false,
    lastActivity: new Date(),
    mustChangePassword: null,
    passwordChangedAt: new Date(),
    policy: defaultPasswordPolicy,
    previousLoginAt: null,
    clockWarning: null,
  });
  opened.push(sessions);
  const now = () => new Date('2026-09-01T08:00:00+08:00');
  return { paths, db: storage.db, store: createAttachmentStore({ sessions, now, folder: paths.attachments }) };
}

const scan = Buffer.from('%PDF-1.7 证明材料：户口迁移证明（扫描件）\n'.repeat(50));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('attachment store', () => {
  it('stores bytes under the SHA-256 of their content and gives them back', async () => {
    const { db, store } = await installation();
    const name = store.put(scan, 'application/pdf');
    expect(name).toBe(sha256(scan));
    expect(store.get(name)).toEqual(scan);
    expect(db.prepare('SELECT * FROM attachment').all()).toEqual([
      {
        sha256: name,
        media_type: 'application/pdf',
        size: scan.length,
        created_at: '2026-09-01T08:00:00.000+08:00',
        created_by: 'wangli',
      },
    ]);
  });

  it('storing the same bytes twice keeps one row and repairs a damaged copy', async () => {
    const { db, paths, store } = await installation();
    const name = store.put(scan, 'application/pdf');
    writeFileSync(join(paths.attachments, name), 'damaged');
    expect(store.put(scan, 'application/pdf')).toBe(name);
    expect(db.prepare('SELECT count(*) FROM attachment').pluck().get()).toBe(1);
    expect(store.get(name)).toEqual(scan);
    expect(readdirSync(paths.attachments)).toEqual([name]); // no temporary file left behind
  });

  it('writes only ciphertext: a versioned header, never the plaintext', async () => {
    const { paths, store } = await installation();
    const name = store.put(scan, 'application/pdf');
    const onDisk = readFileSync(join(paths.attachments, name));
    expect(onDisk.subarray(0, 5)).toEqual(Buffer.from('XJAT\x01', 'latin1'));
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(Buffer.from('户口迁移证明'))).toBe(false);
    expect(onDisk.length).toBe(scan.length + 5 + 12 + 16);
  });

  it('a file copied from another installation does not open with this one’s key', async () => {
    const here = await installation();
    const there = await installation();
    const name = there.store.put(scan, 'application/pdf');
    here.store.put(Buffer.from('placeholder'), 'text/plain');
    copyFileSync(join(there.paths.attachments, name), join(here.paths.attachments, name));
    expect(() => here.store.get(name)).toThrow(
      expect.objectContaining({ userMessage: expect.stringContaining('附件已损坏') }),
    );
  });

  it('a file renamed to another attachment’s name, truncated or missing is refused in Chinese', async () => {
    const { paths, store } = await installation();
    const first = store.put(scan, 'application/pdf');
    const second = store.put(Buffer.from('另一份材料'), 'text/plain');
    copyFileSync(join(paths.attachments, first), join(paths.attachments, second));
    const refused = expect.objectContaining({
      code: 'DATABASE_UNREADABLE',
      userMessage: expect.stringMatching(/^附件已损坏或丢失（编号 [0-9a-f]{8}）/),
    });
    expect(() => store.get(second)).toThrow(refused);
    writeFileSync(join(paths.attachments, first), readFileSync(join(paths.attachments, first)).subarray(0, 20));
    expect(() => store.get(first)).toThrow(refused);
    rmSync(join(paths.attachments, first));
    expect(() => store.get(first)).toThrow(refused);
  });

  it('never reads a path that is not a SHA-256 name', async () => {
    const { store } = await installation();
    expect(() => store.get('../keyring.json')).toThrow(expect.objectContaining({ code: 'DATABASE_UNREADABLE' }));
  });
});
