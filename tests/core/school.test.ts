/** 学校信息 and 学年学期设置 on a real installation (rules SCH-1, SCH-2). */
import { describe, expect, it } from 'vitest';
import { adminPassword, school, setUpCore } from './fixtures';

const profile = {
  name: '阳泉市第一中学',
  code: school.schoolCode,
  type: '342',
  ownership: '1',
  provincialModel: true,
  enrollmentZone: '城区',
  registerOffice: '教务处学籍室',
  registerOfficer: '王丽',
  officerPhone: '0353-1234567',
};

describe('SCH-1 school information', () => {
  it('starts from the setup answers and keeps every change in the access log with before and after', async () => {
    const t = await setUpCore();
    expect(await t.call('getSchoolProfile')).toMatchObject({
      name: school.schoolName,
      code: school.schoolCode,
      type: null,
    });
    const saved = await t.call('updateSchoolProfile', profile);
    expect(saved).toEqual(profile);
    const [event] = (await t.call('listAuditEvents', { action: 'school.update', limit: 1, offset: 0 })).rows;
    expect(event).toMatchObject({ userName: 'wangli', objectId: school.schoolCode });
    expect(event?.details['changes']).toMatchObject({ type: [null, '342'], provincialModel: [false, true] });
  });

  it('refuses what cannot be true, naming the field in Chinese', async () => {
    const t = await setUpCore();
    await expect(t.call('updateSchoolProfile', { ...profile, type: '211' })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '只有设有高中的学校才能是省级示范高中。',
    });
    await expect(t.call('updateSchoolProfile', { ...profile, code: '12345' })).rejects.toMatchObject({
      message: expect.stringContaining('10 位数字'),
    });
    await expect(t.call('updateSchoolProfile', { ...profile, officerPhone: '12345' })).rejects.toMatchObject({
      message: expect.stringContaining('负责人联系电话'),
    });
  });

  it('only the administrator changes it; a clerk reads it', async () => {
    const t = await setUpCore();
    await t.call('createAccount', {
      userName: 'lihua',
      displayName: '李华',
      role: 'clerk',
      initialPassword: 'Pine#River-77',
    });
    await t.call('logout');
    await t.call('login', { userName: 'lihua', password: 'Pine#River-77' });
    await t.call('changePassword', { currentPassword: 'Pine#River-77', newPassword: 'Maple~Cloud-58' });
    expect((await t.call('getSchoolProfile')).code).toBe(school.schoolCode);
    expect(await t.core.call('updateSchoolProfile', [profile])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await t.call('logout');
    await t.call('login', { userName: 'wangli', password: adminPassword });
  });
});

describe('SCH-2 school years and semesters', () => {
  const autumn = { schoolYear: '2026-2027', semester: 1 as const, startDate: '2026-08-31', endDate: '2027-01-22' };

  it('reminds while no term is set, then knows the current term', async () => {
    const t = await setUpCore();
    expect(await t.call('listTerms')).toMatchObject({
      terms: [],
      current: null,
      reminder: expect.stringContaining('SCH-2'),
    });
    const overview = await t.call('saveTerm', autumn);
    expect(overview).toMatchObject({ current: autumn, reminder: null });
    const [event] = (await t.call('listAuditEvents', { action: 'term.create', limit: 1, offset: 0 })).rows;
    expect(event?.details).toMatchObject({ term: '2026-2027学年 第一学期' });
  });

  it('edits a term in place and refuses a duplicate or overlapping one', async () => {
    const t = await setUpCore();
    const { terms } = await t.call('saveTerm', autumn);
    const id = terms[0]!.id;
    expect((await t.call('saveTerm', { ...autumn, id, endDate: '2027-01-29' })).terms).toEqual([
      { ...autumn, id, endDate: '2027-01-29' },
    ]);
    await expect(t.call('saveTerm', autumn)).rejects.toMatchObject({ message: expect.stringContaining('已经设置过') });
    await expect(t.call('saveTerm', { ...autumn, id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [event] = (await t.call('listAuditEvents', { action: 'term.update', limit: 1, offset: 0 })).rows;
    expect(event?.details['changes']).toEqual({ endDate: ['2027-01-22', '2027-01-29'] });
  });
});
