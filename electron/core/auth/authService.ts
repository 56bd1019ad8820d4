/**
 * Setup, login, unlock, logout, lock and password changes (DESIGN.md §4;
 * rules SEC-1, SEC-2, OPS-3). Every outcome is in the access log; failures
 * before the database is open wait in keyring.json until the next login.
 *
 * Longer than our usual 400 lines on purpose: these steps share one session
 * and one keyring discipline, and reading them together is how a reviewer
 * checks that no path skips the log or the lockout.
 */
import type {
  ChangePasswordRequest,
  LoginRequest,
  SessionInfo,
  SetupRequest,
  SetupResult,
} from '../../../shared/accounts';
import { defaultPasswordPolicy, maxPasswordLength, type PasswordPolicy } from '../../../shared/passwordPolicy';
import { chineseDateTime, isoWithOffset } from '../../../shared/time';
import { readAnchor } from '../audit/anchor';
import { appendAudit, auditHead } from '../audit/auditLog';
import { verifyAndRecord } from '../audit/auditService';
import { AppError } from '../errors';
import { removeQuietly } from '../files';
import { newRecoveryCode, unwrapSlot, withSlot, type Keyring } from '../keyring/keyring';
import { readKeyring, writeKeyring } from '../keyring/keyringFile';
import { createStorage, type DataPaths, openDatabase, type StorageOptions } from '../storage';
import {
  findAccount,
  insertAccount,
  readPolicy,
  recordLogin,
  setPassword,
  writePolicy,
  writeSchool,
  type AccountRow,
} from './accountStore';
import { clearAfterLogin, clearLockout, lockedUntil, recordFailure, type FailureOutcome } from './loginFailures';
import { accountSlotId, checkNewPassword, normalizeUserName } from './accountRules';
import { addToHistory, hashForHistory, recentHistory } from './passwordHistory';
import type { Session, Sessions } from './session';

export interface AuthContext {
  readonly paths: DataPaths;
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly storage: Omit<StorageOptions, 'now'>;
  /**
   * Runs once a login has opened its session (the day's database check and automatic backup). Throws only
   * after closing the session: the login then fails with that error.
   */
  readonly afterLogin?: (at: Date) => void;
}

function wrongCredentials(outcome: FailureOutcome): AppError {
  if (outcome.lockedUntil) return accountLocked(outcome.lockedUntil);
  return new AppError(
    'WRONG_CREDENTIALS',
    `用户名或密码不正确，还可尝试 ${outcome.remaining} 次，之后账号将被临时锁定。`,
    'wrong user name or password',
  );
}

function accountLocked(until: Date): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `连续登录失败次数过多，账号已锁定，将于 ${chineseDateTime(until)} 自动解锁。如需提前解锁，请联系管理员重置密码。`,
    `locked until ${until.toISOString()}`,
  );
}

