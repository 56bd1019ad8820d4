/** Rows of the template checked as the student form checks a student, then against each other and the register. */
import { describe, expect, it } from 'vitest';
import { crossCheckRows, type RegisterClash, summariseRows } from '../../shared/exchange/importChecks';
import { gradeOf, pickClass } from '../../shared/exchange/importClasses';
import { findHeader, type HeaderLayout } from '../../shared/exchange/importHeaders';
import { type CheckedRow, checkRow, type ImportContext } from '../../shared/exchange/importRows';
import type { SheetCell } from '../../shared/exchange/importValues';
import { residentIdCheckChar } from '../../shared/register/identity';
import type { SchoolClass, StudentSummary } from '../../shared/register/students';

const idOf = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const girlId = idOf('14030220190301124');

/** The template's columns and one pupil's cells, as a clerk fills them in. */
const pupil: Readonly<Record<string, SheetCell>> = {
  姓名: '李小红',
  性别: '女',
  出生日期: '2019-03-01',
  出生地: '140302',
  籍贯: '山西省阳泉市盂县',
  民族: '汉族',
  '国籍/地区': '中国',
  身份证件类型: '居民身份证',
  身份证件号: girlId,
  港澳台侨外: '否',
  健康状况: '健康或良好',
  户口所在地: '140302',
  户口性质: '非农业户口',
  年级: '一年级',
  班级: '2班',
  入学年月: '202609',
  入学方式: '其他',
  就读方式: '走读',
  现住址: '山西省阳泉市城区桃北西街 1 号',
  通信地址: '山西省阳泉市城区桃北西街 1 号',
  家庭地址: '山西省阳泉市城区桃北西街 1 号',
  联系电话: '13812345678',
  邮政编码: '045000',
  是否独生子女: '是',
  是否受过学前教育: '是',
  成员1姓名: '王丽',
  成员1关系: '母亲',
  成员1是否监护人: '是',
  成员1联系电话: '13812345678',
};
const headers = Object.keys(pupil);
const layout: HeaderLayout = findHeader([{ number: 1, texts: [undefined, ...headers] }])!;
const letterOf = (header: string) => layout.columns[headers.indexOf(header)]!.letter;

const classes: SchoolClass[] = [
  { id: 1, grade: 1, number: 2, label: '一年级（2）班', headTeacher: '', capacity: 45, studentCount: 44 },
  { id: 2, grade: 10, number: 1, label: '高一（1）班', headTeacher: '', capacity: 50, studentCount: 0 },
];

const context: ImportContext = {
  today: new Date('2026-11-27T10:00:00+08:00'),
  layout,
  classes,
  majors: [],
  classId: null,
  normalise: (basics) => basics,
};

const rowOf = (number: number, changes: Readonly<Record<string, SheetCell | undefined>> = {}) => ({
  number,
  cells: [undefined, ...headers.map((header) => (header in changes ? changes[header] : pupil[header]))],
});
const check = (changes: Readonly<Record<string, SheetCell | undefined>> = {}, number = 2) =>
  checkRow(rowOf(number, changes), context);
const messages = (row: CheckedRow) => row.issues.map((issue) => `${issue.column} ${issue.field}：${issue.message}`);

