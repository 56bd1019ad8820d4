/** The password rules as the clerk reads them before typing (the live problems come from shared/passwordPolicy). */
import type { PasswordPolicy } from '../../../shared/passwordPolicy';

/** The rules of a new password, one line each, for the hint list under an empty field. */
export function passwordRequirements(policy: PasswordPolicy): string[] {
  return [
    `至少 ${policy.minLength} 个字符`,
    '包含大写字母、小写字母、数字、符号中的至少三类',
    '不能包含用户名，不能是常见密码或简单的键盘序列',
    `不能与最近用过的 ${policy.historySize} 个密码相同`,
  ];
}
