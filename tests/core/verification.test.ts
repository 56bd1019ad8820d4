/** 每学期核对 (VER-1) on a real installation: the review list, bulk confirmation once per term, SCH-2 without a term. */
import { describe, expect, it } from 'vitest';
import { caseCore, type CaseCore, moveTo, register, studentOf } from './casesSupport';
import { setStatus, writeRaw } from './promotionFixtures';

/** 七年级（1）班 with 陈晨, 白雪 (休学) and 安琪; 范文 has left (转出). 八年级（1）班 with 高远. */
async function school() {
  const t = await caseCore([7, 8]);
  const ids = {
    chen: (await register(t, t.classes[7]!, studentOf(7, 1, { name: '陈晨' }))).id,
    bai: (await register(t, t.classes[7]!, studentOf(7, 2, { name: '白雪' }))).id,
    an: (await register(t, t.classes[7]!, studentOf(7, 3, { name: '安琪' }))).id,
    fan: (await register(t, t.classes[7]!, studentOf(7, 4, { name: '范文' }))).id,
    gao: (await register(t, t.classes[8]!, studentOf(8, 5, { name: '高远' }))).id,
  };
  await writeRaw(t, (db) => {
    setStatus(db, ids.bai, 'suspended');
    setStatus(db, ids.fan, 'transferredOut');
  });
  return { ...t, ids };
}

async function verifyEvents(t: CaseCore) {
  return (await t.call('listAuditEvents', { action: 'record.verify', limit: 50, offset: 0 })).rows;
}

describe('学籍核对 (VER-1)', () => {
  it('VER-1 lists a class’s 在读 and 休学 students in roll order, none confirmed yet this term', async () => {
    const t = await school();
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list).toMatchObject({
      classLabel: '七年级（1）班',
      term: { label: '2026-2027学年 第一学期' },
      reminder: null,
    });
    expect(list.students.map((s) => [s.name, s.status, s.verifiedAt, s.verifiedBy])).toEqual([
      ['安琪', 'enrolled', null, null],
      ['白雪', 'suspended', null, null],
      ['陈晨', 'enrolled', null, null],
    ]);
  });

  it('VER-1 confirms many records at once, with who and when, in one access-log event', async () => {
    const t = await school();
    const result = await t.call('confirmRecords', [t.ids.an, t.ids.bai, t.ids.gao]);
    expect(result).toMatchObject({ term: { label: '2026-2027学年 第一学期' }, confirmed: 3, alreadyVerified: 0 });
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list.students.map((s) => [s.name, s.verifiedBy, s.verifiedAt?.slice(0, 16)])).toEqual([
      ['安琪', 'wangli', '2026-09-01T08:00'],
      ['白雪', 'wangli', '2026-09-01T08:00'],
      ['陈晨', null, undefined],
    ]);
    const events = await verifyEvents(t);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userName: 'wangli',
      objectType: 'term',
      outcome: 'success',
      details: {
        term: '2026-2027学年 第一学期',
        confirmed: 3,
        classes: ['七年级（1）班', '八年级（1）班'],
        studentIds: [t.ids.an, t.ids.bai, t.ids.gao],
      },
    });
  });

  it('VER-1 confirms a record once per term: a second confirmation leaves the first as it was', async () => {
    const t = await school();
    await t.call('confirmRecords', [t.ids.an]);
    t.advance(5);
    const again = await t.call('confirmRecords', [t.ids.an, t.ids.chen, t.ids.chen]);
    expect(again).toMatchObject({ confirmed: 1, alreadyVerified: 1 });
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list.students.find((s) => s.name === '安琪')?.verifiedAt?.slice(11, 16)).toBe('08:00');
    expect(list.students.find((s) => s.name === '陈晨')?.verifiedAt?.slice(11, 16)).toBe('08:05');
    const nothingNew = await t.call('confirmRecords', [t.ids.an]);
    expect(nothingNew).toMatchObject({ confirmed: 0, alreadyVerified: 1 });
    expect((await verifyEvents(t)).map((event) => event.details['confirmed'])).toEqual([1, 1]);
  });

  it('VER-1 starts afresh in the next term', async () => {
    const t = await school();
    await t.call('confirmRecords', [t.ids.an, t.ids.chen]);
    await moveTo(t, '2027-03-01T09:00:00+08:00');
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list.term?.label).toBe('2026-2027学年 第二学期');
    expect(list.students.every((s) => s.verifiedAt === null)).toBe(true);
    await expect(t.call('confirmRecords', [t.ids.an])).resolves.toMatchObject({ confirmed: 1 });
  });

  it('SCH-2 refuses to confirm on a day in no term, naming the rule and what to set, and saves nothing', async () => {
    const t = await school();
    await moveTo(t, '2027-02-01T09:00:00+08:00');
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list.term).toBeNull();
    expect(list.reminder).toContain('规则 SCH-2');
    await expect(t.call('confirmRecords', [t.ids.an])).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(/今天（2027-02-01）不在任何已设置的学期内.*规则 SCH-2、VER-1.*学年学期设置/),
    });
    expect(await verifyEvents(t)).toEqual([]);
  });

  it('VER-1 refuses a batch holding a student who has left, naming them, and confirms none of it', async () => {
    const t = await school();
    await expect(t.call('confirmRecords', [t.ids.an, t.ids.fan])).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('范文已不在校（学籍状态：转出）'),
    });
    await expect(t.call('confirmRecords', [t.ids.an, 99_999])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const list = await t.call('listVerification', t.classes[7]!);
    expect(list.students.every((s) => s.verifiedAt === null)).toBe(true);
  });

  it('VER-1 lets an inspector (审计员) read the review list but not confirm records', async () => {
    const t = await school();
    await t.call('createAccount', {
      userName: 'zhaojc',
      displayName: '赵检查',
      role: 'auditor',
      initialPassword: 'Pine#River-77',
    });
    await t.call('logout');
    await t.call('login', { userName: 'zhaojc', password: 'Pine#River-77' });
    await t.call('changePassword', { currentPassword: 'Pine#River-77', newPassword: 'Maple~Cloud-58' });
    await expect(t.call('listVerification', t.classes[7]!)).resolves.toMatchObject({ classLabel: '七年级（1）班' });
    await expect(t.call('confirmRecords', [t.ids.an])).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