export function createAuthService(context: AuthContext) {
  const { paths, sessions, now } = context;

  function newSession(
    storage: Session['storage'],
    account: AccountRow,
    policy: PasswordPolicy,
    extra: Pick<Session, 'previousLoginAt' | 'clockWarning'>,
  ): Session {
    return {
      storage,
      actor: { id: account.id, userName: account.userName, displayName: account.displayName, role: account.role },
      locked: false,
      lastActivity: now(),
      mustChangePassword: account.mustChangePassword,
      passwordChangedAt: new Date(account.passwordChangedAt),
      policy,
      ...extra,
    };
  }

  /** Unwraps the account's slot; a password longer than any allowed one fails without key derivation. */
  async function dataKeyOf(keyring: Keyring, userName: string, password: string): Promise<Buffer> {
    if (password.length > maxPasswordLength) {
      throw new AppError('WRONG_SECRET', '密码不正确。', 'password longer than any allowed');
    }
    return unwrapSlot(keyring, accountSlotId(userName), password);
  }

  async function setup(request: SetupRequest): Promise<SetupResult> {
    const userName = normalizeUserName(request.adminUserName);
    const displayName = request.adminDisplayName.trim();
    await checkNewPassword(request.password, { userName, displayName, policy: defaultPasswordPolicy });
    const recoveryCode = newRecoveryCode();
    const at = now();
    const storage = await createStorage(
      paths,
      [
        { id: accountSlotId(userName), kind: 'account', secret: request.password },
        { id: 'recovery', kind: 'recovery', secret: recoveryCode },
      ],
      { ...context.storage, now: at },
    );
    const history = await hashForHistory(request.password);
    try {
      storage.db.transaction(() => {
        const stamp = isoWithOffset(at);
        writeSchool(storage.db, { name: request.schoolName.trim(), code: request.schoolCode }, stamp);
        writePolicy(storage.db, defaultPasswordPolicy, stamp);
        const id = insertAccount(storage.db, {
          userName,
          displayName,
          role: 'admin',
          mustChangePassword: null,
          at: stamp,
          createdBy: null,
        });
        addToHistory(storage.db, id, history, stamp);
        recordLogin(storage.db, id, stamp);
        const actor = { userName, role: 'admin' as const };
        appendAudit(storage.db, {
          at,
          ...actor,
          action: 'setup',
          objectType: 'school',
          objectId: request.schoolCode,
          outcome: 'success',
          details: {
            schoolName: request.schoolName.trim(),
            administrator: userName,
            appVersion: context.storage.appVersion,
          },
        });
        appendAudit(storage.db, {
          at,
          ...actor,
          action: 'login',
          objectType: 'account',
          objectId: userName,
          outcome: 'success',
        });
      })();
    } catch (error) {
      // Without its first account the installation is unusable: undo it whole.
      storage.db.close();
      [paths.database, paths.keyring].forEach(removeQuietly);
      throw error;
    }
    const account = findAccount(storage.db, userName)!;
    sessions.open(newSession(storage, account, defaultPasswordPolicy, { previousLoginAt: null, clockWarning: null }));
    return { recoveryCode, session: sessions.info(at)! };
  }

  async function login(request: LoginRequest): Promise<SessionInfo> {
    if (sessions.current()) {
      throw new AppError('RULE_VIOLATION', '已有账号登录。请先退出登录，再用其他账号登录。', 'session already open');
    }
    const userName = normalizeUserName(request.userName).slice(0, 64);
    const at = now();
    const keyring = readKeyring(paths.keyring);
    const knownUser = keyring.slots.some((slot) => slot.id === accountSlotId(userName));
    const locked = lockedUntil(keyring, userName, at);
    if (locked) {
      writeKeyring(
        paths.keyring,
        recordFailure(keyring, { userName, reason: 'locked', during: 'login', knownUser }, at).keyring,
      );
      throw accountLocked(locked);
    }
    let dataKey: Buffer;
    try {
      dataKey = await dataKeyOf(keyring, userName, request.password);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'WRONG_SECRET')) throw error;
      const reason = knownUser ? 'wrong-password' : 'unknown-user';
      const outcome = recordFailure(keyring, { userName, reason, during: 'login', knownUser }, at);
      writeKeyring(paths.keyring, outcome.keyring);
      throw wrongCredentials(outcome);
    }
    const storage = { paths, db: openDatabase(paths.database, dataKey, context.storage), keyring, dataKey };
    try {
      return admit(storage, userName, at);
    } catch (error) {
      if (sessions.current()?.storage !== storage) storage.db.close();
      throw error;
    }
  }

  /** The password was right: check the account, move pending failures into the log, open the session. */
  function admit(storage: Session['storage'], userName: string, at: Date): SessionInfo {
    const { db, keyring } = storage;
    const account = findAccount(db, userName);
    if (!account) throw new Error(`key slot without account: ${userName}`);
    if (!account.enabled) {
      db.transaction(() =>
        appendAudit(db, {
          at,
          userName,
          role: account.role,
          action: 'login.failed',
          objectType: 'account',
          objectId: userName,
          outcome: 'failure',
          details: { reason: 'disabled' },
        }),
      )();
      throw new AppError('ACCOUNT_DISABLED', '此账号已被管理员停用，无法登录。', `account ${userName} disabled`);
    }
    const policy = readPolicy(db);
    const head = auditHead(db);
    // A clock behind the last log entry could dodge password rotation: recorded and shown to administrators.
    const clockWarning =
      head.at && new Date(head.at) > at
        ? `系统时间（${chineseDateTime(at)}）早于访问日志中最后一条记录的时间（${chineseDateTime(new Date(head.at))}），请检查电脑时间是否被调回。`
        : null;
    db.transaction(() => {
      verifyAndRecord(db, readAnchor(paths.auditAnchor, storage.dataKey, keyring.installationId), at, {
        userName,
        role: account.role,
      });
      for (const failure of keyring.pendingFailures) {
        const failedAt = new Date(failure.at);
        appendAudit(db, {
          at: failedAt,
          userName: failure.userName,
          role: null,
          action: 'login.failed',
          objectType: 'account',
          objectId: failure.userName,
          outcome: 'failure',
          details: { reason: failure.reason, during: failure.during, movedFromKeyringAt: isoWithOffset(at) },
        });
        if (failure.lockedUntil) {
          appendAudit(db, {
            at: failedAt,
            userName: failure.userName,
            role: null,
            action: 'account.lockout',
            objectType: 'account',
            objectId: failure.userName,
            outcome: 'success',
            details: { lockedUntil: failure.lockedUntil },
          });
        }
      }
      if (clockWarning) {
        appendAudit(db, {
          at,
          userName,
          role: account.role,
          action: 'clock.backwards',
          outcome: 'failure',
          details: { systemTime: isoWithOffset(at), lastEntryAt: head.at },
        });
      }
      recordLogin(db, account.id, isoWithOffset(at));
      appendAudit(db, {
        at,
        userName,
        role: account.role,
        action: 'login',
        objectType: 'account',
        objectId: userName,
        outcome: 'success',
        details: { previousLoginAt: account.lastLoginAt },
      });
      writeKeyring(paths.keyring, clearAfterLogin(readKeyring(paths.keyring), userName));
    })();
    sessions.open(newSession(storage, account, policy, { previousLoginAt: account.lastLoginAt, clockWarning }));
    context.afterLogin?.(at);
    return sessions.info(at)!;
  }

  /** Re-enter the password of the locked session; failures count towards the lockout. */
  async function unlock(password: string): Promise<SessionInfo> {
    const session = sessions.current();
    if (!session) throw new AppError('SESSION_REQUIRED', '请先登录。', 'unlock without session');
    const at = now();
    await verifyOwnPassword(session, password, 'unlock', at);
    session.locked = false;
    session.lastActivity = at;
    const { db } = session.storage;
    db.transaction(() =>
      appendAudit(db, {
        at,
        userName: session.actor.userName,
        role: session.actor.role,
        action: 'session.unlock',
        outcome: 'success',
      }),
    )();
    return sessions.info(at)!;
  }

  /**
   * Checks the session account's own password (unlock, password change). A
   * wrong one is logged at once (the database is open) and counts towards
   * the lockout, which also ends the session.
   */
  async function verifyOwnPassword(
    session: Session,
    password: string,
    during: 'unlock' | 'password-change',
    at: Date,
  ): Promise<void> {
    const { userName, role } = session.actor;
    const keyring = readKeyring(paths.keyring);
    try {
      await dataKeyOf(keyring, userName, password);
      if (keyring.loginFailures[userName]) writeKeyring(paths.keyring, clearLockout(keyring, userName));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'WRONG_SECRET')) throw error;
      const outcome = recordFailure(keyring, { userName, reason: 'wrong-password', during, knownUser: true }, at);
      const { db } = session.storage;
      db.transaction(() => {
        appendAudit(db, {
          at,
          userName,
          role,
          action: 'login.failed',
          objectType: 'account',
          objectId: userName,
          outcome: 'failure',
          details: { reason: 'wrong-password', during },
        });
        if (outcome.lockedUntil) {
          appendAudit(db, {
            at,
            userName,
            role,
            action: 'account.lockout',
            objectType: 'account',
            objectId: userName,
            outcome: 'success',
            details: { lockedUntil: isoWithOffset(outcome.lockedUntil) },
          });
        }
        // Logged here already: only the counters go to the keyring.
        writeKeyring(paths.keyring, { ...outcome.keyring, pendingFailures: keyring.pendingFailures });
      })();
      if (outcome.lockedUntil) sessions.close();
      if (!outcome.lockedUntil) {
        throw new AppError(
          'WRONG_SECRET',
          `密码不正确，还可尝试 ${outcome.remaining} 次。`,
          'wrong password for own account',
        );
      }
      throw accountLocked(outcome.lockedUntil);
    }
  }

  function logout(): void {
    sessions.audit({ at: now(), action: 'logout', outcome: 'success' });
    sessions.close();
  }

  /** Quitting the app ends the session too, and says so in the log, locked or not. */
  function endOnQuit(): void {
    const session = sessions.current();
    if (!session) return;
    const { db } = session.storage;
    db.transaction(() =>
      appendAudit(db, {
        at: now(),
        userName: session.actor.userName,
        role: session.actor.role,
        action: 'logout',
        outcome: 'success',
        details: { reason: 'quit' },
      }),
    )();
    sessions.close();
  }

  function lockSession(): SessionInfo {
    const session = sessions.require();
    const at = now();
    session.storage.db.transaction(() =>
      sessions.audit({ at, action: 'session.lock', outcome: 'success', details: { reason: 'manual' } }),
    )();
    session.locked = true;
    return sessions.info(at)!;
  }

  async function changePassword(request: ChangePasswordRequest): Promise<SessionInfo> {
    const session = sessions.require();
    const at = now();
    const { userName, displayName, id } = session.actor;
    const { db, dataKey } = session.storage;
    await verifyOwnPassword(session, request.currentPassword, 'password-change', at);
    const policy = readPolicy(db);
    await checkNewPassword(request.newPassword, {
      userName,
      displayName,
      policy,
      history: recentHistory(db, id, policy.historySize),
    });
    const keyring = await withSlot(
      readKeyring(paths.keyring),
      { id: accountSlotId(userName), kind: 'account' },
      request.newPassword,
      dataKey,
      {
        cost: context.storage.scryptCost,
        now: at,
      },
    );
    const history = await hashForHistory(request.newPassword);
    const reason = session.mustChangePassword ?? 'voluntary';
    db.transaction(() => {
      setPassword(db, id, isoWithOffset(at), null);
      addToHistory(db, id, history, isoWithOffset(at));
      sessions.audit({
        at,
        action: 'password.change',
        objectType: 'account',
        objectId: userName,
        outcome: 'success',
        details: { reason },
      });
      writeKeyring(paths.keyring, keyring); // last: a failed write rolls the database back too
    })();
    session.mustChangePassword = null;
    session.passwordChangedAt = at;
    session.policy = policy;
    return sessions.info(at)!;
  }

  function confirmRecoveryCodeSaved(): void {
    const session = sessions.require();
    session.storage.db.transaction(() =>
      sessions.audit({ at: now(), action: 'recovery-code.confirm', outcome: 'success' }),
    )();
  }

  return { setup, login, unlock, logout, endOnQuit, lockSession, changePassword, confirmRecoveryCodeSaved };
}
