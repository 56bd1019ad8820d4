/**
 * Which screen the clerk may see, from the installation and session state.
 * Pure, so the router guard and the tests share it. Core checks every call
 * again; this only keeps the clerk away from screens that would be refused
 * (DESIGN.md §2: access is enforced in core, never in the UI).
 */
import { apiAccess, type ApiMethod } from '../../shared/api';
import type { SessionInfo } from '../../shared/accounts';
import type { AppStatus } from '../../shared/system';

/** Where each state of the app lives. */
export const paths = {
  setup: '/setup',
  login: '/login',
  changePassword: '/change-password',
  home: '/home',
  system: '/system',
} as const;

/** The part of a route the decision needs (its `meta`, see router.ts). */
export interface RouteAccess {
  readonly path: string;
  /** Reachable in every state (系统信息: support staff need it when nobody can log in). */
  readonly public?: boolean;
  /** A contract method the page calls: the page is offered only to roles that may call it. */
  readonly requires?: ApiMethod;
}

export interface AccessState {
  /** Null until the first `status()` answered (or when it failed). */
  readonly status: AppStatus | null;
  /** Setup just finished and the recovery code is not confirmed as saved yet. */
  readonly recoveryCodePending: boolean;
}

/** Whether this session may call a method, by the contract's own access table. */
export function mayCall(session: SessionInfo | null, method: ApiMethod): boolean {
  const access = apiAccess[method];
  if (access === 'public') return true;
  if (!session) return false;
  if (access === 'signed-in') return true;
  return !session.mustChangePassword && (access as readonly string[]).includes(session.role);
}

/** The path to send the clerk to instead of `to`, or null when `to` is fine. */
export function redirectFor(state: AccessState, to: RouteAccess): string | null {
  if (to.public) return null;
  const { status } = state;
  const stay = (path: string): string | null => (to.path === path ? null : path);
  // Core unreachable: 系统信息 says what is wrong.
  if (!status) return stay(paths.system);
  // A file of the data folder missing: the login page offers the last good automatic backup instead of its form.
  if (status.installation === 'damaged') return stay(paths.login);
  if (status.installation === 'not-set-up' || state.recoveryCodePending) return stay(paths.setup);
  const { session } = status;
  if (!session) return stay(paths.login);
  if (session.mustChangePassword) return stay(paths.changePassword);
  if (to.path === paths.setup || to.path === paths.login) return paths.home;
  if (to.requires && !mayCall(session, to.requires)) return paths.home;
  return null;
}
