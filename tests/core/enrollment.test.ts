/** 招生计划 and its acknowledged warnings, and 中职 majors, on a real installation (rules ENR-1, ENR-2, VOC-1). */
import { describe, expect, it } from 'vitest';
import type { EnrollmentPlan } from '../../shared/register/enrollment';
import { samplePupil, school, setUpCore } from './fixtures';

const plan: EnrollmentPlan = {
  year: 2026,
  places: 2,
  classSize: 40,
  parallelClasses: 1,
  zoneCodes: ['140302'],
  zoneNote: '桃北街道',
  documentNumber: '阳城教发〔2026〕12号',
};

/** An installation with one first-grade class of `capacity`. */
async function withFirstGrade(capacity = 45) {
  const t = await setUpCore();
  const [first] = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity });
  return { ...t, classId: first!.id };
}

const auditRows = async (
  t: Awaited<ReturnType<typeof setUpCore>>,
  action: 'enrollmentPlan.save' | 'enrollment.acknowledge' | 'major.save',
) => (await t.call('listAuditEvents', { action, limit: 10, offset: 0 })).rows;

describe('ENR-1 recording the enrollment plan', () => {
  it('saves a plan per year, newest first, counting the new students of that year', async () => {
    const t = await withFirstGrade();
    await t.call('saveEnrollmentPlan', { ...plan, year: 2025 });
    const rows = await t.call('saveEnrollmentPlan', plan);
    expect(rows.map((row) => row.year)).toEqual([2026, 2025]);
    expect(rows[0]).toMatchObject({ ...plan, enrolled: 0, updatedBy: 'wangli' });
    await t.call('registerStudent', t.classId, samplePupil(6));
    const [y2026, y2025] = await t.call('listEnrollmentPlans');
    expect([y2026?.enrolled, y2025?.enrolled]).toEqual([1, 0]);
  });

  it('replaces a year’s plan and logs both versions', async () => {
    const t = await withFirstGrade();
    await t.call('saveEnrollmentPlan', plan);
    const rows = await t.call('saveEnrollmentPlan', { ...plan, places: 40, zoneCodes: ['140302', '140311', '140302'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ places: 40, zoneCodes: ['140302', '140311'] });
    const [latest, first] = await auditRows(t, 'enrollmentPlan.save');
    expect(first).toMatchObject({ objectId: '2026', details: { plan: { places: 2 } } });
    expect(latest).toMatchObject({ objectId: '2026', details: { plan: { places: 40 }, before: { places: 2 } } });
  });

  it('refuses figures that cannot be the bureau’s plan, on each field, and saves nothing', async () => {
    const t = await withFirstGrade();
    await expect(
      t.call('saveEnrollmentPlan', { ...plan, places: 0, classSize: 101, zoneCodes: ['140399'] }),
    ).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: {
        places: '招生计划数应为 1 至 5000 人。',
        classSize: '班额应为 1 至 100 人。',
        zoneCodes: expect.stringContaining('140399'),
      },
    });
    await expect(t.call('saveEnrollmentPlan', { ...plan, places: 50 })).rejects.toMatchObject({
      message: expect.stringContaining('超过班额 40 人 × 1 个班 = 40 人'),
    });
    expect(await t.call('listEnrollmentPlans')).toEqual([]);
  });
});

