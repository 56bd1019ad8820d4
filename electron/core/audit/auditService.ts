/** The access-log screens' services (访问日志): list, verify, export. */
import ExcelJS from 'exceljs';
import { type Role, roleLabels } from '../../../shared/accounts';
import {
  auditActionLabels,
  type AuditChainStatus,
  type AuditEvent,
  type AuditExportFormat,
  type AuditFilter,
  type AuditPage,
  type ExportedFile,
} from '../../../shared/audit';
import { isoWithOffset } from '../../../shared/time';
import type { Database } from '../db/database';
import { csvField, safeCellText } from '../exchange/cells';
import type { Sessions } from '../auth/session';
import { type AnchorReading, readAnchor } from './anchor';
import { appendAudit, iterateAudit, listAudit, walkChain } from './auditLog';

export interface AuditServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly anchorFile: string;
}

/**
 * Walks the chain, holds its head against the anchor to catch a cut tail,
 * and reports damage found earlier (at a login) even after the anchor has
 * moved on, so tampering stays visible.
 */
export function verifyChain(db: Database, anchor: AnchorReading, verifiedAt: Date): AuditChainStatus {
  const walk = walkChain(db);
  const result = (firstBroken: number | null, problem: string | null): AuditChainStatus => ({
    ok: problem === null,
    rows: walk.rows,
    firstBroken,
    problem,
    headHash: walk.head.seq > 0 ? walk.head.hash : null,
    verifiedAt: isoWithOffset(verifiedAt),
  });
  if (walk.broken) return result(walk.broken.seq, walk.broken.problem);
  const anchorFinding = anchorProblem(db, walk.rows, anchor);
  if (anchorFinding) return result(anchorFinding.firstBroken, anchorFinding.problem);
  const earlier = db
    .prepare("SELECT at, details FROM audit_log WHERE action = 'audit.tamper' ORDER BY seq LIMIT 1")
    .get() as { at: string; details: string } | undefined;
  if (earlier) {
    const details = JSON.parse(earlier.details) as { firstBroken: number | null; problem: string };
    return result(details.firstBroken, `${earlier.at.slice(0, 16).replace('T', ' ')} 登录时发现：${details.problem}`);
  }
  return result(null, null);
}

function anchorProblem(
  db: Database,
  rows: number,
  anchor: AnchorReading,
): { firstBroken: number | null; problem: string } | null {
  if (anchor.state === 'missing') {
    return rows === 0
      ? null
      : { firstBroken: null, problem: '校验锚点文件 audit-anchor.json 缺失，无法确认日志末尾是否被删除。' };
  }
  if (anchor.state === 'forged')
    return { firstBroken: null, problem: '校验锚点文件 audit-anchor.json 被改动或已损坏。' };
  if (anchor.seq > rows)
    return { firstBroken: rows + 1, problem: `日志末尾的第 ${rows + 1} 至 ${anchor.seq} 条记录被删除。` };
  const anchored = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
  if (anchor.seq > 0 && anchored !== anchor.hash) {
    return { firstBroken: anchor.seq, problem: `第 ${anchor.seq} 条记录与校验锚点不符。` };
  }
  return null;
}

/**
 * Verifies, and writes damage it finds into the log itself (once per
 * finding), so it stays visible after the anchor moves on with the next
 * appended row. Run at every login, before anything is appended.
 */
