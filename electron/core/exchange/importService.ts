/**
 * 导入学生 (issue 7, DESIGN.md §7): the dry run reads the national template,
 * checks every row with the student form's rules and the register's
 * duplicates (OPS-2), and saves no student; the import reads and checks the
 * same file again and registers every row with `insertStudent` in one
 * transaction, with one access-log event holding the counts, or registers
 * nothing while any row has an error. A record already in the register is
 * never overwritten: its row is an error naming the record.
 */
import { createHash } from 'node:crypto';
import { crossCheckRows, type ImportSummary, summariseRows } from '../../../shared/exchange/importChecks';
import { columnNotes, headerProblems } from '../../../shared/exchange/importHeaders';
import { type CheckedRow, checkRow } from '../../../shared/exchange/importRows';
import {
  type ImportReport,
  type ImportResult,
  type ImportUpload,
  importLimits,
} from '../../../shared/exchange/studentImport';
import type { Major } from '../../../shared/register/school';
import type { SchoolClass } from '../../../shared/register/students';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass, readClasses } from '../register/classes';
import { summaryColumns, type SummaryRow, toSummary } from '../register/studentRecord';
import { duplicateMessage, insertStudent, normalisedBasics } from '../register/studentWrites';
import { importReportFile } from './importReportFile';
import { type ImportSheet, readImportSheet } from './importWorkbook';

export interface ImportServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

/** A file checked against the register as it is now. */
interface CheckedFile {
  readonly rows: readonly CheckedRow[];
  readonly summary: ImportSummary;
  readonly notes: readonly string[];
}

const sha256 = (upload: ImportUpload) => createHash('sha256').update(upload.base64, 'base64').digest('hex');

/** What the school's register holds that rows are checked against. */
function registerOf(database: Database): { classes: SchoolClass[]; majors: Pick<Major, 'code' | 'name'>[] } {
  return {
    classes: readClasses(database),
    majors: database.prepare('SELECT code, name FROM major').all() as Pick<Major, 'code' | 'name'>[],
  };
}

/** Notes on the file as a whole, in the order the clerk reads them. */
function fileNotes(sheet: ImportSheet, target: SchoolClass | null, summary: ImportSummary): string[] {
  const hasClassColumns = sheet.layout.columns.some(
    (column) => column.target?.kind === 'grade' || column.target?.kind === 'class',
  );
  return [
    ...(sheet.rows.length === 0 ? ['表头下面没有学生数据。'] : []),
    ...(target && hasClassColumns ? [`已选择全部导入${target.label}，表中的年级、班级列没有使用。`] : []),
    ...columnNotes(sheet.layout),
    ...(sheet.formulaCells > 0
      ? [`有 ${sheet.formulaCells} 个单元格是公式，已按 Excel 保存的计算结果读取，请确认这些结果是最新的。`]
      : []),
    ...(sheet.otherSheets.length > 0
      ? [
          `只读取了工作表“${sheet.name}”；工作表${sheet.otherSheets.map((name) => `“${name}”`).join('、')}` +
            '也像学生信息表，没有读取，请另存为单独的文件再导入。',
        ]
      : []),
    ...summary.capacityNotes,
  ];
}

/**
 * Every row checked (field rules, class, duplicates within the file and
 * against the register); refused as a whole when the header itself cannot
 * serve (a ★ column missing, a column twice, no 班级 column).
 */
function checkFile(database: Database, sheet: ImportSheet, upload: ImportUpload, today: Date): CheckedFile {
  const target = upload.classId === null ? null : readClass(database, upload.classId);
  const problems = headerProblems(sheet.layout, target === null);
  if (problems.length > 0) {
    throw new AppError(
      'RULE_VIOLATION',
      `工作表“${sheet.name}”的表头不能导入：${problems.join('')}`,
      `import header: ${problems.length} problems`,
    );
  }
  const { classes, majors } = registerOf(database);
  const context = {
    today,
    layout: sheet.layout,
    classes,
    majors,
    classId: target?.id ?? null,
    normalise: normalisedBasics,
  };
  const existing = (
    database.prepare(`SELECT ${summaryColumns} FROM student s JOIN class c ON c.id = s.class_id`).all() as SummaryRow[]
  ).map(toSummary);
  const rows = crossCheckRows(
    sheet.rows.map((row) => checkRow(row, context)),
    sheet.layout,
    { existing, clashMessage: duplicateMessage },
  );
  const summary = summariseRows(rows, classes);
  return { rows, summary, notes: fileNotes(sheet, target, summary) };
}

