/**
 * The review workbook written with exceljs' streaming writer, one sheet
 * after the other, a row at a time: 50,000 students never sit in memory
 * at once. Cells are safe to open (cells.ts), ID-like ones formatted as
 * text, dates real dates. The writer does not wait for the compressor or
 * the disk by itself (a slow USB stick would fill the memory): rows are
 * written in small batches with a turn of the event loop between them, and
 * the file stream is let drain when it falls behind. A write error (disk
 * full, stick pulled) stops the rows at once instead of an unhandled error.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { isIsoDay } from '../../../shared/changes/calendar';
import { safeCellText } from './cells';
import type { CellKind, Column } from './reviewExportColumns';

/** Rows between turns of the event loop: the compressor (zlib, off the main thread) keeps up. */
const rowsPerTurn = 8;
/** Compressed bytes the file stream may hold before the rows wait for the disk. */
const maxPendingBytes = 16 * 1024 * 1024;

/**
 * One style object per kind, shared by every cell: exceljs keeps a style's
 * number by the object, so shared objects cost one lookup each instead of a
 * new style per cell (which doubled the writing time).
 */
const styles: Readonly<Record<CellKind | 'header', Partial<ExcelJS.Style>>> = {
  header: { font: { bold: true } },
  text: {},
  id: { numFmt: '@' },
  date: { numFmt: 'yyyy-mm-dd' },
};

/** A register value as a cell: blank as an empty cell, a `YYYY-MM-DD` of a date column as a date, any text formula-safe. */
function cellValue(kind: CellKind, value: string): string | Date | null {
  if (value === '') return null;
  if (kind === 'date' && isIsoDay(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    // exceljs turns a Date into a serial day in UTC.
    return new Date(Date.UTC(year, month - 1, day));
  }
  return safeCellText(value);
}

export interface ReviewWorkbook {
  /** Writes a sheet's header and rows; returns how many rows. */
  addSheet<Row>(name: string, columns: readonly Column<Row>[], rows: Iterable<Row>): Promise<number>;
  /** Finishes the file. */
  close(): Promise<void>;
  /** Stops writing after a failure and lets go of the file. */
  abort(): void;
}

export function openReviewWorkbook(file: string): ReviewWorkbook {
  const out: WriteStream = createWriteStream(file, { flags: 'wx' });
  let failure: unknown = null;
  const fail = (error: unknown) => (failure ??= error);
  out.on('error', fail);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    creator: '学籍工作台',
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  (book as unknown as { zip: NodeJS.EventEmitter }).zip.on('error', fail);

  async function keepPace(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (failure === null && out.writableLength > maxPendingBytes) await once(out, 'drain');
    if (failure !== null) throw failure;
  }

  return {
    async addSheet(name, columns, rows) {
      const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({ width: column.width }));
      const header = sheet.addRow(columns.map((column) => column.header));
      header.eachCell((cell) => (cell.style = styles.header));
      header.commit();
      const cellStyles = columns.map((column) => styles[column.kind]);
      let count = 0;
      for (const row of rows) {
        const added = sheet.addRow(columns.map((column) => cellValue(column.kind, column.value(row))));
        cellStyles.forEach((style, index) => (added.getCell(index + 1).style = style));
        added.commit();
        count += 1;
        if (count % rowsPerTurn === 0) await keepPace();
      }
      sheet.commit();
      await keepPace();
      return count;
    },
    async close() {
      await book.commit();
      if (failure !== null) throw failure;
    },
    abort() {
      (book as unknown as { zip: { abort(): void } }).zip.abort();
      out.destroy();
    },
  };
}