describe('one row', () => {
  it('becomes exactly what the form saves: codes for labels, division codes for names', () => {
    const row = check();
    expect(row.issues).toEqual([]);
    expect(row.classId).toBe(1);
    expect(row.basics).toMatchObject({
      sex: '2',
      nativePlace: '140322',
      ethnicity: '01',
      nationality: 'CHN',
      idType: '1',
      enrollmentMethod: '12',
      householdType: '2',
      onlyChild: '1',
      familyMembers: [{ name: '王丽', relationship: '52', isGuardian: '1', phone: '13812345678' }],
    });
  });

  it('reads 入学方式 其他 in the stage of the row’s class', () => {
    const senior = { ...context, classId: 2 };
    expect(checkRow(rowOf(2), senior).basics.enrollmentMethod).toBe('99');
  });

  it('names the column and the field of each problem, and the form’s own checks (出生日期 against the ID number)', () => {
    const row = check({ 出生日期: '2019-03-02', 民族: '汉人' });
    expect(messages(row)).toEqual([
      `${letterOf('出生日期')} 出生日期：出生日期与身份证号不一致（身份证号中为 2019-03-01，填写的是 2019-03-02）`,
      `${letterOf('民族')} 民族：民族「汉人」不在代码表中，请填写代码表中的名称或代码（如 01），如“汉族”`,
    ]);
    expect(row.issues.every((issue) => issue.row === 2 && issue.name === '李小红' && issue.level === 'error')).toBe(
      true,
    );
  });

  it('a cell that could not be read reports that alone, not what the form says of the value', () => {
    const row = check({ 身份证件号: 140302201903011000 });
    expect(messages(row)).toEqual([expect.stringMatching(/^I 身份证件号：身份证件号是数字格式的单元格/)]);
  });

  it('a family member’s problem is put on that member’s column; a guardian is required (validateStudentBasics)', () => {
    expect(messages(check({ 成员1联系电话: '1381234567' }))).toEqual([
      `${letterOf('成员1联系电话')} 家庭成员1 联系电话：手机号应为 11 位数字（现为 10 位）`,
    ]);
    expect(messages(check({ 成员1是否监护人: '否' }))).toEqual([
      ' 家庭成员：家庭成员中至少应有一位监护人（“是否监护人”选“是”）',
    ]);
  });

  it('a class the school lacks is the row’s error, on the 班级 column; 入学方式 其他 then waits for the class', () => {
    expect(messages(check({ 班级: '5班' }))).toEqual([
      `${letterOf('班级')} 班级：本校还没有一年级（5）班：请先在“班级管理”中添加该班级，或核对年级和班级`,
      `${letterOf('入学方式')} 入学方式：入学方式「其他」要按学生所在班级的学段识别，请先改正年级、班级`,
    ]);
    expect(messages(check({ 班级: '5班', 入学方式: '统招' }))).toHaveLength(1);
  });
});

describe('classes as clerks write them', () => {
  it.each([
    ['七年级', 7],
    ['7年级', 7],
    ['初一', 7],
    ['初中三年级', 9],
    ['高一', 10],
    ['高中二年级', 11],
    ['一年级', 1],
    ['小学六年级', 6],
    ['12', 12],
    ['2023级', null],
    ['初四', null],
  ])('grade %s', (text, grade) => {
    expect(gradeOf(text)).toBe(grade);
  });

  it.each([
    ['一年级', '2班'],
    ['一年级', '（2）班'],
    ['一年级', 2],
    [undefined, '一年级（2）班'],
    [undefined, '一年级2班'],
    [undefined, '0102'],
    ['1', '102'],
  ])('grade %s, class %s', (grade, klass) => {
    expect(pickClass(grade, klass, classes)).toEqual({ ok: true, classId: 1 });
  });

  it('says what is missing or does not fit', () => {
    expect(pickClass(undefined, '2班', classes)).toEqual({
      ok: false,
      message: '请填写年级，或把班级写作“七年级（2）班”',
    });
    expect(pickClass('二年级', '一年级（2）班', classes)).toMatchObject({
      ok: false,
      message: expect.stringContaining('不一致'),
    });
    expect(pickClass('一年级', '', classes)).toMatchObject({
      ok: false,
      message: expect.stringContaining('请填写班级'),
    });
  });
});

const summaryOf = (changes: Partial<StudentSummary>): StudentSummary => ({
  id: 9,
  name: '李小红',
  sex: '2',
  birthDate: '2019-03-01',
  idNumber: girlId,
  studentNumber: '',
  classId: 1,
  classLabel: '一年级（2）班',
  status: 'enrolled',
  hasPhoto: false,
  ...changes,
});
const clashMessage = ({ field, other }: RegisterClash) =>
  `${field === 'idNumber' ? '身份证件号' : '学籍号'}已登记在${other.classLabel}“${other.name}”的档案中（一人一籍，规则 OPS-2）。`;
