/**
 * Reads the worksheet of an uploaded .xlsx that holds the template's header,
 * row by row with exceljs' streaming reader, into plain cells for the pure
 * rules (shared/exchange/). Refused first, each with what to do in Excel:
 * a file too large, not an .xlsx (an .xls or CSV renamed, an encrypted
 * workbook, another Office document), a damaged zip, one that would unpack
 * to hundreds of MB, no sheet with the header, too many rows.
 *
 * The streaming reader writes a worksheet it meets before the shared
 * strings into a temporary file, and Excel stores the shared strings last:
 * student data would land unencrypted in the temp folder. So the parts
 * needed are unpacked in memory (importZip.ts) and handed over re-packed,
 * stored, with the shared strings first; nothing touches the disk.
 *
 * The streaming reader also decodes each chunk of XML on its own, so a
 * Chinese character split between two chunks comes out as “�” (exceljs
 * issues #2063, #2084, open in 4.4): every character beyond ASCII is handed
 * over as an XML character reference (&#24352;), which no chunk boundary
 * can split.
 *
 * Formulas are read by the result Excel saved with them (what the clerk
 * sees); a formula without a saved result is reported on its cell.
 */
import { isAscii } from 'node:buffer';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  findHeader,
  headerSearchRows,
  type HeaderLayout,
  type HeaderRow,
  missingHeaderMessage,
} from '../../../shared/exchange/importHeaders';
import type { SheetRow } from '../../../shared/exchange/importRows';
import { cellText, type SheetCell } from '../../../shared/exchange/importValues';
import { importFileSizeProblem, importLimits } from '../../../shared/exchange/studentImport';
import { workbookKindProblem, zipContentProblem } from '../../../shared/exchange/workbookKind';
import type { UploadedFile } from '../../../shared/register/photos';
import { AppError } from '../errors';
import { storedZip, unpackEntry, ZipError, zipEntries } from './importZip';

/** The data worksheet of an import file. */
export interface ImportSheet {
  readonly name: string;
  readonly layout: HeaderLayout;
  /** Data rows below the header; empty rows are left out. */
  readonly rows: readonly SheetRow[];
  /** Cells read by the result their formula saved. */
  readonly formulaCells: number;
  /** Other visible worksheets with the template's header: not read. */
  readonly otherSheets: readonly string[];
}

/** The parts read, unpacked: a template of 20 000 rows is about 50 MB; hundreds mean a broken or hostile file. */
const maxUnpackedBytes = 300 * 1024 * 1024;
const worksheetPart = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const partOrder = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const emptySharedStrings =
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const refuse = (message: string, detail: string, cause?: unknown) =>
  new AppError('RULE_VIOLATION', message, detail, { cause });

function damaged(fileName: string, cause: unknown): AppError {
  return refuse(
    `文件“${fileName}”已损坏，无法打开。请在 Excel 中打开原表格，另存为“Excel 工作簿（*.xlsx）”后再导入。`,
    'import: damaged zip',
    cause,
  );
}

/** The bytes of the upload, refused unless they are an .xlsx workbook of a sensible size. */
function workbookBytes(upload: UploadedFile): Buffer {
  const bytes = Buffer.from(upload.base64, 'base64');
  const sizeProblem = importFileSizeProblem(upload.fileName, bytes.length);
  if (sizeProblem) throw refuse(sizeProblem, `import: ${bytes.length} bytes`);
  const kindProblem = workbookKindProblem(upload.fileName, bytes);
  if (kindProblem) throw refuse(kindProblem, 'import: not an xlsx');
  return bytes;
}

/** An XML part with every non-ASCII character as a character reference (the decoder drops a byte-order mark). */
function asciiXml(part: Uint8Array): Uint8Array {
  if (isAscii(part)) return part;
  // eslint-disable-next-line no-control-regex
  const text = new TextDecoder().decode(part).replace(/[^\x00-\x7f]/gu, (char) => `&#${char.codePointAt(0)};`);
  return new TextEncoder().encode(text);
}

/** The parts of the workbook the reader needs, unpacked, in the order that keeps it off the disk. */
function readerParts(fileName: string, bytes: Buffer): Buffer {
  try {
    const entries = zipEntries(bytes);
    const contentProblem = zipContentProblem(
      fileName,
      entries.map((entry) => entry.name),
    );
    if (contentProblem) throw refuse(contentProblem, 'import: zip is not a workbook');
    const needed = entries.filter((entry) => partOrder.includes(entry.name) || worksheetPart.test(entry.name));
    const claimed = needed.reduce((sum, entry) => sum + entry.size, 0);
    if (claimed > maxUnpackedBytes) throw tooLarge(fileName, claimed);
    // The directory may lie about sizes: what is unpacked counts against the budget.
    let budget = maxUnpackedBytes;
    const parts = new Map<string, Uint8Array>();
    for (const entry of needed) {
      const part = unpackEntry(bytes, entry, budget);
      budget -= part.length;
      parts.set(entry.name, asciiXml(part));
    }
    parts.set('xl/sharedStrings.xml', parts.get('xl/sharedStrings.xml') ?? Buffer.from(emptySharedStrings));
    const sheetNumber = (name: string) => Number(worksheetPart.exec(name)?.[1] ?? 0);
    const sheets = [...parts.keys()].filter((name) => worksheetPart.test(name));
    sheets.sort((a, b) => sheetNumber(a) - sheetNumber(b));
    return storedZip(
      [...partOrder.filter((name) => parts.has(name)), ...sheets].map((name) => [name, parts.get(name)!] as const),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ZipError && error.reason === 'tooLarge') throw tooLarge(fileName, maxUnpackedBytes + 1);
    throw damaged(fileName, error);
  }
}

