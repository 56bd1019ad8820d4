/**
 * Failed logins and lockout (等保 2.0 login-failure handling; DESIGN.md §4),
 * kept in keyring.json because they happen before the database can be
 * opened. Pure functions: each returns the new keyring for the caller to write.
 */
import { lockedUntilAfterFailure } from '../../../shared/passwordPolicy';
import { isoWithOffset } from '../../../shared/time';
import type { FailureReason, Keyring, PendingFailure } from '../keyring/keyring';

/** Most pending failures kept between logins; older ones are dropped (a flood of guesses must not grow the file). */
const maxPending = 1000;

/** Until when the account is locked now, or null. */
export function lockedUntil(keyring: Keyring, userName: string, now: Date): Date | null {
  const until = keyring.loginFailures[userName]?.lockedUntil;
  return until && new Date(until) > now ? new Date(until) : null;
}

export interface FailureOutcome {
  readonly keyring: Keyring;
  readonly lockedUntil: Date | null;
  /** Attempts left before the lockout; 0 once locked. */
  readonly remaining: number;
}

/** Records one failure; an existing account is locked at the policy's count. */
export function recordFailure(
  keyring: Keyring,
  failure: { userName: string; reason: FailureReason; during: PendingFailure['during']; knownUser: boolean },
  now: Date,
): FailureOutcome {
  const { maxFailures } = keyring.lockout;
  const stillLocked = lockedUntil(keyring, failure.userName, now);
  const previous = stillLocked ? 0 : (keyring.loginFailures[failure.userName]?.consecutive ?? 0);
  const consecutive = failure.knownUser && !stillLocked ? previous + 1 : previous;
  const newLock = failure.knownUser && !stillLocked ? lockedUntilAfterFailure(consecutive, now, keyring.lockout) : null;
  const pending: PendingFailure = {
    at: isoWithOffset(now),
    userName: failure.userName,
    reason: failure.reason,
    during: failure.during,
    lockedUntil: newLock ? isoWithOffset(newLock) : null,
  };
  const loginFailures = failure.knownUser
    ? {
        ...keyring.loginFailures,
        [failure.userName]: {
          consecutive: newLock ? 0 : consecutive,
          lockedUntil: newLock
            ? isoWithOffset(newLock)
            : (keyring.loginFailures[failure.userName]?.lockedUntil ?? null),
        },
      }
    : keyring.loginFailures;
  return {
    keyring: { ...keyring, loginFailures, pendingFailures: [...keyring.pendingFailures, pending].slice(-maxPending) },
    lockedUntil: newLock ?? stillLocked,
    remaining: newLock || stillLocked ? 0 : maxFailures - consecutive,
  };
}

/** After a successful login: this account's count starts again, and the pending failures go to the access log. */
export function clearAfterLogin(keyring: Keyring, userName: string): Keyring {
  const { [userName]: _cleared, ...others } = keyring.loginFailures;
  return { ...keyring, loginFailures: others, pendingFailures: [] };
}

/** The administrator's reset also lifts a lockout. */
export function clearLockout(keyring: Keyring, userName: string): Keyring {
  const { [userName]: _cleared, ...others } = keyring.loginFailures;
  return { ...keyring, loginFailures: others };
}
