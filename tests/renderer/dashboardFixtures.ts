/** What core answers for 首页待办 and 学籍核对 in the component tests: a primary school on 7 September 2026. */
import type { CaseSummary } from '../../shared/changes/caseRecords';
import type { Dashboard, VerificationList, VerificationStudent } from '../../shared/dashboard';
import { autumnTerm, girlIdNumber, nameChangeSummary } from './fixtures';

/** A 休学 case applied for on 28 August: a week has passed. */
export const overdueSuspension: CaseSummary = {
  ...nameChangeSummary,
  id: 5,
  kind: 'suspension',
  subject: '周子涵（一年级（2）班）',
  studentId: 9,
  appliedOn: '2026-08-28',
  dueDate: '2026-09-04',
  dueRule: 'CHG-2',
  daysLeft: -3,
  overdue: true,
  nextApprover: 'school',
};

export const dashboard: Dashboard = {
  today: '2026-09-07',
  term: { current: autumnTerm, reminder: null },
  cases: { open: 2, overdue: 1, first: [overdueSuspension, { ...nameChangeSummary, daysLeft: 2 }] },
  graduates: {
    deadline: { dueDate: '2027-06-30', daysLeft: 296, overdue: false },
    grades: [{ grade: 6, students: 40, missingStudyHistory: 3, missingGraduationComment: 12, incomplete: 12 }],
  },
  transferWindow: {
    applies: true,
    current: { term: '2026-2027学年 第一学期', opens: '2026-08-01', closes: '2026-10-01' },
    next: null,
  },
  verification: {
    term: { id: 1, label: '2026-2027学年 第一学期' },
    classes: [
      { classId: 1, grade: 1, label: '一年级（2）班', students: 44, verified: 44 },
      { classId: 2, grade: 6, label: '六年级（1）班', students: 40, verified: 10 },
    ],
    students: 84,
    verified: 54,
  },
  logins: {
    from: '2026-07-20',
    startedOn: '2026-08-25',
    days: ['2026-09-01', '2026-09-03', '2026-09-07'],
    lastBefore: '2026-09-03',
    daysSince: 4,
    missedSchoolDays: ['2026-09-02', '2026-09-04'],
  },
  backup: { last: null, failedSince: null },
};

const student = (
  studentId: number,
  name: string,
  verified: Pick<VerificationStudent, 'verifiedAt' | 'verifiedBy'>,
): VerificationStudent => ({
  studentId,
  name,
  sex: '2',
  birthDate: '2019-03-01',
  idNumber: girlIdNumber,
  studentNumber: 'L140302201903010001',
  status: 'enrolled',
  ...verified,
});

/** 一年级（2）班: 李思涵 confirmed this term, 王雨桐 and 张欣怡 not yet. */
export const verificationList: VerificationList = {
  classId: 1,
  classLabel: '一年级（2）班',
  term: { id: 1, label: '2026-2027学年 第一学期' },
  reminder: null,
  students: [
    student(7, '李思涵', { verifiedAt: '2026-09-03T10:15:00.000+08:00', verifiedBy: 'lilaoshi' }),
    student(8, '王雨桐', { verifiedAt: null, verifiedBy: null }),
    student(9, '张欣怡', { verifiedAt: null, verifiedBy: null }),
  ],
};
