/** 休学, 复学, 留级 and leaving through the case service (CHG-2, CHG-3, CHG-4, REG-2, OPS-2). */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import { base, caseCore, openAndApprove, register, studentOf } from './casesSupport';

async function seniorSchool() {
  const t = await caseCore([10, 11, 12]);
  const student = await register(
    t,
    t.classes[11]!,
    studentOf(11, 5, { name: '张伟', sex: '2', auxiliaryNumber: 'FZ2025001' }),
  );
  return { ...t, student };
}

const suspension = (studentId: number, startDate: string, endDate: string): CaseInput => ({
  ...base,
  kind: 'suspension',
  studentId,
  ground: 'forceMajeure',
  period: { startDate, endDate },
});

const resumption = (studentId: number, classId: number, newAuxiliaryNumber?: string): CaseInput => ({
  ...base,
  kind: 'resumption',
  studentId,
  classId,
  ...(newAuxiliaryNumber === undefined ? {} : { newAuxiliaryNumber }),
});

describe('CHG-2 and CHG-3 休学', () => {
  it('CHG-3 a suspended student stays in the class and the enrolled pool, marked 休学', async () => {
    const t = await seniorSchool();
    const approved = await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-01-20'));
    expect(approved).toMatchObject({
      status: 'approved',
      steps: ['school', 'countyBureau'],
      dueDate: '2026-09-08',
      dueRule: 'CHG-2',
      form: 'suspensionResumption',
    });
    const record = await t.call('getStudent', t.student.id);
    expect(record).toMatchObject({ status: 'suspended', classLabel: '高二（1）班' });
    expect(record.history[0]).toMatchObject({ field: 'status', before: '在读', after: '休学' });
    expect((await t.call('listClasses')).find((c) => c.grade === 11)?.studentCount).toBe(1);
  });

  it('CHG-2 refuses a suspension beyond two years in all, counting the approved ones', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, suspension(t.student.id, '2025-09-01', '2026-08-31'));
    await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-08-31'));
    await t.call('saveTerm', { schoolYear: '2027-2028', semester: 1, startDate: '2027-09-01', endDate: '2028-01-20' });
    expect(await t.call('checkCase', suspension(t.student.id, '2027-09-01', '2027-12-31'))).toEqual([
      { rule: 'CHG-2', message: expect.stringContaining('休学累计不能超过两年（规则 CHG-2）。学生此前已休学 730 天') },
    ]);
  });

  it('CHG-2 refuses more than one year at a time', async () => {
    const t = await seniorSchool();
    expect(await t.call('checkCase', suspension(t.student.id, '2026-09-01', '2027-09-01'))).toEqual([
      {
        rule: 'CHG-2',
        message: expect.stringContaining('每次休学最长一年（规则 CHG-2）。本次休学最迟到2027年8月31日'),
      },
    ]);
  });

  it('OPS-2 one movement at a time: a second case waits until the first is closed', async () => {
    const t = await seniorSchool();
    await t.call('openCase', suspension(t.student.id, '2026-09-01', '2027-01-20'));
    expect(await t.call('checkCase', { ...base, kind: 'goingAbroad', studentId: t.student.id })).toEqual([
      {
        rule: 'OPS-2',
        message: '学生还有未办结的休学，不能同时办理出国（规则 OPS-2 人籍一致）。请先办结或撤销该事项。',
      },
    ]);
  });
});

