/**
 * 佐证材料 of an open case (CHG-1, CHG-2, DAT-2): a JPG, PNG or PDF, told by
 * its content and not its name, at most 2 MB as the national system takes
 * it, of a kind the case needs; stored encrypted under its SHA-256 in the
 * attachment store, the clerk's file name kept for display only. Every
 * upload, removal and opening is in the access log.
 */
import { caseStatusLabels, type CaseRecord, evidenceSpec } from '../../../shared/changes/caseRecords';
import type { EvidenceFile, EvidenceInfo, EvidenceUpload } from '../../../shared/changes/caseRecords';
import { caseKindLabel } from '../../../shared/changes/cases';
import { evidenceKinds, evidenceRule } from '../../../shared/changes/evidence';
import { labelOf } from '../../../shared/register/codes';
import { fileKindLabels, sniffFileKind } from '../../../shared/register/photos';
import { isoWithOffset } from '../../../shared/time';
import { createAttachmentStore, sha256Hex } from '../attachments/attachmentStore';
import type { Sessions } from '../auth/session';
import { AppError } from '../errors';
import type { DataPaths } from '../storage';
import { readCaseNow } from './caseStore';

export interface EvidenceServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
}

const mediaTypes = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' } as const;

const maxNameLength = 100;

/**
 * The name shown for a file: its last path segment (a name is never a path
 * here), without control or invisible format characters (a right-to-left
 * override could make `gpj.exe` read as `exe.jpg`), at most 100 characters
 * with the extension kept.
 */
export function evidenceFileName(typed: string): string {
  const last = typed.split(/[/\\]/).at(-1) ?? '';
  const chars = [...last.replace(/[\p{Cc}\p{Cf}]/gu, '').trim()];
  if (chars.length === 0) return '未命名文件';
  return chars.length <= maxNameLength
    ? chars.join('')
    : `${chars.slice(0, 60).join('')}…${chars.slice(-(maxNameLength - 61)).join('')}`;
}

const refuse = (message: string, detail: string): AppError => new AppError('RULE_VIOLATION', message, detail);

/** Evidence changes only while the case is 办理中. */
function refuseClosed(record: CaseRecord, what: string): void {
  if (record.status !== 'pending') {
    throw refuse(`本事项${caseStatusLabels[record.status]}，不能再${what}。`, `case ${record.id} is ${record.status}`);
  }
}

/** The bytes of an upload that may be evidence, with their media type; refuses the rest in Chinese. */
function acceptedFile(fileName: string, base64: string): { bytes: Buffer; mediaType: EvidenceInfo['mediaType'] } {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > evidenceSpec.maxBytes) {
    const megabytes = (Math.ceil((bytes.length / 1024 / 1024) * 10) / 10).toFixed(1); // never "2.0 MB, over 2 MB"
    throw refuse(
      `文件“${fileName}”有 ${megabytes} MB，超过了 2 MB（全国学籍系统要求每份佐证材料不超过 2 MB）。请压缩图片或分页扫描后再上传。`,
      `evidence of ${bytes.length} bytes`,
    );
  }
  const kind = sniffFileKind(bytes);
  if (kind === 'jpeg' || kind === 'png' || kind === 'pdf') return { bytes, mediaType: mediaTypes[kind] };
  throw refuse(
    `文件“${fileName}”不能作为佐证材料：这是${fileKindLabels[kind]}，不是图片或 PDF。请上传 JPG、PNG 图片或 PDF 文件。`,
    `evidence is ${kind}`,
  );
}

