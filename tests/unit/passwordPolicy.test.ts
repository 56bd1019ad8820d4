import { describe, expect, it } from 'vitest';
import {
  defaultPasswordPolicy,
  lockedUntilAfterFailure,
  passwordExpiry,
  passwordProblems,
  policyProblems,
} from '../../shared/passwordPolicy';
import { estimateStrength } from '../../shared/passwordStrength';

const check = (password: string, userName = 'zhangsan') =>
  passwordProblems(password, { userName, displayName: '张三', policy: defaultPasswordPolicy }, estimateStrength);

describe('SEC-2 password policy', () => {
  it('accepts a long password with three classes that is hard to guess', () => {
    expect(check('Qingshan-Lake-42')).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1-x', '至少需要 8 个字符'],
    ['two classes', 'qingshanlake', '至少三类'],
    ['contains the user name', 'Zhangsan-2026!', '不能包含用户名'],
    ['a common password', 'Password1!', '太容易被猜到'],
    ['a keyboard walk', 'Qwerty123!', '太容易被猜到'],
    ['control characters', 'Qingshan\nLake-42', '控制字符'],
    ['1 MB long', `Aa1-${'x'.repeat(1024 * 1024)}`, '不能超过 128 个字符'],
  ])('refuses %s, saying why in Chinese', (_what, password, message) => {
    expect(check(password).join('')).toContain(message);
  });

  it('rotation: valid, then a warning from 7 days before, then expired after 90 days', () => {
    const changed = new Date('2026-09-01T08:00:00+08:00');
    const at = (days: number) =>
      passwordExpiry(changed, new Date(changed.getTime() + days * 86_400_000), defaultPasswordPolicy);
    expect(at(10)).toMatchObject({ state: 'valid', daysLeft: 80 });
    expect(at(83)).toMatchObject({ state: 'warning', daysLeft: 7 });
    expect(at(90).state).toBe('expired');
  });

  it('locks at the 5th consecutive failure, for 15 minutes', () => {
    const now = new Date('2026-09-01T08:00:00Z');
    expect(lockedUntilAfterFailure(4, now, defaultPasswordPolicy)).toBeNull();
    expect(lockedUntilAfterFailure(5, now, defaultPasswordPolicy)).toEqual(new Date('2026-09-01T08:15:00Z'));
  });

  it('the administrator may configure within bounds only', () => {
    expect(policyProblems(defaultPasswordPolicy)).toEqual([]);
    expect(policyProblems({ ...defaultPasswordPolicy, rotationDays: 365, idleLockMinutes: 60 })).toEqual([
      '密码有效期应在 30 到 180 天之间。',
      '无操作自动锁屏应在 5 到 30 分钟之间。',
    ]);
  });
});
