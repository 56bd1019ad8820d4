/**
 * The password policy (DESIGN.md §4; rule SEC-2; 等保 2.0 identity controls).
 * Pure: the same checks run in core (binding) and in the renderer (live hints).
 */

export interface PasswordPolicy {
  /** Minimum length; three of four character classes are always required. */
  readonly minLength: number;
  /** Days a password stays valid (SEC-2 rotation). */
  readonly rotationDays: number;
  /** Days before expiry from which the clerk is warned. */
  readonly warningDays: number;
  /** How many previous passwords may not be reused. */
  readonly historySize: number;
  /** Consecutive failed logins that lock the account. */
  readonly maxFailures: number;
  /** How long a locked account stays locked. */
  readonly lockoutMinutes: number;
  /** Idle minutes after which the session locks. */
  readonly idleLockMinutes: number;
}

export interface Bound {
  readonly min: number;
  readonly max: number;
  /** Chinese label for the settings screen and messages. */
  readonly label: string;
  readonly unit: string;
}

/** What the administrator may configure: never below common practice (DOMAIN.md "Security norms"). */
export const passwordPolicyBounds: { readonly [K in keyof PasswordPolicy]: Bound } = {
  minLength: { min: 8, max: 32, label: '密码最短长度', unit: '个字符' },
  rotationDays: { min: 30, max: 180, label: '密码有效期', unit: '天' },
  warningDays: { min: 1, max: 30, label: '到期前提醒', unit: '天' },
  historySize: { min: 5, max: 24, label: '不得重复使用最近的密码', unit: '个' },
  maxFailures: { min: 3, max: 10, label: '连续登录失败锁定次数', unit: '次' },
  lockoutMinutes: { min: 5, max: 60, label: '账号锁定时长', unit: '分钟' },
  idleLockMinutes: { min: 5, max: 30, label: '无操作自动锁屏', unit: '分钟' },
};

export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  rotationDays: 90,
  warningDays: 7,
  historySize: 5,
  maxFailures: 5,
  lockoutMinutes: 15,
  idleLockMinutes: 10,
};

/** Longest password accepted; anything longer is refused before any key derivation. */
export const maxPasswordLength = 128;

/** Problems with a policy an administrator entered, in Chinese; empty when it is within bounds. */
export function policyProblems(policy: PasswordPolicy): string[] {
  return (Object.keys(passwordPolicyBounds) as (keyof PasswordPolicy)[]).flatMap((key) => {
    const { min, max, label, unit } = passwordPolicyBounds[key];
    const value = policy[key];
    return Number.isInteger(value) && value >= min && value <= max
      ? []
      : [`${label}应在 ${min} 到 ${max} ${unit}之间。`];
  });
}

const characterClasses: readonly [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

/** A strength score 0 (guessable) to 4 (strong), from the estimator the caller supplies. */
export type StrengthEstimator = (password: string, userInputs: readonly string[]) => number;

/** The minimum estimator score accepted ("weak" is 0-2). */
export const minimumStrengthScore = 3;

/**
 * Problems with a new password, in Chinese, for the clerk; empty when it is
 * acceptable. The history check (not one of the last N) needs the stored
 * hashes and is done by core.
 */
export function passwordProblems(
  password: string,
  context: { readonly userName: string; readonly displayName?: string; readonly policy: PasswordPolicy },
  estimateStrength: StrengthEstimator,
): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push('密码不能包含控制字符（如换行、制表符）。');
  if (password.length > maxPasswordLength) problems.push(`密码不能超过 ${maxPasswordLength} 个字符。`);
  if (password.length < context.policy.minLength) problems.push(`密码至少需要 ${context.policy.minLength} 个字符。`);
  const present = characterClasses.filter(([pattern]) => pattern.test(password));
  if (present.length < 3) {
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少三类（现有 ${present.length} 类）。`);
  }
  if (context.userName && password.toLowerCase().includes(context.userName.toLowerCase())) {
    problems.push('密码不能包含用户名。');
  }
  if (problems.length === 0) {
    const inputs = [context.userName, context.displayName ?? ''].filter(Boolean);
    if (estimateStrength(password, inputs) < minimumStrengthScore) {
      problems.push('密码太容易被猜到（常见密码、键盘序列、重复字符或日期等），请换一个。');
    }
  }
  return problems;
}

export type ExpiryState = 'valid' | 'warning' | 'expired';

export interface PasswordExpiry {
  readonly expiresAt: Date;
  /** Whole days left, rounded up; 0 or less once expired. */
  readonly daysLeft: number;
  readonly state: ExpiryState;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Rotation (SEC-2): when the password expires and whether to warn. */
export function passwordExpiry(changedAt: Date, now: Date, policy: PasswordPolicy): PasswordExpiry {
  const expiresAt = new Date(changedAt.getTime() + policy.rotationDays * dayMs);
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / dayMs);
  const state = now >= expiresAt ? 'expired' : daysLeft <= policy.warningDays ? 'warning' : 'valid';
  return { expiresAt, daysLeft, state };
}

/** After a failed login: until when the account is locked, or null while attempts remain. */
export function lockedUntilAfterFailure(
  consecutiveFailures: number,
  now: Date,
  policy: Pick<PasswordPolicy, 'maxFailures' | 'lockoutMinutes'>,
): Date | null {
  return consecutiveFailures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
}
