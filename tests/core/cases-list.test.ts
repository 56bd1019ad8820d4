/** The case list with due dates (CHG-1, CHG-2, DAT-1 deadlines), opening, reading and withdrawing cases. */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import { base, caseCore, openAndApprove, register, studentOf, transfer } from './casesSupport';

/** A junior school (初中) with five eighth-graders. */
async function juniorSchool() {
  const t = await caseCore([7, 8], { type: '311' });
  const names = ['张伟', '刘洋', '陈静', '王芳', '赵敏'];
  const students = [];
  for (const [index, name] of names.entries()) {
    students.push(await register(t, t.classes[8]!, studentOf(8, index + 5, { name })));
  }
  return { ...t, students };
}

const phoneChange = (studentId: number, appliedOn: string): CaseInput => ({
  ...base,
  appliedOn,
  kind: 'basicInfoChange',
  studentId,
  items: [{ field: 'phone', after: '13912345678' }],
});

describe('the open-case list', () => {
  it('CHG-2 and DAT-1 lists open cases by due date, none last, with days left and the overdue count', async () => {
    const t = await juniorSchool();
    const [a, b, c, d, e] = t.students.map((student) => student.id) as [number, number, number, number, number];
    const repeat = await t.call('openCase', { ...base, kind: 'repeatGrade', studentId: a, classId: t.classes[7]! });
    const out = await t.call('openCase', { ...base, kind: 'transferOut', studentId: b, transfer: transfer() });
    const suspended = await t.call('openCase', {
      ...base,
      kind: 'suspension',
      studentId: c,
      ground: 'forceMajeure',
      period: { startDate: '2026-09-01', endDate: '2027-01-20' },
    });
    const dueToday = await t.call('openCase', phoneChange(d, '2026-08-25'));
    const late = await t.call('openCase', phoneChange(e, '2026-08-20'));
    const page = await t.call('listCases', { limit: 10, offset: 0 });
    expect(page.rows.map((row) => [row.id, row.dueDate, row.daysLeft, row.overdue])).toEqual([
      [late.id, '2026-08-27', -5, true],
      [dueToday.id, '2026-09-01', 0, false],
      [suspended.id, '2026-09-08', 7, false],
      [out.id, '2026-10-01', 30, false],
      [repeat.id, null, null, false],
    ]);
    expect(page).toMatchObject({ total: 5, overdueCount: 1 });
    expect(page.rows[0]).toMatchObject({
      kind: 'basicInfoChange',
      subject: '赵敏（八年级（1）班）',
      studentId: e,
      dueRule: 'DAT-1',
      nextApprover: 'school',
      openedBy: 'wangli',
    });
    const second = await t.call('listCases', { limit: 2, offset: 2 });
    expect(second.rows.map((row) => row.id)).toEqual([suspended.id, out.id]);
    expect((await t.call('listCases', { overdueOnly: true, limit: 10, offset: 0 })).rows.map((row) => row.id)).toEqual([
      late.id,
    ]);
    expect((await t.call('listCases', { kind: 'transferOut', limit: 10, offset: 0 })).total).toBe(1);
    expect((await t.call('listCases', { studentId: c, limit: 10, offset: 0 })).rows.map((row) => row.id)).toEqual([
      suspended.id,
    ]);
  });

  it('closed cases leave the open list, keep no deadline state, and are listed newest first', async () => {
    const t = await juniorSchool();
    const [a, b] = t.students.map((student) => student.id) as [number, number];
    const first = await openAndApprove(t, phoneChange(a, '2026-08-20'));
    const second = await t.call('openCase', phoneChange(b, '2026-08-20'));
    await t.call('withdrawCase', second.id, '家长撤回申请');
    expect(await t.call('listCases', { limit: 10, offset: 0 })).toEqual({ rows: [], total: 0, overdueCount: 0 });
    const closed = await t.call('listCases', { scope: 'closed', limit: 10, offset: 0 });
    expect(closed.rows.map((row) => [row.id, row.status, row.daysLeft, row.overdue, row.nextApprover])).toEqual([
      [second.id, 'withdrawn', null, false, null],
      [first.id, 'approved', null, false, null],
    ]);
    const open = await t.call('openCase', phoneChange(b, '2026-09-01'));
    expect((await t.call('listCases', { scope: 'all', limit: 10, offset: 0 })).rows.map((row) => row.id)).toEqual([
      open.id,
      second.id,
      first.id,
    ]);
  });
});

describe('opening, reading and withdrawing', () => {
  it('refuses an application day in the future or over a year back, and a reason too short, field by field', async () => {
    const t = await juniorSchool();
    const input = (appliedOn: string, reason: string = base.reason) => ({
      ...phoneChange(t.students[0]!.id, appliedOn),
      reason,
    });
    await expect(t.call('openCase', input('2026-09-02', '申'))).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: {
        appliedOn: '申请日期不能晚于今天（2026年9月1日）。',
        reason: '申请理由应为 2 至 500 个字（现为 1 个）。',
      },
    });
    await expect(t.call('checkCase', input('2025-08-31'))).rejects.toMatchObject({
      fields: { appliedOn: expect.stringContaining('申请日期不能早于一年前（2025年9月1日）') },
    });
    await expect(t.call('checkCase', input('2026-02-30'))).rejects.toMatchObject({
      fields: { appliedOn: expect.stringContaining('有效的申请日期') },
    });
  });

  it('checkCase saves nothing; openCase and getCase are in the access log', async () => {
    const t = await juniorSchool();
    expect(await t.call('checkCase', phoneChange(t.students[0]!.id, '2026-09-01'))).toEqual([]);
    expect((await t.call('listCases', { scope: 'all', limit: 10, offset: 0 })).total).toBe(0);
    const opened = await t.call('openCase', phoneChange(t.students[0]!.id, '2026-09-01'));
    await t.call('getCase', opened.id);
    const [open] = (await t.call('listAuditEvents', { action: 'case.open', limit: 5, offset: 0 })).rows;
    expect(open).toMatchObject({
      objectType: 'case',
      objectId: String(opened.id),
      details: { kind: 'basicInfoChange', studentIds: [t.students[0]!.id], dueDate: '2026-09-08' },
    });
    const [read] = (await t.call('listAuditEvents', { action: 'case.read', limit: 5, offset: 0 })).rows;
    expect(read).toMatchObject({ objectId: String(opened.id), userName: 'wangli' });
    await expect(t.call('getCase', 999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('withdraws an open case with a reason, once, and no decision follows', async () => {
    const t = await juniorSchool();
    const opened = await t.call('openCase', phoneChange(t.students[0]!.id, '2026-09-01'));
    await expect(t.call('withdrawCase', opened.id, ' 撤 ')).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { reason: '撤销原因应为 2 至 200 个字（现为 1 个）。' },
    });
    const withdrawn = await t.call('withdrawCase', opened.id, ' 家长撤回申请 ');
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '家长撤回申请',
      closedAt: expect.any(String),
    });
    await expect(t.call('withdrawCase', opened.id, '再次撤销')).rejects.toMatchObject({
      message: '本事项已撤销，不能撤销。',
    });
    await expect(
      t.call('recordDecision', opened.id, {
        approver: 'school',
        outcome: 'approved',
        decidedOn: '2026-09-01',
        decidedBy: '李校长',
        opinion: '',
        documentNumber: '',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('本事项已撤销，不能再录入审核结果（规则 OPS-3）') });
    const [event] = (await t.call('listAuditEvents', { action: 'case.withdraw', limit: 5, offset: 0 })).rows;
    expect(event).toMatchObject({ details: { caseId: opened.id, reason: '家长撤回申请' } });
  });
});
