import { describe, expect, it } from 'vitest';
import { validateStudentBasics } from '../../shared/register/studentValidation';
import { generateSchool } from '../support/schoolGenerator';

describe('the synthetic school generator', () => {
  const school = generateSchool({ seed: 7, studentCount: 500 });

  it('is reproducible by seed', () => {
    expect(generateSchool({ seed: 7, studentCount: 500 })).toEqual(school);
    expect(generateSchool({ seed: 8, studentCount: 500 }).students[0]).not.toEqual(school.students[0]);
  });

  it('makes records that pass the national rules, with unique Yangquan ID numbers', () => {
    const today = new Date('2026-09-15T10:00:00+08:00');
    for (const { basics } of school.students) expect(validateStudentBasics(basics, { today })).toEqual({});
    const ids = new Set(school.students.map((s) => s.basics.idNumber));
    expect(ids.size).toBe(500);
    expect([...ids].every((id) => id.startsWith('1403'))).toBe(true);
  });
});