function tooLarge(fileName: string, bytes: number): AppError {
  return refuse(
    `文件“${fileName}”解压后超过 ${maxUnpackedBytes / 1024 / 1024} MB，不像是学生信息表。请按年级分成几个文件，或在 Excel 中另存后再导入。`,
    `import: ${bytes} bytes unpacked`,
  );
}

/** The streaming reader's worksheet, with what the typings leave out. */
type WorksheetStream = AsyncIterable<ExcelJS.Row> & { readonly name?: string; readonly state?: string };

/** exceljs' cell value as a plain cell; counts the formulas read by their saved result. */
function sheetCell(value: ExcelJS.CellValue, formulas: { count: number }): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { error: '#VALUE!' } : { date: value.toISOString().slice(0, 10) };
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('') || undefined;
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    if (result === undefined || result === null) return { formula: formula || '（共享公式）' };
    formulas.count += 1;
    // The streaming reader parses an error result as a number: NaN.
    return typeof result === 'number' && Number.isNaN(result) ? { error: '#N/A' } : sheetCell(result, formulas);
  }
  if ('text' in value) return sheetCell(value.text as ExcelJS.CellValue, formulas);
  return undefined;
}

function toSheetRow(row: ExcelJS.Row, formulas: { count: number }): SheetRow | null {
  const values = row.values as ExcelJS.CellValue[];
  const cells: (SheetCell | undefined)[] = new Array<SheetCell | undefined>(values.length);
  let blank = true;
  for (let index = 1; index < values.length; index += 1) {
    const cell = sheetCell(values[index], formulas);
    cells[index] = cell;
    if (cell !== undefined && cellText(cell).trim() !== '') blank = false;
  }
  return blank ? null : { number: row.number, cells };
}

const headerRow = (row: SheetRow): HeaderRow => ({
  number: row.number,
  texts: row.cells.map((cell) => (cell === undefined ? undefined : cellText(cell))),
});

function tooManyRows(fileName: string): AppError {
  return refuse(
    `文件“${fileName}”中的学生超过 ${importLimits.maxRows} 行，一次导入不了这么多。请按年级或班级分成几个文件，分别检查、导入。`,
    `import: over ${importLimits.maxRows} rows`,
  );
}

/**
 * A worksheet's header among its first rows and, when `collect`, the data
 * rows below it; null when it has no template header. Every row is read
 * (the zip stream goes on to the next sheet), but only these are kept.
 */
async function scanSheet(
  worksheet: WorksheetStream,
  collect: boolean,
  fileName: string,
): Promise<{ layout: HeaderLayout; rows: SheetRow[]; formulaCells: number } | null> {
  const formulas = { count: 0 };
  const first: SheetRow[] = [];
  const rows: SheetRow[] = [];
  let layout: HeaderLayout | null = null;
  let looked = false;
  const look = () => {
    looked = true;
    layout = findHeader(first.map(headerRow));
    if (layout && collect) rows.push(...first.filter((row) => row.number >= layout!.row + layout!.depth));
  };
  for await (const row of worksheet) {
    if (looked && !(layout && collect)) continue;
    const sheetRow = toSheetRow(row, formulas);
    if (!sheetRow) continue;
    if (looked) {
      rows.push(sheetRow);
      if (rows.length > importLimits.maxRows) throw tooManyRows(fileName);
      continue;
    }
    first.push(sheetRow);
    if (first.length === headerSearchRows) look();
  }
  if (!looked) look();
  if (rows.length > importLimits.maxRows) throw tooManyRows(fileName);
  return layout ? { layout, rows, formulaCells: formulas.count } : null;
}

/**
 * The first visible worksheet whose first rows hold the template's header,
 * and its data rows; refused with the clerk's message when there is none.
 */
export async function readImportSheet(upload: UploadedFile): Promise<ImportSheet> {
  const bytes = workbookBytes(upload);
  const packed = readerParts(upload.fileName, bytes);
  const chunks = function* () {
    for (let at = 0; at < packed.length; at += 1 << 16) yield packed.subarray(at, at + (1 << 16));
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks()), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const visibleSheets: string[] = [];
  const otherSheets: string[] = [];
  let chosen: Omit<ImportSheet, 'otherSheets'> | null = null;
  try {
    for await (const worksheet of reader as AsyncIterable<WorksheetStream>) {
      const name = worksheet.name ?? '';
      if (worksheet.state !== undefined && worksheet.state !== 'visible') {
        for await (const _row of worksheet); // hidden (code lists of the template): read past it
        continue;
      }
      visibleSheets.push(name);
      const found = await scanSheet(worksheet, chosen === null, upload.fileName);
      if (found && chosen) otherSheets.push(name);
      else if (found) chosen = { name, ...found };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(upload.fileName, error);
  }
  if (!chosen) throw refuse(missingHeaderMessage(upload.fileName, visibleSheets), 'import: no template header');
  return { ...chosen, otherSheets };
}
