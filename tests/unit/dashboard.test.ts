/** The dashboard's date rules: weekdays, the login calendar (OPS-1) and the transfer window's state (CHG-1). */
import { describe, expect, it } from 'vitest';
import {
  isSchoolDay,
  loginCalendarStart,
  missedSchoolDays,
  transferWindowState,
  weekdayOf,
} from '../../shared/dashboard';
import type { Term } from '../../shared/register/terms';

const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' };
const spring: Term = { id: 2, schoolYear: '2026-2027', semester: 2, startDate: '2027-02-20', endDate: '2027-07-10' };

describe('dashboard dates', () => {
  it('numbers weekdays Monday 1 to Sunday 7, before and after any reference day', () => {
    expect(['2026-09-07', '2026-09-01', '2026-09-06', '1999-12-31', '2028-02-29'].map(weekdayOf)).toEqual([
      1, 2, 7, 5, 2,
    ]);
  });

  it('OPS-1 starts the login calendar on a Monday so that eight weeks end with this one', () => {
    expect(loginCalendarStart('2026-09-07')).toBe('2026-07-20');
    expect(loginCalendarStart('2026-09-13')).toBe('2026-07-20');
    expect(loginCalendarStart('2026-09-14')).toBe('2026-07-27');
  });

  it('OPS-1 counts Monday to Friday inside a term as school days, weekends and holidays between terms not', () => {
    expect(isSchoolDay('2026-09-01', [autumn])).toBe(true);
    expect(isSchoolDay('2026-09-05', [autumn])).toBe(false);
    expect(isSchoolDay('2026-08-31', [autumn])).toBe(false);
    expect(isSchoolDay('2027-02-01', [autumn, spring])).toBe(false);
  });

  it('OPS-1 lists the school days before today nobody logged in', () => {
    expect(missedSchoolDays('2026-08-24', '2026-09-08', ['2026-09-01', '2026-09-03', '2026-09-07'], [autumn])).toEqual([
      '2026-09-02',
      '2026-09-04',
    ]);
    expect(missedSchoolDays('2026-08-24', '2026-09-08', [], [])).toEqual([]);
  });

  it('CHG-1 says whether the transfer window is open today and when the next one opens', () => {
    const autumnWindow = { term: '2026-2027学年 第一学期', opens: '2026-08-01', closes: '2026-10-01' };
    const springWindow = { term: '2026-2027学年 第二学期', opens: '2027-01-20', closes: '2027-03-20' };
    expect(transferWindowState([spring, autumn], '2026-10-01', false)).toEqual({
      applies: true,
      current: autumnWindow,
      next: springWindow,
    });
    expect(transferWindowState([autumn, spring], '2026-10-02', false)).toMatchObject({
      current: null,
      next: springWindow,
    });
    expect(transferWindowState([autumn], '2026-11-02', true)).toEqual({ applies: false, current: null, next: null });
  });
});
