/** Accounts and roles (DESIGN.md §4; rules SEC-1, SEC-2, OPS-3). */

export const roles = ['admin', 'clerk', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Readonly<Record<Role, string>> = {
  admin: '管理员', // school settings, accounts, audit
  clerk: '学籍员', // daily register work
  auditor: '审计员', // read-only records and audit log, for inspectors
};

/** Why the password must be changed before anything else. */
export type PasswordChangeReason =
  /** An initial password set by the administrator. */
  | 'initial'
  /** A password reset by the administrator. */
  | 'reset'
  /** Past the rotation period (SEC-2). */
  | 'expired';

export const passwordChangeReasonLabels: Readonly<Record<PasswordChangeReason, string>> = {
  initial: '这是管理员设置的初始密码，请先修改为只有您知道的密码。',
  reset: '密码已被管理员重置，请先修改为只有您知道的密码。',
  expired: '密码已过期，请先修改密码。',
};

export interface AccountSummary {
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly passwordChangedAt: string;
  readonly lastLoginAt: string | null;
  /** Whether the account is locked after failed logins right now, and until when. */
  readonly lockedUntil: string | null;
}

/** User names: what a clerk types every day; letters, digits, dot, dash, underscore. */
export const userNamePattern = /^[A-Za-z0-9._-]{2,32}$/;

/** The logged-in clerk as the renderer sees it; the session itself lives in core. */
export interface SessionInfo {
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
  /** Idle or manual lock: the password unlocks it, the screen's state is kept. */
  readonly locked: boolean;
  /** When set, nothing but changing the password (or logging out) is allowed. */
  readonly mustChangePassword: PasswordChangeReason | null;
  readonly passwordExpiresAt: string;
  /** Whole days until the password expires (SEC-2). */
  readonly passwordDaysLeft: number;
  /** Within the warning period before expiry. */
  readonly passwordExpiryWarning: boolean;
  readonly idleLockMinutes: number;
  /** The previous successful login of this account, if any. */
  readonly previousLoginAt: string | null;
  /** Administrators only: the system clock was behind the last access-log entry at login. */
  readonly clockWarning: string | null;
}

export interface SetupRequest {
  /** 学校名称 */
  readonly schoolName: string;
  /** 学校标识码: 10 digits. */
  readonly schoolCode: string;
  readonly adminUserName: string;
  readonly adminDisplayName: string;
  readonly password: string;
}

export interface SetupResult {
  /** Shown once; only its slot in keyring.json remains. */
  readonly recoveryCode: string;
  readonly session: SessionInfo;
}

export interface LoginRequest {
  readonly userName: string;
  readonly password: string;
}

export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export interface NewAccountRequest {
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
  readonly initialPassword: string;
}

export interface ResetPasswordRequest {
  readonly userName: string;
  readonly newPassword: string;
}

export interface AccountEnabledRequest {
  readonly userName: string;
  readonly enabled: boolean;
}

/** 学校标识码: the national 10-digit school code. */
export const schoolCodePattern = /^\d{10}$/;