export function verifyAndRecord(
  db: Database,
  anchor: AnchorReading,
  at: Date,
  actor: { userName: string; role: Role | null },
): AuditChainStatus {
  const status = verifyChain(db, anchor, at);
  if (status.ok) return status;
  const last = db
    .prepare("SELECT details FROM audit_log WHERE action = 'audit.tamper' ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  const finding = { firstBroken: status.firstBroken, problem: status.problem };
  if (!(last && JSON.stringify(JSON.parse(last)) === JSON.stringify(finding))) {
    appendAudit(db, { at, ...actor, action: 'audit.tamper', outcome: 'failure', details: finding });
  }
  return status;
}

const header = ['序号', '时间', '账号', '角色', '操作', '对象类型', '对象编号', '结果', '详情'];

function eventCells(event: AuditEvent): string[] {
  return [
    String(event.seq),
    event.at,
    event.userName ?? '（系统）',
    event.role ? roleLabels[event.role] : '',
    auditActionLabels[event.action] ?? event.action,
    event.objectType ?? '',
    event.objectId ?? '',
    event.outcome === 'success' ? '成功' : '失败',
    Object.keys(event.details).length ? JSON.stringify(event.details) : '',
  ].map(safeCellText);
}

function summaryRows(
  status: AuditChainStatus,
  filter: Omit<AuditFilter, 'limit' | 'offset'>,
  operator: string,
  at: Date,
  count: number,
) {
  return [
    ['访问日志导出'],
    ['校验结果', status.ok ? `完整：哈希链与校验锚点一致，共 ${status.rows} 条` : `不完整：${status.problem}`],
    ['首个异常记录', status.firstBroken === null ? '无' : `第 ${status.firstBroken} 条`],
    ['日志末条哈希', status.headHash ?? '（空）'],
    ['导出时间', isoWithOffset(at)],
    ['导出人', operator],
    ['筛选条件', JSON.stringify(filter)],
    ['导出记录数', String(count)],
  ].map((row) => row.map(safeCellText));
}

export function createAuditService({ sessions, now, anchorFile }: AuditServiceContext) {
  const db = () => sessions.require().storage.db;

  function verify(): AuditChainStatus {
    const session = sessions.require();
    const { db, dataKey, keyring } = session.storage;
    const at = now();
    return db.transaction(() => {
      const status = verifyAndRecord(db, readAnchor(anchorFile, dataKey, keyring.installationId), at, session.actor);
      sessions.audit({
        at,
        action: 'audit.verify',
        outcome: status.ok ? 'success' : 'failure',
        details: { rows: status.rows, firstBroken: status.firstBroken },
      });
      return status;
    })();
  }

  async function exportLog(
    filter: Omit<AuditFilter, 'limit' | 'offset'>,
    format: AuditExportFormat,
  ): Promise<ExportedFile> {
    const status = verify();
    const at = now();
    const events = [...iterateAudit(db(), filter)];
    const operator = sessions.require().actor.userName;
    const summary = summaryRows(status, filter, operator, at, events.length);
    const stamp = isoWithOffset(at).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    let file: ExportedFile;
    if (format === 'csv') {
      const lines = [...summary, [], header, ...events.map(eventCells)].map((row) => row.map(csvField).join(','));
      // The BOM makes Excel read the Chinese text as UTF-8.
      file = {
        fileName: `访问日志-${stamp}.csv`,
        mimeType: 'text/csv',
        base64: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`).toString('base64'),
      };
    } else {
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'XuejiDesk';
      const first = workbook.addWorksheet('校验结果');
      summary.forEach((row) => first.addRow(row));
      first.getColumn(1).width = 16;
      first.getColumn(2).width = 80;
      const sheet = workbook.addWorksheet('访问日志');
      sheet.addRow(header).font = { bold: true };
      events.forEach((event) => sheet.addRow(eventCells(event)));
      [8, 30, 14, 10, 16, 12, 22, 8, 60].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
      // Every cell is text: sequence numbers and ids must not turn into numbers or dates.
      sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
      file = {
        fileName: `访问日志-${stamp}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
      };
    }
    db().transaction(() =>
      appendAudit(db(), {
        at,
        userName: operator,
        role: sessions.require().actor.role,
        action: 'audit.export',
        outcome: 'success',
        details: { format, rows: events.length, filter, chainOk: status.ok },
      }),
    )();
    return file;
  }

  return {
    listAuditEvents: (filter: AuditFilter): AuditPage => listAudit(db(), filter),
    verifyAuditLog: verify,
    exportAuditLog: exportLog,
  };
}
