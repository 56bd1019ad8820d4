import { describe, expect, it } from 'vitest';
import { currentTerm, type Term, termProblems, termReminder } from '../../shared/register/terms';

const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' };
const spring: Term = { id: 2, schoolYear: '2026-2027', semester: 2, startDate: '2027-02-20', endDate: '2027-07-05' };

describe('SCH-2 学年学期设置', () => {
  it('accepts a well-formed autumn term', () => {
    expect(termProblems({ ...autumn, id: undefined }, [spring])).toEqual({});
  });

  it.each([
    ['a school year that is not two consecutive years', { schoolYear: '2026-2028' }, 'schoolYear', '相差一年'],
    ['an impossible date', { startDate: '2026-09-31' }, 'startDate', '有效的开学日期'],
    ['a term of 20 days', { endDate: '2026-09-20' }, 'endDate', '应在 60 至 240 天之间'],
    [
      'a first semester starting in the wrong year',
      { startDate: '2027-09-01', endDate: '2028-01-20' },
      'startDate',
      '应在 2026 年开学',
    ],
  ])('refuses %s, on the right field', (_what, change, field, message) => {
    expect(termProblems({ ...autumn, ...change, id: undefined }, [])[field]).toContain(message);
  });

  it('refuses the same semester twice and overlapping dates', () => {
    expect(termProblems({ ...autumn, id: undefined }, [autumn])['semester']).toContain('已经设置过');
    const overlapping = { ...spring, id: undefined, startDate: '2027-01-10' };
    expect(termProblems(overlapping, [autumn])['startDate']).toContain('重叠');
  });

  it('the current term is the one whose dates include today; none in the holidays', () => {
    expect(currentTerm([autumn, spring], '2026-10-08')).toBe(autumn);
    expect(currentTerm([autumn, spring], '2027-02-01')).toBeNull();
  });

  it('reminds when today falls in no term, naming the next one if set', () => {
    expect(termReminder([autumn, spring], '2026-10-08')).toBeNull();
    expect(termReminder([autumn, spring], '2027-02-01')).toContain('下一学期2026-2027学年 第二学期于 2027-02-20 开始');
    expect(termReminder([autumn], '2027-03-01')).toContain('请在“学年学期设置”中设置本学期');
  });
});
