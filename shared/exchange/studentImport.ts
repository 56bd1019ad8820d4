/**
 * 导入学生 from the national Excel template (issue 7, DESIGN.md §7): what
 * crosses the contract and the limits both sides check.
 *
 * A file is first checked (检查（不保存）): every row is read and checked with
 * the student form's rules, duplicates against the register and within the
 * file are named (OPS-2), and the clerk gets the report on screen and as an
 * .xlsx. The import itself reads the same file again, checks it again, and
 * registers every row in one transaction, or none while any row has an error.
 */
import type { ExportedFile } from '../audit';
import type { UploadedFile } from '../register/photos';

export const importLimits = {
  /** The largest file accepted: a whole school's roll in the template is a few MB. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows of one file: more than any school's roll; a bigger file is refused, split by grade. */
  maxRows: 20_000,
  /** Issues sent to the screen; the .xlsx report lists every one. */
  maxListedIssues: 5_000,
} as const;

/**
 * The file and where its students go. With `classId` every row goes to that
 * class (a class's list); with null each row's class is read from the
 * template's 年级 and 班级 columns and matched to the school's classes.
 */
export interface ImportUpload extends UploadedFile {
  readonly classId: number | null;
}

/** An error blocks the import; a warning (疑似重复, 超班额 …) is shown and imported. */
export type ImportIssueLevel = 'error' | 'warning';

/** One problem of one row, as the report lists it. */
export interface ImportIssue {
  /** The row number Excel shows. */
  readonly row: number;
  /** 姓名 of the row, to find it by. */
  readonly name: string;
  /** Column letter (F, AB); empty when the problem is the row's, not one cell's. */
  readonly column: string;
  /** The field, e.g. 身份证件号 or 家庭成员1 联系电话. */
  readonly field: string;
  readonly level: ImportIssueLevel;
  /** Chinese, for the clerk: what is wrong and how to put it right. */
  readonly message: string;
}

/** How many rows go to one class. */
export interface ImportClassCount {
  readonly classId: number;
  readonly label: string;
  readonly rows: number;
}

/** 检查（不保存）: everything the clerk needs to fix the file; nothing was saved. */
export interface ImportReport {
  readonly fileName: string;
  /** The worksheet read: the first one whose header is the template's. */
  readonly sheetName: string;
  /** Row number of the header's first row (a two-row header ends one row further down). */
  readonly headerRow: number;
  /** Data rows read; empty rows are skipped. */
  readonly rows: number;
  /** Rows with at least one error: while there are any, nothing can be imported. */
  readonly errorRows: number;
  /** Rows with warnings and no error: they are imported. */
  readonly warningRows: number;
  /** All issues, also those beyond `issues`. */
  readonly issueCount: number;
  /** The first `importLimits.maxListedIssues` issues, by row. */
  readonly issues: readonly ImportIssue[];
  /** The classes the rows go to, and how many to each. */
  readonly classes: readonly ImportClassCount[];
  /** About the file as a whole: columns not imported, formulas read by their saved result, 班额 … */
  readonly notes: readonly string[];
  /** The rows with issues and an 错误说明 column, for download; null when there is no issue. */
  readonly reportFile: ExportedFile | null;
}

/** 确认导入: what was registered, in one transaction. */
export interface ImportResult {
  readonly fileName: string;
  readonly imported: number;
  readonly classes: readonly ImportClassCount[];
  /** Rows imported with a warning (e.g. 疑似重复) worth a look in the roll. */
  readonly warningRows: number;
}

/** Why a chosen file is not sent at all (checked again in core), or null. */
export function importFileSizeProblem(fileName: string, bytes: number): string | null {
  if (bytes === 0) return `文件“${fileName}”是空文件，请选择填好的学生信息表。`;
  if (bytes <= importLimits.maxBytes) return null;
  const megabytes = (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
  return (
    `文件“${fileName}”有 ${megabytes} MB，超过了 ${importLimits.maxBytes / 1024 / 1024} MB。` +
    '学生信息表通常只有几 MB：请删去表中的图片，或按年级分成几个文件分别导入。'
  );
}
