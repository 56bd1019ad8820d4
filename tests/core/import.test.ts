/**
 * 导入学生 through the contract on a real encrypted database (issue 7): the
 * dry run reports row by row and saves nothing, the import registers every
 * row in one transaction or nothing, a record already registered is named
 * and never overwritten (OPS-2), and the report comes as an .xlsx too.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { columnLetter } from '../../shared/exchange/importHeaders';
import type { ImportReport, ImportUpload } from '../../shared/exchange/studentImport';
import { residentIdCheckChar } from '../../shared/register/identity';
import { classLabel } from '../../shared/register/students';
import {
  cellOf,
  templateHeaders,
  type TemplateStudent,
  templateStudents,
  templateWorkbook,
  xlsxBase64,
} from '../support/importWorkbooks';
import { setUpCore } from './fixtures';

type ImportCore = Awaited<ReturnType<typeof setUpCore>> & { classIds: Map<string, number> };

const { students, classes } = templateStudents(60);

/** A set-up core with the classes the generated students need (班额 100). */
async function importCore(): Promise<ImportCore> {
  const t = await setUpCore();
  const classIds = new Map<string, number>();
  for (const { grade, number } of classes) {
    const saved = await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 100 });
    classIds.set(classLabel(grade, number), saved.find((c) => c.grade === grade && c.number === number)!.id);
  }
  return { ...t, classIds };
}

const upload = async (book: ExcelJS.Workbook, classId: number | null = null): Promise<ImportUpload> => ({
  fileName: '学生信息.xlsx',
  base64: await xlsxBase64(book),
  classId,
});

const blankMember = Object.fromEntries(
  [
    'name',
    'relationship',
    'phone',
    'isGuardian',
    'idType',
    'idNumber',
    'ethnicity',
    'householdLocation',
    'workplace',
    'address',
    'jobTitle',
  ].map((field) => [field, '']),
);

/** The messages of the report's issues on one row. */
const messagesOf = (report: ImportReport, row: number) =>
  report.issues.filter((issue) => issue.row === row).map((issue) => `${issue.field}：${issue.message}`);

let t: ImportCore;
beforeEach(async () => {
  t = await importCore();
});

describe('a clean template', () => {
  it('the dry run finds nothing to fix and saves nothing; the import registers every row in its class, logged once', async () => {
    const file = await upload(templateWorkbook(students));
    const report = await t.call('dryRunImport', file);
    expect(report).toMatchObject({ rows: 60, errorRows: 0, warningRows: 0, issueCount: 0, reportFile: null });
    expect(report.classes.reduce((sum, entry) => sum + entry.rows, 0)).toBe(60);
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(0);

    const result = await t.call('commitImport', file);
    expect(result.imported).toBe(60);
    const roll = await t.call('listStudents', { limit: 500, offset: 0 });
    expect(roll.total).toBe(60);
    const first = students[0]!;
    const found = roll.rows.find((row) => row.idNumber === first.basics.idNumber)!;
    expect(found.classLabel).toBe(classLabel(first.grade, first.classNumber));
    const record = await t.call('getStudent', found.id);
    // Labels in the file, codes in the record, exactly what the form would have saved (blank member fields too).
    expect(record.basics).toEqual({
      ...first.basics,
      familyMembers: first.basics.familyMembers.map((member) => ({ ...blankMember, ...member })),
    });

    const logged = await t.call('listAuditEvents', { action: 'student.import', limit: 10, offset: 0 });
    expect(logged.total).toBe(1);
    expect(logged.rows[0]!.details).toMatchObject({ students: 60, fileName: '学生信息.xlsx' });
    expect((await t.call('listAuditEvents', { action: 'student.importCheck', limit: 10, offset: 0 })).total).toBe(1);
  });

  it('imported names are found by their pinyin initials, as registered ones are', async () => {
    await t.call('commitImport', await upload(templateWorkbook(students.slice(0, 5))));
    const { name } = students[0]!.basics;
    const { pinyin } = await import('pinyin-pro');
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
    const found = await t.call('listStudents', { text: initials, limit: 10, offset: 0 });
    expect(found.rows.map((row) => row.name)).toContain(name);
  });
});

