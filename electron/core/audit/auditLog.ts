/**
 * The access log (访问日志, DESIGN.md §4): append, query, verify.
 *
 * Each row's hash is SHA-256 over the previous row's hash and the row's own
 * fields, so editing, deleting, reordering or inserting a row breaks the
 * chain from that row on. Truncating the tail leaves a valid chain; the
 * anchor file (anchor.ts) catches that.
 */
import { hash } from 'node:crypto';
import type { Role } from '../../../shared/accounts';
import type { AuditAction, AuditEvent, AuditFilter, AuditOutcome } from '../../../shared/audit';
import { isoWithOffset } from '../../../shared/time';
import type { Database } from '../db/database';

export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  readonly at: Date;
  readonly userName: string | null;
  readonly role: Role | null;
  readonly action: AuditAction;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly outcome: AuditOutcome;
  /** Plain facts; never passwords, keys or recovery codes. */
  readonly details?: Readonly<Record<string, unknown>>;
}

type RowValues = [
  seq: number,
  at: string,
  userName: string | null,
  role: string | null,
  action: string,
  objectType: string | null,
  objectId: string | null,
  outcome: string,
  details: string,
];

/**
 * A row's hashed text is SQLite's json_array() of its fields, produced by
 * the same function when appending and when verifying, so the walk reads
 * one column per row instead of nine (it runs at every login).
 */
const hashedText = `json_array(seq, at, user_name, role, action, object_type, object_id, outcome, details)`;

export function rowHash(prevHash: string, rowText: string): string {
  return hash('sha256', `${prevHash}\n${rowText}`, 'hex');
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly at: string | null;
}

export function auditHead(db: Database): AuditHead {
  const row = db.prepare('SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    AuditHead | undefined;
  return row ?? { seq: 0, hash: genesisHash, at: null };
}

/** Appends one event; call inside the transaction of the change it records. */
export function appendAudit(db: Database, entry: AuditEntry): AuditEvent {
  const head = auditHead(db);
  const values: RowValues = [
    head.seq + 1,
    isoWithOffset(entry.at),
    entry.userName,
    entry.role,
    entry.action,
    entry.objectType ?? null,
    entry.objectId ?? null,
    entry.outcome,
    JSON.stringify(entry.details ?? {}),
  ];
  const text = db
    .prepare(
      `SELECT ${hashedText} FROM (SELECT CAST(? AS INTEGER) AS seq, ? AS at, ? AS user_name, ? AS role, ? AS action,
       ? AS object_type, ? AS object_id, ? AS outcome, ? AS details)`,
    )
    .pluck()
    .get(...values) as string;
  db.prepare(
    `INSERT INTO audit_log (seq, at, user_name, role, action, object_type, object_id, outcome, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values, head.hash, rowHash(head.hash, text));
  return toEvent(values);
}

function toEvent([seq, at, userName, role, action, objectType, objectId, outcome, details]: RowValues): AuditEvent {
  return {
    seq,
    at,
    userName,
    role: role as Role | null,
    action: action as AuditAction,
    objectType,
    objectId,
    outcome: outcome as AuditOutcome,
    details: JSON.parse(details) as Record<string, unknown>,
  };
}

const columns = 'seq, at, user_name, role, action, object_type, object_id, outcome, details';

/** WHERE clause and parameters of a filter; `to` as a bare date includes that whole day. */
function where(filter: Omit<AuditFilter, 'limit' | 'offset'>): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('at <= ?');
    params.push(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? `${filter.to}T23:59:59.999~` : filter.to);
  }
  if (filter.userName) {
    clauses.push('user_name = ?');
    params.push(filter.userName.toLowerCase());
  }
  if (filter.action) {
    clauses.push('action = ?');
    params.push(filter.action);
  }
  if (filter.objectId) {
    clauses.push('object_id = ?');
    params.push(filter.objectId);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Newest first. Times compare as text: every row is written in the same ISO form. */
export function listAudit(db: Database, filter: AuditFilter): { rows: AuditEvent[]; total: number } {
  const { sql, params } = where(filter);
  const total = db
    .prepare(`SELECT count(*) FROM audit_log ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT ${columns} FROM audit_log ${sql} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .raw()
    .all(...params, filter.limit, filter.offset) as RowValues[];
  return { rows: rows.map(toEvent), total };
}

/** Every matching row, oldest first, for exports. */
export function* iterateAudit(db: Database, filter: Omit<AuditFilter, 'limit' | 'offset'>): Generator<AuditEvent> {
  const { sql, params } = where(filter);
  for (const row of db
    .prepare(`SELECT ${columns} FROM audit_log ${sql} ORDER BY seq`)
    .raw()
    .iterate(...params)) {
    yield toEvent(row as RowValues);
  }
}

export interface ChainWalk {
  readonly rows: number;
  readonly head: AuditHead;
  /** The first row whose position or hash does not fit, with why (Chinese). */
  readonly broken: { readonly seq: number; readonly problem: string } | null;
}

/** Rows per read while walking: whole pages are much faster than row-by-row iteration. */
const walkPage = 10_000;

/**
 * Walks the whole chain from the first row. prev_hash is read only for a
 * broken row (to tell a broken link from an edited row): reading less
 * keeps the walk fast at every login.
 */
export function walkChain(db: Database): ChainWalk {
  const page = db
    .prepare(`SELECT seq, at, ${hashedText}, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`)
    .raw();
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let lastAt: string | null = null;
  const walked = (broken: ChainWalk['broken']): ChainWalk => ({
    rows: expectedSeq - 1,
    head: { seq: expectedSeq - 1, hash: prevHash, at: lastAt },
    broken,
  });
  for (
    let rows = page.all(0, walkPage) as StoredRow[];
    rows.length > 0;
    rows = page.all(expectedSeq - 1, walkPage) as StoredRow[]
  ) {
    for (const row of rows) {
      const [seq, at, text, storedHash] = row as [number, string, string, string];
      if (seq !== expectedSeq)
        return walked({ seq: expectedSeq, problem: `第 ${expectedSeq} 条记录缺失或顺序被改动。` });
      if (rowHash(prevHash, text) !== storedHash)
        return walked({ seq: expectedSeq, problem: brokenRowProblem(db, expectedSeq, prevHash) });
      expectedSeq += 1;
      prevHash = storedHash;
      lastAt = at;
    }
  }
  return walked(null);
}

function brokenRowProblem(db: Database, seq: number, expectedPrev: string): string {
  const storedPrev = db.prepare('SELECT prev_hash FROM audit_log WHERE seq = ?').pluck().get(seq);
  return storedPrev === expectedPrev
    ? `第 ${seq} 条记录的内容被改动。`
    : `第 ${seq} 条记录与前一条的链接不符（前面的记录被删除、插入或调换）。`;
}

type StoredRow = unknown[];
