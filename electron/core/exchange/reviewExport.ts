/**
 * 导出审查材料 (export for bureau review, issue 7, DESIGN.md §7): into a new
 * folder of the folder the clerk chose, the workbook, the class photo zips
 * when asked for, a printable summary PDF and `manifest.json` with each
 * file's SHA-256, the school, the operator, the time, the counts and the
 * access log's head hash. The data is read in one read transaction of a
 * connection of its own, so that every part describes the same moment while
 * the app goes on. The folder is written as `.partial` and renamed last; a
 * failure removes it. Every export, and every failed one, is logged.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ExportVerification,
  fileStateCounts,
  manifestFileName,
  type ReviewCounts,
  type ReviewExport,
  type ReviewExportOptions,
  type ReviewManifest,
  reviewExportId,
  reviewFolderName,
} from '../../../shared/exchange/reviewExport';
import type { AuditOutcome } from '../../../shared/audit';
import { localDate } from '../../../shared/register/identity';
import { chineseDateTime, isoWithOffset } from '../../../shared/time';
import { createAttachmentStore } from '../attachments/attachmentStore';
import { auditHead } from '../audit/auditLog';
import type { Session, Sessions } from '../auth/session';
import { type Database, openEncryptedDatabase, sqliteError } from '../db/database';
import { AppError, fileSystemError } from '../errors';
import { createFallbackFonts } from '../forms/fallbackFont';
import { dataDigest } from '../forms/formNumbers';
import { reviewSummary, type ReviewSummaryData } from '../forms/layouts/reviewSummary';
import { pdfRenderer } from '../forms/pdfRenderer';
import { readProfile } from '../register/schoolService';
import type { DataPaths } from '../storage';
import { verifyExportFolder } from './exportVerifier';
import { type WrittenFile, writePhotoZips, writeWorkbook, written } from './reviewExportContents';
import { chosenFolder, createPartialFolder, type PartialFolder } from './reviewExportFolder';

export interface ReviewExportContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
  /** The Electron build of the native module (main), for the export's own connection. */
  readonly nativeBinding?: string | undefined;
  /** The packaged app's bundled fonts; absent: the npm font packages. */
  readonly fontFolder?: string | undefined;
}

/** The summary PDF's name inside the export folder. */
export const summaryFileName = '审查材料汇总.pdf';

/** Where and under which names one export is written. */
interface ExportTarget {
  /** The partial folder the files are written into. */
  readonly folder: string;
  /** The export folder's final name, and the workbook's. */
  readonly name: string;
  readonly exportId: string;
  readonly at: Date;
}

/** A full or read-only stick, in words that fit a chosen folder (not the data folder). */
function writeFailure(error: unknown): unknown {
  const mapped = error instanceof AppError ? error : fileSystemError(error, '审查材料');
  const untouched = '所选文件夹中没有留下不完整的材料。';
  if (mapped?.code === 'READ_ONLY') {
    return new AppError(
      'READ_ONLY',
      `无法写入所选文件夹：它是只读的或没有写入权限（U 盘可能打开了写保护）。${untouched}请解除写保护或换一个文件夹后重试。`,
      mapped.message,
      { cause: error },
    );
  }
  if (mapped?.code === 'DISK_FULL') {
    return new AppError(
      'DISK_FULL',
      `所选位置的磁盘空间不足，审查材料没有写完。${untouched}请清理空间或换一个容量更大的 U 盘后重试。`,
      mapped.message,
      { cause: error },
    );
  }
  return mapped ?? error;
}

/**
 * A read-only connection of the export's own, in a read transaction: WAL gives it one moment of the
 * register while the app's connection goes on writing (a status poll, an idle lock).
 */
function openReadSnapshot(file: string, dataKey: Buffer, nativeBinding: string | undefined): Database {
  const snapshot = openEncryptedDatabase(file, dataKey, { nativeBinding });
  try {
    snapshot.pragma('query_only = ON');
    snapshot.pragma('busy_timeout = 5000');
    snapshot.exec('BEGIN');
    return snapshot;
  } catch (error) {
    snapshot.close();
    throw sqliteError(error, file);
  }
}

