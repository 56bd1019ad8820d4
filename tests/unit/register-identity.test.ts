import { describe, expect, it } from 'vitest';
import {
  crossCheckResidentId,
  excelManglingMessage,
  looksExcelMangled,
  parseDate,
  residentIdCheckChar,
  validateDivisionCode,
  validateEmail,
  validateIdDocument,
  validatePhone,
  validatePostalCode,
  validateResidentId,
  validateStudentNumber,
} from '../../shared/register/identity';

const today = new Date('2026-09-01T10:00:00+08:00');
const publishedIds = ['11010519491231002X', '440524188001010014', '34052419800101001X', '513101198201130014'];

/** A well-formed ID number with the right check character, for cases built around one rule. */
const idWith = (division: string, birth: string, sequence: string) =>
  `${division}${birth}${sequence}${residentIdCheckChar(`${division}${birth}${sequence}`)}`;

const messageOf = (result: { ok: boolean; message?: string }) => (result.ok ? '' : (result.message ?? ''));

describe('REG-1 resident ID numbers (GB 11643-1999)', () => {
  it.each(publishedIds)('accepts the published example %s', (id) => {
    expect(validateResidentId(id, today)).toMatchObject({ ok: true, value: id });
  });

  it('reads birth date, sex and division code: 002 is even, so 女', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
      divisionCode: '110105',
    });
    expect(validateResidentId('440524188001010014', today)).toMatchObject({ birthDate: '1880-01-01', sex: '1' });
  });

  it('sex follows the parity of the 17th digit: odd 男 (1), even 女 (2)', () => {
    for (const [sequence, sex] of [
      ['001', '1'],
      ['013', '1'],
      ['002', '2'],
      ['120', '2'],
    ] as const) {
      expect(validateResidentId(idWith('140302', '20150901', sequence), today)).toMatchObject({ ok: true, sex });
    }
  });

  it('normalises a lowercase x, surrounding spaces and full-width digits', () => {
    expect(validateResidentId(' 11010519491231002x ', today)).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ', today)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateResidentId('\u3000513101198201130014\u00a0', today)).toMatchObject({ ok: true });
  });

  it('every one-character change of a published example is refused', () => {
    for (const id of publishedIds) {
      for (let position = 0; position < 18; position++) {
        for (const c of '0123456789X') {
          if (c === id[position] || (c === 'X' && position < 17)) continue;
          const changed = `${id.slice(0, position)}${c}${id.slice(position + 1)}`;
          const result = validateResidentId(changed, today);
          expect(result.ok, changed).toBe(false);
          // A change in the sequence or the check character leaves only the check character to catch it.
          if (position >= 14) {
            expect(messageOf(result)).toMatch(/^身份证号校验码应为 [\dX]，而不是 [\dX] — 请核对是否输错某一位$/);
          }
        }
      }
    }
  });

  it('names the expected check character', () => {
    expect(messageOf(validateResidentId('110105194912310025', today))).toBe(
      '身份证号校验码应为 X，而不是 5 — 请核对是否输错某一位',
    );
  });

  it('refuses a birth date that is not a calendar date: 19491331', () => {
    expect(messageOf(validateResidentId(idWith('110105', '19491331', '002'), today))).toBe(
      '身份证号中的出生日期 19491331 不是有效日期',
    );
    expect(messageOf(validateResidentId(idWith('110105', '20230229', '002'), today))).toContain(
      '20230229 不是有效日期',
    );
    expect(validateResidentId(idWith('110105', '20240229', '002'), today).ok).toBe(true);
  });

  it('refuses a birth date after today, and takes today from the caller', () => {
    const id = idWith('140302', '20260902', '001');
    expect(messageOf(validateResidentId(id, today))).toBe('身份证号中的出生日期 20260902 晚于今天，请核对');
    expect(validateResidentId(id, new Date('2026-09-02T08:00:00+08:00')).ok).toBe(true);
  });

  it.each([
    ['', '身份证号不能为空'],
    ['110105194912X', '长度应为 18 位（现为 13 位）'],
    ['11010519491231002X1', '长度应为 18 位（现为 19 位）'],
    ['1101051949123100AX', '第 17 位「A」应为数字'],
    ['11010519491231002Y', '最后一位「Y」应为数字或 X'],
    ['110105 19491231002X', '中间不能有空格'],
    [idWith('990105', '19491231', '002'), '前两位「99」不是有效的省级行政区划代码'],
  ])('explains what is wrong with %j', (id, message) => {
    expect(messageOf(validateResidentId(id, today))).toContain(message);
  });
});

