/** 毕业 lists (GRD-1, GRD-2) and the 中职 movements (VOC-3, VOC-5) through the case service. */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import type { GraduationOutcome } from '../../shared/changes/statusMachine';
import { approveAll, base, caseCore, moveTo, openAndApprove, register, studentOf, transfer } from './casesSupport';

type Core = Awaited<ReturnType<typeof caseCore>>;

/** 学习简历 and 毕业评语 (GRD-2) of a student. */
async function completeRecords(t: Core, studentId: number) {
  await t.call('saveStudyHistory', studentId, [
    { fromMonth: '201809', toMonth: '', school: '阳泉市第一中学', role: '', witness: '王芳' },
  ]);
  await t.call('saveGraduationComment', studentId, {
    text: '该生尊敬师长，团结同学，学习刻苦。',
    author: '赵老师',
    date: '2027-05-30',
  });
}

/** A 九年一贯制 school on 1 June 2027 with two ninth-graders (records complete) and a sixth-grader. */
async function graduatingSchool() {
  const t = await caseCore([6, 9, 12], { type: '312' });
  await moveTo(t, '2027-06-01T09:00:00+08:00');
  const first = await register(t, t.classes[9]!, studentOf(8, 5, { name: '张伟', enrollmentMonth: '202409' }));
  const second = await register(t, t.classes[9]!, studentOf(8, 6, { name: '刘洋', enrollmentMonth: '202409' }));
  const pupil = await register(t, t.classes[6]!, studentOf(5, 7, { name: '陈静', enrollmentMonth: '202109' }));
  for (const student of [first, second, pupil]) await completeRecords(t, student.id);
  return { ...t, first, second, pupil };
}

const graduation = (...students: [number, GraduationOutcome][]): CaseInput => ({
  ...base,
  appliedOn: '2027-06-01',
  kind: 'graduation',
  students: students.map(([studentId, outcome]) => ({ studentId, outcome })),
});

describe('GRD-1 and GRD-2 毕业', () => {
  it('GRD-1 compulsory graduation is decided by the school alone and gives each student the outcome chosen', async () => {
    const t = await graduatingSchool();
    const opened = await t.call('openCase', graduation([t.first.id, 'graduated'], [t.second.id, 'completed']));
    expect(opened).toMatchObject({
      subject: '九年级毕业生 2 人',
      studentId: null,
      steps: ['school'],
      dueDate: '2027-06-30',
      dueRule: 'GRD-2',
      requirements: [],
      students: [
        { studentId: t.second.id, name: '刘洋', classLabel: '九年级（1）班', outcome: 'completed' },
        { studentId: t.first.id, name: '张伟', classLabel: '九年级（1）班', outcome: 'graduated' },
      ],
    });
    await approveAll(t, opened);
    expect((await t.call('getStudent', t.first.id)).status).toBe('graduated');
    const second = await t.call('getStudent', t.second.id);
    expect(second.status).toBe('completed');
    expect(second.history[0]).toMatchObject({ field: 'status', before: '在读', after: '结业' });
  });

  it('GRD-1 senior high graduation needs the city bureau after the school', async () => {
    const t = await graduatingSchool();
    const senior = await register(t, t.classes[12]!, studentOf(11, 9, { name: '王芳', enrollmentMonth: '202409' }));
    await completeRecords(t, senior.id);
    const opened = await t.call('openCase', graduation([senior.id, 'graduated']));
    expect(opened).toMatchObject({
      subject: '高三毕业生 1 人',
      steps: ['school', 'cityBureau'],
      nextApprover: 'school',
    });
  });

  it('GRD-1 refuses one list across stages and a student outside a graduating grade, naming them', async () => {
    const t = await graduatingSchool();
    const refusals = await t.call('checkCase', graduation([t.first.id, 'graduated'], [t.pupil.id, 'graduated']));
    expect(refusals).toEqual([{ rule: 'GRD-1', message: expect.stringContaining('毕业名单中有初中和小学的学生') }]);
    const seventh = await t.call('saveClass', { grade: 7, number: 1, headTeacher: '', capacity: 45 });
    const young = await register(t, seventh.find((c) => c.grade === 7)!.id, studentOf(7, 8, { name: '赵敏' }));
    expect(await t.call('checkCase', graduation([young.id, 'graduated']))).toEqual([
      { rule: 'GRD-1', message: expect.stringMatching(/^赵敏（七年级（1）班）：七年级不是毕业年级/) },
    ]);
  });

  it('GRD-2 refuses a graduate without 学习简历 or 毕业评语, and one with an open case', async () => {
    const t = await graduatingSchool();
    const bare = await register(t, t.classes[9]!, studentOf(8, 8, { name: '孙丽' }));
    await t.call('openCase', {
      ...base,
      appliedOn: '2027-06-01',
      kind: 'basicInfoChange',
      studentId: t.first.id,
      items: [{ field: 'phone', after: '13912345678' }],
    });
    const refusals = await t.call('checkCase', graduation([t.first.id, 'graduated'], [bare.id, 'graduated']));
    expect(refusals).toEqual([
      {
        rule: 'GRD-2',
        message:
          '张伟（九年级（1）班）：学生还有未办结的基本信息变更，不能办理毕业（规则 GRD-2）。请先办结或撤销这些事项。',
      },
      { rule: 'GRD-2', message: expect.stringContaining('孙丽（九年级（1）班）：学生还没有学习简历和毕业评语') },
    ]);
    await expect(
      t.call('openCase', graduation([t.first.id, 'graduated'], [t.first.id, 'completed'])),
    ).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { students: '毕业名单中“张伟”出现了两次，请删去重复的一行。' },
    });
  });

  it('GRD-2 from 1 July no new case is opened for a graduating student', async () => {
    const t = await graduatingSchool();
    await moveTo(t, '2027-07-02T09:00:00+08:00');
    expect(
      await t.call('checkCase', { ...base, appliedOn: '2027-07-02', kind: 'goingAbroad', studentId: t.first.id }),
    ).toEqual([{ rule: 'GRD-2', message: expect.stringContaining('已过 6 月 30 日，不能再为毕业年级学生新办出国') }]);
  });
});

