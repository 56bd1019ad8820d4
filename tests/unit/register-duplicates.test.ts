import { describe, expect, it } from 'vitest';
import {
  duplicateKey,
  duplicateKeys,
  findDuplicates,
  normaliseName,
  possibleSameStudent,
  sameStudentKey,
} from '../../shared/register/duplicates';

describe('OPS-2 / VOC-4 the same ID number or 学籍号 twice is a duplicate', () => {
  it('keys are normalised: case, full-width digits and spaces do not hide a duplicate', () => {
    expect(duplicateKey('idNumber', ' 11010519491231002x')).toBe('id:11010519491231002X');
    expect(duplicateKey('idNumber', '１１０１０５１９４９１２３１００２Ｘ')).toBe('id:11010519491231002X');
    expect(duplicateKey('studentNumber', 'g11010519491231002X ')).toBe('sn:G11010519491231002X');
    expect(duplicateKey('idNumber', '  ')).toBeNull();
  });

  it('an ID number and a 学籍号 with the same digits are different keys', () => {
    expect(duplicateKey('idNumber', 'L140302201903010001')).not.toBe(
      duplicateKey('studentNumber', 'L140302201903010001'),
    );
  });

  it('a G 学籍号 also claims the ID number inside it', () => {
    expect(duplicateKeys({ idNumber: '11010519491231002X', studentNumber: 'G11010519491231002X' })).toEqual([
      'id:11010519491231002X',
      'sn:G11010519491231002X',
    ]);
    expect(duplicateKeys({ idNumber: '', studentNumber: 'L140302201903010001' })).toEqual(['sn:L140302201903010001']);
  });

  it('finds the records that share a key', () => {
    const found = findDuplicates([
      { idNumber: '11010519491231002X' },
      { idNumber: '440524188001010014' },
      { idNumber: '11010519491231002x', studentNumber: 'G440524188001010014' },
      { idNumber: '' },
      { idNumber: '' },
    ]);
    expect(found).toEqual(
      new Map([
        ['id:11010519491231002X', [0, 2]],
        ['id:440524188001010014', [1, 2]],
      ]),
    );
  });
});

describe('OPS-2 / VOC-4 same name, birth date and sex is flagged for review', () => {
  const student = { name: '阿依古丽·买买提', birthDate: '2015-09-01', sex: '2' };

  it('names match after trimming, full-width to half-width and removing spaces', () => {
    expect(possibleSameStudent(student, { name: ' 阿依古丽 · 买买提 ', birthDate: '20150901', sex: '女' })).toBe(true);
    expect(possibleSameStudent(student, { ...student, name: '阿依古丽•买买提' })).toBe(true);
    expect(possibleSameStudent({ ...student, name: 'Ａｎｎａ　Ｌｉ' }, { ...student, name: 'anna li' })).toBe(true);
    expect(normaliseName(' 李 小红 ')).toBe('李小红');
  });

  it('a different birth date, sex or name is not flagged', () => {
    expect(possibleSameStudent(student, { ...student, birthDate: '2015-09-02' })).toBe(false);
    expect(possibleSameStudent(student, { ...student, sex: '1' })).toBe(false);
    expect(possibleSameStudent(student, { ...student, name: '阿依古丽' })).toBe(false);
  });

  it('incomplete records are never flagged', () => {
    const blank = { name: '', birthDate: '', sex: '' };
    expect(possibleSameStudent(blank, blank)).toBe(false);
    expect(sameStudentKey({ ...student, birthDate: '2015-02-30' })).toBeNull();
    expect(sameStudentKey(student)).toBe('阿依古丽·买买提|2015-09-01|2');
  });
});
