import { describe, expect, it } from 'vitest';
import type { Term } from '../../shared/register/terms';
import { addDays, addMonths, daysBetween, isIsoDay } from '../../shared/changes/calendar';
import {
  caseDeadline,
  deadlineState,
  deadlineText,
  graduatingSeasonRefusal,
  graduationDeadline,
  graduationYear,
} from '../../shared/changes/deadlines';

const autumn: Term = { id: 1, schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' };

describe('calendar arithmetic on YYYY-MM-DD days', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2026-09-01', -1)).toBe('2026-08-01');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('counts days between, and knows a real day', () => {
    expect(daysBetween('2026-09-01', '2026-09-08')).toBe(7);
    expect(daysBetween('2026-09-08', '2026-09-01')).toBe(-7);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(() => addDays('2026-9-1', 1)).toThrow(RangeError);
  });
});

describe('due dates of open cases', () => {
  it.each(['suspension', 'resumption', 'death', 'goingAbroad', 'dropout'] as const)(
    'CHG-2 a %s is decided within one week of the application',
    (kind) => {
      expect(caseDeadline(kind, '2026-09-07', [])).toEqual({ rule: 'CHG-2', dueDate: '2026-09-14' });
    },
  );

  it('DAT-1 a basic-information or reward/punishment change is decided within one week of the request', () => {
    expect(caseDeadline('basicInfoChange', '2026-12-28', [])).toEqual({ rule: 'DAT-1', dueDate: '2027-01-04' });
    expect(caseDeadline('rewardPunishmentChange', '2026-12-28', [])?.dueDate).toBe('2027-01-04');
  });

  it('CHG-1 a transfer is due when its window closes; none outside a window', () => {
    expect(caseDeadline('transferIn', '2026-08-20', [autumn])).toEqual({ rule: 'CHG-1', dueDate: '2026-10-01' });
    expect(caseDeadline('transferOut', '2026-11-20', [autumn])).toBeNull();
  });

  it('GRD-2 graduation is due on 30 June', () => {
    expect(graduationDeadline(2027)).toBe('2027-06-30');
    expect(caseDeadline('graduation', '2027-05-10', [])).toEqual({ rule: 'GRD-2', dueDate: '2027-06-30' });
    // A list opened in July is late; one opened in the autumn is for the school year just begun.
    expect(caseDeadline('graduation', '2027-07-05', [])).toEqual({ rule: 'GRD-2', dueDate: '2027-06-30' });
    expect(caseDeadline('graduation', '2026-09-20', [])).toEqual({ rule: 'GRD-2', dueDate: '2027-06-30' });
    const spring = {
      id: 2,
      schoolYear: '2026-2027',
      semester: 2 as const,
      startDate: '2027-02-20',
      endDate: '2027-07-10',
    };
    expect(graduationYear('2027-07-05', [spring])).toBe(2027);
    expect(graduationYear('2027-08-15', [])).toBe(2027);
  });

  it('movements without a rule on time have no due date', () => {
    for (const kind of ['repeatGrade', 'classChange', 'promotion', 'changeMajor', 'cancellation'] as const) {
      expect(caseDeadline(kind, '2026-09-07', [autumn])).toBeNull();
    }
  });

  it('CHG-2 a case is not overdue on its due date, and is the day after', () => {
    expect(deadlineState('2026-09-14', '2026-09-14')).toEqual({ dueDate: '2026-09-14', daysLeft: 0, overdue: false });
    expect(deadlineState('2026-09-14', '2026-09-15')).toEqual({ dueDate: '2026-09-14', daysLeft: -1, overdue: true });
    expect(deadlineText(deadlineState('2026-09-14', '2026-09-11'))).toBe('还剩 3 天（2026年9月14日截止）');
    expect(deadlineText(deadlineState('2026-09-14', '2026-09-14'))).toBe('今天截止');
    expect(deadlineText(deadlineState('2026-09-14', '2026-09-16'))).toBe('已逾期 2 天（2026年9月14日截止）');
  });
});

describe('GRD-2 from 1 July no new cases for graduating students', () => {
  it('GRD-2 allows a graduating student’s case on 30 June and refuses it on 1 July', () => {
    expect(graduatingSeasonRefusal(9, 'transferOut', '2027-06-30')).toBeNull();
    const refusal = graduatingSeasonRefusal(9, 'transferOut', '2027-07-01');
    expect(refusal?.rule).toBe('GRD-2');
    expect(refusal?.message).toContain('不能再为毕业年级学生新办转出');
    expect(refusal?.message).toContain('请联系县（区）教育局学籍管理部门');
  });

  it('GRD-2 the block lasts the summer (to 31 August) and concerns only graduating grades', () => {
    expect(graduatingSeasonRefusal(12, 'suspension', '2027-08-31')?.rule).toBe('GRD-2');
    expect(graduatingSeasonRefusal(12, 'suspension', '2027-09-01')).toBeNull();
    expect(graduatingSeasonRefusal(8, 'suspension', '2027-07-15')).toBeNull();
  });

  it('GRD-2 graduation itself is still recorded after 30 June', () => {
    expect(graduatingSeasonRefusal(6, 'graduation', '2027-07-02')).toBeNull();
  });
});