describe('numbers Excel mangled are detected, not saved (DESIGN.md §7)', () => {
  it.each(['1.10105E+17', '1.10105e+17', '1.10105194912310E+17', '4.40524E17'])('scientific notation %s', (text) => {
    expect(looksExcelMangled(text)).toBe(true);
    expect(messageOf(validateResidentId(text, today))).toBe(
      '身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新输入',
    );
  });

  it('a decimal and a 15-17 digit number where 18 belong', () => {
    expect(excelManglingMessage('110105194912310000.0')).toContain('小数点');
    expect(excelManglingMessage('11010519491231002')).toContain('只有 17 位数字，应为 18 位');
    expect(excelManglingMessage('110105491231002')).toContain('旧版 15 位身份证号');
    expect(looksExcelMangled('11010519491231002X')).toBe(false);
    expect(looksExcelMangled('1101051949123')).toBe(false);
  });

  it('an 18-digit number whose last three digits Excel zeroed fails its check, with a hint', () => {
    expect(messageOf(validateResidentId('440524188001010000', today))).toMatch(/校验码.*Excel 丢了精度/);
  });
});

describe('REG-1 the ID number agrees with the student', () => {
  it('no messages when birth date and sex agree', () => {
    expect(crossCheckResidentId('11010519491231002X', { birthDate: '1949-12-31', sex: '2' })).toEqual([]);
    expect(crossCheckResidentId('11010519491231002X', { birthDate: '19491231', sex: '女' })).toEqual([]);
  });

  it('names each disagreement', () => {
    expect(crossCheckResidentId('11010519491231002X', { birthDate: '1949-12-30', sex: '1' })).toEqual([
      '出生日期与身份证号不一致（身份证号中为 1949-12-31，填写的是 1949-12-30）',
      '性别与身份证号不一致（身份证号显示为女，填写的是男）',
    ]);
  });

  it('says nothing about an invalid ID number (its own check does)', () => {
    expect(crossCheckResidentId('110105194912310025', { birthDate: '2000-01-01', sex: '1' })).toEqual([]);
  });
});

describe('REG-1 national student numbers 学籍号', () => {
  it('G + a full resident ID number', () => {
    expect(validateStudentNumber('G11010519491231002X', today)).toMatchObject({
      ok: true,
      kind: 'G',
      birthDate: '1949-12-31',
    });
    expect(validateStudentNumber('g11010519491231002x', today)).toMatchObject({
      ok: true,
      value: 'G11010519491231002X',
    });
    expect(validateStudentNumber('G110105194912310025', today)).toEqual({
      ok: false,
      kind: 'G',
      message: '学籍号中的身份证号校验码应为 X，而不是 5 — 请核对是否输错某一位',
    });
  });

  it('L + division code + birth date + 4 digits (temporary)', () => {
    expect(validateStudentNumber('L140302201509010012', today)).toMatchObject({
      ok: true,
      kind: 'L',
      birthDate: '2015-09-01',
      divisionCode: '140302',
    });
    expect(validateStudentNumber('L140302201502310012', today)).toMatchObject({
      ok: false,
      kind: 'L',
      message: '学籍号中的出生日期 20150231 不是有效日期',
    });
    expect(messageOf(validateStudentNumber('L1403022015090100X2', today))).toContain('L 字头的学籍号应为');
  });

  it('J + division code + birth date + sequence + check character, the check character accepted unverified', () => {
    expect(validateStudentNumber('J140302201509010010', today)).toMatchObject({ ok: true, kind: 'J' });
    expect(validateStudentNumber('J14030220150901001X', today)).toMatchObject({ ok: true, kind: 'J' });
    expect(validateStudentNumber('J14030220150901001A', today).ok).toBe(false);
  });

  it.each([
    ['', '学籍号不能为空'],
    ['11010519491231002X', '学籍号应以 G、L 或 J 开头；正式学籍号是 G 加 18 位身份证号'],
    ['X1403022015090100012', '学籍号应以 G、L 或 J 开头'],
    ['L14030220150901000', '学籍号长度应为 19 位（现为 18 位）'],
    ['1.10105E+17', '科学计数法'],
    ['L140302203009010012', '晚于今天'],
  ])('explains what is wrong with %j', (text, message) => {
    expect(messageOf(validateStudentNumber(text, today))).toContain(message);
  });
});

