/**
 * What the administrator does with accounts and the password policy
 * (DESIGN.md §4): create with an initial password, reset, disable (never
 * delete: the access log refers to accounts), configure the policy.
 */
import type {
  AccountEnabledRequest,
  AccountSummary,
  NewAccountRequest,
  ResetPasswordRequest,
} from '../../../shared/accounts';
import { type PasswordPolicy, policyProblems } from '../../../shared/passwordPolicy';
import { isoWithOffset } from '../../../shared/time';
import { AppError } from '../errors';
import { withSlot } from '../keyring/keyring';
import { readKeyring, writeKeyring } from '../keyring/keyringFile';
import {
  countEnabledAdmins,
  findAccount,
  insertAccount,
  listAccountRows,
  readPolicy,
  setEnabled,
  setPassword,
  toSummary,
  writePolicy,
  type AccountRow,
} from './accountStore';
import { accountSlotId, checkNewPassword, normalizeUserName } from './accountRules';
import type { AuthContext } from './authService';
import { clearLockout, lockedUntil } from './loginFailures';
import { addToHistory, hashForHistory, recentHistory } from './passwordHistory';

export function createAccountAdmin(context: AuthContext) {
  const { paths, sessions, now } = context;

  const summary = (row: AccountRow): AccountSummary => {
    const until = lockedUntil(readKeyring(paths.keyring), row.userName, now());
    return toSummary(row, until ? isoWithOffset(until) : null);
  };

  function existing(userName: string): AccountRow {
    const row = findAccount(sessions.require().storage.db, normalizeUserName(userName));
    if (!row) throw new AppError('NOT_FOUND', `账号“${userName}”不存在。`, `no account ${userName}`);
    return row;
  }

  /** A new password set by the administrator: the account must change it at first login (SEC-2). */
  async function setByAdministrator(
    row: Pick<AccountRow, 'userName' | 'displayName'> & { id?: number },
    password: string,
  ) {
    const { db, dataKey } = sessions.require().storage;
    const policy = readPolicy(db);
    await checkNewPassword(password, {
      userName: row.userName,
      displayName: row.displayName,
      policy,
      history: row.id === undefined ? undefined : recentHistory(db, row.id, policy.historySize),
    });
    const at = now();
    const keyring = await withSlot(
      readKeyring(paths.keyring),
      { id: accountSlotId(row.userName), kind: 'account' },
      password,
      dataKey,
      {
        cost: context.storage.scryptCost,
        now: at,
      },
    );
    return { keyring: clearLockout(keyring, row.userName), history: await hashForHistory(password), at };
  }

  function listAccounts(): AccountSummary[] {
    return listAccountRows(sessions.require().storage.db).map(summary);
  }

  async function createAccount(request: NewAccountRequest): Promise<AccountSummary> {
    const { db } = sessions.require().storage;
    const userName = normalizeUserName(request.userName);
    if (findAccount(db, userName)) {
      throw new AppError(
        'RULE_VIOLATION',
        `用户名“${userName}”已被使用（账号不会被删除，停用的账号也占用其用户名）。`,
        `account ${userName} exists`,
      );
    }
    const displayName = request.displayName.trim();
    const { keyring, history, at } = await setByAdministrator({ userName, displayName }, request.initialPassword);
    const creator = sessions.require().actor;
    db.transaction(() => {
      const stamp = isoWithOffset(at);
      const id = insertAccount(db, {
        userName,
        displayName,
        role: request.role,
        mustChangePassword: 'initial',
        at: stamp,
        createdBy: creator.id,
      });
      addToHistory(db, id, history, stamp);
      sessions.audit({
        at,
        action: 'account.create',
        objectType: 'account',
        objectId: userName,
        outcome: 'success',
        details: { displayName, role: request.role },
      });
      writeKeyring(paths.keyring, keyring);
    })();
    return summary(findAccount(db, userName)!);
  }

  async function resetPassword(request: ResetPasswordRequest): Promise<AccountSummary> {
    const row = existing(request.userName);
    const { db } = sessions.require().storage;
    const { keyring, history, at } = await setByAdministrator(row, request.newPassword);
    db.transaction(() => {
      setPassword(db, row.id, isoWithOffset(at), 'reset');
      addToHistory(db, row.id, history, isoWithOffset(at));
      sessions.audit({
        at,
        action: 'password.reset',
        objectType: 'account',
        objectId: row.userName,
        outcome: 'success',
      });
      writeKeyring(paths.keyring, keyring);
    })();
    return summary(findAccount(db, row.userName)!);
  }

  function setAccountEnabled(request: AccountEnabledRequest): AccountSummary {
    const row = existing(request.userName);
    const session = sessions.require();
    const { db } = session.storage;
    if (!request.enabled && row.id === session.actor.id) {
      throw new AppError('RULE_VIOLATION', '不能停用自己正在使用的账号。', 'self-disable');
    }
    if (!request.enabled && row.role === 'admin' && row.enabled && countEnabledAdmins(db) <= 1) {
      throw new AppError(
        'RULE_VIOLATION',
        '这是唯一启用的管理员账号，不能停用。请先新建另一个管理员账号。',
        'last admin',
      );
    }
    if (row.enabled !== request.enabled) {
      db.transaction(() => {
        setEnabled(db, row.id, request.enabled);
        sessions.audit({
          at: now(),
          action: request.enabled ? 'account.enable' : 'account.disable',
          objectType: 'account',
          objectId: row.userName,
          outcome: 'success',
        });
      })();
    }
    return summary(findAccount(db, row.userName)!);
  }

  function getPasswordPolicy(): PasswordPolicy {
    return readPolicy(sessions.require().storage.db);
  }

  function updatePasswordPolicy(policy: PasswordPolicy): PasswordPolicy {
    const problems = policyProblems(policy);
    if (problems.length > 0) throw new AppError('RULE_VIOLATION', problems.join(''), 'policy out of bounds');
    const session = sessions.require();
    const { db } = session.storage;
    const before = readPolicy(db);
    const at = now();
    db.transaction(() => {
      writePolicy(db, policy, isoWithOffset(at));
      sessions.audit({
        at,
        action: 'policy.update',
        objectType: 'settings',
        objectId: 'password-policy',
        outcome: 'success',
        details: { before, after: policy },
      });
      const keyring = readKeyring(paths.keyring);
      writeKeyring(paths.keyring, {
        ...keyring,
        lockout: { maxFailures: policy.maxFailures, lockoutMinutes: policy.lockoutMinutes },
      });
    })();
    session.policy = policy;
    return policy;
  }

  return { listAccounts, createAccount, resetPassword, setAccountEnabled, getPasswordPolicy, updatePasswordPolicy };
}
