/** 转入 and 转出 through the case service on a real installation (CHG-1, TRF-1..3, OPS-2, OPS-3). */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import {
  approveAll,
  base,
  caseCore,
  completeEvidence,
  decision,
  moveTo,
  openAndApprove,
  register,
  studentOf,
  transfer,
} from './casesSupport';

/** A senior high school with 高一 to 高三, and 张伟 in 高二. */
async function seniorSchool(profile = {}) {
  const t = await caseCore([10, 11, 12], profile);
  const student = await register(t, t.classes[11]!, studentOf(11, 5, { name: '张伟', sex: '2' }));
  return { ...t, student };
}

const transferIn = (
  classId: number,
  changes: Partial<Parameters<typeof transfer>[0]> = {},
  sequence = 7,
): CaseInput => ({
  ...base,
  kind: 'transferIn',
  studentId: null,
  basics: studentOf(11, sequence, { name: '王芳' }),
  classId,
  transfer: transfer(changes),
});

const messages = (refusals: readonly { message: string }[]) => refusals.map((refusal) => refusal.message).join('\n');

describe('CHG-1 and TRF-1 when a transfer may be made', () => {
  it('CHG-1 refuses a transfer outside the month around a semester start, naming the next window', async () => {
    const t = await seniorSchool();
    await moveTo(t, '2026-11-10T09:00:00+08:00');
    const refusals = await t.call('checkCase', { ...transferIn(t.classes[11]!), appliedOn: '2026-11-10' });
    expect(refusals).toEqual([
      {
        rule: 'CHG-1',
        message: expect.stringContaining('下一个可办理时间为2027年1月20日至2027年3月20日'),
      },
    ]);
    await expect(t.call('openCase', { ...transferIn(t.classes[11]!), appliedOn: '2026-11-10' })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('转学只在每学期开学前后一个月内办理（规则 CHG-1）'),
    });
    expect((await t.call('listCases', { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('CHG-1 refuses a move within one county as the ground', async () => {
    const t = await seniorSchool();
    const input = transferIn(t.classes[11]!);
    const within = { ...input, transfer: { ...transfer(), reason: { ...transfer().reason, scope: 'withinCounty' } } };
    expect(messages(await t.call('checkCase', within as CaseInput))).toContain(
      '家庭在同一县（区）内搬迁，不能作为转学理由',
    );
  });

  it('TRF-1 refuses a transfer into the graduating grade within the city, and allows one from outside it', async () => {
    const t = await seniorSchool();
    expect(await t.call('checkCase', transferIn(t.classes[12]!))).toEqual([
      { rule: 'TRF-1', message: expect.stringContaining('毕业年级（高三）的学生不能在阳泉市内转学') },
    ]);
    expect(await t.call('checkCase', transferIn(t.classes[12]!, { inCity: false }))).toEqual([]);
  });
});

describe('TRF-2 四不转 for senior high', () => {
  it('TRF-2 refuses a student of a private high school into our public one', async () => {
    const t = await seniorSchool();
    expect(messages(await t.call('checkCase', transferIn(t.classes[11]!, { ownership: '2' })))).toContain(
      '民办高中的学生不能转入公办高中（规则 TRF-2 四不转）',
    );
  });

  it('TRF-2 refuses an ordinary high school student into a provincial model school', async () => {
    const t = await seniorSchool({ provincialModel: true });
    expect(messages(await t.call('checkCase', transferIn(t.classes[11]!)))).toContain(
      '一般普通高中的学生不能转入省级示范高中（规则 TRF-2 四不转）',
    );
  });

  it('TRF-2 refuses a transfer between ordinary high schools of the same enrollment zone', async () => {
    const t = await seniorSchool();
    expect(messages(await t.call('checkCase', transferIn(t.classes[11]!, { enrollmentZone: ' 城区 ' })))).toContain(
      '两校同属招生区域“城区”',
    );
  });

  it('TRF-2 refuses a vocational student into an ordinary high school', async () => {
    const t = await seniorSchool();
    expect(await t.call('checkCase', transferIn(t.classes[11]!, { type: '360' }))).toEqual([
      {
        rule: 'TRF-2',
        message: expect.stringContaining(
          '中等职业学校（包括普通中专、职业高中、技工学校和成人中专）的学生不能转入普通高中',
        ),
      },
    ]);
  });
});

describe('转入 of a new student', () => {
  it('TRF-3 keeps the paper procedure of a senior transfer; the approvals run as CHG-1 orders them', async () => {
    const t = await seniorSchool();
    const opened = await t.call('openCase', transferIn(t.classes[11]!));
    expect(opened).toMatchObject({
      status: 'pending',
      subject: '王芳（高二（1）班）',
      studentId: null,
      steps: ['receivingBureau', 'sendingSchool', 'sendingBureau'],
      nextApprover: 'receivingBureau',
      dueDate: '2026-10-01',
      dueRule: 'CHG-1',
      daysLeft: 30,
      paperProcedure: true,
      form: 'transferContact',
      missingEvidence: { rule: 'CHG-1', message: expect.stringContaining('户口迁移证明') },
    });
    const approved = await approveAll(t, opened);
    expect(approved).toMatchObject({ status: 'approved', studentId: expect.any(Number), nextApprover: null });
    const record = await t.call('getStudent', approved.studentId!);
    expect(record).toMatchObject({ name: '王芳', status: 'enrolled', classLabel: '高二（1）班' });
    expect(record.history.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: 'classId', before: '', after: '高二（1）班' },
      { field: 'status', before: '', after: '在读' },
    ]);
  });

  it('OPS-2 refuses a second record for a student already registered, and points a returning one to the old record', async () => {
    const t = await seniorSchool();
    const same = { ...transferIn(t.classes[11]!), basics: studentOf(11, 5, { name: '张伟', sex: '2' }) };
    expect(await t.call('checkCase', same)).toEqual([
      {
        rule: 'OPS-2',
        message: expect.stringContaining('身份证件号已登记在高二（1）班“张伟”的档案中（一人一籍，规则 OPS-2）'),
      },
    ]);
    await openAndApprove(t, { ...base, kind: 'transferOut', studentId: t.student.id, transfer: transfer() });
    expect(messages(await t.call('checkCase', same))).toContain('请选择其原有学籍办理转入（籍随人走）');
  });

  it('OPS-2 a returning student comes back on the same record (籍随人走)', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, { ...base, kind: 'transferOut', studentId: t.student.id, transfer: transfer() });
    const back = await openAndApprove(t, {
      ...base,
      kind: 'transferIn',
      studentId: t.student.id,
      classId: t.classes[11]!,
      transfer: transfer(),
    });
    expect(back).toMatchObject({ status: 'approved', studentId: t.student.id });
    expect(await t.call('getStudent', t.student.id)).toMatchObject({ status: 'enrolled' });
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('FIELD_ERRORS a new student without basics, or with invalid ones, field by field', async () => {
    const t = await seniorSchool();
    const { basics: _none, ...bare } = transferIn(t.classes[11]!) as Extract<CaseInput, { kind: 'transferIn' }>;
    await expect(t.call('openCase', bare)).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { basics: '请填写转入学生的基本信息。' },
    });
    const bad = { ...transferIn(t.classes[11]!), basics: studentOf(11, 7, { phone: '123' }) };
    await expect(t.call('checkCase', bad)).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { phone: expect.any(String) },
    });
  });
});