describe('CHG-4 复学', () => {
  it('CHG-4 refuses a resumption into a higher grade', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-01-20'));
    expect(await t.call('checkCase', resumption(t.student.id, t.classes[12]!))).toEqual([
      {
        rule: 'CHG-4',
        message: expect.stringContaining('复学只能回到原年级（高二）或降到更低年级，不能进入高三（规则 CHG-4）'),
      },
    ]);
  });

  it('CHG-2 refuses a resumption of a student who is not suspended', async () => {
    const t = await seniorSchool();
    expect(await t.call('checkCase', resumption(t.student.id, t.classes[11]!))).toEqual([
      { rule: 'CHG-2', message: expect.stringContaining('学生在读，没有休学，不需要复学') },
    ]);
  });

  it('REG-2 a senior student going down a grade needs a new, well-formed, different 学籍辅号', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-01-20'));
    const rules = async (input: CaseInput) => (await t.call('checkCase', input)).map((refusal) => refusal.message);
    expect(await rules(resumption(t.student.id, t.classes[10]!))).toEqual([
      expect.stringContaining('须使用省学籍系统新分配的学籍辅号（规则 CHG-4、REG-2）'),
    ]);
    expect(await rules(resumption(t.student.id, t.classes[10]!, '辅-1'))).toEqual([
      expect.stringContaining('学籍辅号应为 4 到 30 位字母或数字'),
    ]);
    expect(await rules(resumption(t.student.id, t.classes[10]!, 'fz2025001'))).toEqual([
      expect.stringContaining('新学籍辅号与原学籍辅号（FZ2025001）相同'),
    ]);
    expect(await rules(resumption(t.student.id, t.classes[11]!, 'FZ2026099'))).toEqual([
      expect.stringContaining('本次复学不需要填写新的学籍辅号'),
    ]);
  });

  it('CHG-4 suspension then resumption with a grade drop sets the new 学籍辅号 and records the drop', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-01-20'));
    const resumed = await openAndApprove(t, resumption(t.student.id, t.classes[10]!, ' fz2026099 '));
    expect(resumed).toMatchObject({ status: 'approved', input: { newAuxiliaryNumber: 'FZ2026099' } });
    const record = await t.call('getStudent', t.student.id);
    expect(record).toMatchObject({
      status: 'enrolled',
      classLabel: '高一（1）班',
      basics: { auxiliaryNumber: 'FZ2026099' },
    });
    expect(record.history.slice(0, 3).map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: 'auxiliaryNumber', before: 'FZ2025001', after: 'FZ2026099' },
      { field: 'classId', before: '高二（1）班', after: '高一（1）班（复学降级）' },
      { field: 'status', before: '休学', after: '在读' },
    ]);
  });

  it('CHG-4 a resumption into a full class is refused, naming it', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, suspension(t.student.id, '2026-09-01', '2027-01-20'));
    const [tenth] = (await t.call('listClasses')).filter((c) => c.grade === 10);
    await t.call('saveClass', { ...tenth!, capacity: 1 });
    await register(t, t.classes[10]!, studentOf(10, 9, { name: '刘洋' }));
    expect(await t.call('checkCase', resumption(t.student.id, t.classes[10]!, 'FZ2026099'))).toEqual([
      { rule: 'CHG-4', message: expect.stringContaining('高一（1）班的班额为 1 人，现有 1 人，已满（规则 CHG-4）') },
    ]);
  });
});

describe('CHG-4 留级', () => {
  it('CHG-4 moves a student to a class exactly one grade lower, recorded so', async () => {
    const t = await seniorSchool();
    const refused = await t.call('checkCase', {
      ...base,
      kind: 'repeatGrade',
      studentId: t.student.id,
      classId: t.classes[12]!,
    });
    expect(refused).toEqual([{ rule: 'CHG-4', message: expect.stringContaining('留级只能降到下一个年级（高一）') }]);
    const approved = await openAndApprove(t, {
      ...base,
      kind: 'repeatGrade',
      studentId: t.student.id,
      classId: t.classes[10]!,
    });
    expect(approved.steps).toEqual(['school']);
    const record = await t.call('getStudent', t.student.id);
    expect(record).toMatchObject({ status: 'enrolled', classLabel: '高一（1）班' });
    expect(record.history[0]).toMatchObject({ field: 'classId', before: '高二（1）班', after: '高一（1）班（留级）' });
  });

  it('CHG-4 a starting grade cannot go lower', async () => {
    const t = await seniorSchool();
    const tenth = await register(t, t.classes[10]!, studentOf(10, 9, { name: '刘洋' }));
    expect(
      await t.call('checkCase', { ...base, kind: 'repeatGrade', studentId: tenth.id, classId: t.classes[10]! }),
    ).toEqual([{ rule: 'CHG-4', message: expect.stringContaining('高一是本学段的起始年级，不能再降级') }]);
  });
});

describe('OPS-2 a case for a student who has left', () => {
  it('OPS-2 refuses every movement and change of a departed student, saying what to do instead', async () => {
    const t = await seniorSchool();
    await openAndApprove(t, { ...base, kind: 'goingAbroad', studentId: t.student.id });
    expect((await t.call('getStudent', t.student.id)).status).toBe('abroad');
    expect(await t.call('checkCase', suspension(t.student.id, '2026-09-01', '2027-01-20'))).toEqual([
      { rule: 'OPS-2', message: expect.stringContaining('如学生回到本校就读，请为其办理转入，沿用原学籍') },
    ]);
    expect(
      await t.call('checkCase', {
        ...base,
        kind: 'basicInfoChange',
        studentId: t.student.id,
        items: [{ field: 'name', after: '张薇' }],
      }),
    ).toEqual([{ rule: 'OPS-2', message: expect.stringContaining('不得修改已离校学生的学籍') }]);
    await expect(t.call('openCase', { ...base, kind: 'death', studentId: t.student.id })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('已不在本校在校生中'),
    });
  });

  it('退学 is impossible in compulsory education (CHG-2)', async () => {
    const t = await caseCore([8]);
    const pupil = await register(t, t.classes[8]!, studentOf(8, 5));
    expect(await t.call('checkCase', { ...base, kind: 'dropout', studentId: pupil.id })).toEqual([
      { rule: 'CHG-2', message: expect.stringContaining('义务教育阶段（小学、初中）的学生不能办理退学') },
    ]);
  });
});