describe('what there is to import', () => {
  it('a template with its header only: the check says so, the import is refused', async () => {
    const file = await upload(templateWorkbook([]));
    const report = await t.call('dryRunImport', file);
    expect(report).toMatchObject({ rows: 0, errorRows: 0, notes: ['表头下面没有学生数据。'] });
    await expect(t.call('commitImport', file)).rejects.toThrow('表头下面没有学生数据，没有可导入的学生');
  });

  it('an inspector (审计员) may neither check nor import a file', async () => {
    await t.call('createAccount', {
      userName: 'zhaojc',
      displayName: '赵检查',
      role: 'auditor',
      initialPassword: 'Pine#River-77',
    });
    await t.call('logout');
    await t.call('login', { userName: 'zhaojc', password: 'Pine#River-77' });
    await t.call('changePassword', { currentPassword: 'Pine#River-77', newPassword: 'Maple~Cloud-58' });
    const file = await upload(templateWorkbook(students.slice(0, 2)));
    await expect(t.call('dryRunImport', file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.call('commitImport', file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('duplicates (OPS-2 一人一籍)', () => {
  it('OPS-2 a student already registered is named on the row and never overwritten; the import is refused', async () => {
    const first = students[0]!;
    const classId = t.classIds.get(classLabel(first.grade, first.classNumber))!;
    const registered = await t.call('registerStudent', classId, first.basics, [
      'overPlan',
      'overClassSize',
      'outsideZone',
    ]);
    const changed: TemplateStudent = { ...first, basics: { ...first.basics, phone: '13900000000' } };
    const file = await upload(templateWorkbook([changed, ...students.slice(1, 5)]));

    const report = await t.call('dryRunImport', file);
    expect(report.errorRows).toBe(1);
    expect(messagesOf(report, 2).join()).toMatch(
      /身份证件号已登记在.*“.+”的档案中（一人一籍，规则 OPS-2）.*不会覆盖已有档案/,
    );

    await expect(t.call('commitImport', file)).rejects.toThrow(/还有 1 行有错误.*第 2 行.*规则 OPS-2/);
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(1);
    expect((await t.call('getStudent', registered.student.id)).basics.phone).toBe(first.basics.phone);
  });

  it('OPS-2 the same ID number twice in the file is reported on both rows', async () => {
    const twin: TemplateStudent = {
      ...students[1]!,
      basics: { ...students[1]!.basics, idNumber: students[0]!.basics.idNumber },
    };
    const report = await t.call('dryRunImport', await upload(templateWorkbook([students[0]!, twin, students[2]!])));
    expect(messagesOf(report, 2).join()).toMatch(/身份证件号与第 3 行相同.*规则 OPS-2/);
    expect(messagesOf(report, 3).join()).toMatch(/身份证件号与第 2 行相同/);
    expect(report.errorRows).toBe(2);
  });

  it('OPS-2 the same name, birth date and sex as a registered student is a warning, and the row is imported', async () => {
    const first = students[0]!;
    const classId = t.classIds.get(classLabel(first.grade, first.classNumber))!;
    await t.call('registerStudent', classId, first.basics, ['overPlan', 'overClassSize', 'outsideZone']);
    const namesake: TemplateStudent = {
      ...students[1]!,
      basics: {
        ...students[1]!.basics,
        name: first.basics.name,
        birthDate: first.basics.birthDate,
        sex: first.basics.sex,
      },
    };
    // A namesake's own ID number carries the same birth date and sex.
    const file = await upload(
      templateWorkbook([{ ...namesake, basics: { ...namesake.basics, idNumber: twinId(first.basics.idNumber) } }]),
    );
    const report = await t.call('dryRunImport', file);
    expect(report.warningRows).toBe(1);
    expect(report.errorRows).toBe(0);
    expect(messagesOf(report, 2).join()).toMatch(/疑似同一学生.*规则 OPS-2/);
    expect((await t.call('commitImport', file)).imported).toBe(1);
  });
});

describe('classes', () => {
  it('one class chosen on the screen takes every row, whatever the file says', async () => {
    const target = t.classIds.get(classLabel(2, 1))!;
    const file = await upload(templateWorkbook(students.filter((s) => s.grade === 2).slice(0, 3)), target);
    const report = await t.call('dryRunImport', file);
    expect(report.classes).toEqual([{ classId: target, label: '二年级（1）班', rows: 3 }]);
    expect(report.notes.join()).toContain('已选择全部导入二年级（1）班，表中的年级、班级列没有使用');
    expect((await t.call('commitImport', file)).classes).toEqual(report.classes);
  });

  it('a class the school has not set up is named on its row', async () => {
    const book = templateWorkbook(students.slice(0, 2));
    cellOf(book, 1, '班级★').value = '（7）班';
    const report = await t.call('dryRunImport', await upload(book));
    expect(messagesOf(report, 3)).toEqual([
      expect.stringMatching(/^班级：本校还没有.*（7）班：请先在“班级管理”中添加该班级/),
    ]);
  });

  it('a file without a 班级 column is refused when the classes come from it, and imported into a chosen class', async () => {
    const book = templateWorkbook(students.filter((s) => s.grade === 1).slice(0, 2));
    book.worksheets[0]!.spliceColumns(templateHeaders.indexOf('年级★') + 1, 2);
    await expect(t.call('dryRunImport', await upload(book))).rejects.toThrow(
      /表中没有“班级”列：请在页面上选择要导入到的班级/,
    );
    const report = await t.call('dryRunImport', await upload(book, t.classIds.get(classLabel(1, 1))!));
    expect(report).toMatchObject({ rows: 2, errorRows: 0 });
  });

  it('ENR-2 a class over its 班额 after the import is noted, not refused', async () => {
    await t.call('saveClass', {
      id: t.classIds.get(classLabel(1, 1))!,
      grade: 1,
      number: 1,
      headTeacher: '赵老师',
      capacity: 2,
    });
    const report = await t.call(
      'dryRunImport',
      await upload(templateWorkbook(students.filter((s) => s.grade === 1).slice(0, 3))),
    );
    expect(report.errorRows).toBe(0);
    expect(report.notes.join()).toContain('一年级（1）班现有 0 人，导入后为 3 人，超过班额 2 人（规则 ENR-2）');
  });
});

describe('the header', () => {
  it('a file without a ★ column is refused as a whole, naming the columns', async () => {
    const book = templateWorkbook(students.slice(0, 2));
    book.worksheets[0]!.spliceColumns(templateHeaders.indexOf('民族★') + 1, 1);
    await expect(t.call('dryRunImport', await upload(book))).rejects.toThrow(/表头缺少必填（★）的列：民族。/);
  });

  it('the same column twice is refused, naming both', async () => {
    const book = templateWorkbook(students.slice(0, 2));
    book.worksheets[0]!.getCell(1, templateHeaders.indexOf('通信地址★') + 1).value = '现住址';
    await expect(t.call('dryRunImport', await upload(book))).rejects.toThrow(
      /“现住址”有两列（.+ 列“现住址★”和 .+ 列“现住址”）/,
    );
  });

  it('columns the template does not have are named and left out', async () => {
    const book = templateWorkbook(students.slice(0, 2));
    const sheet = book.worksheets[0]!;
    sheet.getCell(1, templateHeaders.length + 1).value = '备注';
    sheet.getCell(1, templateHeaders.length + 2).value = '家长QQ';
    const report = await t.call('dryRunImport', await upload(book));
    expect(report.notes).toContain(`以下列本程序不导入：${columnLetter(templateHeaders.length + 1)} 列“备注”。`);
    expect(report.notes.join()).toContain(`${columnLetter(templateHeaders.length + 2)} 列“家长QQ”`);
  });
});

describe('the report', () => {
  it('comes as an .xlsx: the rows with issues, an 错误说明 column in front, ID numbers as text', async () => {
    const book = templateWorkbook(students.slice(0, 3));
    cellOf(book, 1, '身份证件号').value = 140302201001011000;
    const report = await t.call('dryRunImport', await upload(book));
    expect(report.reportFile?.fileName).toMatch(/^导入检查报告-学生信息-\d{8}-\d{4}\.xlsx$/);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(Buffer.from(report.reportFile!.base64, 'base64') as unknown as ArrayBuffer);
    const rows = saved.getWorksheet('错误说明')!;
    expect(rows.getRow(1).values).toEqual([undefined, '行号', '错误说明', ...templateHeaders]);
    expect(rows.rowCount).toBe(2);
    expect(rows.getCell(2, 1).value).toBe('3');
    expect(String(rows.getCell(2, 2).value)).toMatch(/^【身份证件号】身份证件号是数字格式的单元格/);
    const idCell = rows.getCell(2, templateHeaders.indexOf('身份证件号') + 3);
    expect(idCell.value).toBe('140302201001011000');
    expect(idCell.numFmt).toBe('@');
    const list = saved.getWorksheet('问题清单')!;
    expect(list.getRow(2).values).toEqual([
      undefined,
      '3',
      students[1]!.basics.name,
      columnLetter(9),
      '身份证件号',
      '错误',
      expect.stringContaining('15 位有效数字'),
    ]);
  });
});

/** Another valid ID number with the same birth date and sex: the sequence moved on by two. */
function twinId(idNumber: string): string {
  const sequence = Number(idNumber.slice(14, 17)) + 2;
  const first17 = `${idNumber.slice(0, 14)}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}