/** A 中职 with two majors (one closed) and a student of 710201 in 高二 (中职二年级). */
async function vocationalSchool(studyMode = '1') {
  const t = await caseCore([10, 11], { type: '360', provincialModel: false });
  await t.call('saveMajor', { code: '710201', name: '计算机应用', years: 3, active: true });
  await t.call('saveMajor', { code: '700206', name: '汽车运用与维修', years: 3, active: true });
  await t.call('saveMajor', { code: '740101', name: '会计事务', years: 3, active: false });
  const student = await register(
    t,
    t.classes[11]!,
    studentOf(11, 5, { name: '张伟', majorCode: '710201', schoolingYears: '3', studyMode }),
  );
  return { ...t, student };
}

const changeMajor = (studentId: number, majorCode: string, documentNumber?: string): CaseInput => ({
  ...base,
  kind: 'changeMajor',
  studentId,
  majorCode,
  ...(documentNumber === undefined ? {} : { exception: { documentNumber } }),
});

describe('VOC-3 and VOC-5 中职 movements', () => {
  it('VOC-3 转专业 and 注销 are for 中职 students only', async () => {
    const t = await caseCore([11]);
    const student = await register(t, t.classes[11]!, studentOf(11, 5));
    expect(await t.call('checkCase', { ...base, kind: 'cancellation', studentId: student.id })).toEqual([
      { rule: 'VOC-3', message: expect.stringContaining('只有中等职业学校的学生可以办理注销（规则 VOC-3）') },
    ]);
  });

  it('VOC-5 转专业 goes to an active major of the school other than the own one, and sets it when approved', async () => {
    const t = await vocationalSchool();
    const rules = async (code: string) =>
      (await t.call('checkCase', changeMajor(t.student.id, code))).map((r) => r.message);
    expect(await rules('740101')).toEqual([
      expect.stringContaining('专业代码「740101」不是本校正在开设的专业（规则 VOC-5）'),
    ]);
    expect(await rules('710201')).toEqual([expect.stringContaining('学生已在“计算机应用”专业')]);
    const done = await openAndApprove(t, changeMajor(t.student.id, '７００２０６'));
    expect(done).toMatchObject({ status: 'approved', steps: ['school', 'countyBureau'], dueDate: null });
    const record = await t.call('getStudent', t.student.id);
    expect(record.basics.majorCode).toBe('700206');
    expect(record.history[0]).toMatchObject({ field: 'majorCode', before: '710201', after: '700206' });
  });

  it('VOC-3 a recorded major changes only through 转专业, never by editing the record', async () => {
    const t = await vocationalSchool();
    const record = await t.call('getStudent', t.student.id);
    await expect(t.call('updateStudent', t.student.id, { ...record.basics, majorCode: '700206' })).rejects.toThrow(
      '已登记的专业只能通过“转专业”学籍异动经审批后变更（规则 VOC-3）',
    );
    expect((await t.call('getStudent', t.student.id)).basics.majorCode).toBe('710201');
  });

  it('VOC-5 a flexible-study student may change major or transfer only with the bureau’s written exception, uploaded', async () => {
    const t = await vocationalSchool('2');
    expect(await t.call('checkCase', changeMajor(t.student.id, '700206'))).toEqual([
      { rule: 'VOC-5', message: expect.stringContaining('弹性学习的学生原则上不能办理转专业（规则 VOC-5）') },
    ]);
    const out: CaseInput = {
      ...base,
      kind: 'transferOut',
      studentId: t.student.id,
      transfer: transfer({ type: '360' }),
    };
    expect((await t.call('checkCase', out)).map((r) => r.rule)).toEqual(['VOC-5']);
    const opened = await t.call('openCase', changeMajor(t.student.id, '700206', '阳教职〔2026〕3号'));
    expect(opened.requirements).toContainEqual({ kind: 'bureauException', need: 'required' });
    expect(opened.missingEvidence?.message).toContain('教育主管部门书面同意意见');
  });

  it('VOC-3 注销 of a 中职 student sets the status with its history', async () => {
    const t = await vocationalSchool();
    await openAndApprove(t, { ...base, kind: 'cancellation', studentId: t.student.id });
    const record = await t.call('getStudent', t.student.id);
    expect(record.status).toBe('cancelled');
    expect(record.history[0]).toMatchObject({ field: 'status', before: '在读', after: '注销' });
  });
});
