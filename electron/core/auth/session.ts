/**
 * The one session of this installation (专人专机: one clerk at a time),
 * held in core and never trusted from the renderer. Decides who may call
 * what (DESIGN.md §2, §4) and locks itself after the idle minutes.
 */
import type { PasswordChangeReason, Role, SessionInfo } from '../../../shared/accounts';
import type { MethodAccess } from '../../../shared/api';
import { type PasswordPolicy, passwordExpiry } from '../../../shared/passwordPolicy';
import { isoWithOffset } from '../../../shared/time';
import { writeAnchor } from '../audit/anchor';
import { appendAudit, auditHead, type AuditEntry } from '../audit/auditLog';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { OpenStorage } from '../storage';

export interface Actor {
  readonly id: number;
  readonly userName: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface Session {
  readonly storage: OpenStorage;
  readonly actor: Actor;
  locked: boolean;
  lastActivity: Date;
  /** Set by an administrator's initial or reset password; expiry is computed, see pendingPasswordChange. */
  mustChangePassword: Extract<PasswordChangeReason, 'initial' | 'reset'> | null;
  passwordChangedAt: Date;
  policy: PasswordPolicy;
  readonly previousLoginAt: string | null;
  readonly clockWarning: string | null;
}

export interface Sessions {
  current(): Session | null;
  /** The unlocked session, or a refusal the clerk understands. */
  require(): Session;
  open(session: Session): void;
  /** Ends the session and closes the database. */
  close(): void;
  /** Writes the audit anchor if events were appended since the last write. */
  syncAnchor(): void;
  /** Locks the session if it has been idle too long; records the lock. */
  lockIfIdle(now: Date): void;
  /** Throws unless the current session may call a method with this access. */
  authorize(access: MethodAccess, now: Date): void;
  /** Counts as the clerk's activity (any call but the status poll). */
  touch(now: Date): void;
  info(now: Date): SessionInfo | null;
  /** Appends an event as the session's account, inside the caller's transaction. */
  audit(entry: Omit<AuditEntry, 'userName' | 'role'>): void;
}

export interface SessionsOptions {
  /** audit-anchor.json: brought up to the log's head after each call and before closing. */
  readonly anchorFile: string;
  readonly logger: Logger;
}

export function createSessions({ anchorFile, logger }: SessionsOptions): Sessions {
  let current: Session | null = null;
  let anchoredSeq = -1;

  const syncAnchor = (): void => {
    if (!current) return;
    try {
      const head = auditHead(current.storage.db);
      if (head.seq === anchoredSeq) return;
      writeAnchor(anchorFile, current.storage.dataKey, current.storage.keyring.installationId, head);
      anchoredSeq = head.seq;
    } catch (error) {
      // The log rows are committed; a missing anchor update shows up as a verifier warning, not lost data.
      logger.error('audit.anchor.failed', error);
    }
  };

  const require = (): Session => {
    if (!current) throw new AppError('SESSION_REQUIRED', '请先登录。', 'no session');
    if (current.locked) throw new AppError('SESSION_LOCKED', '屏幕已锁定，请输入密码解锁后继续。', 'session locked');
    return current;
  };

  return {
    current: () => current,
    require,
    open(session) {
      syncAnchor();
      current?.storage.db.close();
      current = session;
      anchoredSeq = -1;
      syncAnchor();
    },
    close() {
      syncAnchor();
      current?.storage.db.close();
      current = null;
    },
    syncAnchor,
    lockIfIdle(now) {
      if (!current || current.locked) return;
      const idleMs = now.getTime() - current.lastActivity.getTime();
      if (idleMs < current.policy.idleLockMinutes * 60_000) return;
      current.locked = true;
      const session = current;
      session.storage.db.transaction(() =>
        appendAudit(session.storage.db, {
          at: now,
          userName: session.actor.userName,
          role: session.actor.role,
          action: 'session.lock',
          outcome: 'success',
          details: {
            reason: 'idle',
            idleMinutes: session.policy.idleLockMinutes,
            lastActivity: isoWithOffset(session.lastActivity),
          },
        }),
      )();
    },
    authorize(access, now) {
      if (access === 'public') return;
      const session = require();
      if (access === 'signed-in') return;
      const reason = pendingPasswordChange(session, now);
      if (reason) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码，然后才能继续使用。', `must change: ${reason}`);
      }
      if (!access.includes(session.actor.role)) {
        throw new AppError(
          'FORBIDDEN',
          '您的账号角色无权进行此操作。',
          `role ${session.actor.role} not in ${access.join(',')}`,
        );
      }
    },
    touch(now) {
      if (current && !current.locked) current.lastActivity = now;
    },
    info(now) {
      if (!current) return null;
      const expiry = passwordExpiry(current.passwordChangedAt, now, current.policy);
      const reason = pendingPasswordChange(current, now);
      return {
        userName: current.actor.userName,
        displayName: current.actor.displayName,
        role: current.actor.role,
        locked: current.locked,
        mustChangePassword: reason,
        passwordExpiresAt: isoWithOffset(expiry.expiresAt),
        passwordDaysLeft: expiry.daysLeft,
        passwordExpiryWarning: expiry.state === 'warning',
        idleLockMinutes: current.policy.idleLockMinutes,
        previousLoginAt: current.previousLoginAt,
        clockWarning: current.actor.role === 'admin' ? current.clockWarning : null,
      };
    },
    audit(entry) {
      const session = require();
      appendAudit(session.storage.db, { ...entry, userName: session.actor.userName, role: session.actor.role });
    },
  };
}

/** Why the password must change now (SEC-2): set by the administrator, or expired by rotation. */
export function pendingPasswordChange(session: Session, now: Date): PasswordChangeReason | null {
  if (session.mustChangePassword) return session.mustChangePassword;
  return passwordExpiry(session.passwordChangedAt, now, session.policy).state === 'expired' ? 'expired' : null;
}
