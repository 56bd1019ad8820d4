/**
 * Workbooks in the national template's shape for the import tests, the
 * end-to-end flow and the benchmark: the template's header (★ marks,
 * 成员1姓名 … or a two-row header with merged 家庭成员 groups), codes
 * written as their labels as the national system shows them, dates as text
 * or as date cells. Tests damage single cells through `cellOf` before
 * writing the file.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { columnLetter } from '../../shared/exchange/importHeaders';
import {
  boardingTypes,
  type CodeList,
  compulsoryEnrollmentMethods,
  disabilityTypes,
  ethnicities,
  familyRelations,
  healthStatuses,
  householdTypes,
  idDocumentTypes,
  labelOf,
  leftBehindStatuses,
  nationalities,
  overseasStatuses,
  politicalAffiliations,
  seniorEnrollmentMethods,
  sexes,
  studentSources,
  commuteModes,
  yesNo,
} from '../../shared/register/codes';
import type { FamilyMember, StudentBasics } from '../../shared/register/studentValidation';
import { generateSchool } from './schoolGenerator';

export interface TemplateStudent {
  readonly basics: StudentBasics;
  readonly grade: number;
  readonly classNumber: number;
}

type Value = string | number | Date;
type Column = readonly [header: string, value: (student: TemplateStudent) => Value];

const label = (list: CodeList, code: string | undefined) => (code ? (labelOf(list, code) ?? code) : '');
const b = (key: keyof StudentBasics) => (s: TemplateStudent) => String(s.basics[key] ?? '');
const coded = (key: keyof StudentBasics, list: CodeList) => (s: TemplateStudent) =>
  label(list, s.basics[key] as string | undefined);

const studentColumns: readonly Column[] = [
  ['姓名★', b('name')],
  ['性别★', coded('sex', sexes)],
  ['出生日期★', b('birthDate')],
  ['出生地★', b('birthPlace')],
  ['籍贯★', b('nativePlace')],
  ['民族★', coded('ethnicity', ethnicities)],
  ['国籍/地区★', coded('nationality', nationalities)],
  ['身份证件类型★', coded('idType', idDocumentTypes)],
  ['身份证件号', b('idNumber')],
  ['港澳台侨外★', coded('overseasStatus', overseasStatuses)],
  ['政治面貌', coded('politicalAffiliation', politicalAffiliations)],
  ['健康状况★', coded('healthStatus', healthStatuses)],
  ['姓名拼音', b('namePinyin')],
  ['身份证件有效期', b('idValidUntil')],
  ['户口所在地★', b('householdLocation')],
  ['户口性质★', coded('householdType', householdTypes)],
  ['全国学籍号', b('studentNumber')],
  ['班内学号', b('classSeatNumber')],
  ['年级★', (s) => `${'一二三四五六七八九'[s.grade - 1] ?? s.grade}年级`],
  ['班级★', (s) => `${s.classNumber}班`],
  ['入学年月★', b('enrollmentMonth')],
  [
    '入学方式★',
    (s) => label(s.grade >= 10 ? seniorEnrollmentMethods : compulsoryEnrollmentMethods, s.basics.enrollmentMethod),
  ],
  ['就读方式★', coded('boardingType', boardingTypes)],
  ['学生来源', coded('studentSource', studentSources)],
  ['现住址★', b('currentAddress')],
  ['通信地址★', b('mailingAddress')],
  ['家庭地址★', b('homeAddress')],
  ['联系电话★', b('phone')],
  ['邮政编码★', b('postalCode')],
  ['是否独生子女★', coded('onlyChild', yesNo)],
  ['是否受过学前教育★', coded('preschool', yesNo)],
  ['是否留守儿童', coded('leftBehind', leftBehindStatuses)],
  ['是否进城务工人员随迁子女', coded('migrantChild', yesNo)],
  ['是否孤儿', coded('orphan', yesNo)],
  ['是否烈士或优抚子女', coded('martyrChild', yesNo)],
  ['随班就读', coded('inclusiveEducation', yesNo)],
  ['残疾类型', coded('disabilityType', disabilityTypes)],
  ['是否由政府购买学位', coded('governmentFundedPlace', yesNo)],
  ['是否需要申请资助', coded('needsAid', yesNo)],
  ['是否享受一补', coded('receivesSubsidy', yesNo)],
  ['上下学距离（公里）', b('commuteDistance')],
  ['上下学交通方式', coded('commuteMode', commuteModes)],
  ['是否需要乘坐校车', coded('needsSchoolBus', yesNo)],
];

const memberColumns: readonly (readonly [string, (member: FamilyMember) => string])[] = [
  ['姓名', (m) => m.name],
  ['关系', (m) => label(familyRelations, m.relationship)],
  ['是否监护人', (m) => label(yesNo, m.isGuardian)],
  ['民族', (m) => label(ethnicities, m.ethnicity)],
  ['工作单位', (m) => m.workplace ?? ''],
  ['现住址', (m) => m.address ?? ''],
  ['户口所在地', (m) => m.householdLocation ?? ''],
  ['联系电话', (m) => m.phone],
  ['身份证件类型', (m) => label(idDocumentTypes, m.idType)],
  ['身份证件号', (m) => m.idNumber ?? ''],
  ['职务', (m) => m.jobTitle ?? ''],
];

export interface TemplateOptions {
  /** A title row above the header (merged across it), as the national template has. */
  readonly titleRow?: boolean;
  /** A group row 家庭成员1 / 家庭成员2 merged over sub-headers, other headers merged down two rows. */
  readonly twoRowHeader?: boolean;
  /** Birth dates as real date cells instead of text. */
  readonly dateCells?: boolean;
  /** The worksheet's name. */
  readonly sheetName?: string;
  /** Worksheets before the students' (instructions, hidden code lists). */
  readonly sheetsBefore?: readonly { readonly name: string; readonly rows: string[][]; readonly hidden?: boolean }[];
}