describe('转出', () => {
  it('CHG-1 a full approval chain of a transfer out sets 转出, with history and the access log', async () => {
    const t = await seniorSchool();
    const opened = await completeEvidence(
      t,
      await t.call('openCase', { ...base, kind: 'transferOut', studentId: t.student.id, transfer: transfer() }),
    );
    t.advance(5);
    const first = await t.call(
      'recordDecision',
      opened.id,
      decision('receivingBureau', { decidedBy: '郊区教育局 刘科长', documentNumber: '郊教学〔2026〕12号' }),
    );
    expect(first).toMatchObject({ status: 'pending', nextApprover: 'sendingSchool' });
    expect(first.decisions[0]).toMatchObject({
      approver: 'receivingBureau',
      decidedBy: '郊区教育局 刘科长',
      documentNumber: '郊教学〔2026〕12号',
      recordedBy: 'wangli',
      recordedAt: expect.stringMatching(/T08:05/),
    });
    expect((await t.call('getStudent', t.student.id)).status).toBe('enrolled');
    await t.call('recordDecision', opened.id, decision('sendingSchool'));
    const done = await t.call('recordDecision', opened.id, decision('sendingBureau'));
    expect(done).toMatchObject({ status: 'approved', closedAt: expect.stringMatching(/T08:05/), daysLeft: null });
    const record = await t.call('getStudent', t.student.id);
    expect(record.status).toBe('transferredOut');
    expect(record.history[0]).toMatchObject({ field: 'status', before: '在读', after: '转出', by: 'wangli' });
    const [applied] = (await t.call('listAuditEvents', { action: 'case.apply', limit: 5, offset: 0 })).rows;
    expect(applied).toMatchObject({ objectId: String(opened.id), details: { studentIds: [t.student.id] } });
    expect((await t.call('listAuditEvents', { action: 'case.decision', limit: 5, offset: 0 })).rows).toHaveLength(3);
  });

  it('OPS-3 refuses approving an already decided step, a step out of order, and a closed case', async () => {
    const t = await seniorSchool();
    const opened = await completeEvidence(
      t,
      await t.call('openCase', { ...base, kind: 'transferOut', studentId: t.student.id, transfer: transfer() }),
    );
    await t.call('recordDecision', opened.id, decision('receivingBureau'));
    await expect(t.call('recordDecision', opened.id, decision('receivingBureau'))).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('转入学校主管教育局已于2026年9月1日审核过，不能重复审核（规则 OPS-3）'),
    });
    await expect(t.call('recordDecision', opened.id, decision('sendingBureau'))).rejects.toMatchObject({
      message: expect.stringContaining('请先录入转出学校的审核结果（规则 OPS-3）'),
    });
    await approveAll(t, await t.call('getCase', opened.id));
    await expect(t.call('recordDecision', opened.id, decision('sendingBureau'))).rejects.toMatchObject({
      message: expect.stringContaining('本事项已审批通过，不能再录入审核结果（规则 OPS-3）'),
    });
  });

  it('CHG-1 an approval waits for the evidence; a rejection needs an opinion and leaves the record unchanged', async () => {
    const t = await seniorSchool();
    const opened = await t.call('openCase', {
      ...base,
      kind: 'transferOut',
      studentId: t.student.id,
      transfer: transfer(),
    });
    await expect(t.call('recordDecision', opened.id, decision('receivingBureau'))).rejects.toMatchObject({
      message: expect.stringContaining(
        '转出还缺少佐证材料：签字盖章的《阳泉市中小学转学联系表》；转学申请；户口迁移证明（规则 CHG-1）',
      ),
    });
    await expect(
      t.call('recordDecision', opened.id, decision('receivingBureau', { outcome: 'rejected', opinion: ' ' })),
    ).rejects.toMatchObject({ message: expect.stringContaining('退回时请填写审核意见') });
    const before = await t.call('getStudent', t.student.id);
    const rejected = await t.call(
      'recordDecision',
      opened.id,
      decision('receivingBureau', { outcome: 'rejected', opinion: '户籍尚未迁出，请补充材料' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', nextApprover: null, closedAt: expect.any(String) });
    const after = await t.call('getStudent', t.student.id);
    expect(after.status).toBe('enrolled');
    expect(after.history).toEqual(before.history);
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});
