/**
 * The access log resists silent editing (DESIGN.md §4; 等保 2.0 audit
 * protection): triggers refuse changes, and with the triggers dropped the
 * verifier names the first row that was tampered with.
 */
import { readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditHead } from '../../electron/core/audit/auditLog';
import { openStorage } from '../../electron/core/storage';
import { adminPassword, setUpCore, testStorageOptions } from './fixtures';

/** An installation with a dozen events, then closed, and its database opened raw for tampering. */
async function loggedInstallation() {
  const t = await setUpCore();
  for (let i = 0; i < 5; i++) {
    await t.call('lockSession');
    await t.call('unlock', adminPassword);
  }
  await t.call('logout');
  const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
  return { t, db: raw.db };
}

async function verifyAfter(t: Awaited<ReturnType<typeof setUpCore>>) {
  await t.call('login', { userName: 'wangli', password: adminPassword });
  return t.call('verifyAuditLog');
}

describe('access log integrity', () => {
  it('a fresh log verifies, and the verification itself is logged', async () => {
    const { t, db } = await loggedInstallation();
    db.close();
    const status = await verifyAfter(t);
    expect(status).toMatchObject({ ok: true, firstBroken: null, problem: null, rows: 14 });
    const page = await t.call('listAuditEvents', { limit: 1, offset: 0 });
    expect(page.rows[0]).toMatchObject({ action: 'audit.verify', outcome: 'success', details: { rows: 14 } });
  });

  it('triggers refuse UPDATE and DELETE', async () => {
    const { db } = await loggedInstallation();
    expect(() => db.prepare("UPDATE audit_log SET user_name = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    db.close();
  });

  const tamper = {
    'an edited field': ["UPDATE audit_log SET user_name = 'someone' WHERE seq = 4", 4, '第 4 条记录的内容被改动'],
    'a deleted row': ['DELETE FROM audit_log WHERE seq = 5', 5, '第 5 条记录缺失'],
    'two swapped rows': [
      `UPDATE audit_log SET seq = -6 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 7; UPDATE audit_log SET seq = 7 WHERE seq = -6;`,
      6,
      '第 6 条记录与前一条的链接不符',
    ],
    'a truncated tail': ['DELETE FROM audit_log WHERE seq > 10', 11, '第 11 至 13 条记录被删除'],
  } as const;

  it.each(Object.entries(tamper))(
    'with triggers dropped, the verifier catches %s',
    async (_what, [sql, firstBroken, problem]) => {
      const { t, db } = await loggedInstallation();
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      db.exec(sql);
      db.close();
      const status = await verifyAfter(t);
      expect(status).toMatchObject({ ok: false, firstBroken, problem: expect.stringContaining(problem) });
    },
  );

  it('damage stays reported after the anchor has moved on with new rows', async () => {
    const { t, db } = await loggedInstallation();
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 10;');
    db.close();
    expect((await verifyAfter(t)).ok).toBe(false);
    await t.call('lockSession');
    await t.call('unlock', adminPassword);
    expect(await t.call('verifyAuditLog')).toMatchObject({
      ok: false,
      firstBroken: 11,
      problem: expect.stringContaining('登录时发现：日志末尾的第 11 至 13 条记录被删除'),
    });
  });

  it('a deleted anchor file is reported: a truncation could not be ruled out', async () => {
    const { t, db } = await loggedInstallation();
    db.close();
    rmSync(t.paths.auditAnchor);
    expect(await verifyAfter(t)).toMatchObject({ ok: false, problem: expect.stringContaining('缺失') });
  });

  it('SEC-3 no password, key or recovery code ever appears in the log', async () => {
    const { t, db } = await loggedInstallation();
    const text = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    expect(text).not.toContain(adminPassword);
    expect(text).not.toContain(t.recoveryCode);
  });

  it('the anchor follows the head after every call', async () => {
    const t = await setUpCore();
    await t.call('lockSession');
    const anchor = JSON.parse(readFileSync(t.paths.auditAnchor, 'utf8'));
    const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
    expect(anchor).toMatchObject({ seq: auditHead(raw.db).seq, hash: auditHead(raw.db).hash });
    raw.db.close();
  });
});

describe('access log screen services', () => {
  it('filters by account, action and time range, newest first, paged', async () => {
    const t = await setUpCore();
    t.advance(5);
    await t.call('lockSession');
    await t.call('unlock', adminPassword);
    const locks = await t.call('listAuditEvents', { action: 'session.lock', limit: 10, offset: 0 });
    expect(locks.total).toBe(1);
    const late = await t.call('listAuditEvents', { from: '2026-09-01T08:03:00', limit: 10, offset: 0 });
    expect(late.rows.map((row) => row.action)).toEqual(['session.unlock', 'session.lock']);
    const early = await t.call('listAuditEvents', {
      to: '2026-09-01T08:03:00',
      userName: 'WANGLI',
      limit: 1,
      offset: 1,
    });
    expect(early).toMatchObject({ total: 2, rows: [{ action: 'setup' }] });
  });

  it('exports .xlsx with the verification result on the first sheet, all cells text and formula-safe', async () => {
    const t = await setUpCore();
    await t.call('createAccount', {
      userName: 'zhao',
      displayName: '=HYPERLINK("x")',
      role: 'clerk',
      initialPassword: 'Pine#River-77',
    });
    const file = await t.call('exportAuditLog', {}, 'xlsx');
    expect(file.fileName).toMatch(/^访问日志-\d{8}-\d{6}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const [summary, log] = workbook.worksheets;
    expect(summary?.name).toBe('校验结果');
    expect(summary?.getCell('B2').value).toMatch(/^完整：哈希链与校验锚点一致，共 \d+ 条$/);
    expect(log?.getRow(1).values).toContain('操作');
    const details = Array.from(log?.getColumn(9).values ?? [], (v) => String(v ?? '')).find((v) =>
      v.includes('HYPERLINK'),
    );
    expect(details?.startsWith('=')).toBe(false);
    expect(typeof log?.getCell('A2').value).toBe('string');
    const latest = await t.call('listAuditEvents', { limit: 1, offset: 0 });
    expect(latest.rows[0]).toMatchObject({ action: 'audit.export', details: { format: 'xlsx' } });
  });

  it('exports CSV with a BOM for Excel, the verification lines first, formula-safe cells', async () => {
    const t = await setUpCore();
    await t.call('createAccount', {
      userName: 'zhao',
      displayName: '@SUM(1)',
      role: 'clerk',
      initialPassword: 'Pine#River-77',
    });
    const file = await t.call('exportAuditLog', { action: 'account.create' }, 'csv');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF访问日志导出')).toBe(true);
    expect(text).toContain('校验结果,完整');
    expect(text).toContain('序号,时间,账号,角色,操作');
    expect(text).toMatch(/新建账号/);
    expect(text).not.toMatch(/,"?@SUM/);
  });
});
