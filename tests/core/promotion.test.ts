/** 升级 (year-end promotion) on a real encrypted installation: preview, one transaction, history, once a year. */
import { describe, expect, it } from 'vitest';
import { adminPassword, samplePupil } from './fixtures';
import { insertOpenCase, setStatus, setUpCoreOn, writeRaw, type TestCore } from './promotionFixtures';

/**
 * 一年级 1 and 2, 二年级 1, 八年级 1, 九年级 1 (班额 45; no 二年级（2）班 nor
 * 三年级（1）班 yet). Students: 安 and 白 in 一（1）, 陈 休学 in 一（1）, 邓 in
 * 一（2）, 范 in 二（1）, 高 in 八（1）, 韩 休学 in 九（1）.
 */
async function school(day = '2027-07-15') {
  const t = await setUpCoreOn(day);
  const places = [
    [1, 1],
    [1, 2],
    [2, 1],
    [8, 1],
    [9, 1],
  ] as const;
  let classes: readonly { id: number; grade: number; number: number }[] = [];
  for (const [grade, number] of places) {
    classes = await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 45 });
  }
  const classId = (grade: number, number: number) => classes.find((c) => c.grade === grade && c.number === number)!.id;
  const register = async (sequence: number, name: string, grade: number, number: number) =>
    (await t.call('registerStudent', classId(grade, number), samplePupil(sequence, { name }))).student.id;
  const ids = {
    an: await register(1, '安琪', 1, 1),
    bai: await register(2, '白雪', 1, 1),
    chen: await register(3, '陈晨', 1, 1),
    deng: await register(4, '邓超', 1, 2),
    fan: await register(5, '范文', 2, 1),
    gao: await register(6, '高远', 8, 1),
    han: await register(7, '韩梅', 9, 1),
  };
  await writeRaw(t, (db) => {
    setStatus(db, ids.chen, 'suspended');
    setStatus(db, ids.han, 'suspended');
  });
  return { ...t, ids, classId };
}

const classLabelOf = async (t: TestCore, studentId: number) => (await t.call('getStudent', studentId)).classLabel;

describe('升级 preview', () => {
  it('shows the school year, the moves top grade first, the classes it creates and the 休学 students who stay', async () => {
    const t = await school();
    const preview = await t.call('previewPromotion');
    expect(preview).toEqual({
      schoolYear: '2027-2028',
      moves: [
        { fromLabel: '八年级（1）班', toLabel: '九年级（1）班', students: 1, createsClass: false, note: '' },
        { fromLabel: '二年级（1）班', toLabel: '三年级（1）班', students: 1, createsClass: true, note: '' },
        { fromLabel: '一年级（1）班', toLabel: '二年级（1）班', students: 2, createsClass: false, note: '' },
        { fromLabel: '一年级（2）班', toLabel: '二年级（2）班', students: 1, createsClass: true, note: '' },
      ],
      studentCount: 5,
      suspendedStaying: 2,
      refusals: [],
    });
  });

  it('before 1 July previews the school year in progress (a late promotion)', async () => {
    const t = await school('2027-03-01');
    expect((await t.call('previewPromotion')).schoolYear).toBe('2026-2027');
  });
});