/** Why the import is refused while rows have errors: the first one named, nothing registered (OPS-2 人籍一致). */
function refuseErrors(summary: ImportSummary): AppError {
  const first = summary.issues.find((issue) => issue.level === 'error')!;
  return new AppError(
    'RULE_VIOLATION',
    `文件中还有 ${summary.errorRows} 行有错误（如第 ${first.row} 行【${first.field}】${first.message}），一个学生也没有导入。` +
      '请点“检查（不保存）”查看全部问题，改正后再导入（人籍一致，规则 OPS-2）。',
    `import refused: ${summary.errorRows} rows with errors`,
  );
}

export function createImportService({ sessions, now }: ImportServiceContext) {
  const db = () => sessions.require().storage.db;

  /** 检查（不保存）: the report, on screen and as .xlsx; the check itself is in the access log. */
  async function dryRunImport(upload: ImportUpload): Promise<ImportReport> {
    const sheet = await readImportSheet(upload);
    const database = db();
    const at = now();
    const { rows, summary, notes } = checkFile(database, sheet, upload, at);
    const hash = sha256(upload);
    database.transaction(() =>
      sessions.audit({
        at,
        action: 'student.importCheck',
        objectType: 'import',
        objectId: hash,
        outcome: 'success',
        details: {
          fileName: upload.fileName,
          sheet: sheet.name,
          rows: summary.rows,
          errorRows: summary.errorRows,
          warningRows: summary.warningRows,
        },
      }),
    )();
    return {
      fileName: upload.fileName,
      sheetName: sheet.name,
      headerRow: sheet.layout.row,
      rows: summary.rows,
      errorRows: summary.errorRows,
      warningRows: summary.warningRows,
      issueCount: summary.issues.length,
      issues: summary.issues.slice(0, importLimits.maxListedIssues),
      classes: summary.classes,
      notes,
      reportFile: summary.issues.length > 0 ? await importReportFile(upload.fileName, sheet, rows, at) : null,
    };
  }

  /** 确认导入: every row registered in one transaction with one log event, or nothing. */
  async function commitImport(upload: ImportUpload): Promise<ImportResult> {
    const sheet = await readImportSheet(upload);
    const database = db();
    const at = now();
    const by = sessions.require().actor.userName;
    const stamp = isoWithOffset(at);
    return database.transaction(() => {
      const { rows, summary } = checkFile(database, sheet, upload, at);
      if (summary.errorRows > 0) throw refuseErrors(summary);
      if (rows.length === 0) {
        throw new AppError(
          'RULE_VIOLATION',
          `文件“${upload.fileName}”的表头下面没有学生数据，没有可导入的学生。`,
          'import: no rows',
        );
      }
      const ids = rows.map((row) => insertStudent(database, row.classId!, row.basics, stamp, by));
      sessions.audit({
        at,
        action: 'student.import',
        objectType: 'import',
        objectId: sha256(upload),
        outcome: 'success',
        details: {
          fileName: upload.fileName,
          sheet: sheet.name,
          students: ids.length,
          classes: Object.fromEntries(summary.classes.map((entry) => [entry.label, entry.rows])),
          warningRows: summary.warningRows,
          firstStudentId: ids[0],
          lastStudentId: ids[ids.length - 1],
        },
      });
      return {
        fileName: upload.fileName,
        imported: ids.length,
        classes: summary.classes,
        warningRows: summary.warningRows,
      };
    })();
  }

  return { dryRunImport, commitImport };
}
