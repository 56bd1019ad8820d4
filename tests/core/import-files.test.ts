/**
 * The import's bad input (issue 7): files that are not an .xlsx (an .xls or
 * CSV renamed, a password-protected workbook, a Word document, a damaged
 * zip), files too large or too long, sheets without the header, and the
 * cells Excel mangles (ID numbers as numbers, dates as serial numbers,
 * formulas), each refused or read with a message the clerk can act on.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readImportSheet } from '../../electron/core/exchange/importWorkbook';
import type { ImportReport, ImportUpload } from '../../shared/exchange/studentImport';
import { classLabel } from '../../shared/register/students';
import {
  cellOf,
  isoDateCell,
  rawWorkbook,
  templateHeaders,
  templateStudents,
  templateWorkbook,
  xlsxBytes,
} from '../support/importWorkbooks';
import { setUpCore } from './fixtures';

const { students, classes } = templateStudents(60, 11);
let t: Awaited<ReturnType<typeof setUpCore>>;

beforeAll(async () => {
  t = await setUpCore();
  for (const { grade, number } of classes)
    await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 100 });
});

const asUpload = (bytes: Uint8Array, fileName = '学生信息.xlsx'): ImportUpload => ({
  fileName,
  base64: Buffer.from(bytes).toString('base64'),
  classId: null,
});
const dryRun = async (book: ExcelJS.Workbook): Promise<ImportReport> =>
  t.call('dryRunImport', asUpload(await xlsxBytes(book)));
const issuesOf = (report: ImportReport, row: number) =>
  report.issues.filter((issue) => issue.row === row).map((issue) => `${issue.field}：${issue.message}`);

describe('files that are not an .xlsx workbook', () => {
  /** The first bytes of an OLE2 compound file, with a directory entry named `stream` further on. */
  const compoundFile = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
      Buffer.from(stream, 'utf16le'),
      Buffer.alloc(512),
    ]);

  it.each([
    [
      'an .xls renamed .xlsx',
      compoundFile('Workbook'),
      /是旧版 Excel 97-2003 工作簿（.xls）.*另存为.*Excel 工作簿（\*.xlsx）/,
    ],
    [
      'a password-protected workbook',
      compoundFile('EncryptedPackage'),
      /设置了打开密码，内容已加密.*清空密码并保存后再导入/,
    ],
    [
      'a CSV renamed .xlsx',
      Buffer.from('姓名,性别,出生日期\r\n张三,男,2015-09-01\r\n'),
      /是文本文件（如 CSV 或网页），不是 Excel 工作簿/,
    ],
    ['a UTF-16 text export', Buffer.from('\ufeff姓名\t性别\r\n', 'utf16le'), /是文本文件/],
    ['a PDF', Buffer.from('%PDF-1.7\n'), /实际是 PDF 文档，不是 Excel 工作簿/],
    ['an empty file', Buffer.alloc(0), /是空文件/],
    [
      'a Word document renamed',
      Buffer.from(
        zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
      ),
      /是 Word 文档，不是 Excel 工作簿/,
    ],
  ])('%s is refused, saying what to do in Excel', async (_name, bytes, message) => {
    await expect(t.call('dryRunImport', asUpload(bytes))).rejects.toThrow(message);
  });

  it('a damaged workbook (cut short in copying) is refused as damaged', async () => {
    const bytes = await xlsxBytes(templateWorkbook(students.slice(0, 20)));
    await expect(t.call('dryRunImport', asUpload(bytes.subarray(0, bytes.length / 2)))).rejects.toThrow(
      /已损坏，无法打开。请在 Excel 中打开原表格，另存为/,
    );
  });

  it('a file over 20 MB is refused with its size; a huge one already by the input check, at once', async () => {
    await expect(t.call('dryRunImport', asUpload(Buffer.alloc(21 * 1024 * 1024)))).rejects.toThrow(
      /有 21.0 MB，超过了 20 MB/,
    );
    const huge = { fileName: '大文件.xlsx', base64: 'A'.repeat(200_000_000), classId: null };
    const started = performance.now();
    await expect(t.call('dryRunImport', huge)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('more rows than a school has are refused without reading the whole file', async () => {
    const header = ['姓名', '性别', '出生日期', '身份证件号', '民族'];
    const rows = Array.from({ length: 50_000 }, (_, i) => [`学生${i}`, '男', '2015-09-01', '', '汉族']);
    const started = performance.now();
    await expect(t.call('dryRunImport', asUpload(rawWorkbook([header, ...rows])))).rejects.toThrow(
      /学生超过 20000 行，一次导入不了这么多。请按年级或班级分成几个文件/,
    );
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('reading', () => {
  it('keeps student data off the disk: exceljs alone would spill the worksheet into the temp folder', async () => {
    const tmp = createRequire(__filename)('tmp') as { file: (...args: unknown[]) => unknown };
    const spill = vi.spyOn(tmp, 'file');
    const bytes = await xlsxBytes(templateWorkbook(students.slice(0, 5)));
    await t.call('dryRunImport', asUpload(bytes));
    expect(spill).not.toHaveBeenCalled();
    // The control: exceljs' streaming reader on the same file, as it comes from Excel (shared strings last).
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {});
    for await (const sheet of reader) for await (const _row of sheet);
    expect(spill).toHaveBeenCalled();
    spill.mockRestore();
  });

  it('reads every Chinese character of a large file whole, wherever the reader’s chunks end', async () => {
    const many = templateStudents(1500, 3).students;
    const sheet = await readImportSheet(asUpload(await xlsxBytes(templateWorkbook(many))));
    const column = (header: string) => templateHeaders.indexOf(header) + 1;
    const read = sheet.rows.map((row) => [
      row.cells[column('姓名★')],
      row.cells[column('现住址★')],
      row.cells[column('成员1工作单位')],
    ]);
    expect(read).toEqual(
      many.map(({ basics }) => [basics.name, basics.currentAddress, basics.familyMembers[0]!.workplace]),
    );
  });
});

describe('worksheets and headers', () => {
  it('a workbook without the template header is refused, naming its sheets and the columns expected', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('成绩').addRows([
      ['学号', '语文', '数学'],
      ['1', '90', '95'],
    ]);
    await expect(dryRun(book)).rejects.toThrow(
      /工作表（“成绩”）前 10 行中没有找到学生信息的表头。应有.*“姓名”“性别”“出生日期”/,
    );
  });

  it('reads the first sheet with the header: past an instructions sheet and a hidden code list', async () => {
    const book = templateWorkbook(students.slice(0, 3), {
      sheetName: '学生',
      sheetsBefore: [
        { name: '填写说明', rows: [['请按模板填写'], ['★ 为必填项']] },
        { name: '代码', rows: [['姓名', '性别', '民族', '身份证件号']], hidden: true },
      ],
    });
    const report = await dryRun(book);
    expect(report).toMatchObject({ sheetName: '学生', rows: 3, errorRows: 0 });
  });

  it('merged header cells: a title row and a two-row header with 家庭成员 groups', async () => {
    const report = await dryRun(templateWorkbook(students.slice(0, 4), { titleRow: true, twoRowHeader: true }));
    expect(report).toMatchObject({ headerRow: 2, rows: 4, errorRows: 0, issueCount: 0 });
  });

  it('empty rows are skipped, and rows keep the numbers Excel shows', async () => {
    const book = templateWorkbook(students.slice(0, 3));
    book.worksheets[0]!.spliceRows(3, 0, [], ['  ', null, '']);
    cellOf(book, 4, '性别★').value = '男生';
    const report = await dryRun(book);
    expect(report.rows).toBe(3);
    expect(issuesOf(report, 6)).toEqual(['性别：性别「男生」不在代码表中，请填写代码表中的名称或代码（如 1）：男、女']);
  });
});

describe('cells Excel mangled', () => {
  it('ID numbers: a number cell, scientific notation and lost digits are refused; a lowercase x is read as X', async () => {
    const withX = students.findIndex((student) => student.basics.idNumber.endsWith('X'));
    const book = templateWorkbook([...students.slice(0, 4), students[withX]!]);
    cellOf(book, 0, '身份证件号').value = 140302201001011000;
    cellOf(book, 1, '身份证件号').value = '1.40302E+17';
    cellOf(book, 2, '身份证件号').value = students[2]!.basics.idNumber.slice(0, 17);
    cellOf(book, 3, '身份证件号').value = '140302150901123';
    cellOf(book, 4, '身份证件号').value = students[withX]!.basics.idNumber.toLowerCase();
    const report = await dryRun(book);
    expect(issuesOf(report, 2)).toEqual([
      expect.stringMatching(
        /^身份证件号：身份证件号是数字格式的单元格，Excel 只保留 15 位有效数字.*140302201001011000.*规则 OPS-2/,
      ),
    ]);
    expect(issuesOf(report, 3)).toEqual(['身份证件号：身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新输入']);
    expect(issuesOf(report, 4)).toEqual([expect.stringMatching(/^身份证件号：身份证号只有 17 位数字，应为 18 位/)]);
    expect(issuesOf(report, 5)).toEqual([expect.stringContaining('旧版 15 位身份证号已停用')]);
    expect(issuesOf(report, 6)).toEqual([]);
  });

  it('a landline stored as a number lost its 0 and is refused; a postal code gets its 0 back', async () => {
    const book = templateWorkbook(students.slice(0, 2));
    cellOf(book, 0, '联系电话★').value = 3531234567;
    cellOf(book, 1, '邮政编码★').value = 45000;
    const report = await dryRun(book);
    expect(issuesOf(report, 2)).toEqual([
      expect.stringMatching(/^联系电话：联系电话是数字格式的单元格，开头的 0 可能已被 Excel 去掉/),
    ]);
    expect(issuesOf(report, 3)).toEqual([]);
  });

  it('dates as text, as serial numbers and as date cells; 入学年月 as a month, a date or text', async () => {
    const four = students.slice(20, 24);
    const book = templateWorkbook(four);
    const serial = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const [a, b, c, d] = four.map((student) => student.basics);
    cellOf(book, 0, '出生日期★').value = isoDateCell(a!.birthDate);
    cellOf(book, 0, '入学年月★').value = isoDateCell(`${a!.enrollmentMonth.slice(0, 4)}-09-01`);
    cellOf(book, 1, '出生日期★').value = serial(b!.birthDate);
    cellOf(book, 1, '入学年月★').value = `${b!.enrollmentMonth.slice(0, 4)}年9月`;
    cellOf(book, 2, '出生日期★').value = c!.birthDate.replaceAll('-', '/');
    cellOf(book, 2, '入学年月★').value = `${c!.enrollmentMonth.slice(0, 4)}-09`;
    cellOf(book, 3, '出生日期★').value = Number(d!.birthDate.replaceAll('-', ''));
    cellOf(book, 3, '入学年月★').value = Number(d!.enrollmentMonth);
    const upload = asUpload(await xlsxBytes(book));
    expect((await t.call('dryRunImport', upload)).issues).toEqual([]);
    await t.call('commitImport', upload);
    for (const student of four) {
      const [found] = (await t.call('listStudents', { text: student.basics.idNumber, limit: 1, offset: 0 })).rows;
      const record = await t.call('getStudent', found!.id);
      expect([record.basics.birthDate, record.basics.enrollmentMonth]).toEqual([
        student.basics.birthDate,
        student.basics.enrollmentMonth,
      ]);
      expect(record.classLabel).toBe(classLabel(student.grade, student.classNumber));
    }
  });

  it('formulas are read by the result Excel saved; one without a saved result and error values are refused on their cell', async () => {
    const book = templateWorkbook(students.slice(30, 33));
    cellOf(book, 0, '民族★').value = { formula: '"汉"&"族"', result: '汉族' };
    cellOf(book, 1, '民族★').value = { formula: 'VLOOKUP(A3,代码!A:B,2,0)' } as ExcelJS.CellFormulaValue;
    cellOf(book, 2, '民族★').value = { error: '#N/A' };
    const report = await dryRun(book);
    expect(issuesOf(report, 2)).toEqual([]);
    expect(issuesOf(report, 3)).toEqual([
      '民族：民族是公式“=VLOOKUP(A3,代码!A:B,2,0)”，文件中没有保存它的计算结果：请在 Excel 中打开并保存一次，或复制该列后“选择性粘贴 → 数值”',
    ]);
    expect(issuesOf(report, 4)).toEqual(['民族：民族单元格是错误值 #N/A（多为公式出错），请改为实际内容']);
    expect(report.notes).toContain('有 1 个单元格是公式，已按 Excel 保存的计算结果读取，请确认这些结果是最新的。');
  });
});