export function createReviewExportService({ sessions, now, paths, nativeBinding, fontFolder }: ReviewExportContext) {
  const store = createAttachmentStore({ sessions, now, folder: paths.attachments });
  const fallbackFonts = createFallbackFonts({ sessions, now, paths });
  const renderer = pdfRenderer(fontFolder);

  async function writeSummary(folder: string, data: ReviewSummaryData, session: Session, at: Date) {
    const frame = {
      title: '学籍审查材料汇总',
      schoolName: data.school.name,
      schoolCode: data.school.code,
      formNumber: data.exportId,
      verificationCode: dataDigest(data).verificationCode,
      issuedOn: localDate(at),
      operator: session.actor.displayName,
      generatedAt: data.exportedAt,
    };
    const { pdf } = await renderer.render(reviewSummary(data, frame), fallbackFonts.current());
    const path = join(folder, summaryFileName);
    writeFileSync(path, pdf, { flag: 'wx' });
    return written(path, summaryFileName);
  }

  /** Writes every file into the partial folder; returns the manifest and the files, the manifest last. */
  async function writeFiles(target: ExportTarget, options: ReviewExportOptions, session: Session) {
    const { folder, exportId, at } = target;
    const snapshot = openReadSnapshot(paths.database, session.storage.dataKey, nativeBinding);
    try {
      const school = readProfile(snapshot);
      const head = auditHead(snapshot);
      const workbookName = `${target.name}.xlsx`;
      const sheets = await writeWorkbook(join(folder, workbookName), { snapshot, school, today: localDate(at) });
      const zips = options.includePhotos ? await writePhotoZips(folder, snapshot, store, at) : null;
      const counts: ReviewCounts = { ...sheets, photos: zips?.photos ?? 0, photoClasses: zips?.files.length ?? 0 };
      const dataFiles: WrittenFile[] = [
        await written(join(folder, workbookName), workbookName),
        ...(zips?.files ?? []),
      ];
      const common = {
        exportId,
        school: { name: school.name, code: school.code },
        operator: { userName: session.actor.userName, displayName: session.actor.displayName },
        counts,
        includesPhotos: options.includePhotos,
        auditHead: { seq: head.seq, hash: head.hash },
      };
      const summary = await writeSummary(
        folder,
        { ...common, exportedAt: chineseDateTime(at), files: dataFiles.map((file) => file.entry) },
        session,
        at,
      );
      const listed = [...dataFiles, summary];
      const manifest: ReviewManifest = {
        format: 'xuejidesk-review-export',
        version: 1,
        ...common,
        createdAt: isoWithOffset(at),
        files: listed.map((file) => file.entry),
      };
      const manifestPath = join(folder, manifestFileName);
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
      return { manifest, files: [...listed, await written(manifestPath, manifestFileName)] };
    } finally {
      snapshot.close();
    }
  }

  /** One export at a time: a second one in the same second would share the partial folder's name. */
  let exporting = false;

  async function exportForReview(folder: string, options: ReviewExportOptions): Promise<ReviewExport> {
    if (exporting) {
      throw new AppError('RULE_VIOLATION', '上一次导出还没有完成，请等它完成后再导出。', 'export in progress');
    }
    exporting = true;
    try {
      return await exportOnce(chosenFolder(folder), options);
    } finally {
      exporting = false;
    }
  }

  /** The access log's `export.review` event, in a transaction of its own. */
  function logExport(target: Omit<ExportTarget, 'folder'>, outcome: AuditOutcome, details: Record<string, unknown>) {
    const database = sessions.require().storage.db;
    database.transaction(() =>
      sessions.audit({
        at: target.at,
        action: 'export.review',
        objectType: 'export',
        objectId: target.exportId,
        outcome,
        details,
      }),
    )();
  }

  /** Writes the export folder under its final name; after a failure nothing is left and the failure is logged. */
  async function writeFolder(
    parent: string,
    target: Omit<ExportTarget, 'folder'>,
    options: ReviewExportOptions,
    session: Session,
  ) {
    let partial: PartialFolder | null = null;
    try {
      partial = createPartialFolder(parent, target.name, '审查材料');
      const done = await writeFiles({ ...target, folder: partial.path }, options, session);
      return { ...done, folder: partial.finish(done.files.map((file) => file.path)) };
    } catch (error) {
      partial?.discard();
      try {
        const reason = String((error as Error).message);
        logExport(target, 'failure', { folder: parent, includesPhotos: options.includePhotos, error: reason });
      } catch {
        // The clerk sees the export's own failure; a session locked meanwhile cannot log it.
      }
      throw writeFailure(error);
    }
  }

  async function exportOnce(parent: string, options: ReviewExportOptions): Promise<ReviewExport> {
    const session = sessions.require();
    const at = now();
    const name = reviewFolderName(readProfile(session.storage.db).code, at);
    const target = { name, exportId: reviewExportId(at), at };
    const done = await writeFolder(parent, target, options, session);
    const manifestSha256 = done.files.at(-1)!.entry.sha256;
    try {
      logExport(target, 'success', {
        folder: done.folder,
        counts: done.manifest.counts,
        includesPhotos: options.includePhotos,
        files: done.files.length,
        manifestSha256,
        auditHeadSeq: done.manifest.auditHead.seq,
      });
    } catch (error) {
      // An export the access log does not know of must not leave the school.
      rmSync(done.folder, { recursive: true, force: true });
      throw error;
    }
    return {
      folder: done.folder,
      folderName: basename(done.folder),
      exportId: target.exportId,
      createdAt: done.manifest.createdAt,
      counts: done.manifest.counts,
      files: done.files.map((file) => file.entry),
      manifestSha256,
    };
  }

  /** Hashes the files of an export folder again; the check is logged with what it found. */
  async function verifyExport(folder: string): Promise<ExportVerification> {
    const verification = await verifyExportFolder(chosenFolder(folder));
    const database = sessions.require().storage.db;
    database.transaction(() =>
      sessions.audit({
        at: now(),
        action: 'export.verify',
        objectType: 'export',
        objectId: verification.manifest?.exportId ?? basename(verification.folder),
        outcome: verification.ok ? 'success' : 'failure',
        details: {
          folder: verification.folder,
          manifest: verification.manifestState,
          manifestSha256: verification.manifestSha256,
          ...fileStateCounts(verification.files),
        },
      }),
    )();
    return verification;
  }

  return { exportForReview, verifyExport };
}
