/**
 * Study history, graduation comment and archive checklist on a real installation (SCH-3, VOC-2, GRD-2).
 * Rewards and punishments change through an approved case (DAT-1): tests/core/cases-changeRequests.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { AuditAction } from '../../shared/audit';
import type { StudyHistoryEntry } from '../../shared/register/studentRecords';
import { openStorage } from '../../electron/core/storage';
import { adminPassword, samplePupil, school, setUpCore, testStorageOptions } from './fixtures';

async function withStudent() {
  const t = await setUpCore();
  const [schoolClass] = await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 45 });
  const { student } = await t.call('registerStudent', schoolClass!.id, samplePupil(6));
  return { ...t, student };
}

/** The access-log events of one action, newest first. */
async function auditEvents(t: Awaited<ReturnType<typeof setUpCore>>, action: AuditAction) {
  return (await t.call('listAuditEvents', { action, limit: 10, offset: 0 })).rows;
}

const line = (fromMonth: string, toMonth: string, school: string): StudyHistoryEntry => ({
  fromMonth,
  toMonth,
  school,
  role: '',
  witness: '王芳',
});

describe('GRD-2 学习简历 and 毕业评语', () => {
  it('replaces the whole study history, with one-line before and after', async () => {
    const t = await withStudent();
    const first = [line('202509', '202607', '阳泉市幼儿园'), line('202609', '', '阳泉市实验小学')];
    const saved = await t.call('saveStudyHistory', t.student.id, first);
    expect(saved.studyHistory).toEqual(first);
    const replaced = await t.call('saveStudyHistory', t.student.id, [first[1]!]);
    expect(replaced.studyHistory).toEqual([first[1]]);
    expect(replaced.history[0]).toMatchObject({
      field: 'studyHistory',
      before: '202509-202607 阳泉市幼儿园，证明人 王芳；202609-至今 阳泉市实验小学，证明人 王芳',
      after: '202609-至今 阳泉市实验小学，证明人 王芳',
    });
    expect((await auditEvents(t, 'student.studyHistory'))[0]).toMatchObject({
      objectId: t.student.idNumber,
      details: { studentId: t.student.id, lines: 1 },
    });
  });

  it('refuses overlapping lines with a message keyed by line and field, keeping the old list', async () => {
    const t = await withStudent();
    const first = [line('202509', '', '阳泉市实验小学')];
    await t.call('saveStudyHistory', t.student.id, first);
    await expect(
      t.call('saveStudyHistory', t.student.id, [line('202509', '202607', '甲小学'), line('202603', '', '乙小学')]),
    ).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { 'studyHistory.1.fromMonth': expect.stringContaining('两段经历重叠') },
    });
    expect((await t.call('getStudent', t.student.id)).studyHistory).toEqual(first);
  });

  it('writes, then rewrites, the graduation comment', async () => {
    const t = await withStudent();
    const comment = { text: '该生尊敬师长，团结同学，学习刻苦。', author: '赵老师', date: '2026-08-30' };
    const written = await t.call('saveGraduationComment', t.student.id, comment);
    expect(written.graduationComment).toEqual(comment);
    const rewritten = await t.call('saveGraduationComment', t.student.id, {
      ...comment,
      text: `${comment.text}望继续努力。`,
    });
    expect(rewritten.history[0]).toMatchObject({
      field: 'graduationComment',
      before: '该生尊敬师长，团结同学，学习刻苦。（赵老师，2026-08-30）',
      after: '该生尊敬师长，团结同学，学习刻苦。望继续努力。（赵老师，2026-08-30）',
    });
    expect((await auditEvents(t, 'student.graduationComment')).map((e) => e.details['replaced'])).toEqual([
      true,
      false,
    ]);
    await expect(
      t.call('saveGraduationComment', t.student.id, { ...comment, text: '良好。', author: '' }),
    ).rejects.toMatchObject({ fields: { text: '毕业评语至少 10 个字。', author: '评语人不能为空。' } });
  });
});

describe('SCH-3 纸质档案', () => {
  it('stamps only the items whose state changed, keeps the others, and logs 无→有', async () => {
    const t = await withStudent();
    const first = await t.call('saveArchiveChecklist', t.student.id, [{ item: 'idCopy', present: true, note: '' }]);
    const stampedAt = first.archive.find((state) => state.item === 'idCopy')!.checkedAt;
    expect(stampedAt).toMatch(/^2026-09-01T08:00/);
    t.advance(5);
    const second = await t.call('saveArchiveChecklist', t.student.id, [
      { item: 'idCopy', present: true, note: '' },
      { item: 'householdCopy', present: true, note: '复印件' },
    ]);
    expect(second.archive.slice(0, 3)).toEqual([
      { item: 'registrationForm', present: false, note: '', checkedAt: '', checkedBy: '' },
      {
        item: 'householdCopy',
        present: true,
        note: '复印件',
        checkedAt: expect.stringMatching(/T08:05/),
        checkedBy: 'wangli',
      },
      { item: 'idCopy', present: true, note: '', checkedAt: stampedAt, checkedBy: 'wangli' },
    ]);
    expect(second.history.slice(0, 2).map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: 'archive.householdCopy', before: '无', after: '有（复印件）' },
      { field: 'archive.idCopy', before: '无', after: '有' },
    ]);
    expect((await auditEvents(t, 'student.archive')).map((e) => e.details['items'])).toEqual([
      ['householdCopy'],
      ['idCopy'],
    ]);
  });

  it('VOC-2 items are refused outside a 中职 and kept at one', async () => {
    const t = await withStudent();
    const moral = [{ item: 'moralEvaluation', present: true, note: '' }];
    await expect(t.call('saveArchiveChecklist', t.student.id, moral)).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { 'archive.moralEvaluation': expect.stringContaining('VOC-2') },
    });
    await t.call('updateSchoolProfile', {
      name: '阳泉市职业技术学校',
      code: school.schoolCode,
      type: '360',
      ownership: '1',
      provincialModel: false,
      enrollmentZone: '',
      registerOffice: '学籍室',
      registerOfficer: '王丽',
      officerPhone: '0353-1234567',
    });
    const saved = await t.call('saveArchiveChecklist', t.student.id, moral);
    expect(saved.archive.find((state) => state.item === 'moralEvaluation')?.present).toBe(true);
  });

  it('a failing item leaves nothing written: no tick, no history, no access-log event', async () => {
    const t = await withStudent();
    await t.call('logout');
    const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
    raw.db.exec(`CREATE TRIGGER refuse_household BEFORE INSERT ON archive_item WHEN NEW.item = 'householdCopy'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    raw.db.close();
    await t.call('login', { userName: 'wangli', password: adminPassword });
    await expect(
      t.call('saveArchiveChecklist', t.student.id, [
        { item: 'idCopy', present: true, note: '' },
        { item: 'householdCopy', present: true, note: '' },
      ]),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    const record = await t.call('getStudent', t.student.id);
    expect(record.archive.filter((state) => state.present)).toEqual([]);
    expect(record.history).toEqual([]);
    expect(await auditEvents(t, 'student.archive')).toEqual([]);
  });

  it('refuses a student who does not exist', async () => {
    const t = await withStudent();
    await expect(t.call('saveArchiveChecklist', 9999, [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
