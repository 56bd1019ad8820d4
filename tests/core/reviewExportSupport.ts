/**
 * A senior high school on 1 June 2027 with something in every sheet of the
 * review export: students (one with text that looks like a formula), an
 * overdue basic-information change (DAT-1), an approved 退学 (CHG-2), an
 * approved graduation (GRD-1, GRD-2); and the workbook read back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { ReviewExport } from '../../shared/exchange/reviewExport';
import { base, caseCore, moveTo, openAndApprove, register, studentOf } from './casesSupport';
import { tempFolder } from './fixtures';

/** Text a spreadsheet would run as a formula if typed into a cell. */
export const formulaAddress = '=HYPERLINK("http://example.invalid","阳泉")';

export async function reviewSchool() {
  const t = await caseCore([10, 12]);
  await moveTo(t, '2027-06-01T09:00:00+08:00');
  const li = await register(
    t,
    t.classes[10]!,
    studentOf(10, 5, {
      name: '李思涵',
      enrollmentMonth: '202609',
      currentAddress: formulaAddress,
      specialty: '+1 长跑',
      auxiliaryNumber: '0140300123',
    }),
  );
  const wang = await register(t, t.classes[10]!, studentOf(10, 6, { name: '王小明', enrollmentMonth: '202609' }));
  const zhao = await register(t, t.classes[12]!, studentOf(11, 9, { name: '赵磊', enrollmentMonth: '202409' }));
  const change = await t.call('openCase', {
    ...base,
    appliedOn: '2027-05-20',
    kind: 'basicInfoChange',
    studentId: li.id,
    items: [
      { field: 'phone', after: '13912345678' },
      { field: 'ethnicity', after: '02' },
    ],
  });
  const dropout = await openAndApprove(t, { ...base, appliedOn: '2027-05-31', kind: 'dropout', studentId: wang.id });
  await t.call('saveStudyHistory', zhao.id, [
    { fromMonth: '202409', toMonth: '', school: '阳泉市第一中学', role: '', witness: '王芳' },
  ]);
  await t.call('saveGraduationComment', zhao.id, {
    text: '该生尊敬师长，团结同学，学习刻苦。',
    author: '赵老师',
    date: '2027-05-30',
  });
  const graduation = await openAndApprove(t, {
    ...base,
    appliedOn: '2027-06-01',
    kind: 'graduation',
    students: [{ studentId: zhao.id, outcome: 'graduated' }],
  });
  return { ...t, li, wang, zhao, change, dropout, graduation };
}

export type ReviewSchool = Awaited<ReturnType<typeof reviewSchool>>;

/** A folder the clerk picked (a USB stick in real life). */
export function usbFolder(): string {
  const folder = join(tempFolder(), 'U盘');
  mkdirSync(folder);
  return folder;
}

/** A light-blue register photo as a camera would give it. */
export const photoUpload = async (tag: number) => ({
  fileName: `${tag}.jpg`,
  base64: (
    await sharp({ create: { width: 716, height: 882, channels: 3, background: { r: 150 + tag, g: 200, b: 240 } } })
      .jpeg()
      .toBuffer()
  ).toString('base64'),
});

/** The export's workbook, read back as Excel would open it. */
export async function readWorkbook(result: ReviewExport): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(result.folder, result.files[0]!.name));
  return book;
}

/** A sheet as rows of header → cell, for reading values and their types. */
export function sheetRows(book: ExcelJS.Workbook, name: string): Map<string, ExcelJS.Cell>[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(new Map(headers.map((header, index) => [header, row.getCell(index + 1)])));
  });
  return rows;
}
