/** What the 访问日志 page says: the chain check, and each event as readable Chinese text. */
import { roleLabels, roles, type Role } from '../../../shared/accounts';
import {
  type AuditAction,
  auditActionLabels,
  type AuditChainStatus,
  type AuditEvent,
  type AuditFilter,
} from '../../../shared/audit';
import { passwordPolicyBounds } from '../../../shared/passwordPolicy';
import { formatDateTime } from './units';

export interface ChainSummary {
  readonly ok: boolean;
  readonly title: string;
  readonly description: string;
}

/** The check's result for the status card: green and complete, or red naming the first broken row. */
export function chainSummary(chain: AuditChainStatus): ChainSummary {
  const verified = `校验时间：${formatDateTime(chain.verifiedAt)}。每次校验本身也会记入日志。`;
  if (chain.ok) {
    return { ok: true, title: `日志完整，共 ${chain.rows} 条，已校验`, description: verified };
  }
  const where = chain.firstBroken === null ? '日志链断裂' : `日志链从第 ${chain.firstBroken} 条起断裂`;
  const problem = chain.problem ? `：${chain.problem}` : '';
  return {
    ok: false,
    title: `${where}${problem}`,
    description: `日志可能被篡改或损坏，请保持现状，并立即联系技术支持。共 ${chain.rows} 条。${verified}`,
  };
}

export const outcomeLabels = { success: '成功', failure: '失败' } as const;

/** Names of the kinds of object an event acts on. */
const objectTypeLabels: Readonly<Record<string, string>> = {
  account: '账号',
  school: '学校',
  settings: '设置',
  student: '学生',
};

/** Names of the facts core writes into an event's details; unknown keys are shown as they are. */
const detailLabels: Readonly<Record<string, string>> = {
  reason: '原因',
  during: '环节',
  role: '角色',
  displayName: '姓名',
  administrator: '管理员',
  schoolName: '学校名称',
  appVersion: '软件版本',
  previousLoginAt: '上次登录',
  lockedUntil: '锁定至',
  movedFromKeyringAt: '补记时间',
  idleMinutes: '无操作分钟数',
  lastActivity: '最后操作',
  systemTime: '系统时间',
  lastEntryAt: '上一条记录时间',
  rows: '条数',
  firstBroken: '首个断裂的记录',
  problem: '问题',
  format: '格式',
  filter: '筛选条件',
  chainOk: '日志完整',
  // The fields of an export's filter.
  from: '起始日期',
  to: '截止日期',
  userName: '账号',
  action: '操作',
  objectId: '对象编号',
};

/** Words for the coded values core writes (reasons, steps). */
const valueLabels: Readonly<Record<string, string>> = {
  idle: '无操作自动锁屏',
  manual: '手动锁屏',
  quit: '关闭程序',
  'wrong-password': '密码错误',
  'unknown-user': '用户名不存在',
  locked: '账号已锁定',
  disabled: '账号已停用',
  initial: '修改初始密码',
  reset: '修改重置后的密码',
  expired: '密码过期',
  voluntary: '主动修改',
  login: '登录',
  unlock: '解锁',
  xlsx: 'Excel',
  csv: 'CSV',
};

const isoMoment = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (key === 'role' && (roles as readonly string[]).includes(value)) return roleLabels[value as Role];
    if (key === 'action' && value in auditActionLabels) return auditActionLabels[value as AuditAction];
    if (isoMoment.test(value)) return formatDateTime(value);
    return valueLabels[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => valueText(key, item)).join('、');
  if (typeof value === 'object') return objectText(value as Record<string, unknown>);
  return String(value);
}

/** A nested object (a filter) as "键：值，键：值". */
function objectText(value: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(value).map(([key, item]) => `${detailLabels[key] ?? key}：${valueText(key, item)}`);
  return parts.length > 0 ? parts.join('，') : '无';
}

/** A settings change as "密码最短长度 8→10" for each value that changed. */
function changesText(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string {
  const changed = Object.keys(after).filter((key) => before[key] !== after[key]);
  if (changed.length === 0) return '没有改动';
  return changed
    .map((key) => {
      const bound = (passwordPolicyBounds as Readonly<Record<string, { label: string; unit: string }>>)[key];
      const name = bound?.label ?? key;
      return `${name} ${valueText(key, before[key])}→${valueText(key, after[key])}${bound ? ` ${bound.unit}` : ''}`;
    })
    .join('；');
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The details as "原因：密码错误；尝试次数：3" (key: value pairs, in the order core wrote them). */
export function detailsText(details: Readonly<Record<string, unknown>>): string {
  const { before, after, ...rest } = details;
  // A fact that is absent (no previous login, no broken row) says nothing worth a column's space.
  const parts = Object.entries(rest)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${detailLabels[key] ?? key}：${valueText(key, value)}`);
  if (isRecord(before) && isRecord(after)) parts.unshift(`修改：${changesText(before, after)}`);
  return parts.join('；');
}

/** The object acted on, e.g. "账号 zhangsan"; "—" when none. */
export function eventObjectText(event: AuditEvent): string {
  const type = event.objectType ? (objectTypeLabels[event.objectType] ?? event.objectType) : '';
  return [type, event.objectId ?? ''].filter(Boolean).join(' ') || '—';
}

/** Who acted: the account, or 系统 for the application itself. */
export function actorText(event: AuditEvent): string {
  return event.userName ?? '系统';
}

export function roleText(role: Role | null): string {
  return role ? roleLabels[role] : '—';
}

export function actionText(event: AuditEvent): string {
  return auditActionLabels[event.action] ?? event.action;
}

/** The filter bar's fields as the clerk left them. */
export interface AuditFilterDraft {
  /** Inclusive dates, `YYYY-MM-DD`. */
  readonly range: readonly [string, string] | null;
  readonly userName: string;
  readonly action: AuditAction | '';
  readonly objectId: string;
}

export const emptyAuditFilter: AuditFilterDraft = { range: null, userName: '', action: '', objectId: '' };

/** The filter core understands: empty fields left out, text trimmed. */
export function auditQuery(draft: AuditFilterDraft): Omit<AuditFilter, 'limit' | 'offset'> {
  const userName = draft.userName.trim();
  const objectId = draft.objectId.trim();
  return {
    ...(draft.range ? { from: draft.range[0], to: draft.range[1] } : {}),
    ...(userName ? { userName } : {}),
    ...(draft.action ? { action: draft.action } : {}),
    ...(objectId ? { objectId } : {}),
  };
}
