/**
 * The dry run's report as an .xlsx for the clerk to keep and work through:
 * the rows with issues as they were read, with their row number and an
 * 错误说明 column in front, and a second sheet listing every issue. Every
 * cell is text (ID numbers stay digits, never 1.4E+17) and safe to open
 * (cells.ts). Written with exceljs' streaming writer, in memory.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/audit';
import type { CheckedRow, SheetRow } from '../../../shared/exchange/importRows';
import { cellText } from '../../../shared/exchange/importValues';
import type { ImportIssue } from '../../../shared/exchange/studentImport';
import { isoWithOffset } from '../../../shared/time';
import { safeCellText } from './cells';
import type { ImportSheet } from './importWorkbook';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errorFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
const warningFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDF6EC' } };
const text: Partial<ExcelJS.Style> = { numFmt: '@' };

/** One line per issue: 【身份证件号】… ; warnings marked （提示）. */
function explanation(issues: readonly ImportIssue[]): string {
  return issues
    .map((issue) => `${issue.level === 'warning' ? '（提示）' : ''}【${issue.field}】${issue.message}`)
    .join('\n');
}

/** The report's file name: 导入检查报告-<the file's name>-<date and time>.xlsx. */
function reportName(fileName: string, at: Date): string {
  const stem = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .slice(0, 60);
  const stamp = isoWithOffset(at).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `导入检查报告-${stem}-${stamp}.xlsx`;
}

export async function importReportFile(
  fileName: string,
  sheet: ImportSheet,
  checked: readonly CheckedRow[],
  at: Date,
): Promise<ExportedFile> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'XuejiDesk';

  const rowsSheet = book.addWorksheet('错误说明');
  const columns = sheet.layout.columns;
  rowsSheet.columns = [
    { header: '行号', width: 8, style: text },
    { header: '错误说明', width: 60, style: { ...text, alignment: { wrapText: true, vertical: 'top' } } },
    ...columns.map((column) => ({ header: safeCellText(column.header), width: 16, style: text })),
  ];
  rowsSheet.getRow(1).font = { bold: true };
  rowsSheet.getRow(1).commit();
  checked.forEach((row, index) => {
    if (row.issues.length === 0) return;
    const source: SheetRow = sheet.rows[index]!;
    const added = rowsSheet.addRow([
      String(row.row),
      safeCellText(explanation(row.issues)),
      ...columns.map((column) => safeCellText(cellText(source.cells[column.index]))),
    ]);
    added.getCell(2).fill = row.issues.some((issue) => issue.level === 'error') ? errorFill : warningFill;
    added.commit();
  });
  rowsSheet.commit();

  const list = book.addWorksheet('问题清单');
  list.columns = ['行号', '姓名', '列', '栏目', '类别', '说明'].map((header, index) => ({
    header,
    width: [8, 12, 6, 20, 8, 80][index],
    style: text,
  }));
  list.getRow(1).font = { bold: true };
  list.getRow(1).commit();
  for (const issue of checked.flatMap((row) => row.issues)) {
    list
      .addRow(
        [
          String(issue.row),
          issue.name,
          issue.column,
          issue.field,
          issue.level === 'error' ? '错误' : '提示',
          issue.message,
        ].map(safeCellText),
      )
      .commit();
  }
  list.commit();
  await book.commit();
  return { fileName: reportName(fileName, at), mimeType: xlsxType, base64: Buffer.concat(chunks).toString('base64') };
}
