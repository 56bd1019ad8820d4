/** Classes and student records on a real installation (issue 4; rules REG-1, OPS-2, DAT-1). */
import { describe, expect, it } from 'vitest';
import { samplePupil, setUpCore } from './fixtures';

async function withClass() {
  const t = await setUpCore();
  const [first] = await t.call('saveClass', { grade: 1, number: 2, headTeacher: '赵老师', capacity: 45 });
  return { ...t, classId: first!.id };
}

describe('classes', () => {
  it('are named as clerks say them and refuse a second class of the same number', async () => {
    const t = await withClass();
    await t.call('saveClass', { grade: 7, number: 1, headTeacher: '', capacity: 50 });
    expect((await t.call('listClasses')).map((c) => c.label)).toEqual(['一年级（2）班', '七年级（1）班']);
    await expect(t.call('saveClass', { grade: 1, number: 2, headTeacher: '', capacity: 40 })).rejects.toMatchObject({
      message: '一年级（2）班已经存在。',
    });
    await expect(t.call('saveClass', { grade: 13, number: 1, headTeacher: '', capacity: 0 })).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      fields: { grade: expect.any(String), capacity: '班额应为 1 至 100 人。' },
    });
  });
});

describe('REG-1 registering a student', () => {
  it('saves a valid record and counts it in its class', async () => {
    const t = await withClass();
    const { student, possibleDuplicates } = await t.call('registerStudent', t.classId, samplePupil());
    expect(student).toMatchObject({ name: '李小红', classLabel: '一年级（2）班', status: 'enrolled' });
    expect(possibleDuplicates).toEqual([]);
    expect((await t.call('listClasses'))[0]?.studentCount).toBe(1);
  });

  it('refuses invalid fields with a Chinese message on each field, and saves nothing', async () => {
    const t = await withClass();
    const bad = samplePupil(6, { idNumber: '140302201903011121', phone: '123' });
    await expect(t.call('registerStudent', t.classId, bad)).rejects.toMatchObject({
      code: 'FIELD_ERRORS',
      message: expect.stringContaining('项信息需要修改'),
      fields: { idNumber: expect.stringContaining('校验码'), phone: expect.any(String) },
    });
    expect((await t.call('listStudents', { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('OPS-2 refuses the same ID number twice, naming the other record', async () => {
    const t = await withClass();
    await t.call('registerStudent', t.classId, samplePupil(6));
    await expect(t.call('registerStudent', t.classId, samplePupil(6, { name: '李小明' }))).rejects.toMatchObject({
      code: 'DUPLICATE',
      message: expect.stringContaining('一年级（2）班“李小红”'),
      fields: { idNumber: expect.any(String) },
    });
  });

  it('OPS-2 flags the same name, birth date and sex for review without refusing', async () => {
    const t = await withClass();
    const first = await t.call('registerStudent', t.classId, samplePupil(6));
    const second = await t.call('registerStudent', t.classId, samplePupil(8));
    expect(second.possibleDuplicates.map((s) => s.id)).toEqual([first.student.id]);
  });
});

describe('finding and reading students', () => {
  it('finds by part of the name, ID-number prefix or class', async () => {
    const t = await withClass();
    await t.call('registerStudent', t.classId, samplePupil(6));
    await t.call('registerStudent', t.classId, samplePupil(8, { name: '张伟' }));
    const byName = await t.call('listStudents', { text: '小红', limit: 10, offset: 0 });
    expect(byName.rows.map((s) => s.name)).toEqual(['李小红']);
    const byId = await t.call('listStudents', { text: samplePupil(8).idNumber.slice(0, 17), limit: 10, offset: 0 });
    expect(byId.rows.map((s) => s.name)).toEqual(['张伟']);
    expect((await t.call('listStudents', { text: '100%_', limit: 10, offset: 0 })).total).toBe(0);
    expect((await t.call('listStudents', { classId: t.classId, limit: 10, offset: 0 })).total).toBe(2);
  });

  it('every opening of a full record is written to the access log', async () => {
    const t = await withClass();
    const { student } = await t.call('registerStudent', t.classId, samplePupil(6));
    await t.call('getStudent', student.id);
    const [event] = (await t.call('listAuditEvents', { action: 'student.read', limit: 5, offset: 0 })).rows;
    expect(event).toMatchObject({ userName: 'wangli', objectId: student.idNumber, details: { studentId: student.id } });
  });
});

describe('DAT-1 editing a student', () => {
  it('edits a non-key field directly and keeps field-level history (who, when, before, after)', async () => {
    const t = await withClass();
    const { student } = await t.call('registerStudent', t.classId, samplePupil(6));
    t.advance(5);
    const updated = await t.call('updateStudent', student.id, { ...student.basics, phone: '13900001111' });
    expect(updated.history).toEqual([
      {
        field: 'phone',
        before: '13812345678',
        after: '13900001111',
        at: expect.stringMatching(/T08:05/),
        by: 'wangli',
      },
    ]);
  });

  it('refuses a key field, pointing to a change request; a first 学籍号 may be filled in', async () => {
    const t = await withClass();
    const { student } = await t.call('registerStudent', t.classId, samplePupil(6));
    await expect(t.call('updateStudent', student.id, { ...student.basics, name: '李晓红' })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('姓名属于关键数据'),
      fields: { name: expect.stringContaining('变更申请') },
    });
    const withNumber = await t.call('updateStudent', student.id, {
      ...student.basics,
      studentNumber: `G${student.idNumber}`,
    });
    expect(withNumber.studentNumber).toBe(`G${student.idNumber}`);
    await expect(
      t.call('updateStudent', student.id, { ...withNumber.basics, studentNumber: `L140302201903010001` }),
    ).rejects.toMatchObject({ message: expect.stringContaining('全国学籍号属于关键数据') });
  });
});
