/** The graduating list (毕业名单) of a graduating grade on a real installation (GRD-1, GRD-2, CHG-3). */
import { describe, expect, it } from 'vitest';
import type { StudyHistoryEntry } from '../../shared/register/studentRecords';
import { samplePupil, setUpCore } from './fixtures';
import { insertOpenCase, setStatus, writeRaw } from './promotionFixtures';

const studyHistory: StudyHistoryEntry[] = [
  { fromMonth: '202509', toMonth: '', school: '阳泉市第一中学', role: '', witness: '王芳' },
];
const comment = { text: '该生尊敬师长，团结同学，学习刻苦。', author: '赵老师', date: '2026-08-30' };

/**
 * 九年级 1 and 2, 八年级 1. In 九（2）: 白雪 (学习简历 and 毕业评语 done),
 * 安琪 (nothing yet). In 九（1）: 陈晨 休学, 邓超 with an open 转出, 范文 转出
 * (left). In 八（1）: 高远.
 */
async function gradeNine() {
  const t = await setUpCore();
  let classes: readonly { id: number; grade: number; number: number }[] = [];
  for (const [grade, number] of [
    [9, 1],
    [9, 2],
    [8, 1],
  ] as const) {
    classes = await t.call('saveClass', { grade, number, headTeacher: '赵老师', capacity: 45 });
  }
  const classId = (grade: number, number: number) => classes.find((c) => c.grade === grade && c.number === number)!.id;
  const register = async (sequence: number, name: string, grade: number, number: number) =>
    (await t.call('registerStudent', classId(grade, number), samplePupil(sequence, { name }))).student.id;
  const ids = {
    bai: await register(1, '白雪', 9, 2),
    an: await register(2, '安琪', 9, 2),
    chen: await register(3, '陈晨', 9, 1),
    deng: await register(4, '邓超', 9, 1),
    fan: await register(5, '范文', 9, 1),
    gao: await register(6, '高远', 8, 1),
  };
  await t.call('saveStudyHistory', ids.bai, studyHistory);
  await t.call('saveGraduationComment', ids.bai, comment);
  await writeRaw(t, (db) => {
    setStatus(db, ids.chen, 'suspended');
    setStatus(db, ids.fan, 'transferredOut');
    insertOpenCase(db, 'transferOut', ids.deng);
  });
  return { ...t, ids };
}

describe('毕业名单 (listGraduateCandidates)', () => {
  it('lists the grade’s 在读 and 休学 students in roll order (class, then name pinyin), not those who left', async () => {
    const t = await gradeNine();
    const list = await t.call('listGraduateCandidates', 9);
    expect(list.map((c) => [c.classLabel, c.name, c.status])).toEqual([
      ['九年级（1）班', '陈晨', 'suspended'],
      ['九年级（1）班', '邓超', 'enrolled'],
      ['九年级（2）班', '安琪', 'enrolled'],
      ['九年级（2）班', '白雪', 'enrolled'],
    ]);
  });

  it('GRD-2 clears a student with a study history and a graduation comment, and refuses one without', async () => {
    const t = await gradeNine();
    const list = await t.call('listGraduateCandidates', 9);
    expect(list.find((c) => c.studentId === t.ids.bai)).toEqual({
      studentId: t.ids.bai,
      name: '白雪',
      classLabel: '九年级（2）班',
      status: 'enrolled',
      hasStudyHistory: true,
      hasGraduationComment: true,
      openCases: [],
      refusals: [],
    });
    const an = list.find((c) => c.studentId === t.ids.an)!;
    expect([an.hasStudyHistory, an.hasGraduationComment]).toEqual([false, false]);
    expect(an.refusals).toEqual([
      { rule: 'GRD-2', message: expect.stringContaining('学生还没有学习简历和毕业评语，不能办理毕业') },
    ]);
  });

  it('GRD-2 refuses a student with an open case, naming it', async () => {
    const t = await gradeNine();
    const deng = (await t.call('listGraduateCandidates', 9)).find((c) => c.studentId === t.ids.deng)!;
    expect(deng.openCases).toEqual(['transferOut']);
    expect(deng.refusals.map((r) => r.message)).toContain(
      '学生还有未办结的转出，不能办理毕业（规则 GRD-2）。请先办结或撤销这些事项。',
    );
  });

  it('CHG-3 lists a 休学 student, who must resume before graduating', async () => {
    const t = await gradeNine();
    const chen = (await t.call('listGraduateCandidates', 9)).find((c) => c.studentId === t.ids.chen)!;
    expect(chen.refusals[0]).toEqual({
      rule: 'CHG-3',
      message: '学生正在休学，不能办理毕业（规则 CHG-3）。请先办理复学。',
    });
  });

  it('GRD-1 refuses the list of a grade that does not graduate', async () => {
    const t = await gradeNine();
    await expect(t.call('listGraduateCandidates', 8)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '八年级不是毕业年级，没有毕业名单（规则 GRD-1）。请选择六年级、九年级或高三（中职三年级）。',
    });
  });
});
