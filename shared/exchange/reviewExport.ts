/**
 * 导出审查材料 (export for bureau review, DESIGN.md §7): what one export
 * writes into a new folder of the clerk's choosing (often a USB stick), the
 * `manifest.json` that lists each file with its SHA-256, and what the
 * verifier finds when it hashes the files again. Pure: names and types only;
 * core writes and reads the files.
 */

/** The workbook's sheets, in order: the key counts its rows, the name is the sheet's tab. */
export const reviewSheets = [
  { key: 'students', name: '学生' },
  { key: 'movements', name: '学籍异动' },
  { key: 'changeRequests', name: '变更申请' },
  { key: 'graduates', name: '毕业生' },
  { key: 'openCases', name: '待办事项' },
] as const;

export type ReviewSheet = (typeof reviewSheets)[number]['key'];

/** Rows of each sheet (header rows not counted), and what the sheets and zips hold besides. */
export type ReviewCounts = Readonly<Record<ReviewSheet, number>> & {
  /** Open cases past their due date (CHG-1, CHG-2, DAT-1, GRD-2), among `openCases`. */
  readonly overdue: number;
  /** Photos in the class zips; 0 when the export has none. */
  readonly photos: number;
  /** Class zips (one per class with at least one photo). */
  readonly photoClasses: number;
};

export interface ReviewExportOptions {
  /** 学籍照片 as the national zip per class (photos make the export much larger). */
  readonly includePhotos: boolean;
}

/** One file of an export: its path inside the export folder (`/` between folders), size and SHA-256. */
export interface ExportedFileEntry {
  readonly name: string;
  readonly bytes: number;
  /** 64 lower-case hex digits. */
  readonly sha256: string;
}

/** The manifest's own name in the export folder. */
export const manifestFileName = 'manifest.json';

/** What `manifest.json` says; its `files` are every other file of the folder. */
export interface ReviewManifest {
  readonly format: 'xuejidesk-review-export';
  readonly version: 1;
  /** 材料编号 (`reviewExportId`), also in the folder's name and the summary PDF's header. */
  readonly exportId: string;
  readonly school: { readonly name: string; readonly code: string };
  /** 经办人 (OPS-3: whoever exports is responsible for what leaves the school). */
  readonly operator: { readonly userName: string; readonly displayName: string };
  /** ISO 8601 with offset. */
  readonly createdAt: string;
  readonly counts: ReviewCounts;
  readonly includesPhotos: boolean;
  /** The access log's last row when the data was read (the export's own event follows it). */
  readonly auditHead: { readonly seq: number; readonly hash: string };
  readonly files: readonly ExportedFileEntry[];
}

/** What an export wrote, for the result screen. */
export interface ReviewExport {
  /** The new folder, absolute. */
  readonly folder: string;
  readonly folderName: string;
  readonly exportId: string;
  readonly createdAt: string;
  readonly counts: ReviewCounts;
  /** The files the manifest lists, then the manifest itself. */
  readonly files: readonly ExportedFileEntry[];
  /** SHA-256 of `manifest.json`, also in the access log's `export.review` event. */
  readonly manifestSha256: string;
}

/** unchanged 未改动, changed 已被改动, missing 缺失, extra 清单外的文件. */
export type ExportFileState = 'unchanged' | 'changed' | 'missing' | 'extra';

export interface ExportFileCheck {
  readonly name: string;
  readonly state: ExportFileState;
  /** What the manifest lists; null for an extra file. */
  readonly expected: { readonly bytes: number; readonly sha256: string } | null;
  /** What is on disk now; null for a missing file, or a link or device instead of a plain file. */
  readonly actual: { readonly bytes: number; readonly sha256: string } | null;
}

/** valid, missing (no manifest.json), unreadable (not JSON, not a manifest, or unsafe file names). */
export type ManifestState = 'valid' | 'missing' | 'unreadable';

export interface ExportVerification {
  /** The folder checked, absolute. */
  readonly folder: string;
  /** Every listed file is there unchanged and nothing else is. */
  readonly ok: boolean;
  readonly manifestState: ManifestState;
  /** Why the manifest cannot be used (Chinese), else null. */
  readonly manifestProblem: string | null;
  /** The manifest as read; null unless valid. */
  readonly manifest: ReviewManifest | null;
  /** SHA-256 of `manifest.json` as it is, to hold against the access log; null when missing. */
  readonly manifestSha256: string | null;
  /** Listed files first, in the manifest's order, then the extra ones by name. */
  readonly files: readonly ExportFileCheck[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * 材料编号: the moment of the export in local time, `20260901-080503`. The school is named beside it
 * everywhere (the folder's name, the manifest, the summary's header), and it fits the printed header's number box.
 */
export function reviewExportId(at: Date): string {
  return (
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

/** The export folder's name, e.g. `学籍审查材料_1114000001_20260901-080503`. */
export const reviewFolderName = (schoolCode: string, at: Date): string =>
  `学籍审查材料_${schoolCode}_${reviewExportId(at)}`;

/** How many files of a verification are in each state. */
export function fileStateCounts(files: readonly ExportFileCheck[]): Readonly<Record<ExportFileState, number>> {
  const counts: Record<ExportFileState, number> = { unchanged: 0, changed: 0, missing: 0, extra: 0 };
  for (const file of files) counts[file.state] += 1;
  return counts;
}

/** The verification in one sentence for the clerk (the app's banner, the CLI's stderr). */
export function verificationSummary(verification: ExportVerification): string {
  if (verification.manifestProblem) return verification.manifestProblem;
  const counts = fileStateCounts(verification.files);
  if (verification.ok) return `审查材料完整：清单 manifest.json 登记的 ${counts.unchanged} 个文件都没有被改动，也没有多出的文件。`;
  const parts = [
    counts.changed > 0 ? `${counts.changed} 个文件被改动` : '',
    counts.missing > 0 ? `${counts.missing} 个文件缺失` : '',
    counts.extra > 0 ? `多出 ${counts.extra} 个清单以外的文件` : '',
  ].filter(Boolean);
  return `审查材料与清单不符：${parts.join('，')}。`;
}
