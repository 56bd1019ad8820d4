/**
 * 表格编号 and 校验码 of printed forms (issue 6): the number is the school's
 * 学校标识码, the calendar year and a six-digit sequence that restarts every
 * year; the code is the start of the SHA-256 of the form's data in a
 * canonical JSON form (keys sorted, pictures by their SHA-256), so the same
 * data always gives the same code. `form_issue` keeps both with the full
 * hash, so a paper form is matched to its row and to the access log.
 */
import { createHash } from 'node:crypto';
import type { FormKind } from '../../../shared/forms/forms';
import { isoWithOffset } from '../../../shared/time';
import { sha256Hex } from '../attachments/attachmentStore';
import type { Database } from '../db/database';

/** JSON with object keys in code-unit order at every level; bytes (photos) stand as their SHA-256. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return { sha256: sha256Hex(value) };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
}

export interface DataDigest {
  /** SHA-256 of the canonical JSON, 64 hex digits. */
  readonly sha256: string;
  /** 校验码: its first 8 hex digits, upper case, as `XXXX-XXXX`. */
  readonly verificationCode: string;
}

export function dataDigest(data: unknown): DataDigest {
  const sha256 = createHash('sha256').update(canonicalJson(data)).digest('hex');
  const head = sha256.slice(0, 8).toUpperCase();
  return { sha256, verificationCode: `${head.slice(0, 4)}-${head.slice(4)}` };
}

export interface FormNumber {
  readonly formNumber: string;
  readonly year: number;
  readonly sequence: number;
}

/** The next free number of the year: 学校标识码-年份-序号, e.g. `1114000001-2026-000123`. */
export function nextFormNumber(database: Database, schoolCode: string, year: number): FormNumber {
  const last = database.prepare('SELECT max(sequence) FROM form_issue WHERE year = ?').pluck().get(year) as
    number | null;
  const sequence = (last ?? 0) + 1;
  return { formNumber: `${schoolCode}-${year}-${String(sequence).padStart(6, '0')}`, year, sequence };
}

export interface FormIssue {
  readonly number: FormNumber;
  readonly form: FormKind;
  readonly objectType: string;
  readonly objectId: string;
  readonly digest: DataDigest;
  readonly pages: number;
  readonly issuedAt: Date;
  readonly issuedBy: string;
}

/** Records an issued form; a number taken meanwhile fails on the table's UNIQUE constraints. */
export function insertIssue(database: Database, issue: FormIssue): void {
  database
    .prepare(
      `INSERT INTO form_issue (form_number, year, sequence, form, object_type, object_id, data_sha256,
         verification_code, pages, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      issue.number.formNumber,
      issue.number.year,
      issue.number.sequence,
      issue.form,
      issue.objectType,
      issue.objectId,
      issue.digest.sha256,
      issue.digest.verificationCode,
      issue.pages,
      isoWithOffset(issue.issuedAt),
      issue.issuedBy,
    );
}

/** Whether an insert failed because the number was taken (another form was issued during rendering). */
export const isNumberTaken = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
  (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

export interface IssuedForm {
  readonly form: FormKind;
  readonly objectType: string;
  readonly objectId: string;
}

/** An issued form by its number, or null. */
export const readIssue = (database: Database, formNumber: string): IssuedForm | null =>
  (database
    .prepare('SELECT form, object_type AS objectType, object_id AS objectId FROM form_issue WHERE form_number = ?')
    .get(formNumber) as IssuedForm | undefined) ?? null;
