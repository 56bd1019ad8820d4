/**
 * The access log (访问日志, DESIGN.md §4): what is recorded, and how the
 * screens ask for it. Rows are append-only and hash-chained in core.
 */
import type { Role } from './accounts';

export const auditActionLabels = {
  setup: '初始化安装',
  'recovery-code.confirm': '确认已保存恢复码',
  login: '登录',
  'login.failed': '登录失败',
  'account.lockout': '账号锁定',
  logout: '退出登录',
  'session.lock': '锁屏',
  'session.unlock': '解锁',
  'password.change': '修改密码',
  'password.reset': '重置密码',
  'account.create': '新建账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'policy.update': '修改密码策略',
  'audit.verify': '校验访问日志',
  'audit.tamper': '发现访问日志被改动',
  'audit.export': '导出访问日志',
  'clock.backwards': '系统时间倒退',
  'school.update': '修改学校信息',
  'term.create': '新增学期',
  'term.update': '修改学期',
  'class.create': '新建班级',
  'class.update': '修改班级',
  'student.create': '登记学生',
  'student.read': '查看学生档案',
  'student.update': '修改学生信息',
  'major.save': '保存专业',
  'enrollmentPlan.save': '录入招生计划',
  'enrollment.acknowledge': '确认招生提示',
  'student.classChange': '调班',
  'student.rewardPunishment': '登记奖惩',
  'student.studyHistory': '修改学习简历',
  'student.graduationComment': '填写毕业评语',
  'student.archive': '核对纸质档案',
  'student.photo': '更新学籍照片',
  'photos.export': '导出班级照片',
  'case.open': '新建学籍事项',
  'case.read': '查看学籍事项',
  'case.decision': '录入审核结果',
  'case.apply': '学籍事项办结生效',
  'case.withdraw': '撤销学籍事项',
  'case.evidence.add': '上传佐证材料',
  'case.evidence.remove': '移除佐证材料',
  'case.evidence.read': '查看佐证材料',
  'school.promotion': '全校升级',
  'form.generate': '生成表格',
  'form.print': '打印表格',
  'form.save': '保存表格',
  'form.fallbackFont': '设置生僻字字体',
  // 首页待办 and 每学期核对 (dashboard, VER-1)
  'record.verify': '学籍核对',
  // 导入 (import)
  'student.importCheck': '检查导入文件',
  'student.import': '导入学生',
  // 导出审查材料 (export for bureau review)
  'export.review': '导出审查材料',
  'export.verify': '校验审查材料',
  // 备份与恢复 (backups)
  'backup.create': '备份数据',
  'backup.check': '检查备份',
  'backup.restore': '从备份恢复',
  // 自查报告 (self-inspection, INS-1)
  'inspection.view': '查看自查报告',
  // 数据损坏时的恢复 (damaged data at start)
  'backup.restoreAtStart': '登录前从自动备份恢复',
} as const;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export type AuditOutcome = 'success' | 'failure';

export interface AuditEvent {
  /** 1, 2, 3 … without gaps. */
  readonly seq: number;
  /** ISO 8601 with the local offset, e.g. 2026-09-01T08:00:00.000+08:00. */
  readonly at: string;
  /** Who acted; null for the system itself. */
  readonly userName: string | null;
  readonly role: Role | null;
  readonly action: AuditAction;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly outcome: AuditOutcome;
  /** Plain facts, never secrets. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditFilter {
  /** Inclusive, ISO date or date-time. */
  readonly from?: string;
  /** Inclusive, ISO date or date-time. */
  readonly to?: string;
  readonly userName?: string;
  readonly action?: AuditAction;
  /** The record acted on, e.g. a student's 学籍号 or an account's user name. */
  readonly objectId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface AuditPage {
  readonly rows: readonly AuditEvent[];
  readonly total: number;
}

/** The verifier's answer: names the first row that does not fit the chain. */
export interface AuditChainStatus {
  readonly ok: boolean;
  readonly rows: number;
  readonly firstBroken: number | null;
  /** Chinese explanation when broken. */
  readonly problem: string | null;
  readonly headHash: string | null;
  readonly verifiedAt: string;
}

export type AuditExportFormat = 'xlsx' | 'csv';

/** A file produced in core for the clerk to save. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}