/** Every header of the single-row layout, in column order. */
export const templateHeaders: readonly string[] = [
  ...studentColumns.map(([header]) => header),
  ...[1, 2].flatMap((n) => memberColumns.map(([header]) => `成员${n}${header}`)),
];

/** The template workbook of `students`; its sheet can be changed before `xlsxBase64`. */
export function templateWorkbook(
  students: readonly TemplateStudent[],
  options: TemplateOptions = {},
): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const before of options.sheetsBefore ?? []) {
    book.addWorksheet(before.name, { state: before.hidden ? 'hidden' : 'visible' }).addRows(before.rows);
  }
  const sheet = book.addWorksheet(options.sheetName ?? '学生基础信息');
  const width = templateHeaders.length;
  if (options.titleRow) {
    sheet.addRow(['学生基础信息导入模板']);
    sheet.mergeCells(1, 1, 1, width);
  }
  if (options.twoRowHeader) {
    const top = sheet.addRow([
      ...studentColumns.map(([header]) => header),
      ...[1, 2].flatMap((n) => memberColumns.map((_, i) => (i === 0 ? `家庭成员${n}` : null))),
    ]);
    const bottom = sheet.addRow([
      ...studentColumns.map(() => null),
      ...[1, 2].flatMap(() => memberColumns.map(([header]) => header)),
    ]);
    studentColumns.forEach((_, i) => sheet.mergeCells(top.number, i + 1, bottom.number, i + 1));
    [0, 1].forEach((n) => {
      const from = studentColumns.length + n * memberColumns.length + 1;
      sheet.mergeCells(top.number, from, top.number, from + memberColumns.length - 1);
    });
  } else {
    sheet.addRow([...templateHeaders]);
  }
  for (const student of students) {
    const values: Value[] = studentColumns.map(([header, value]) =>
      options.dateCells && header.startsWith('出生日期') ? isoDateCell(student.basics.birthDate) : value(student),
    );
    for (const member of [0, 1]) {
      const found = student.basics.familyMembers[member];
      values.push(...memberColumns.map(([, value]) => (found ? value(found) : '')));
    }
    sheet.addRow(values);
  }
  return book;
}

/** A date cell for `YYYY-MM-DD`, at midnight UTC as Excel's dates are read. */
export const isoDateCell = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** The cell of the students' sheet under `header` (single-row layout) in data row `index` (0 = first student). */
export function cellOf(book: ExcelJS.Workbook, index: number, header: string, headerRows = 1): ExcelJS.Cell {
  const column = templateHeaders.indexOf(header) + 1;
  if (column === 0) throw new Error(`no column ${header}`);
  return book.worksheets.at(-1)!.getCell(headerRows + 1 + index, column);
}

export async function xlsxBytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function xlsxBase64(book: ExcelJS.Workbook): Promise<string> {
  return (await xlsxBytes(book)).toString('base64');
}

/**
 * `count` generated students (tests/support/schoolGenerator.ts) in the
 * grades and class numbers of the generator, valid in the school year that
 * starts in September of `startYear`; `classes` lists what the school must
 * have set up for them.
 */
export function templateStudents(
  count: number,
  seed = 7,
  /** The school year's first calendar year (September); the generator's default otherwise. */
  startYear?: number,
): {
  students: TemplateStudent[];
  classes: { grade: number; number: number }[];
} {
  const school = generateSchool({ seed, studentCount: count, startYear });
  const students = school.students.map(({ classIndex, basics }) => ({
    basics,
    grade: school.classes[classIndex]!.grade,
    classNumber: school.classes[classIndex]!.number,
  }));
  return { students, classes: school.classes.map(({ grade, number }) => ({ grade, number })) };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A bare .xlsx of text cells written straight as XML (inline strings, no
 * styles): fast enough for files of tens of thousands of rows.
 */
export function rawWorkbook(rows: readonly (readonly string[])[]): Buffer {
  const sheetRows = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((text, c) => `<c r="${columnLetter(c + 1)}${r + 1}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="学生" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]))));
}
