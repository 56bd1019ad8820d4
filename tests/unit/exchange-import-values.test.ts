/** Spreadsheet cells turned into what the student form stores; numbers Excel mangled refused where they are still known. */
import { describe, expect, it } from 'vitest';
import {
  codeValue,
  dateValue,
  divisionValue,
  identityValue,
  monthValue,
  phoneValue,
  postalCodeValue,
  textValue,
} from '../../shared/exchange/importValues';
import { commuteModes, ethnicities, familyRelations, sexes, yesNo } from '../../shared/register/codes';

const ok = (value: string) => ({ ok: true, value });
const refusal = (pattern: RegExp) => ({ ok: false, message: expect.stringMatching(pattern) });

describe('dates', () => {
  it.each([
    ['text with dashes', '2015-09-01'],
    ['text with slashes', '2015/9/1'],
    ['Chinese text', '2015年9月1日'],
    ['eight digits', '20150901'],
    ['an eight-digit number', 20150901],
    ['a serial day number', 42248],
    ['a date cell', { date: '2015-09-01' }],
  ])('%s', (_name, cell) => {
    expect(dateValue(cell, '出生日期')).toEqual(ok('2015-09-01'));
  });

  it('leaves other text for the form to judge, and refuses a number that is no date', () => {
    expect(dateValue('2015.13.01', '出生日期')).toEqual(ok('2015.13.01'));
    expect(dateValue('长期', '身份证件有效期')).toEqual(ok('长期'));
    expect(dateValue(3.5, '出生日期')).toEqual(refusal(/^出生日期「3.5」不是日期/));
  });
});

describe('入学年月', () => {
  it.each([
    ['six digits', '202609'],
    ['a six-digit number', 202609],
    ['a month with a dash', '2026-09'],
    ['a month with a dot', '2026.9'],
    ['Chinese text', '2026年9月'],
    ['a whole date', '2026-09-01'],
    ['a date cell', { date: '2026-09-01' }],
    ['a serial day number', 46266],
  ])('%s', (_name, cell) => {
    expect(monthValue(cell, '入学年月')).toEqual(ok('202609'));
  });
});

describe('identity numbers', () => {
  it('OPS-2 a number cell of 16 or more digits is refused: Excel kept only 15', () => {
    expect(identityValue(140302201509011000, '身份证件号')).toEqual(
      refusal(/^身份证件号是数字格式的单元格，Excel 只保留 15 位有效数字.*140302201509011000.*人籍一致，规则 OPS-2/),
    );
    expect(identityValue(1.40302e17, '身份证件号')).toEqual(refusal(/数字格式的单元格/));
  });

  it('shorter numbers go on as digits, for the form’s message on 15-digit old numbers', () => {
    expect(identityValue(140302150901123, '身份证件号')).toEqual(ok('140302150901123'));
  });

  it('text is upper-cased, so a lowercase x is read as X', () => {
    expect(identityValue(' 11010519491231002x ', '身份证件号')).toEqual(ok('11010519491231002X'));
    expect(identityValue('1.40302E+17', '身份证件号')).toEqual(ok('1.40302E+17'));
  });
});

describe('code lists by label or code', () => {
  it('reads labels, aliases, codes, codes whose zero Excel dropped, and “code-label”', () => {
    expect(codeValue(sexes, '男', '性别')).toEqual(ok('1'));
    expect(codeValue(sexes, 2, '性别')).toEqual(ok('2'));
    expect(codeValue(ethnicities, '汉', '民族')).toEqual(ok('01'));
    expect(codeValue(ethnicities, 1, '民族')).toEqual(ok('01'));
    expect(codeValue(ethnicities, '03-回族', '民族')).toEqual(ok('03'));
    expect(codeValue(yesNo, true, '是否孤儿')).toEqual(ok('1'));
    expect(codeValue(yesNo, '', '是否孤儿')).toEqual(ok(''));
  });

  it('names the choices of a short list when the text is none of them', () => {
    expect(codeValue(sexes, '男生', '性别')).toEqual({
      ok: false,
      message: '性别「男生」不在代码表中，请填写代码表中的名称或代码（如 1）：男、女',
    });
  });

  it('lists whose codes are unconfirmed are read by label only', () => {
    expect(codeValue(commuteModes, '步行', '上下学交通方式', { byLabelOnly: true })).toEqual(ok('1'));
    expect(codeValue(commuteModes, '9', '上下学交通方式', { byLabelOnly: true })).toEqual(
      refusal(/^上下学交通方式请填写名称（如“步行”），不要填写代码「9」/),
    );
    expect(codeValue(familyRelations, '爸爸', '关系', { byLabelOnly: true })).toEqual(ok('51'));
  });
});

describe('places (行政区划)', () => {
  it('by code, by full name, by a unique ending, with the code in the text', () => {
    expect(divisionValue('140302', '出生地')).toEqual(ok('140302'));
    expect(divisionValue(140302, '出生地')).toEqual(ok('140302'));
    expect(divisionValue('山西省阳泉市城区', '出生地')).toEqual(ok('140302'));
    expect(divisionValue('阳泉市 城区', '出生地')).toEqual(ok('140302'));
    expect(divisionValue('山西省阳泉市', '籍贯')).toEqual(ok('140300'));
    expect(divisionValue('盂县', '籍贯')).toEqual(ok('140322'));
    expect(divisionValue('山西省阳泉市城区（140302）', '出生地')).toEqual(ok('140302'));
  });

  it('a name many places share, or none has, is refused with how to write it', () => {
    expect(divisionValue('城区', '出生地')).toEqual(refusal(/^出生地「城区」对应多个地方（如 .*），请写全称/));
    expect(divisionValue('阳泉市新区', '出生地')).toEqual(refusal(/^出生地「阳泉市新区」不是现行的行政区划名称/));
  });
});

describe('phone numbers and postal codes', () => {
  it('a landline stored as a number has lost its 0 and is refused; a mobile number is fine', () => {
    expect(phoneValue(3531234567, '联系电话')).toEqual(refusal(/开头的 0 可能已被 Excel 去掉（表中读到 3531234567）/));
    expect(phoneValue(13812345678, '联系电话')).toEqual(ok('13812345678'));
  });

  it('a postal code stored as a number gets its leading zero back', () => {
    expect(postalCodeValue(45000, '邮政编码')).toEqual(ok('045000'));
    expect(postalCodeValue('045000', '邮政编码')).toEqual(ok('045000'));
  });
});

describe('cells that cannot be read', () => {
  it('an error value and a formula without a saved result name the cell’s problem', () => {
    expect(textValue({ error: '#REF!' }, '现住址')).toEqual(refusal(/^现住址单元格是错误值 #REF!/));
    expect(dateValue({ formula: 'TODAY()' }, '出生日期')).toEqual(
      refusal(/^出生日期是公式“=TODAY\(\)”，文件中没有保存它的计算结果/),
    );
  });
});
