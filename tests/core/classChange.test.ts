/** 调班 (class change) on a real installation: same grade only, a reason, history and access log. */
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../electron/core/storage';
import { adminPassword, samplePupil, setUpCore, testStorageOptions } from './fixtures';

/** Three classes (一年级 1 and 2, 二年级 1) and one pupil in 一年级（1）班. */
async function withPupil(capacityOfSecond = 45) {
  const t = await setUpCore();
  await t.call('saveClass', { grade: 1, number: 1, headTeacher: '赵老师', capacity: 45 });
  await t.call('saveClass', { grade: 1, number: 2, headTeacher: '钱老师', capacity: capacityOfSecond });
  const classes = await t.call('saveClass', { grade: 2, number: 1, headTeacher: '孙老师', capacity: 45 });
  const [first, second, secondGrade] = classes.map((c) => c.id) as [number, number, number];
  const { student } = await t.call('registerStudent', first, samplePupil(6));
  return { ...t, student, first, second, secondGrade };
}

const reason = '家长申请，与双胞胎姐姐同班便于照顾';

describe('调班 (class change)', () => {
  it('moves a student to another class of the same grade, with history and an access-log entry', async () => {
    const t = await withPupil();
    t.advance(5);
    const moved = await t.call('changeClass', { studentId: t.student.id, classId: t.second, reason });
    expect(moved).toMatchObject({ classId: t.second, classLabel: '一年级（2）班' });
    expect(moved.history[0]).toEqual({
      field: 'classId',
      before: '一年级（1）班',
      after: '一年级（2）班',
      at: expect.stringMatching(/T08:05/),
      by: 'wangli',
    });
    expect((await t.call('listClasses')).map((c) => c.studentCount)).toEqual([0, 1, 0]);
    const [event] = (await t.call('listAuditEvents', { action: 'student.classChange', limit: 5, offset: 0 })).rows;
    expect(event).toMatchObject({
      userName: 'wangli',
      objectId: t.student.idNumber,
      details: { studentId: t.student.id, from: '一年级（1）班', to: '一年级（2）班', reason },
    });
  });

  it('refuses another grade, saying it is 留级 or 升级', async () => {
    const t = await withPupil();
    await expect(
      t.call('changeClass', { studentId: t.student.id, classId: t.secondGrade, reason }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('调班只能在同一年级内进行：“李小红”在一年级，二年级（1）班是二年级'),
    });
    await expect(
      t.call('changeClass', { studentId: t.student.id, classId: t.secondGrade, reason }),
    ).rejects.toMatchObject({ message: expect.stringContaining('留级或升级') });
  });

  it('refuses a full class, naming it and its capacity', async () => {
    const t = await withPupil(1);
    await t.call('registerStudent', t.second, samplePupil(8, { name: '张伟' }));
    await expect(t.call('changeClass', { studentId: t.student.id, classId: t.second, reason })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '一年级（2）班的班额为 1 人，现有 1 人，已满，不能调入。请选择其他班级，或先修改该班的班额。',
    });
    expect((await t.call('getStudent', t.student.id)).classLabel).toBe('一年级（1）班');
  });

  it('needs a reason of 2 to 200 characters, and refuses the class the student is in', async () => {
    const t = await withPupil();
    await expect(
      t.call('changeClass', { studentId: t.student.id, classId: t.second, reason: ' 调 ' }),
    ).rejects.toMatchObject({ code: 'FIELD_ERRORS', fields: { reason: '调班原因应为 2 至 200 个字。' } });
    await expect(t.call('changeClass', { studentId: t.student.id, classId: t.first, reason })).rejects.toMatchObject({
      message: '“李小红”已在一年级（1）班。',
    });
    const history = (await t.call('getStudent', t.student.id)).history;
    expect(history).toEqual([]);
  });

  it('moves only students in the pool (在读, 休学): a transferred-out record stays where it was', async () => {
    const t = await withPupil();
    await t.call('logout');
    const raw = await openStorage(t.paths, { id: 'account:wangli', secret: adminPassword }, testStorageOptions());
    raw.db.prepare("UPDATE student SET status = 'transferredOut' WHERE id = ?").run(t.student.id);
    raw.db.close();
    await t.call('login', { userName: 'wangli', password: adminPassword });
    await expect(t.call('changeClass', { studentId: t.student.id, classId: t.second, reason })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '“李小红”的学籍状态为“转出”，只有在读或休学的学生才能调班。',
    });
  });
});