const cross = (rows: CheckedRow[], existing: StudentSummary[] = []) =>
  crossCheckRows(rows, layout, { existing, clashMessage });

describe('across rows and against the register', () => {
  const boy = { 姓名: '张小明', 性别: '男', 身份证件号: idOf('14030220190301133') };

  it('OPS-2 the same ID number twice in the file is an error on both rows', () => {
    const rows = cross([check({}, 2), check({ ...boy, 身份证件号: girlId, 性别: '女' }, 3), check(boy, 4)]);
    expect(messages(rows[0]!)).toEqual([expect.stringMatching(/^I 身份证件号：身份证件号与第 3 行相同.*规则 OPS-2/)]);
    expect(messages(rows[1]!)).toEqual([expect.stringMatching(/身份证件号与第 2 行相同/)]);
    expect(rows[2]!.issues).toEqual([]);
  });

  it('OPS-2 a record of the register is named and not overwritten; a departed one is to come back on its own record', () => {
    const [inSchool] = cross([check()], [summaryOf({})]);
    expect(messages(inSchool!)).toEqual([
      'I 身份证件号：身份证件号已登记在一年级（2）班“李小红”的档案中（一人一籍，规则 OPS-2）。导入不会覆盖已有档案，请从表中删去该行。',
    ]);
    const [departed] = cross([check()], [summaryOf({ status: 'transferredOut' })]);
    expect(messages(departed!).join()).toMatch(
      /该学生现为“转出”：学生回到本校时，请在原档案上办理转入或复学（籍随人走）/,
    );
  });

  it('OPS-2 a record whose G 学籍号 carries the row’s ID number is the same student', () => {
    const [row] = cross(
      [check(boy)],
      [summaryOf({ name: '张小明', sex: '1', idNumber: '', studentNumber: `G${boy.身份证件号}` })],
    );
    expect(messages(row!)).toEqual([
      expect.stringMatching(/^I 身份证件号：身份证件号已登记在一年级（2）班“张小明”的档案中/),
    ]);
  });

  it('OPS-2 the same name, birth date and sex is a warning, in the file and against the register', () => {
    const namesake = { 身份证件号: idOf('14030220190301142') };
    const rows = cross([check({}, 2), check(namesake, 3)], [summaryOf({ idNumber: idOf('14030220190301162'), id: 5 })]);
    expect(rows[0]!.issues).toEqual([
      expect.objectContaining({
        level: 'warning',
        field: '姓名',
        message: expect.stringMatching(
          /^与第 3 行、一年级（2）班“李小红”的姓名、出生日期、性别都相同，疑似同一学生.*规则 OPS-2/,
        ),
      }),
    ]);
    expect(rows[1]!.issues[0]!.level).toBe('warning');
  });
});

describe('the summary', () => {
  it('ENR-2 counts rows by class and notes a class over its 班额, without refusing', () => {
    const rows = cross([
      check({}, 2),
      check({ 姓名: '李小兰', 身份证件号: idOf('14030220190301142') }, 3),
      check({ 姓名: '李小芳', 身份证件号: '1' }, 4),
    ]);
    const summary = summariseRows(rows, classes);
    expect(summary).toMatchObject({ rows: 3, errorRows: 1, warningRows: 0 });
    expect(summary.classes).toEqual([{ classId: 1, label: '一年级（2）班', rows: 3 }]);
    expect(summary.capacityNotes).toEqual([
      '一年级（2）班现有 44 人，导入后为 47 人，超过班额 45 人（规则 ENR-2）。导入不会因此被拒绝，请核对分班是否正确。',
    ]);
  });
});
