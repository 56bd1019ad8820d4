import { describe, expect, it } from 'vitest';
import {
  type EnrollmentFacts,
  type EnrollmentPlan,
  enrollmentPlanProblems,
  enrollmentWarnings,
} from '../../shared/register/enrollment';
import { majorProblems } from '../../shared/register/school';

const plan: EnrollmentPlan = {
  year: 2026,
  places: 180,
  classSize: 45,
  parallelClasses: 4,
  zoneCodes: ['140302', '140311'],
  zoneNote: '桃北街道、上站街道',
  documentNumber: '阳城教发〔2026〕12号',
};

/** A first-grade pupil of 城区 into a class with room, under a plan with room. */
const facts: EnrollmentFacts = {
  plan,
  startingGrade: true,
  enrolled: 100,
  classLabel: '一年级（2）班',
  classStudents: 30,
  classCapacity: 50,
  householdLocation: '140302',
};

describe('ENR-1 招生计划', () => {
  it('accepts a plan whose places fit in its classes', () => {
    expect(enrollmentPlanProblems(plan)).toEqual({});
    expect(enrollmentPlanProblems({ ...plan, places: 170, zoneCodes: [] })).toEqual({});
  });

  it.each([
    ['no places', { places: 0 }, 'places', '招生计划数应为 1 至 5000 人。'],
    ['a class size of 120', { classSize: 120 }, 'classSize', '班额应为 1 至 100 人。'],
    ['51 parallel classes', { parallelClasses: 51 }, 'parallelClasses', '轨制（平行班数）应为 1 至 50 个班。'],
    ['a fractional class size', { classSize: 44.5 }, 'classSize', '班额应为 1 至 100 人。'],
    ['a year out of range', { year: 1999 }, 'year', '招生年度应为 2000 至 2100 年之间的年份。'],
    ['a long note', { zoneNote: '街'.repeat(201) }, 'zoneNote', '招生区域说明不能超过 200 个字。'],
  ])('refuses %s, on the right field', (_what, change, field, message) => {
    expect(enrollmentPlanProblems({ ...plan, ...change })[field]).toBe(message);
  });

  it('refuses more places than the classes hold, naming the figures', () => {
    expect(enrollmentPlanProblems({ ...plan, places: 200 })['places']).toBe(
      '招生计划 200 人超过班额 45 人 × 4 个班 = 180 人，请核对教育局下达的计划。',
    );
  });

  it('takes zone codes only from the GB/T 2260 county-level list, naming the wrong ones', () => {
    const problems = enrollmentPlanProblems({ ...plan, zoneCodes: ['140302', '140300', '149999', '14030'] });
    expect(problems['zoneCodes']).toBe(
      '招生区域中的“140300、149999、14030”不是有效的县（区）级行政区划代码（GB/T 2260）。',
    );
  });
});

describe('ENR-2 warnings before a new student is saved', () => {
  it('none when the plan, the class and the zone all have room', () => {
    expect(enrollmentWarnings(facts)).toEqual([]);
  });

  it('ENR-2 warns over plan when the year’s places are all taken, naming the figures', () => {
    expect(enrollmentWarnings({ ...facts, enrolled: 180 })).toEqual([
      { kind: 'overPlan', message: '2026 年招生计划 180 人，已登记 180 人，再登记将超出计划（规则 ENR-2）。' },
    ]);
  });

  it('ENR-2 warns over class size when the class is at its capacity, in any grade', () => {
    const full = { ...facts, plan: null, startingGrade: false, classLabel: '三年级（1）班', classStudents: 50 };
    expect(enrollmentWarnings(full)).toEqual([
      {
        kind: 'overClassSize',
        message: '三年级（1）班的班额为 50 人，现有 50 人，再登记将超出班额（规则 ENR-2）。',
      },
    ]);
  });

  it('ENR-2 warns over class size in a starting grade when the class reaches the plan’s 班额', () => {
    expect(enrollmentWarnings({ ...facts, classStudents: 45 })).toEqual([
      {
        kind: 'overClassSize',
        message: '2026 年招生计划的班额为 45 人，一年级（2）班现有 45 人，再登记将超出计划班额（规则 ENR-2）。',
      },
    ]);
  });

  it('ENR-2 warns outside the zone, naming the household and the zone', () => {
    expect(enrollmentWarnings({ ...facts, householdLocation: '140321' })).toEqual([
      {
        kind: 'outsideZone',
        message:
          '户口所在地为山西省阳泉市平定县 140321，不在 2026 年招生区域（山西省阳泉市城区 140302、山西省阳泉市郊区 140311）内（规则 ENR-2）。',
      },
    ]);
  });

  it('ENR-2 checks no zone when the plan names none', () => {
    expect(enrollmentWarnings({ ...facts, plan: { ...plan, zoneCodes: [] }, householdLocation: '140321' })).toEqual([]);
  });

  it('ENR-2 applies plan and zone only to a starting grade', () => {
    const later = { ...facts, startingGrade: false, enrolled: 500, classStudents: 45, householdLocation: '140321' };
    expect(enrollmentWarnings(later)).toEqual([]);
  });

  it('ENR-2 gives every warning that applies, one per kind', () => {
    const all = enrollmentWarnings({ ...facts, enrolled: 180, classStudents: 50, householdLocation: '140321' });
    expect(all.map((warning) => warning.kind)).toEqual(['overPlan', 'overClassSize', 'outsideZone']);
  });
});

describe('VOC-1 中职专业', () => {
  it('accepts a catalogue code, a name and a 学制', () => {
    expect(majorProblems({ code: '710201', name: '计算机应用', years: 3, active: true })).toEqual({});
  });

  it('refuses a code that is not 6 digits, a one-character name and 7 years, on each field', () => {
    expect(Object.keys(majorProblems({ code: '71020', name: '计', years: 7, active: true }))).toEqual([
      'code',
      'name',
      'years',
    ]);
  });
});
