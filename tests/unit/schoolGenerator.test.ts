import { describe, expect, it } from 'vitest';
import { validateResidentId } from '../../shared/register/identity';
import { namePinyin } from '../../shared/register/pinyin';
import { validateStudentBasics } from '../../shared/register/studentValidation';
import { generateSchool } from '../support/schoolGenerator';

describe('the synthetic school generator', () => {
  const school = generateSchool({ seed: 7, studentCount: 500 });
  const today = new Date('2026-09-15T10:00:00+08:00');

  it('is reproducible by seed', () => {
    expect(generateSchool({ seed: 7, studentCount: 500 })).toEqual(school);
    expect(generateSchool({ seed: 8, studentCount: 500 }).students[0]).not.toEqual(school.students[0]);
  });

  it('makes records that pass the national rules, extended fields included, with unique Yangquan ID numbers', () => {
    for (const { basics } of school.students) expect(validateStudentBasics(basics, { today })).toEqual({});
    expect(school.students.every(({ basics }) => basics.onlyChild && basics.preschool && basics.commuteDistance)).toBe(
      true,
    );
    const ids = new Set(school.students.map((s) => s.basics.idNumber));
    expect(ids.size).toBe(500);
    expect([...ids].every((id) => id.startsWith('1403'))).toBe(true);
  });

  it('stays valid through the school year it was made for', () => {
    const later = generateSchool({ seed: 7, studentCount: 200, startYear: 2027 });
    const lastDay = new Date('2028-08-31T10:00:00+08:00');
    for (const { basics } of later.students) expect(validateStudentBasics(basics, { today: lastDay })).toEqual({});
  });

  it('writes 姓名拼音 as the search reads the name, surname first', () => {
    for (const { basics } of school.students) {
      expect(basics.namePinyin?.replace(' ', '').toLowerCase()).toBe(namePinyin(basics.name));
      expect(basics.namePinyin).toMatch(/^[A-Z]+ [A-Z]+$/);
    }
  });

  it('gives each pupil both parents, or a grandmother as guardian when both parents work away', () => {
    for (const { basics } of school.students) {
      const relationships = basics.familyMembers.map((member) => member.relationship).join(',');
      const guardians = basics.familyMembers.filter((member) => member.isGuardian === '1');
      if (basics.leftBehind === '2') expect([relationships, guardians.length]).toEqual(['62,51', 1]);
      else expect(relationships).toBe('51,52');
      for (const member of basics.familyMembers.filter((m) => m.idNumber)) {
        const id = validateResidentId(member.idNumber ?? '', today);
        expect(id).toMatchObject({ ok: true, sex: member.relationship === '51' ? '1' : '2' });
      }
    }
    expect(school.students.filter((s) => s.basics.leftBehind !== '0').length).toBeGreaterThan(0);
  });

  it('REG-1 new first graders have no 学籍号 yet; the other grades have their G number', () => {
    for (const { classIndex, basics } of school.students) {
      const grade = school.classes[classIndex]!.grade;
      expect(basics.studentNumber).toBe(grade === 1 ? '' : `G${basics.idNumber}`);
    }
  });
});
