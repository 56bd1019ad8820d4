/**
 * What the 系统信息 page says, as data: labelled rows in sections, plus the
 * warnings that belong at the top. The page renders these and the
 * "复制诊断信息" text is built from the same rows, so the two never differ.
 */
import type { AppStatus, InstallationState, SystemInfo } from '../../../shared/system';
import { formatBytes, formatDateTime, formatPlatform } from './units';

/** How a value is shown: plain, greyed (not applicable yet), or as a coloured status tag. */
export type Tone = 'plain' | 'muted' | 'notice' | 'success' | 'warning' | 'danger';

export interface InfoRow {
  readonly label: string;
  readonly value: string;
  readonly tone: Tone;
  /** Set in a monospace font (file paths), so every character can be read back exactly. */
  readonly code?: boolean;
  /** Offers a 复制 button beside the value. */
  readonly copyable?: boolean;
}

export type SectionId = 'installation' | 'files' | 'runtime';

export interface InfoSection {
  readonly id: SectionId;
  readonly title: string;
  readonly rows: readonly InfoRow[];
}

export interface InfoWarning {
  readonly type: 'error' | 'warning' | 'primary';
  readonly title: string;
  readonly description: string;
}

export const installationLabels: Readonly<Record<InstallationState, string>> = {
  'not-set-up': '尚未初始化',
  ready: '正常',
  damaged: '异常：密钥文件或数据库缺失',
};

const installationTones: Readonly<Record<InstallationState, Tone>> = {
  'not-set-up': 'notice',
  ready: 'success',
  damaged: 'danger',
};

export const notElectron = '不适用（非 Electron 环境）';
export const afterLogin = '登录后显示';
const none = '—';

const row = (label: string, value: string, tone: Tone = 'plain', extra: Partial<InfoRow> = {}): InfoRow => ({
  label,
  value,
  tone,
  ...extra,
});

/**
 * Values read from the unlocked database: meaningless before setup, and
 * "登录后显示" while nobody is logged in.
 */
function whenUnlocked(info: SystemInfo, status: AppStatus | null, value: string | null): [string, Tone] {
  if (value !== null) return [value, 'plain'];
  const unlocked = Boolean(status?.session && !status.session.locked);
  if (info.installation === 'not-set-up' || unlocked) return [none, 'muted'];
  return [afterLogin, 'muted'];
}

/** The access log's size and its latest check: green when intact, red when the chain was found broken. */
function auditLogRows(info: SystemInfo, status: AppStatus | null): InfoRow[] {
  const { auditLog } = info;
  if (!auditLog) {
    return [
      row('访问日志', ...whenUnlocked(info, status, null)),
      row('日志最近校验', ...whenUnlocked(info, status, null)),
    ];
  }
  const verified: [string, Tone] =
    auditLog.lastVerifiedAt === null
      ? ['尚未校验', 'muted']
      : [
          `${formatDateTime(auditLog.lastVerifiedAt)} ${auditLog.lastVerificationOk ? '完整' : '发现断裂'}`,
          auditLog.lastVerificationOk ? 'success' : 'danger',
        ];
  return [row('访问日志', `共 ${auditLog.rows} 条`), row('日志最近校验', ...verified)];
}

function installationSection(info: SystemInfo, status: AppStatus | null): InfoSection {
  const schema = info.schemaVersion === null ? null : String(info.schemaVersion);
  const installedAt = info.installedAt === null ? null : formatDateTime(info.installedAt);
  return {
    id: 'installation',
    title: '安装',
    rows: [
      row('安装状态', installationLabels[info.installation], installationTones[info.installation]),
      row('安装时间', ...whenUnlocked(info, status, installedAt)),
      row('数据结构版本', ...whenUnlocked(info, status, schema)),
      row('支持的最高版本', String(info.supportedSchemaVersion)),
      ...auditLogRows(info, status),
      row('数据文件夹', info.dataFolder, 'plain', { code: true, copyable: true }),
    ],
  };
}

const orNone = (value: string | null): [string, Tone] => (value === null ? [none, 'muted'] : [value, 'plain']);

