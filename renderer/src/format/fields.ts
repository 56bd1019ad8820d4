/**
 * Checks of the fields clerks type into setup and account forms: the
 * Chinese message to show under the field, or '' when it is fine. Core
 * validates again; these only save a round trip and say it in plain words.
 */
import { schoolCodePattern, userNamePattern } from '../../../shared/accounts';

export function schoolNameError(value: string): string {
  const name = value.trim();
  if (!name) return '请输入学校名称';
  return name.length < 2 || name.length > 60 ? '学校名称应为 2 到 60 个字' : '';
}

export function schoolCodeError(value: string): string {
  if (!value) return '请输入学校标识码';
  if (schoolCodePattern.test(value)) return '';
  return /^\d*$/.test(value) ? `学校标识码是 10 位数字，现在是 ${value.length} 位` : '学校标识码只能包含数字';
}

export function userNameError(value: string): string {
  if (!value) return '请输入用户名';
  return userNamePattern.test(value) ? '' : '用户名为 2 到 32 位英文字母、数字或 . _ -，不能有空格或汉字';
}

export function displayNameError(value: string): string {
  const name = value.trim();
  if (!name) return '请输入姓名';
  return name.length > 40 ? '姓名最多 40 个字' : '';
}
