/**
 * Accounts, sessions and password rules on a real encrypted installation
 * (issue 3; rules SEC-1, SEC-2, SEC-3, OPS-3; 等保 2.0 identity controls).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiAccess, apiMethods, type ApiMethod } from '../../shared/api';
import { adminPassword, school, setUpCore, testCore } from './fixtures';

const clerkPassword = 'Pine#River-77';
const clerkNewPassword = 'Maple~Cloud-58';

async function withClerk() {
  const t = await setUpCore();
  await t.call('createAccount', {
    userName: 'lihua',
    displayName: '李华',
    role: 'clerk',
    initialPassword: clerkPassword,
  });
  await t.call('logout');
  return t;
}

async function actions(t: Awaited<ReturnType<typeof setUpCore>>) {
  const page = await t.call('listAuditEvents', { limit: 500, offset: 0 });
  return page.rows.map((row) => `${row.action}:${row.userName ?? ''}:${row.outcome}`).reverse();
}

describe('SEC-1 setup and login', () => {
  it('setup creates the first administrator, logs them in and returns the recovery code once', async () => {
    const t = testCore();
    const result = await t.call('setup', {
      ...school,
      adminUserName: 'WangLi',
      adminDisplayName: '王丽',
      password: adminPassword,
    });
    expect(result.recoveryCode).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    expect(result.session).toMatchObject({
      userName: 'wangli',
      role: 'admin',
      locked: false,
      mustChangePassword: null,
    });
    expect((await t.call('status')).session?.userName).toBe('wangli');
    // The recovery code exists only as a key slot: nowhere in clear on disk.
    expect(readFileSync(t.paths.keyring, 'utf8')).not.toContain(result.recoveryCode);
    await expect(
      t.call('setup', { ...school, adminUserName: 'x2', adminDisplayName: '某', password: adminPassword }),
    ).rejects.toMatchObject({
      code: 'ALREADY_SET_UP',
    });
  });

  it('setup refuses a weak administrator password, and leaves the folder empty', async () => {
    const t = testCore();
    await expect(
      t.call('setup', { ...school, adminUserName: 'wangli', adminDisplayName: '王丽', password: 'Password1!' }),
    ).rejects.toMatchObject({ code: 'PASSWORD_POLICY', message: expect.stringContaining('太容易被猜到') });
    expect((await t.call('status')).installation).toBe('not-set-up');
  });

  it('logs in by user name in any case, and logs out', async () => {
    const t = await setUpCore();
    await t.call('logout');
    expect((await t.call('status')).session).toBeNull();
    const session = await t.call('login', { userName: ' WangLi ', password: adminPassword });
    expect(session).toMatchObject({ userName: 'wangli', previousLoginAt: expect.any(String) });
  });

  it('SEC-3 every non-public method refuses without a session', async () => {
    const t = await setUpCore();
    await t.call('logout');
    const guarded = apiMethods.filter((method) => apiAccess[method] !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    for (const method of guarded) {
      const result = await t.core.call(method, []);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    }
  });

  it('SEC-3 a role sees only what it may: a clerk cannot list accounts or read the access log', async () => {
    const t = await withClerk();
    await t.call('login', { userName: 'lihua', password: clerkPassword });
    await t.call('changePassword', { currentPassword: clerkPassword, newPassword: clerkNewPassword });
    const refused: ApiMethod[] = ['listAccounts', 'verifyAuditLog', 'updatePasswordPolicy', 'createAccount'];
    for (const method of refused) {
      expect(await t.core.call(method, []), method).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/FORBIDDEN|INVALID_INPUT/) },
      });
    }
    expect(await t.core.call('listAccounts', [])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您的账号角色无权进行此操作。' },
    });
    expect(await t.call('getPasswordPolicy')).toMatchObject({ rotationDays: 90 });
  });
});

describe('SEC-2 passwords', () => {
  it('an initial password must be changed at first login; nothing else is allowed before', async () => {
    const t = await withClerk();
    const session = await t.call('login', { userName: 'lihua', password: clerkPassword });
    expect(session.mustChangePassword).toBe('initial');
    expect(await t.core.call('listAccounts', [])).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });
    const changed = await t.call('changePassword', { currentPassword: clerkPassword, newPassword: clerkNewPassword });
    expect(changed.mustChangePassword).toBeNull();
    await t.call('logout');
    await expect(t.call('login', { userName: 'lihua', password: clerkPassword })).rejects.toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    expect(await t.call('login', { userName: 'lihua', password: clerkNewPassword })).toMatchObject({
      mustChangePassword: null,
    });
  });

  it('a reset password must be changed too, and lifts a lockout', async () => {
    const t = await withClerk();
    for (let i = 0; i < 5; i++) await t.core.call('login', [{ userName: 'lihua', password: 'nope' }]);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listAccounts')).find((a) => a.userName === 'lihua')?.lockedUntil).toBeTruthy();
    const reset = await t.call('resetPassword', { userName: 'lihua', newPassword: 'Birch&Stone-31' });
    expect(reset.lockedUntil).toBeNull();
    await t.call('logout');
    expect(await t.call('login', { userName: 'lihua', password: 'Birch&Stone-31' })).toMatchObject({
      mustChangePassword: 'reset',
    });
  });

  it('rotation: after 90 days login proceeds only into the change screen; a warning comes 7 days before', async () => {
    const t = await setUpCore();
    await t.call('logout');
    t.advance(83 * 24 * 60);
    expect(await t.call('login', { userName: 'wangli', password: adminPassword })).toMatchObject({
      passwordExpiryWarning: true,
      passwordDaysLeft: 7,
      mustChangePassword: null,
    });
    await t.call('logout');
    t.advance(8 * 24 * 60);
    expect(await t.call('login', { userName: 'wangli', password: adminPassword })).toMatchObject({
      mustChangePassword: 'expired',
    });
    expect(await t.core.call('listAccounts', [])).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });
    await t.call('changePassword', { currentPassword: adminPassword, newPassword: 'Willow^Bridge-64' });
    expect(await t.call('listAccounts')).toHaveLength(1);
  });

  it('refuses reuse of one of the last 5 passwords', async () => {
    const t = await setUpCore();
    await expect(
      t.call('changePassword', { currentPassword: adminPassword, newPassword: adminPassword }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
      message: '不能使用最近 5 次用过的密码。',
    });
    await t.call('changePassword', { currentPassword: adminPassword, newPassword: 'Willow^Bridge-64' });
    await expect(
      t.call('changePassword', { currentPassword: 'Willow^Bridge-64', newPassword: adminPassword }),
    ).rejects.toMatchObject({
      code: 'PASSWORD_POLICY',
    });
  });

  it('passwords of 1 MB or with control characters are refused without harm', async () => {
    const t = await setUpCore();
    await t.call('logout');
    const huge = await t.core.call('login', [{ userName: 'wangli', password: 'A1-'.repeat(350_000) }]);
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const control = await t.core.call('login', [{ userName: 'wangli', password: 'Qingshan\u0000Lake-42' }]);
    expect(control).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    await t.call('login', { userName: 'wangli', password: adminPassword });
    await expect(
      t.call('createAccount', {
        userName: 'zhao',
        displayName: '赵',
        role: 'clerk',
        initialPassword: 'Pine#River\t77',
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_POLICY', message: expect.stringContaining('控制字符') });
  });
});

describe('login failures and lockout', () => {
  it('the 5th consecutive failure locks for 15 minutes; the 6th attempt names the unlock time; then it expires', async () => {
    const t = await withClerk();
    for (let i = 1; i <= 4; i++) {
      await expect(t.call('login', { userName: 'lihua', password: `wrong-${i}` })).rejects.toMatchObject({
        code: 'WRONG_CREDENTIALS',
        message: expect.stringContaining(`还可尝试 ${5 - i} 次`),
      });
    }
    await expect(t.call('login', { userName: 'lihua', password: 'wrong-5' })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    await expect(t.call('login', { userName: 'lihua', password: clerkPassword })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringContaining('2026年9月1日 08:15'),
    });
    t.advance(16);
    expect(await t.call('login', { userName: 'lihua', password: clerkPassword })).toMatchObject({ userName: 'lihua' });
  });

  it('failures wait in keyring.json while the database is closed, then move into the access log', async () => {
    const t = await withClerk();
    await t.core.call('login', [{ userName: 'lihua', password: 'Secret-Guess-1' }]);
    await t.core.call('login', [{ userName: 'ghost', password: 'Secret-Guess-2' }]);
    const keyring = JSON.parse(readFileSync(t.paths.keyring, 'utf8'));
    expect(
      keyring.pendingFailures.map((f: { userName: string; reason: string }) => `${f.userName}:${f.reason}`),
    ).toEqual(['lihua:wrong-password', 'ghost:unknown-user']);
    expect(readFileSync(t.paths.keyring, 'utf8')).not.toContain('Secret-Guess');
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(JSON.parse(readFileSync(t.paths.keyring, 'utf8')).pendingFailures).toEqual([]);
    expect((await actions(t)).slice(-3)).toEqual([
      'login.failed:lihua:failure',
      'login.failed:ghost:failure',
      'login:wangli:success',
    ]);
  });

  it('a disabled account cannot log in, and is never deleted', async () => {
    const t = await withClerk();
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await t.call('setAccountEnabled', { userName: 'lihua', enabled: false })).toMatchObject({ enabled: false });
    await expect(t.call('setAccountEnabled', { userName: 'wangli', enabled: false })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
    await t.call('logout');
    await expect(t.call('login', { userName: 'lihua', password: clerkPassword })).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('listAccounts')).map((a) => a.userName)).toEqual(['wangli', 'lihua']);
  });

  it('a keyring edited by hand is refused with a clear message', async () => {
    const t = await setUpCore();
    await t.call('logout');
    writeFileSync(
      t.paths.keyring,
      readFileSync(t.paths.keyring, 'utf8').replace('"maxFailures": 5', '"maxFailures": 500'),
    );
    await expect(t.call('login', { userName: 'wangli', password: adminPassword })).rejects.toMatchObject({
      code: 'KEYRING_CORRUPT',
      message: expect.stringContaining('已损坏或被改动'),
    });
  });
});

describe('sessions', () => {
  it('locks after the idle minutes; the password unlocks it; a wrong one counts', async () => {
    const t = await setUpCore();
    t.advance(9);
    await t.call('reportActivity');
    t.advance(9);
    expect((await t.call('status')).session?.locked).toBe(false);
    t.advance(2);
    expect((await t.call('status')).session?.locked).toBe(true);
    expect(await t.core.call('listAccounts', [])).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    await expect(t.call('unlock', 'wrong')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
      message: expect.stringContaining('还可尝试 4 次'),
    });
    expect(await t.call('unlock', adminPassword)).toMatchObject({ locked: false });
    expect((await actions(t)).slice(-3)).toEqual([
      'session.lock:wangli:success',
      'login.failed:wangli:failure',
      'session.unlock:wangli:success',
    ]);
  });

  it('five wrong unlock passwords end the session and lock the account', async () => {
    const t = await setUpCore();
    await t.call('lockSession');
    for (let i = 0; i < 4; i++) await t.core.call('unlock', ['wrong']);
    await expect(t.call('unlock', 'wrong')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await t.call('status')).session).toBeNull();
  });

  it('the idle time comes from the administrator policy (5-30 minutes)', async () => {
    const t = await setUpCore();
    const policy = await t.call('getPasswordPolicy');
    expect(await t.core.call('updatePasswordPolicy', [{ ...policy, idleLockMinutes: 2 }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await t.call('updatePasswordPolicy', { ...policy, idleLockMinutes: 5 });
    t.advance(6);
    expect((await t.call('status')).session?.locked).toBe(true);
  });

  it('a clock set back behind the last log entry is recorded and shown to the administrator', async () => {
    const t = await setUpCore();
    await t.call('logout');
    t.advance(-24 * 60);
    const session = await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(session.clockWarning).toContain('早于访问日志中最后一条记录的时间');
    expect(await actions(t)).toContain('clock.backwards:wangli:failure');
  });

  it('OPS-3 the access log names who did what: setup, account creation, password change', async () => {
    const t = await withClerk();
    await t.call('login', { userName: 'lihua', password: clerkPassword });
    await t.call('changePassword', { currentPassword: clerkPassword, newPassword: clerkNewPassword });
    await t.call('logout');
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect(await actions(t)).toEqual([
      'setup:wangli:success',
      'login:wangli:success',
      'account.create:wangli:success',
      'logout:wangli:success',
      'login:lihua:success',
      'password.change:lihua:success',
      'logout:lihua:success',
      'login:wangli:success',
    ]);
  });
});
