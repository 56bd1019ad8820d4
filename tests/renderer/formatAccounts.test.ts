/** Pure helpers of the account screens: banners, field messages, the recovery code's lines, account states. */
import { describe, expect, it } from 'vitest';
import { accountStates } from '../../renderer/src/format/accounts';
import { displayNameError, schoolCodeError, userNameError } from '../../renderer/src/format/fields';
import { codeLines } from '../../renderer/src/format/recoveryCode';
import { previousLoginText, sessionBanners } from '../../renderer/src/format/session';
import { formatDateMinute } from '../../renderer/src/format/units';
import { accounts, adminSession, clerkSession } from './fixtures';

describe('session banners', () => {
  it('warn with the days left before the password expires', () => {
    const [banner] = sessionBanners({ ...clerkSession, passwordExpiryWarning: true, passwordDaysLeft: 3 });
    expect(banner).toMatchObject({ type: 'warning', title: '您的密码将在 3 天后到期' });
    expect(sessionBanners(clerkSession)).toEqual([]);
  });

  it('put a clock warning first, in red', () => {
    const banners = sessionBanners({
      ...adminSession,
      clockWarning: '系统时间早于访问日志中最后一条记录的时间。',
      passwordExpiryWarning: true,
      passwordDaysLeft: 1,
    });
    expect(banners.map((b) => [b.id, b.type])).toEqual([
      ['clock', 'error'],
      ['password-expiry', 'warning'],
    ]);
  });

  it('stay away from the forced password change screen', () => {
    expect(sessionBanners({ ...adminSession, mustChangePassword: 'expired', passwordExpiryWarning: true })).toEqual([]);
  });

  it('say when the account last signed in', () => {
    expect(previousLoginText(adminSession)).toBe('上次登录：2026-08-31 17:02');
    expect(previousLoginText({ ...adminSession, previousLoginAt: null })).toBe('这是此账号的首次登录');
  });
});

describe('field messages', () => {
  it('count the digits of a school code', () => {
    expect(schoolCodeError('3140300001')).toBe('');
    expect(schoolCodeError('314030000')).toBe('学校标识码是 10 位数字，现在是 9 位');
    expect(schoolCodeError('31403O0001')).toBe('学校标识码只能包含数字');
    expect(schoolCodeError('')).toBe('请输入学校标识码');
  });

  it('explain what a user name may contain', () => {
    expect(userNameError('li.laoshi_2')).toBe('');
    expect(userNameError('李老师')).toContain('不能有空格或汉字');
    expect(displayNameError('  ')).toBe('请输入姓名');
  });
});

describe('recovery code lines', () => {
  it('break between groups, three to a line', () => {
    expect(codeLines('NKZT3-NT6YM-PV1H2-979ES-ZD01N-YEVQR')).toEqual(['NKZT3-NT6YM-PV1H2-', '979ES-ZD01N-YEVQR']);
    expect(codeLines('ABCD-EFGH')).toEqual(['ABCD-EFGH']);
    expect(codeLines('NKZT3-NT6YM-PV1H2-979ES-ZD01N-YEVQR').join('')).toBe('NKZT3-NT6YM-PV1H2-979ES-ZD01N-YEVQR');
  });
});

describe('account states', () => {
  it('show 已锁定 only while the lock lasts', () => {
    const locked = accounts[1]!;
    expect(accountStates(locked, new Date('2026-09-01T00:00:00Z')).map((s) => s.label)).toEqual(['启用', '已锁定']);
    expect(accountStates(locked, new Date('2100-01-01T00:00:00Z')).map((s) => s.label)).toEqual(['启用']);
    expect(accountStates(accounts[2]!).map((s) => s.label)).toEqual(['停用']);
  });

  it('give times to the minute', () => {
    expect(formatDateMinute(new Date(2026, 8, 1, 8, 5, 9))).toBe('2026-09-01 08:05');
  });
});
