import { describe, expect, it } from 'vitest';
import type { Term } from '../../shared/register/terms';
import {
  maxSuspensionDays,
  resumptionOutcome,
  resumptionRefusal,
  suspensionRefusals,
  type SuspensionFacts,
  type SuspensionRequest,
} from '../../shared/changes/suspensionRules';

// 第一学期 of 150 days: illness must need more than 50 days of leave.
const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-28' };
const spring: Term = { id: 2, schoolYear: '2026-2027', semester: 2, startDate: '2027-02-20', endDate: '2027-07-05' };
const nextAutumn: Term = {
  id: 3,
  schoolYear: '2027-2028',
  semester: 1,
  startDate: '2027-09-01',
  endDate: '2028-01-28',
};
const terms = [autumn, spring, nextAutumn];

const illness = (startDate: string, endDate: string, prescribedLeaveDays = 90): SuspensionRequest => ({
  ground: 'illness',
  prescribedLeaveDays,
  period: { startDate, endDate },
});
const facts = (overrides: Partial<SuspensionFacts> = {}): SuspensionFacts => ({
  grade: 8,
  terms,
  previous: [],
  ...overrides,
});

describe('CHG-2 suspension (休学)', () => {
  it('CHG-2 allows one year for illness with leave of more than a third of the term', () => {
    expect(suspensionRefusals(illness('2026-10-08', '2027-10-07'), facts())).toEqual([]);
  });

  it('CHG-2 refuses a suspension of more than one year, naming the last allowed day', () => {
    const [refusal] = suspensionRefusals(illness('2026-10-08', '2027-10-08'), facts());
    expect(refusal?.rule).toBe('CHG-2');
    expect(refusal?.message).toContain('每次休学最长一年');
    expect(refusal?.message).toContain('本次休学最迟到2027年10月7日');
  });

  it('CHG-2 an extension may bring the total to two years and no further', () => {
    const first = { startDate: '2026-10-08', endDate: '2027-10-07' };
    const total = (end: string) => suspensionRefusals(illness('2027-10-08', end), facts({ previous: [first] }));
    expect(total('2028-10-07')).toEqual([]);
    // 365 + 366 days (2028 is a leap year) is the most two years hold.
    expect(maxSuspensionDays).toBe(731);
    const aYearAndADay = { startDate: '2025-10-08', endDate: '2026-10-08' };
    const [refusal] = suspensionRefusals(illness('2027-10-08', '2028-10-07'), facts({ previous: [aYearAndADay] }));
    expect(refusal?.message).toContain('休学累计不能超过两年');
    expect(refusal?.message).toContain('此前已休学 366 天，本次最迟到2028年10月6日');
  });

  it('CHG-2 refuses any suspension once two years are used up, saying what remains possible', () => {
    const used = [
      { startDate: '2023-09-01', endDate: '2024-08-31' },
      { startDate: '2024-09-01', endDate: '2025-08-31' },
    ];
    const [refusal] = suspensionRefusals(illness('2026-09-01', '2026-12-31'), facts({ previous: used }));
    expect(refusal?.message).toContain('已用满两年，不能再休学；请办理复学');
  });

  it('CHG-2 refuses illness with leave of no more than a third of the term, and accepts one day more', () => {
    const [refusal] = suspensionRefusals(illness('2026-10-08', '2027-06-30', 50), facts());
    expect(refusal?.rule).toBe('CHG-2');
    expect(refusal?.message).toContain('共 150 天，病假须超过 50 天，医院病历写的是 50 天');
    expect(suspensionRefusals(illness('2026-10-08', '2027-06-30', 51), facts())).toEqual([]);
  });

  it('CHG-2 force majeure needs no length of leave', () => {
    const request: SuspensionRequest = {
      ground: 'forceMajeure',
      period: { startDate: '2026-10-08', endDate: '2027-07-05' },
    };
    expect(suspensionRefusals(request, facts())).toEqual([]);
  });

  it("CHG-2 refuses a suspension in a graduating grade's last term, not in its first", () => {
    const last = suspensionRefusals(illness('2027-03-01', '2027-07-05'), facts({ grade: 9 }));
    expect(last.map((refusal) => refusal.message).join()).toContain(
      '毕业年级（九年级）最后一学期（2026-2027学年 第二学期）不能办理休学',
    );
    expect(suspensionRefusals(illness('2026-10-08', '2027-07-05'), facts({ grade: 9 }))).toEqual([]);
    expect(suspensionRefusals(illness('2027-03-01', '2027-07-05'), facts({ grade: 8 }))).toEqual([]);
  });

  it('CHG-2 a suspension starting in the holidays is judged by the next term', () => {
    const refusals = suspensionRefusals(illness('2027-02-01', '2027-07-05'), facts({ grade: 12 }));
    expect(refusals.map((refusal) => refusal.message).join()).toContain('最后一学期');
  });

  it('CHG-2 refuses when the term of the suspension is not set (SCH-2), and a period that ends before it starts', () => {
    expect(suspensionRefusals(illness('2028-03-10', '2028-06-10'), facts())[0]?.rule).toBe('SCH-2');
    expect(suspensionRefusals(illness('2026-10-08', '2026-10-01'), facts())[0]?.message).toContain(
      '结束日期早于开始日期',
    );
  });
});

describe('CHG-4 resumption (复学)', () => {
  const senior = { type: '342' };
  const junior = { type: '311' };

  it('CHG-4 allows the same grade and a lower one', () => {
    expect(resumptionRefusal({ currentGrade: 8, targetGrade: 8 }, junior)).toBeNull();
    expect(resumptionRefusal({ currentGrade: 8, targetGrade: 7 }, junior)).toBeNull();
  });

  it('CHG-4 refuses resumption into a higher grade', () => {
    const refusal = resumptionRefusal({ currentGrade: 8, targetGrade: 9 }, junior);
    expect(refusal?.rule).toBe('CHG-4');
    expect(refusal?.message).toContain('复学只能回到原年级（八年级）或降到更低年级，不能进入九年级');
  });

  it('CHG-4 refuses going down across a stage', () => {
    const refusal = resumptionRefusal({ currentGrade: 10, targetGrade: 9 }, { type: '341' });
    expect(refusal?.message).toContain('不能跨学段');
  });

  it('CHG-4 REG-2 a senior-high student who goes down a grade gets a new 学籍辅号', () => {
    expect(resumptionOutcome({ currentGrade: 11, targetGrade: 10 }, senior)).toEqual({
      gradeDropped: true,
      newAuxiliaryNumber: true,
    });
    expect(resumptionOutcome({ currentGrade: 11, targetGrade: 11 }, senior)).toEqual({
      gradeDropped: false,
      newAuxiliaryNumber: false,
    });
  });

  it('CHG-4 REG-2 junior and vocational students who go down a grade are recorded so, without a 学籍辅号', () => {
    expect(resumptionOutcome({ currentGrade: 8, targetGrade: 7 }, junior)).toEqual({
      gradeDropped: true,
      newAuxiliaryNumber: false,
    });
    expect(resumptionOutcome({ currentGrade: 11, targetGrade: 10 }, { type: '360' }).newAuxiliaryNumber).toBe(false);
  });
});