describe('identity documents by 身份证件类型', () => {
  it('type 1 gets the full resident ID check', () => {
    expect(validateIdDocument('1', '11010519491231002X', today)).toMatchObject({ ok: true, sex: '2' });
    expect(messageOf(validateIdDocument('1', '110105194912310025', today))).toContain('校验码应为 X');
    expect(validateIdDocument('居民身份证', '513101198201130014', today).ok).toBe(true);
  });

  it.each([
    ['6', 'H12345678'],
    ['6', 'a123456(7)'],
    ['6', 'A123456（7）'],
    ['7', 'M12345678'],
    ['7', '1234567(8)'],
    ['8', '12345678'],
    ['8', '1234567890'],
    ['9', 'USA123456789012'],
    ['A', 'E12345678'],
    ['A', 'EA1234567'],
    ['Z', ''],
    ['Z', '在读证明 2026-001'],
  ])('accepts type %s number %j', (type, number) => {
    expect(validateIdDocument(type, number, today).ok).toBe(true);
  });

  it.each([
    ['6', 'H1234', '号码应为 7 到 18 位（现为 5 位）'],
    ['8', '1234567', '台湾居民来往大陆通行证号码应为 8 到 18 位'],
    ['A', 'E1234-5678', '只能包含字母、数字和括号，不能有「-」'],
    ['A', '', '请填写护照号码'],
    ['3', 'X', '身份证件类型「3」不在国家代码表中'],
    ['', 'X', '请选择身份证件类型'],
  ])('refuses type %s number %j', (type, number, message) => {
    expect(messageOf(validateIdDocument(type, number, today))).toContain(message);
  });

  it('a 港澳台居民居住证 number (810000/820000/830000) gets the MOD 11-2 check', () => {
    const permit = idWith('810000', '20150901', '001');
    expect(validateIdDocument('6', permit, today)).toMatchObject({ ok: true, birthDate: '2015-09-01' });
    const typo = `${permit.slice(0, 17)}${permit.endsWith('0') ? '1' : '0'}`;
    expect(messageOf(validateIdDocument('6', typo, today))).toContain('居住证号码校验码');
  });
});

describe('contact details as clerks type them', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile'],
    ['138 1234 5678', '13812345678', 'mobile'],
    ['138-1234-5678', '13812345678', 'mobile'],
    ['+86 138 1234 5678', '13812345678', 'mobile'],
    ['１３８１２３４５６７８', '13812345678', 'mobile'],
    ['0353-1234567', '0353-1234567', 'landline'],
    ['0353 1234567', '0353-1234567', 'landline'],
    ['(0353)1234567', '0353-1234567', 'landline'],
    ['（0353）1234567', '0353-1234567', 'landline'],
    ['03531234567', '0353-1234567', 'landline'],
    ['010-12345678', '010-12345678', 'landline'],
    ['021 1234 5678', '021-12345678', 'landline'],
    ['01012345678', '010-12345678', 'landline'],
    ['0353-1234567-801', '0353-1234567-801', 'landline'],
    ['0353-1234567转801', '0353-1234567-801', 'landline'],
  ])('accepts %j as %s', (text, value, kind) => {
    expect(validatePhone(text)).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['', '联系电话不能为空'],
    ['1381234567', '手机号应为 11 位数字（现为 10 位）'],
    ['12812345678', '手机号第二位应为 3 到 9'],
    ['1234567', '固定电话请加区号，如 0353-1234567'],
    ['0353-123', '应为 7 到 8 位数字'],
    ['035-1234567', '区号「035」不正确（阳泉的区号是 0353）'],
    ['1.38123E+10', '科学计数法'],
    ['电话13812345678', '联系电话格式不正确'],
  ])('refuses %j', (text, message) => {
    expect(messageOf(validatePhone(text))).toContain(message);
  });

  it('postal code: any 6 digits, not only Yangquan 045xxx', () => {
    expect(validatePostalCode('045000')).toEqual({ ok: true, value: '045000' });
    expect(validatePostalCode('100000').ok).toBe(true);
    expect(messageOf(validatePostalCode('04500'))).toContain('邮政编码应为 6 位数字');
  });

  it('e-mail', () => {
    expect(validateEmail(' zhang.san@example.com ')).toEqual({ ok: true, value: 'zhang.san@example.com' });
    expect(validateEmail('zhang＠example.com').ok).toBe(true);
    expect(messageOf(validateEmail('zhang@example'))).toContain('电子信箱格式不正确');
    expect(messageOf(validateEmail('zhang san@example.com'))).toContain('电子信箱格式不正确');
  });

  it('division codes: format and the current table', () => {
    expect(validateDivisionCode('140302', '出生地').ok).toBe(true);
    expect(messageOf(validateDivisionCode('14030', '出生地'))).toContain('出生地应为 6 位行政区划代码');
  });

  it('dates as clerks write them', () => {
    expect(['2015-09-01', '20150901', '2015/9/1', '2015.9.1', '2015年9月1日'].map(parseDate)).toEqual(
      Array(5).fill('2015-09-01'),
    );
    expect(parseDate('2015-02-29')).toBeNull();
  });
});