describe('升级 (promoteSchool)', () => {
  it('CHG-3 moves 在读 students up one grade and keeps 休学 students in their class', async () => {
    const t = await school();
    const result = await t.call('promoteSchool', '2027-2028');
    expect(result).toEqual({ schoolYear: '2027-2028', studentCount: 5, classesCreated: 2 });
    expect(await classLabelOf(t, t.ids.an)).toBe('二年级（1）班');
    expect(await classLabelOf(t, t.ids.bai)).toBe('二年级（1）班');
    expect(await classLabelOf(t, t.ids.deng)).toBe('二年级（2）班');
    expect(await classLabelOf(t, t.ids.fan)).toBe('三年级（1）班');
    expect(await classLabelOf(t, t.ids.gao)).toBe('九年级（1）班');
    // 休学 students resume into the grade they left (CHG-3): they do not move.
    expect(await classLabelOf(t, t.ids.chen)).toBe('一年级（1）班');
    expect(await classLabelOf(t, t.ids.han)).toBe('九年级（1）班');
  });

  it('creates the missing classes above with the same 班额 and no head teacher yet', async () => {
    const t = await school();
    await t.call('promoteSchool', '2027-2028');
    const classes = (await t.call('listClasses')).map((c) => [c.label, c.headTeacher, c.capacity, c.studentCount]);
    expect(classes).toEqual([
      ['一年级（1）班', '赵老师', 45, 1],
      ['一年级（2）班', '赵老师', 45, 0],
      ['二年级（1）班', '赵老师', 45, 2],
      ['二年级（2）班', '', 45, 1],
      ['三年级（1）班', '', 45, 1],
      ['八年级（1）班', '赵老师', 45, 0],
      ['九年级（1）班', '赵老师', 45, 2],
    ]);
  });

  it('leaves a class history row per moved student, like 调班, and one access-log event with the counts', async () => {
    const t = await school();
    t.advance(5);
    await t.call('promoteSchool', '2027-2028');
    expect((await t.call('getStudent', t.ids.an)).history[0]).toEqual({
      field: 'classId',
      before: '一年级（1）班',
      after: '二年级（1）班',
      at: expect.stringMatching(/^2027-07-15T08:05/),
      by: 'wangli',
    });
    expect((await t.call('getStudent', t.ids.chen)).history).toEqual([]);
    const [event, ...others] = (await t.call('listAuditEvents', { action: 'school.promotion', limit: 5, offset: 0 }))
      .rows;
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      userName: 'wangli',
      objectId: '2027-2028',
      outcome: 'success',
      details: {
        schoolYear: '2027-2028',
        students: 5,
        classes: 4,
        suspendedStaying: 2,
        classesCreated: ['三年级（1）班', '二年级（2）班'],
      },
    });
  });

  it('OPS-2 refuses a second promotion in the same school year; the preview says so', async () => {
    const t = await school();
    await t.call('promoteSchool', '2027-2028');
    t.advance(5);
    const [refusal] = (await t.call('previewPromotion')).refusals;
    expect(refusal?.rule).toBe('OPS-2');
    expect(refusal?.message).toContain('2027-2028学年的全校升级已于2027年7月15日由 wangli 办理');
    await expect(t.call('promoteSchool', '2027-2028')).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('每个学年只升级一次'),
    });
    expect(await classLabelOf(t, t.ids.an)).toBe('二年级（1）班');
  });

  it('GRD-1 refuses while a graduating grade still holds 在读 students, and moves nobody', async () => {
    const t = await school();
    await t.call('registerStudent', t.classId(9, 1), samplePupil(8, { name: '金鑫' }));
    const [refusal] = (await t.call('previewPromotion')).refusals;
    expect(refusal).toMatchObject({ rule: 'GRD-1', message: expect.stringContaining('九年级 1 人') });
    await expect(t.call('promoteSchool', '2027-2028')).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('（规则 GRD-1）'),
    });
    expect(await classLabelOf(t, t.ids.an)).toBe('一年级（1）班');
    expect((await t.call('listClasses')).length).toBe(5);
  });

  it('OPS-2 refuses while a movement case is open, but not for a basic-information change', async () => {
    const t = await school();
    await writeRaw(t, (db) => insertOpenCase(db, 'basicInfoChange', t.ids.an));
    expect((await t.call('previewPromotion')).refusals).toEqual([]);
    await writeRaw(t, (db) => insertOpenCase(db, 'transferOut', t.ids.bai));
    await expect(t.call('promoteSchool', '2027-2028')).rejects.toMatchObject({
      message: expect.stringContaining('还有 1 件未办结的学籍异动（转出 1 件）'),
    });
  });

  it('OPS-2 refuses a confirmation of a stale school year once the date has crossed 1 July', async () => {
    const t = await school('2027-06-28');
    const { schoolYear } = await t.call('previewPromotion');
    expect(schoolYear).toBe('2026-2027');
    t.setClock(new Date('2027-07-02T08:00:00+08:00'));
    await t.call('unlock', adminPassword); // idle for days: the session locked itself
    await expect(t.call('promoteSchool', schoolYear)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('确认的是2026-2027学年的升级，但今天应办理的是2027-2028学年的升级'),
    });
    expect(await classLabelOf(t, t.ids.an)).toBe('一年级（1）班');
  });
});
