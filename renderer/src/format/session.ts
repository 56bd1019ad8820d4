/** What the frame says about the signed-in clerk: name, role, last login and the banners above every page. */
import { passwordChangeReasonLabels, roleLabels, type SessionInfo } from '../../../shared/accounts';
import { formatDateMinute, formatDateTime } from './units';

export interface Banner {
  readonly id: string;
  readonly type: 'error' | 'warning';
  readonly title: string;
  readonly description?: string;
}

/** "张老师（管理员）" */
export function whoText(session: SessionInfo): string {
  return `${session.displayName}（${roleLabels[session.role]}）`;
}

/** "上次登录：2026-09-01 08:00:00", or a first-login note. */
export function previousLoginText(session: SessionInfo): string {
  return session.previousLoginAt ? `上次登录：${formatDateMinute(session.previousLoginAt)}` : '这是此账号的首次登录';
}

/** Why a forced password change is asked for, in the clerk's words. */
export function passwordChangeReasonText(session: SessionInfo | null): string | null {
  return session?.mustChangePassword ? passwordChangeReasonLabels[session.mustChangePassword] : null;
}

/** Banners for every page: a clock that went backwards (administrators) and a password about to expire. */
export function sessionBanners(session: SessionInfo | null): Banner[] {
  if (!session || session.mustChangePassword) return [];
  const banners: Banner[] = [];
  if (session.clockWarning) {
    banners.push({
      id: 'clock',
      type: 'error',
      title: '系统时间异常',
      description: session.clockWarning,
    });
  }
  if (session.passwordExpiryWarning) {
    const days = session.passwordDaysLeft;
    banners.push({
      id: 'password-expiry',
      type: 'warning',
      title: days <= 0 ? '您的密码今天到期' : `您的密码将在 ${days} 天后到期`,
      description: `到期前请在左下角的账号菜单中选择“修改密码”；到期后必须先修改密码才能继续使用（到期时间：${formatDateTime(session.passwordExpiresAt)}）。`,
    });
  }
  return banners;
}
