/**
 * The data files of an export for bureau review: the workbook with its five
 * sheets and, when asked for, the class photo zips the national system
 * takes (photoService's zip, one per class under `照片/`). Everything is read
 * from the export's own read transaction (reviewExportReaders.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExportedFileEntry, type ReviewCounts, reviewSheets } from '../../../shared/exchange/reviewExport';
import type { SchoolProfile } from '../../../shared/register/school';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { Database } from '../db/database';
import { classPhotoZip } from '../register/photoService';
import { hashFile } from './exportVerifier';
import {
  type ChangeRow,
  changeRequestColumns,
  graduateColumns,
  movementColumns,
  openCaseColumns,
} from './reviewExportCaseColumns';
import { studentColumns } from './reviewExportColumns';
import { type CaseRow, caseRows, classesInOrder, graduateRows, studentRows } from './reviewExportReaders';
import { openReviewWorkbook } from './reviewExportWorkbook';

/** A file written into the export folder: where it is, and its manifest entry. */
export interface WrittenFile {
  readonly path: string;
  readonly entry: ExportedFileEntry;
}

/** Hashes a written file for the manifest under its name inside the export folder. */
export async function written(path: string, name: string): Promise<WrittenFile> {
  return { path, entry: { name, ...(await hashFile(path)) } };
}

export interface SheetsSource {
  readonly snapshot: Database;
  readonly school: SchoolProfile;
  /** The clerk's local day: how many days open cases have left. */
  readonly today: string;
}

const sheetName = (key: (typeof reviewSheets)[number]['key']): string =>
  reviewSheets.find((sheet) => sheet.key === key)!.name;

function* itemsOf(rows: Iterable<CaseRow>): Generator<ChangeRow> {
  for (const row of rows) for (const item of row.record.items) yield { row, item };
}

/** The workbook, and its rows per sheet; open cases past their due date are counted on the way. */
export async function writeWorkbook(
  path: string,
  { snapshot, school, today }: SheetsSource,
): Promise<Omit<ReviewCounts, 'photos' | 'photoClasses'>> {
  const book = openReviewWorkbook(path);
  let overdue = 0;
  function* countingOverdue(rows: Iterable<CaseRow>): Generator<CaseRow> {
    for (const row of rows) {
      if (row.record.overdue) overdue += 1;
      yield row;
    }
  }
  try {
    const students = await book.addSheet(sheetName('students'), studentColumns, studentRows(snapshot));
    const movements = await book.addSheet(
      sheetName('movements'),
      movementColumns,
      caseRows(snapshot, 'movements', school, today),
    );
    const changeRequests = await book.addSheet(
      sheetName('changeRequests'),
      changeRequestColumns,
      itemsOf(caseRows(snapshot, 'changeRequests', school, today)),
    );
    const graduates = await book.addSheet(
      sheetName('graduates'),
      graduateColumns,
      graduateRows(snapshot, school, today),
    );
    const openCases = await book.addSheet(
      sheetName('openCases'),
      openCaseColumns(today),
      countingOverdue(caseRows(snapshot, 'open', school, today)),
    );
    await book.close();
    return { students, movements, changeRequests, graduates, openCases, overdue };
  } catch (error) {
    book.abort();
    throw error;
  }
}

export interface PhotoZips {
  readonly files: readonly WrittenFile[];
  readonly photos: number;
}

/** The photos folder inside an export. */
export const photoFolder = '照片';

/** One national zip per class whose current students have photos, class by class. */
export async function writePhotoZips(
  folder: string,
  snapshot: Database,
  store: AttachmentStore,
  at: Date,
): Promise<PhotoZips> {
  mkdirSync(join(folder, photoFolder));
  const files: WrittenFile[] = [];
  let photos = 0;
  for (const schoolClass of classesInOrder(snapshot)) {
    const zip = classPhotoZip(snapshot, store, schoolClass, at);
    if (!zip) continue;
    const path = join(folder, photoFolder, zip.fileName);
    writeFileSync(path, zip.zip, { flag: 'wx' });
    files.push(await written(path, `${photoFolder}/${zip.fileName}`));
    photos += zip.count;
  }
  return { files, photos };
}
