/** How an account's state reads in the 账号管理 table. */
import type { AccountSummary } from '../../../shared/accounts';
import { formatDateMinute } from './units';

export interface AccountState {
  readonly label: string;
  readonly type: 'success' | 'info' | 'danger';
}

/** 启用 / 停用, and 已锁定 while failed logins keep it locked. */
export function accountStates(account: AccountSummary, now: Date = new Date()): AccountState[] {
  const states: AccountState[] = [
    account.enabled ? { label: '启用', type: 'success' } : { label: '停用', type: 'info' },
  ];
  if (isLocked(account, now)) states.push({ label: '已锁定', type: 'danger' });
  return states;
}

export function isLocked(account: AccountSummary, now: Date = new Date()): boolean {
  return account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > now.getTime();
}

/** A time to the minute, or "—" when there is none. */
export function timeOrDash(value: string | null): string {
  return value ? formatDateMinute(value) : '—';
}
