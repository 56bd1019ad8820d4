/** The template's header matched tolerantly, found below a title, in one row or two, and checked as a whole. */
import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  findHeader,
  type HeaderLayout,
  type HeaderRow,
  headerProblems,
  matchHeader,
} from '../../shared/exchange/importHeaders';

const row = (number: number, texts: readonly (string | undefined)[]): HeaderRow => ({
  number,
  texts: [undefined, ...texts],
});

describe('matching one header', () => {
  it.each([
    ['姓名', { kind: 'student', field: 'name' }],
    ['姓 名★', { kind: 'student', field: 'name' }],
    ['*身份证件号（必填）', { kind: 'student', field: 'idNumber' }],
    ['身份证号码', { kind: 'student', field: 'idNumber' }],
    ['国籍／地区', { kind: 'student', field: 'nationality' }],
    ['上下学距离(公里)', { kind: 'student', field: 'commuteDistance' }],
    ['出生日期\n（格式：2015-09-01）', { kind: 'student', field: 'birthDate' }],
    ['学籍号', { kind: 'student', field: 'studentNumber' }],
    ['E-mail', { kind: 'student', field: 'email' }],
    ['成员1姓名', { kind: 'member', member: 0, field: 'name' }],
    ['家庭成员2 联系电话', { kind: 'member', member: 1, field: 'phone' }],
    ['家庭成员（二）与学生关系', { kind: 'member', member: 1, field: 'relationship' }],
    ['成员一是否监护人', { kind: 'member', member: 0, field: 'isGuardian' }],
    ['监护人1身份证号', { kind: 'member', member: 0, field: 'idNumber' }],
    ['年级', { kind: 'grade' }],
    ['班级名称', { kind: 'class' }],
    ['照片', { kind: 'skipped' }],
  ])('%s', (header, target) => {
    expect(matchHeader(header)).toEqual(target);
  });

  it('is null for what the template does not have, and for a bare group cell', () => {
    expect(matchHeader('家长QQ')).toBeNull();
    expect(matchHeader('家庭成员1')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

const singleHeader = ['姓名★', '性别★', '出生日期★', '身份证件类型★', '身份证件号', '成员1姓名'];

describe('finding the header in a sheet', () => {
  it('below a title and an instruction line', () => {
    const layout = findHeader([
      row(1, ['学生基础信息导入模板']),
      row(2, ['说明：★ 为必填项，身份证件号请设为文本格式']),
      row(3, singleHeader),
      row(4, ['张三', '男', '2015-09-01', '居民身份证', '140302201509011234', '张大山']),
    ]);
    expect(layout).toMatchObject({ row: 3, depth: 1 });
    expect(layout!.columns.map((column) => column.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(layout!.columns[5]!.target).toEqual({ kind: 'member', member: 0, field: 'name' });
  });

  it('in two rows: a merged 家庭成员 group over its sub-headers, the other columns merged down', () => {
    const layout = findHeader([
      row(1, ['姓名', '性别', '出生日期', '身份证件号', '家庭成员1', undefined, undefined, '家庭成员2', undefined]),
      row(2, [undefined, undefined, undefined, undefined, '姓名', '关系', '联系电话', '姓名', '关系']),
      row(3, ['张三', '男', '2015-09-01', '140302201509011234', '张大山', '父亲', '13812345678', '李梅', '母亲']),
    ]);
    expect(layout).toMatchObject({ row: 1, depth: 2 });
    expect(layout!.columns.map((column) => column.header)).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '身份证件号',
      '家庭成员1 姓名',
      '家庭成员1 关系',
      '家庭成员1 联系电话',
      '家庭成员2 姓名',
      '家庭成员2 关系',
    ]);
    expect(layout!.columns[8]!.target).toEqual({ kind: 'member', member: 1, field: 'relationship' });
  });

  it('is null for a sheet of something else, even one with a 姓名 column', () => {
    expect(findHeader([row(1, ['姓名', '语文', '数学', '英语']), row(2, ['张三', '90', '95', '88'])])).toBeNull();
    expect(findHeader([row(1, ['代码', '名称']), row(2, ['01', '汉族'])])).toBeNull();
  });
});

const layoutOf = (headers: readonly string[]): HeaderLayout => findHeader([row(1, headers)])!;

/** Every ★ column and one complete family member. */
const fullHeader = [
  ...['姓名', '性别', '出生日期', '出生地', '籍贯', '民族', '国籍/地区', '身份证件类型', '身份证件号', '港澳台侨外'],
  ...['健康状况', '户口所在地', '户口性质', '入学年月', '入学方式', '就读方式', '现住址', '通信地址', '家庭地址'],
  ...['联系电话', '邮政编码', '是否独生子女', '是否受过学前教育', '成员1姓名', '成员1关系', '成员1是否监护人'],
  '成员1联系电话',
];

describe('a header that cannot serve', () => {
  it('with every ★ column and a 班级 column, there is nothing to say', () => {
    expect(headerProblems(layoutOf([...fullHeader, '年级', '班级']), true)).toEqual([]);
    expect(headerProblems(layoutOf(fullHeader), false)).toEqual([]);
  });

  it('names the ★ columns missing, the family columns missing, and the 班级 column when classes come from the file', () => {
    const problems = headerProblems(
      layoutOf(fullHeader.filter((header) => !['民族', '邮政编码', '成员1关系'].includes(header))),
      true,
    );
    expect(problems).toEqual([
      '表头缺少必填（★）的列：民族、邮政编码。请使用全国学籍系统的学生信息模板，并保留其中所有 ★ 列。',
      '表头缺少家庭成员的列：至少要有一位家庭成员的姓名、关系、是否监护人和联系电话（如“成员1姓名”“成员1关系”）。',
      '表中没有“班级”列：请在页面上选择要导入到的班级，或在表中加上“年级”“班级”两列。',
    ]);
  });

  it('names a column found twice under two names', () => {
    expect(headerProblems(layoutOf([...fullHeader, '身份证号码']), false)).toEqual([
      '“身份证件号”有两列（I 列“身份证件号”和 AB 列“身份证号码”），无法确定用哪一列：请删去其中一列，或改正它的表头。',
    ]);
  });
});