/** A file of the installation: absent is normal before setup and a fault after it. */
function fileState(info: SystemInfo, present: boolean, readable = true): [string, Tone] {
  if (!present) return info.installation === 'not-set-up' ? ['尚未创建', 'muted'] : ['缺失', 'danger'];
  return readable ? ['正常', 'success'] : ['无法读取（文件已损坏）', 'danger'];
}

function keyringRows(info: SystemInfo): InfoRow[] {
  const { keyring } = info;
  const recovery: [string, Tone] =
    keyring.hasRecoverySlot === null ? [none, 'muted'] : keyring.hasRecoverySlot ? ['有', 'plain'] : ['无', 'warning'];
  return [
    row('密钥文件', ...fileState(info, keyring.present, keyring.readable)),
    row('密钥槽数量', ...orNone(keyring.slotCount === null ? null : String(keyring.slotCount))),
    row('恢复码密钥槽', ...recovery),
  ];
}

function databaseRows(info: SystemInfo): InfoRow[] {
  const { database } = info;
  const encrypted: [string, Tone] =
    database.encrypted === null ? [none, 'muted'] : database.encrypted ? ['是', 'success'] : ['否（未加密）', 'danger'];
  return [
    row('数据库文件', ...fileState(info, database.present)),
    row('数据库大小', ...orNone(database.sizeBytes === null ? null : formatBytes(database.sizeBytes))),
    row('加密', ...encrypted),
  ];
}

function runtimeSection(info: SystemInfo): InfoSection {
  const { versions } = info;
  const optional = (version: string | null): [string, Tone] =>
    version === null ? [notElectron, 'muted'] : [version, 'plain'];
  return {
    id: 'runtime',
    title: '运行环境',
    rows: [
      row('软件版本', versions.app),
      row('Electron 版本', ...optional(versions.electron)),
      row('Chromium 版本', ...optional(versions.chrome)),
      row('Node.js 版本', versions.node),
      row('SQLite 版本', versions.sqlite),
      row('操作系统', formatPlatform(info.platform)),
    ],
  };
}

export function systemInfoSections(info: SystemInfo, status: AppStatus | null): InfoSection[] {
  return [
    installationSection(info, status),
    { id: 'files', title: '数据文件', rows: [...keyringRows(info), ...databaseRows(info)] },
    runtimeSection(info),
  ];
}

const contactSupport = '请不要移动或删除数据文件夹中的文件，并点击“复制诊断信息”，把内容发给技术支持。';

/** Problems worth a banner above the details, most serious first. */
export function systemInfoWarnings(info: SystemInfo): InfoWarning[] {
  const warnings: InfoWarning[] = [];
  if (info.database.encrypted === false) {
    warnings.push({
      type: 'error',
      title: '数据库文件没有加密',
      description: `学生个人信息可能被他人直接读取。请立即停止使用本机录入数据，并联系技术支持。`,
    });
  }
  if (info.installation === 'damaged') {
    warnings.push({ type: 'error', title: '安装异常：密钥文件或数据库缺失', description: contactSupport });
  } else if (info.keyring.present && !info.keyring.readable) {
    warnings.push({ type: 'error', title: '密钥文件无法读取', description: contactSupport });
  }
  if (info.auditLog?.lastVerificationOk === false) {
    warnings.push({
      type: 'error',
      title: '访问日志校验未通过',
      description: '访问日志可能被篡改或损坏。请保持现状，由管理员在“访问日志”中查看断裂的位置，并联系技术支持。',
    });
  }
  if (info.installation === 'not-set-up') {
    warnings.push({
      type: 'primary',
      title: '尚未初始化',
      description: '这台电脑上还没有学籍数据。首次使用时，需要由管理员完成初始化设置。',
    });
  }
  return warnings;
}

/** The plain-text summary support staff ask for, from the same rows the page shows. */
export function diagnosticsText(sections: readonly InfoSection[], readAt: Date): string {
  const lines = ['学籍工作台 诊断信息', `读取时间：${formatDateTime(readAt)}`];
  for (const section of sections) {
    lines.push('', `【${section.title}】`, ...section.rows.map((r) => `${r.label}：${r.value}`));
  }
  return `${lines.join('\n')}\n`;
}