export function createEvidenceService({ sessions, now, paths }: EvidenceServiceContext) {
  const store = createAttachmentStore({ sessions, now, folder: paths.attachments });
  const db = () => sessions.require().storage.db;

  function addEvidence(caseId: number, upload: EvidenceUpload): CaseRecord {
    const database = db();
    const at = now();
    const record = readCaseNow(database, caseId, at);
    refuseClosed(record, '上传佐证材料');
    const fileName = evidenceFileName(upload.fileName);
    const { bytes, mediaType } = acceptedFile(fileName, upload.base64);
    const label = labelOf(evidenceKinds, upload.kind) ?? upload.kind;
    if (!record.requirements.some((item) => item.kind === upload.kind)) {
      const rule = evidenceRule(record.kind);
      const needed = record.requirements.map((item) => labelOf(evidenceKinds, item.kind)).join('、');
      throw refuse(
        `“${label}”不是${caseKindLabel(record.kind)}需要的佐证材料（规则 ${rule}）。本事项需要：${needed}。`,
        `evidence kind ${upload.kind} not required by ${record.kind}`,
      );
    }
    const sha256 = sha256Hex(bytes);
    const same = record.evidence.find((file) => file.sha256 === sha256);
    if (same) {
      throw refuse(`这个文件已作为“${same.fileName}”上传过，不需要重复上传。`, `evidence ${sha256} already on case`);
    }
    database.transaction(() => {
      store.put(bytes, mediaType);
      const evidenceId = Number(
        database
          .prepare(
            'INSERT INTO case_evidence (case_id, kind, sha256, file_name, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(caseId, upload.kind, sha256, fileName, isoWithOffset(at), sessions.require().actor.userName)
          .lastInsertRowid,
      );
      sessions.audit({
        at,
        action: 'case.evidence.add',
        objectType: 'case',
        objectId: String(caseId),
        outcome: 'success',
        details: { caseId, evidenceId, kind: upload.kind, sha256, bytes: bytes.length, mediaType },
      });
    })();
    return readCaseNow(database, caseId, at);
  }

  /** The row goes; the file stays in the store, unreferenced (the access log names its hash). */
  function removeEvidence(caseId: number, evidenceId: number): CaseRecord {
    const database = db();
    const at = now();
    const record = readCaseNow(database, caseId, at);
    refuseClosed(record, '移除佐证材料');
    const file = record.evidence.find((entry) => entry.id === evidenceId);
    if (!file) {
      throw new AppError(
        'NOT_FOUND',
        '该佐证材料不在本事项中，可能已被移除，请刷新。',
        `evidence ${evidenceId} missing`,
      );
    }
    database.transaction(() => {
      database.prepare('DELETE FROM case_evidence WHERE id = ?').run(evidenceId);
      sessions.audit({
        at,
        action: 'case.evidence.remove',
        objectType: 'case',
        objectId: String(caseId),
        outcome: 'success',
        details: { caseId, evidenceId, kind: file.kind, sha256: file.sha256 },
      });
    })();
    return readCaseNow(database, caseId, at);
  }

  function getEvidence(evidenceId: number): EvidenceFile {
    const database = db();
    const row = database
      .prepare(
        `SELECT e.case_id AS caseId, e.kind, e.file_name AS fileName, e.sha256, a.media_type AS mediaType
         FROM case_evidence e JOIN attachment a ON a.sha256 = e.sha256 WHERE e.id = ?`,
      )
      .get(evidenceId) as
      (Pick<EvidenceInfo, 'kind' | 'fileName' | 'sha256' | 'mediaType'> & { caseId: number }) | undefined;
    if (!row) {
      throw new AppError('NOT_FOUND', '找不到该佐证材料，可能已被移除，请刷新。', `evidence ${evidenceId} missing`);
    }
    const bytes = store.get(row.sha256);
    database.transaction(() =>
      sessions.audit({
        at: now(),
        action: 'case.evidence.read',
        objectType: 'case',
        objectId: String(row.caseId),
        outcome: 'success',
        details: { caseId: row.caseId, evidenceId, kind: row.kind },
      }),
    )();
    return { fileName: row.fileName, mediaType: row.mediaType, base64: bytes.toString('base64') };
  }

  return { addEvidence, removeEvidence, getEvidence };
}
