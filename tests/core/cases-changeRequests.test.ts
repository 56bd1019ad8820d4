/** 基本信息变更 and 奖惩 changes through approval (DAT-1, DAT-2, OPS-2, OPS-3) on a real installation. */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import type { RewardPunishment } from '../../shared/register/studentRecords';
import { openStorage } from '../../electron/core/storage';
import {
  approveAll,
  base,
  caseCore,
  completeEvidence,
  decision,
  openAndApprove,
  register,
  studentOf,
} from './casesSupport';
import { adminPassword, testStorageOptions } from './fixtures';

async function withPupil() {
  const t = await caseCore([3]);
  const student = await register(t, t.classes[3]!, studentOf(3, 5, { name: '李思涵' }));
  return { ...t, student };
}

const change = (studentId: number, items: { field: string; after: string }[]): CaseInput => ({
  ...base,
  kind: 'basicInfoChange',
  studentId,
  items,
});

const reward: RewardPunishment = {
  kind: 'reward',
  date: '2026-06-01',
  title: '三好学生',
  level: '5',
  issuer: '阳泉市第一中学',
  reason: '学年表现优秀',
  revokedOn: '',
};

describe('DAT-1 基本信息变更', () => {
  it('DAT-1 a name change from request to approval changes the record, its pinyin search and its history', async () => {
    const t = await withPupil();
    const opened = await t.call('openCase', change(t.student.id, [{ field: 'name', after: ' 李诗涵 ' }]));
    expect(opened).toMatchObject({
      subject: '李思涵（三年级（1）班）',
      studentId: t.student.id,
      items: [{ field: 'name', label: '姓名', before: '李思涵', after: '李诗涵' }],
      steps: ['school', 'countyBureau'],
      dueDate: '2026-09-08',
      dueRule: 'DAT-1',
      form: 'basicInfoChange',
    });
    expect((await t.call('getStudent', t.student.id)).name).toBe('李思涵');
    await completeEvidence(t, opened);
    const school = await t.call('recordDecision', opened.id, decision('school'));
    expect(school).toMatchObject({ status: 'pending', nextApprover: 'countyBureau', missingEvidence: null });
    expect((await t.call('getStudent', t.student.id)).name).toBe('李思涵');
    const approved = await approveAll(t, school);
    expect(approved.status).toBe('approved');
    const record = await t.call('getStudent', t.student.id);
    expect(record.name).toBe('李诗涵');
    expect(record.basics.name).toBe('李诗涵');
    expect(record.history[0]).toMatchObject({ field: 'name', before: '李思涵', after: '李诗涵', by: 'wangli' });
    expect((await t.call('listStudents', { text: 'lsh', limit: 10, offset: 0 })).rows.map((s) => s.name)).toEqual([
      '李诗涵',
    ]);
    expect((await t.call('listStudents', { text: 'lishihan', limit: 10, offset: 0 })).total).toBe(1);
  });

  it('DAT-2 no step approves before the signed form and one item of its evidence checklist are uploaded', async () => {
    const t = await withPupil();
    const opened = await t.call('openCase', change(t.student.id, [{ field: 'phone', after: '13912345678' }]));
    expect(opened.requirements.map((item) => `${item.kind}:${item.need}`)).toEqual([
      'signedForm:required',
      'householdRegister:oneOf',
      'policeChangeProof:oneOf',
      'birthCertificate:oneOf',
      'idCardCopy:oneOf',
      'otherProof:oneOf',
    ]);
    await expect(t.call('recordDecision', opened.id, decision('school'))).rejects.toMatchObject({
      message: expect.stringContaining(
        '基本信息变更还缺少佐证材料：签字盖章的《阳泉市中小学生基本信息变更申请表》；以下材料至少一项：户口簿户主页和本人页',
      ),
    });
    const complete = await completeEvidence(t, opened);
    expect(complete.missingEvidence).toBeNull();
  });

  it('DAT-1 an item must change something and pass the national rules, named by the item', async () => {
    const t = await withPupil();
    expect(await t.call('checkCase', change(t.student.id, [{ field: 'name', after: '李思涵' }]))).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining('变更项目“姓名”变更后与现在相同') },
    ]);
    expect(await t.call('checkCase', change(t.student.id, [{ field: 'birthDate', after: '2017-03-02' }]))).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining('变更项目“出生日期”：') },
    ]);
  });

  it('OPS-2 a change to an ID number held by another record is refused, naming it', async () => {
    const t = await withPupil();
    const other = await register(t, t.classes[3]!, studentOf(3, 8, { name: '张伟' }));
    expect(
      await t.call('checkCase', change(t.student.id, [{ field: 'idNumber', after: other.idNumber }])),
    ).toContainEqual({
      rule: 'OPS-2',
      message: expect.stringContaining('身份证件号已登记在三年级（1）班“张伟”的档案中'),
    });
  });

  it('DAT-1 two requests changing the same field: the second is refused, naming the first', async () => {
    const t = await withPupil();
    const first = await t.call('openCase', change(t.student.id, [{ field: 'name', after: '李诗涵' }]));
    await expect(
      t.call(
        'openCase',
        change(t.student.id, [
          { field: 'name', after: '李思寒' },
          { field: 'phone', after: '13912345678' },
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining(`事项 #${first.id} 正在变更“姓名”，尚未办结（规则 DAT-1）`),
    });
    expect(await t.call('checkCase', change(t.student.id, [{ field: 'phone', after: '13912345678' }]))).toEqual([]);
    await t.call('withdrawCase', first.id, '家长撤回申请');
    expect(await t.call('checkCase', change(t.student.id, [{ field: 'name', after: '李思寒' }]))).toEqual([]);
  });

  it('DAT-1 applying a change request twice is impossible: the second approval is refused and nothing changes again', async () => {
    const t = await withPupil();
    const approved = await openAndApprove(t, change(t.student.id, [{ field: 'name', after: '李诗涵' }]));
    const before = await t.call('getStudent', t.student.id);
    await expect(t.call('recordDecision', approved.id, decision('countyBureau'))).rejects.toMatchObject({
      message: expect.stringContaining('本事项已审批通过，不能再录入审核结果（规则 OPS-3）'),
    });
    expect((await t.call('getStudent', t.student.id)).history).toEqual(before.history);
  });

  it('DAT-1 a request does not apply over a change made in between: the approval is refused and not saved', async () => {
    const t = await withPupil();
    const opened = await completeEvidence(
      t,
      await t.call('openCase', change(t.student.id, [{ field: 'phone', after: '13912345678' }])),
    );
    await t.call('recordDecision', opened.id, decision('school'));
    const record = await t.call('getStudent', t.student.id);
    await t.call('updateStudent', t.student.id, { ...record.basics, phone: '13700000000' });
    await expect(t.call('recordDecision', opened.id, decision('countyBureau'))).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining(
        '“联系电话”已从申请时的“13812345678”变为“13700000000”，本事项不能生效（规则 DAT-1）',
      ),
    });
    const still = await t.call('getCase', opened.id);
    expect(still).toMatchObject({ status: 'pending', nextApprover: 'countyBureau' });
    expect(still.decisions).toHaveLength(1);
    expect((await t.call('getStudent', t.student.id)).basics.phone).toBe('13700000000');
  });

  it('a failure mid-apply leaves nothing half-written: no record change, no decision, no history, no log entry', async () => {
    const t = await withPupil();
    const opened = await completeEvidence(
      t,
      await t.call(
        'openCase',
        change(t.student.id, [
          { field: 'name', after: '李诗涵' },
          { field: 'phone', after: '13912345678' },
        ]),
      ),
    );
    await t.call('recordDecision', opened.id, decision('school'));
    await t.call('logout');
    const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
    raw.db.exec(`CREATE TRIGGER refuse_phone BEFORE INSERT ON student_history WHEN NEW.field = 'phone'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    raw.db.close();
    await t.call('login', { userName: 'wangli', password: adminPassword });
    await expect(t.call('recordDecision', opened.id, decision('countyBureau'))).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    const record = await t.call('getStudent', t.student.id);
    expect(record).toMatchObject({ name: '李思涵', basics: { name: '李思涵', phone: '13812345678' } });
    expect(record.history).toEqual([]);
    expect((await t.call('listStudents', { text: 'lsh', limit: 10, offset: 0 })).rows[0]?.name).toBe('李思涵');
    const still = await t.call('getCase', opened.id);
    expect(still).toMatchObject({ status: 'pending', closedAt: '' });
    expect(still.decisions).toHaveLength(1);
    expect((await t.call('listAuditEvents', { action: 'case.apply', limit: 5, offset: 0 })).rows).toEqual([]);
    expect((await t.call('listAuditEvents', { action: 'case.decision', limit: 5, offset: 0 })).rows).toHaveLength(1);
  });
});

describe('DAT-1 奖惩 through approval', () => {
  it('DAT-1 adds an entry only when approved, then changes it by id, with history', async () => {
    const t = await withPupil();
    const opened = await t.call('openCase', {
      ...base,
      kind: 'rewardPunishmentChange',
      studentId: t.student.id,
      entry: { ...reward, title: ' 三好学生 ' },
    });
    expect(opened).toMatchObject({
      items: [
        {
          field: 'rewardsPunishments',
          label: '奖惩',
          before: '',
          after: '2026-06-01 奖励 三好学生（校级，阳泉市第一中学）：学年表现优秀',
        },
      ],
      requirements: [{ kind: 'rewardPunishmentDocument', need: 'required' }],
    });
    expect((await t.call('getStudent', t.student.id)).rewardsPunishments).toEqual([]);
    await approveAll(t, opened);
    const [entry] = (await t.call('getStudent', t.student.id)).rewardsPunishments;
    expect(entry).toMatchObject({ ...reward, id: expect.any(Number) });
    await openAndApprove(t, {
      ...base,
      kind: 'rewardPunishmentChange',
      studentId: t.student.id,
      entry: { ...entry!, level: '4' },
    });
    const record = await t.call('getStudent', t.student.id);
    expect(record.rewardsPunishments).toEqual([{ ...entry, level: '4' }]);
    expect(record.history[0]).toMatchObject({
      field: 'rewardsPunishments',
      before: '2026-06-01 奖励 三好学生（校级，阳泉市第一中学）：学年表现优秀',
      after: '2026-06-01 奖励 三好学生（县（区）级，阳泉市第一中学）：学年表现优秀',
    });
  });

  it('DAT-1 refuses an unchanged entry and a second open change of the same entry; FIELD_ERRORS for a bad one', async () => {
    const t = await withPupil();
    await openAndApprove(t, { ...base, kind: 'rewardPunishmentChange', studentId: t.student.id, entry: reward });
    const [entry] = (await t.call('getStudent', t.student.id)).rewardsPunishments;
    const same = { ...base, kind: 'rewardPunishmentChange' as const, studentId: t.student.id, entry: entry! };
    expect(await t.call('checkCase', same)).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining('奖惩记录没有任何变化') },
    ]);
    const first = await t.call('openCase', { ...same, entry: { ...entry!, level: '4' } });
    expect(await t.call('checkCase', { ...same, entry: { ...entry!, level: '3' } })).toEqual([
      { rule: 'DAT-1', message: expect.stringContaining(`事项 #${first.id} 正在修改这条奖惩记录`) },
    ]);
    await expect(
      t.call('checkCase', { ...same, entry: { ...reward, date: '2026-09-02', reason: '' } }),
    ).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { date: '奖励日期 2026-09-02 晚于今天。', reason: '请填写奖励原因。' },
    });
  });

  it('DAT-1 开除学籍 is refused in compulsory education and recorded in 高中阶段', async () => {
    const expulsion = { ...reward, kind: 'punishment' as const, title: '开除学籍', reason: '严重违纪' };
    const t = await withPupil();
    await expect(
      t.call('checkCase', { ...base, kind: 'rewardPunishmentChange', studentId: t.student.id, entry: expulsion }),
    ).rejects.toMatchObject({ fields: { title: expect.stringContaining('义务教育阶段不得开除学生') } });
    const senior = await caseCore([10]);
    const student = await register(senior, senior.classes[10]!, studentOf(10, 5));
    await openAndApprove(senior, { ...base, kind: 'rewardPunishmentChange', studentId: student.id, entry: expulsion });
    expect((await senior.call('getStudent', student.id)).rewardsPunishments).toHaveLength(1);
  });

  it('changes only an entry of the same student', async () => {
    const t = await withPupil();
    const other = await register(t, t.classes[3]!, studentOf(3, 8, { name: '张伟' }));
    await openAndApprove(t, { ...base, kind: 'rewardPunishmentChange', studentId: other.id, entry: reward });
    const [entry] = (await t.call('getStudent', other.id)).rewardsPunishments;
    await expect(
      t.call('openCase', {
        ...base,
        kind: 'rewardPunishmentChange',
        studentId: t.student.id,
        entry: { ...entry!, title: '优秀学生干部' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('不在这名学生的档案中') });
  });
});
