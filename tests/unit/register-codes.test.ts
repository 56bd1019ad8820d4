import { describe, expect, it } from 'vitest';
import type { CodeList } from '../../shared/register/codes';
import * as codes from '../../shared/register/codes';
import {
  codeOf,
  compulsoryEnrollmentMethods,
  enrollmentMethods,
  ethnicities,
  familyRelations,
  healthStatuses,
  idDocumentTypes,
  isCode,
  labelOf,
  movementTypes,
  nationalities,
  overseasStatuses,
  politicalAffiliations,
  seniorEnrollmentMethods,
  sexes,
  studentStatuses,
  toHalfWidth,
  yesNo,
} from '../../shared/register/codes';

const lists = Object.entries(codes as Record<string, unknown>).filter((entry): entry is [string, CodeList] =>
  Array.isArray(entry[1]),
);

describe('national code lists', () => {
  it('民族: the 56 ethnic groups as 01-56 (GB 3304), then 97 其他 and 98 外国血统中国籍人士', () => {
    expect(ethnicities).toHaveLength(58);
    expect(ethnicities.slice(0, 56).map((e) => e.code)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(ethnicities.slice(0, 56).every((e) => e.label.endsWith('族'))).toBe(true);
    expect(labelOf(ethnicities, '01')).toBe('汉族');
    expect(labelOf(ethnicities, '05')).toBe('维吾尔族');
    expect(labelOf(ethnicities, '11')).toBe('满族');
    expect(labelOf(ethnicities, '56')).toBe('基诺族');
    expect(labelOf(ethnicities, '98')).toBe('外国血统中国籍人士');
  });

  it.each(lists.map(([name, list]) => [name, list] as const))('%s has unique codes and labels', (_name, list) => {
    expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
    if (list !== enrollmentMethods) expect(new Set(list.map((e) => e.label)).size).toBe(list.length);
  });

  it('the lists the template names carry their documented codes', () => {
    expect(sexes.map((e) => `${e.code}${e.label}`)).toEqual(['1男', '2女']);
    expect(labelOf(healthStatuses, '10')).toBe('健康或良好');
    expect(labelOf(overseasStatuses, '00')).toBe('否');
    expect(labelOf(overseasStatuses, '41')).toBe('外籍华裔人');
    expect(labelOf(politicalAffiliations, '03')).toBe('共青团员');
    expect(labelOf(politicalAffiliations, '13')).toBe('群众');
    expect(idDocumentTypes.map((e) => e.code)).toEqual(['1', '6', '7', '8', '9', 'A', 'Z']);
    for (const code of ['CHN', 'HKG', 'MAC', 'TWN']) expect(isCode(nationalities, code)).toBe(true);
    expect(labelOf(nationalities, 'TWN')).toBe('中国台湾');
    expect(studentStatuses.filter((s) => 'vocationalOnly' in s).map((s) => s.label)).toEqual(['注销']);
    expect(movementTypes.filter((s) => 'vocationalOnly' in s).map((s) => s.label)).toEqual(['转专业', '注销']);
  });
});

describe('lookup both ways, tolerant for imports', () => {
  it.each(['汉族', '01', ' 汉 族 ', '汉', '０１', '1', '01-汉族', '01 汉族'])('codeOf(民族, %j) is 01', (text) => {
    expect(codeOf(ethnicities, text)).toBe('01');
  });

  it('codes in lower case, labels, aliases and full official names', () => {
    expect(codeOf(idDocumentTypes, 'a')).toBe('A');
    expect(codeOf(idDocumentTypes, '身份证')).toBe('1');
    expect(codeOf(nationalities, 'chn')).toBe('CHN');
    expect(codeOf(nationalities, '香港')).toBe('HKG');
    expect(codeOf(politicalAffiliations, '中国共产主义青年团团员')).toBe('03');
    expect(codeOf(familyRelations, '爸爸')).toBe('51');
    expect(codeOf(healthStatuses, '健康')).toBe('10');
    expect(codeOf(sexes, '女')).toBe('2');
    expect(codeOf(yesNo, '是')).toBe('1');
    expect(codeOf(overseasStatuses, '0')).toBe('00');
  });

  it('full-width brackets in labels match half-width input', () => {
    expect(codeOf(codes.commuteModes, '自行车(含电动自行车)')).toBe('2');
    expect(toHalfWidth('（Ａ１）\u3000')).toBe('(A1) ');
  });

  it('is undefined for unknown text and for a label two entries share', () => {
    expect(codeOf(ethnicities, '火星族')).toBeUndefined();
    expect(codeOf(ethnicities, '')).toBeUndefined();
    expect(codeOf(enrollmentMethods, '其他')).toBeUndefined();
    expect(codeOf(compulsoryEnrollmentMethods, '其他')).toBe('12');
    expect(codeOf(seniorEnrollmentMethods, '其他')).toBe('99');
    expect(labelOf(enrollmentMethods, '99')).toBe('其他');
    expect(labelOf(ethnicities, '57')).toBeUndefined();
  });

  it('isCode is exact: stored data must hold the code itself', () => {
    expect(isCode(ethnicities, '01')).toBe(true);
    expect(isCode(ethnicities, '1')).toBe(false);
    expect(isCode(ethnicities, '汉族')).toBe(false);
  });
});
