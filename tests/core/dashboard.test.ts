/**
 * 首页待办 on a real installation: open and overdue cases (CHG-2, DAT-1), the
 * term (SCH-2), graduates' missing items (GRD-2), the transfer window
 * (CHG-1), VER-1 progress per class, login days (OPS-1), the last backup.
 */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import type { StudyHistoryEntry } from '../../shared/register/studentRecords';
import { appendAudit } from '../../electron/core/audit/auditLog';
import { base, caseCore, type CaseCore, moveTo, register, studentOf, transfer } from './casesSupport';
import { adminPassword, setUpCore } from './fixtures';
import { setStatus, setUpCoreOn, writeRaw } from './promotionFixtures';

const phoneChange = (studentId: number, appliedOn: string): CaseInput => ({
  ...base,
  appliedOn,
  kind: 'basicInfoChange',
  studentId,
  items: [{ field: 'phone', after: '13912345678' }],
});

const studyHistory: StudyHistoryEntry[] = [
  { fromMonth: '201809', toMonth: '', school: '阳泉市第一中学', role: '', witness: '王芳' },
];
const comment = { text: '该生尊敬师长，团结同学，学习刻苦。', author: '赵老师', date: '2026-08-30' };

/** Logs out, and logs in again at 08:00 on `day`. */
async function loginOn(t: CaseCore, day: string): Promise<void> {
  await t.call('logout');
  t.setClock(new Date(`${day}T08:00:00+08:00`));
  await t.call('login', { userName: 'wangli', password: adminPassword });
}