describe('ENR-2 checking a new student against the plan', () => {
  it('ENR-2 warns over plan, over the plan’s class size and outside the zone, naming the figures', async () => {
    const t = await withFirstGrade();
    await t.call('saveEnrollmentPlan', { ...plan, places: 1, classSize: 1 });
    expect(await t.call('checkEnrollment', t.classId, samplePupil(6))).toEqual([]);
    await t.call('registerStudent', t.classId, samplePupil(6));
    const warnings = await t.call('checkEnrollment', t.classId, samplePupil(8, { householdLocation: '140321' }));
    expect(warnings).toEqual([
      { kind: 'overPlan', message: '2026 年招生计划 1 人，已登记 1 人，再登记将超出计划（规则 ENR-2）。' },
      { kind: 'overClassSize', message: expect.stringContaining('一年级（1）班现有 1 人') },
      { kind: 'outsideZone', message: expect.stringContaining('140321') },
    ]);
  });

  it('ENR-2 uses the plan of the student’s enrollment year only', async () => {
    const t = await withFirstGrade();
    await t.call('saveEnrollmentPlan', { ...plan, places: 1 });
    await t.call('registerStudent', t.classId, samplePupil(6));
    const earlier = samplePupil(8, { enrollmentMonth: '202509', householdLocation: '140321' });
    expect(await t.call('checkEnrollment', t.classId, earlier)).toEqual([]);
  });

  it('ENR-2 warns that a class in any grade is full against its own capacity', async () => {
    const t = await setUpCore();
    const [third] = await t.call('saveClass', { grade: 3, number: 1, headTeacher: '', capacity: 1 });
    await t.call('saveEnrollmentPlan', { ...plan, places: 1 });
    await t.call('registerStudent', third!.id, samplePupil(6));
    const warnings = await t.call('checkEnrollment', third!.id, samplePupil(8, { householdLocation: '140321' }));
    expect(warnings).toEqual([
      { kind: 'overClassSize', message: '三年级（1）班的班额为 1 人，现有 1 人，再登记将超出班额（规则 ENR-2）。' },
    ]);
  });

  it('ENR-2 refuses to register until every warning is acknowledged, then logs the acknowledgement', async () => {
    const t = await withFirstGrade();
    await t.call('saveEnrollmentPlan', { ...plan, places: 1 });
    await t.call('registerStudent', t.classId, samplePupil(6));
    expect(await auditRows(t, 'enrollment.acknowledge')).toEqual([]);
    const outsider = samplePupil(8, { name: '张伟', householdLocation: '140321' });

    await expect(t.call('registerStudent', t.classId, outsider)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(
        /^保存前请确认以下招生提示：2026 年招生计划 1 人，已登记 1 人.*户口所在地为.*确认后再保存。$/,
      ),
    });
    await expect(t.call('registerStudent', t.classId, outsider, ['overPlan'])).rejects.toMatchObject({
      message: expect.not.stringContaining('招生计划 1 人'),
    });
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(1);

    const { student } = await t.call('registerStudent', t.classId, outsider, ['overPlan', 'outsideZone']);
    expect(student.name).toBe('张伟');
    const [acknowledged] = await auditRows(t, 'enrollment.acknowledge');
    expect(acknowledged).toMatchObject({
      userName: 'wangli',
      objectId: outsider.idNumber,
      details: {
        studentId: student.id,
        kinds: ['overPlan', 'outsideZone'],
        messages: [expect.stringContaining('已登记 1 人'), expect.stringContaining('140321')],
      },
    });
  });
});

describe('VOC-1 中职 majors', () => {
  const major = { code: '710201', name: '计算机应用', years: 3, active: true };

  it('are refused while the school is not a 中职 school', async () => {
    const t = await setUpCore();
    await expect(t.call('saveMajor', major)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('只有中等职业学校才设置专业'),
    });
    expect(await t.call('listMajors')).toEqual([]);
  });

  it('are added and changed by code in a 中职 school, each change logged', async () => {
    const t = await setUpCore();
    await t.call('updateSchoolProfile', {
      name: '阳泉市职业技术学校',
      code: school.schoolCode,
      type: '360',
      ownership: '1',
      provincialModel: false,
      enrollmentZone: '',
      registerOffice: '学籍管理办公室',
      registerOfficer: '王丽',
      officerPhone: '',
    });
    await t.call('saveMajor', major);
    await t.call('saveMajor', { code: '700206', name: '机电技术应用', years: 3, active: true });
    const majors = await t.call('saveMajor', { ...major, name: '计算机应用技术', active: false });
    expect(majors).toEqual([
      { code: '700206', name: '机电技术应用', years: 3, active: true },
      { ...major, name: '计算机应用技术', active: false },
    ]);
    const [latest] = await auditRows(t, 'major.save');
    expect(latest).toMatchObject({
      objectId: '710201',
      details: { major: { name: '计算机应用技术', active: false }, before: { name: '计算机应用', active: true } },
    });
    await expect(t.call('saveMajor', { ...major, code: '7102', years: 0 })).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { code: expect.stringContaining('6 位数字'), years: '学制应为 1 至 6 年。' },
    });
  });
});
