/** Account names, slot ids and the new-password check shared by login, password change and administration. */
import { type PasswordPolicy, passwordProblems } from '../../../shared/passwordPolicy';
import { estimateStrength } from '../../../shared/passwordStrength';
import { AppError } from '../errors';
import { isInHistory } from './passwordHistory';

export const accountSlotId = (userName: string): string => `account:${userName}`;
export const normalizeUserName = (userName: string): string => userName.trim().toLowerCase();

/** The policy's problems with a new password, thrown as one Chinese message. */
export async function checkNewPassword(
  password: string,
  context: {
    userName: string;
    displayName: string;
    policy: PasswordPolicy;
    history?: Parameters<typeof isInHistory>[1];
  },
): Promise<void> {
  const problems = passwordProblems(password, context, estimateStrength);
  if (problems.length === 0 && context.history && (await isInHistory(password, context.history))) {
    problems.push(`不能使用最近 ${context.policy.historySize} 次用过的密码。`);
  }
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', problems.join(''), `password policy: ${problems.length} problem(s)`);
  }
}