describe('首页待办 (getDashboard)', () => {
  it('SCH-2 reminds that no term is set; no transfer window, no verification term, no backup yet', async () => {
    const t = await setUpCore();
    const dashboard = await t.call('getDashboard');
    expect(dashboard.today).toBe('2026-09-01');
    expect(dashboard.term).toEqual({
      current: null,
      reminder: '今天（2026-09-01）不在任何已设置的学期内，请在“学年学期设置”中设置本学期（规则 SCH-2）。',
    });
    expect(dashboard.transferWindow).toEqual({ applies: true, current: null, next: null });
    expect(dashboard.verification).toEqual({ term: null, classes: [], students: 0, verified: 0 });
    expect(dashboard.cases).toEqual({ open: 0, overdue: 0, first: [] });
    expect(dashboard.graduates.grades).toEqual([]);
    expect(dashboard.backup).toEqual({ last: null, failedSince: null });
  });

  it('CHG-2 and DAT-1 count open and overdue cases and list the first five, overdue first', async () => {
    const t = await caseCore([7, 8], { type: '311' });
    const ids: number[] = [];
    for (const [index, name] of ['张伟', '刘洋', '陈静', '王芳', '赵敏', '孙丽'].entries()) {
      ids.push((await register(t, t.classes[8]!, studentOf(8, index + 5, { name }))).id);
    }
    const repeat = await t.call('openCase', {
      ...base,
      kind: 'repeatGrade',
      studentId: ids[0]!,
      classId: t.classes[7]!,
    });
    const out = await t.call('openCase', { ...base, kind: 'transferOut', studentId: ids[1]!, transfer: transfer() });
    const suspended = await t.call('openCase', {
      ...base,
      kind: 'suspension',
      studentId: ids[2]!,
      ground: 'forceMajeure',
      period: { startDate: '2026-09-01', endDate: '2027-01-20' },
    });
    const dueToday = await t.call('openCase', phoneChange(ids[3]!, '2026-08-25'));
    const late = await t.call('openCase', phoneChange(ids[4]!, '2026-08-20'));
    const later = await t.call('openCase', phoneChange(ids[5]!, '2026-08-28'));
    const { cases } = await t.call('getDashboard');
    expect(cases).toMatchObject({ open: 6, overdue: 1 });
    expect(cases.first.map((row) => [row.id, row.daysLeft, row.overdue])).toEqual([
      [late.id, -5, true],
      [dueToday.id, 0, false],
      [later.id, 3, false],
      [suspended.id, 7, false],
      [out.id, 30, false],
    ]);
    expect(cases.first.map((row) => row.id)).not.toContain(repeat.id);
  });

  it('GRD-2 counts the graduates still missing a 学习简历 or a 毕业评语, with the days left to 30 June', async () => {
    const t = await caseCore([8, 9], { type: '311' });
    const done = await register(t, t.classes[9]!, studentOf(9, 1, { name: '白雪' }));
    const historyOnly = await register(t, t.classes[9]!, studentOf(9, 2, { name: '安琪' }));
    const nothing = await register(t, t.classes[9]!, studentOf(9, 3, { name: '陈晨' }));
    const left = await register(t, t.classes[9]!, studentOf(9, 4, { name: '范文' }));
    await register(t, t.classes[8]!, studentOf(8, 5, { name: '高远' }));
    await t.call('saveStudyHistory', done.id, studyHistory);
    await t.call('saveGraduationComment', done.id, comment);
    await t.call('saveStudyHistory', historyOnly.id, studyHistory);
    await writeRaw(t, (db) => {
      setStatus(db, nothing.id, 'suspended');
      setStatus(db, left.id, 'transferredOut');
    });
    const { graduates } = await t.call('getDashboard');
    expect(graduates).toEqual({
      deadline: { dueDate: '2027-06-30', daysLeft: 302, overdue: false },
      grades: [{ grade: 9, students: 3, missingStudyHistory: 1, missingGraduationComment: 2, incomplete: 2 }],
    });
    await moveTo(t, '2027-07-02T09:00:00+08:00');
    expect((await t.call('getDashboard')).graduates.deadline).toEqual({
      dueDate: '2027-06-30',
      daysLeft: -2,
      overdue: true,
    });
  });

  it('CHG-1 shows whether the transfer window is open and when the next one opens', async () => {
    const t = await caseCore([8]);
    const autumn = { term: '2026-2027学年 第一学期', opens: '2026-08-01', closes: '2026-10-01' };
    const spring = { term: '2026-2027学年 第二学期', opens: '2027-01-20', closes: '2027-03-20' };
    expect((await t.call('getDashboard')).transferWindow).toEqual({ applies: true, current: autumn, next: spring });
    await moveTo(t, '2026-11-16T09:00:00+08:00');
    expect((await t.call('getDashboard')).transferWindow).toEqual({ applies: true, current: null, next: spring });
  });

  it('CHG-1 says a 中职 school’s own transfers are outside the city’s window', async () => {
    const t = await caseCore([10], { type: '360' });
    expect((await t.call('getDashboard')).transferWindow.applies).toBe(false);
  });

  it('VER-1 shows this term’s verification progress per class with students', async () => {
    const t = await caseCore([7, 8, 9]);
    const seventh = [];
    for (const [index, name] of ['陈晨', '白雪', '安琪'].entries()) {
      seventh.push((await register(t, t.classes[7]!, studentOf(7, index + 1, { name }))).id);
    }
    await register(t, t.classes[8]!, studentOf(8, 5, { name: '高远' }));
    await t.call('confirmRecords', seventh.slice(0, 2));
    const { verification } = await t.call('getDashboard');
    expect(verification).toEqual({
      term: { id: expect.any(Number), label: '2026-2027学年 第一学期' },
      classes: [
        { classId: t.classes[7], grade: 7, label: '七年级（1）班', students: 3, verified: 2 },
        { classId: t.classes[8], grade: 8, label: '八年级（1）班', students: 1, verified: 0 },
      ],
      students: 4,
      verified: 2,
    });
  });

  it('OPS-1 shows the days since the last login and a calendar of login days, counting missed school days', async () => {
    const t = await caseCore([8]);
    await loginOn(t, '2026-09-03');
    await t.call('logout');
    await expect(t.call('login', { userName: 'wangli', password: 'not-the-password' })).rejects.toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    t.setClock(new Date('2026-09-07T08:00:00+08:00'));
    await t.call('login', { userName: 'wangli', password: adminPassword });
    const { logins } = await t.call('getDashboard');
    // 2 and 4 September (a Wednesday and a Friday of the autumn term) had no login.
    expect(logins).toEqual({
      from: '2026-07-20',
      startedOn: '2026-09-01',
      days: ['2026-09-01', '2026-09-03', '2026-09-07'],
      lastBefore: '2026-09-03',
      daysSince: 4,
      missedSchoolDays: ['2026-09-02', '2026-09-04'],
    });
  });

  it('OPS-1 counts no missed school day before the installation existed', async () => {
    const t = await setUpCoreOn('2026-09-10');
    await t.call('saveTerm', { schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' });
    const { logins } = await t.call('getDashboard');
    expect(logins).toMatchObject({ startedOn: '2026-09-10', days: ['2026-09-10'], missedSchoolDays: [] });
  });

  it('shows the last successful backup, and a backup that failed since', async () => {
    const t = await caseCore([8]);
    await t.call('backupNow', null);
    expect((await t.call('getDashboard')).backup).toEqual({
      last: { at: expect.stringMatching(/^2026-09-01T08:00/), trigger: 'manual', userName: 'wangli' },
      failedSince: null,
    });
    await writeRaw(t, (db) =>
      appendAudit(db, {
        at: new Date('2026-09-01T08:02:00+08:00'),
        userName: 'wangli',
        role: 'admin',
        action: 'backup.create',
        outcome: 'failure',
        details: { trigger: 'login', reason: '备份文件夹所在的磁盘空间不足。' },
      }),
    );
    const failed = (await t.call('getDashboard')).backup;
    expect(failed.last?.at).toMatch(/^2026-09-01T08:00/);
    expect(failed.failedSince).toEqual({
      at: expect.stringMatching(/^2026-09-01T08:02/),
      reason: '备份文件夹所在的磁盘空间不足。',
    });
    t.advance(5);
    await t.call('backupNow', null);
    expect((await t.call('getDashboard')).backup.failedSince).toBeNull();
  });
});
