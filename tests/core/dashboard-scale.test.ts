/**
 * 首页待办 on a 50,000-student school: every figure is a set-based read, so
 * the dashboard answers at once (OPS-1: it is the first screen of every day).
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { caseCore } from './casesSupport';
import { writeRaw } from './promotionFixtures';

const students = 50_000;
/** 84 classes in each of the 12 grades: about 50 students a class. */
const classesPerGrade = 84;

/**
 * Classes and students written straight in (the import is the real bulk
 * path); one in fifty 休学. Half the students were verified this term (term
 * id 1), and half the graduating grades have their 学习简历.
 */
async function bigSchool() {
  const t = await caseCore([]);
  await writeRaw(t, (db) => {
    db.prepare(
      `WITH RECURSIVE g(grade) AS (SELECT 1 UNION ALL SELECT grade + 1 FROM g WHERE grade < 12),
         n(number) AS (SELECT 1 UNION ALL SELECT number + 1 FROM n WHERE number < ?)
       INSERT INTO class (grade, number, head_teacher, capacity) SELECT grade, number, '', 60 FROM g, n`,
    ).run(classesPerGrade);
    db.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ? - 1)
       INSERT INTO student (class_id, status, name, name_initials, name_pinyin, sex, birth_date, id_type, id_number,
         basics, created_at, created_by, updated_at)
       SELECT 1 + i % (12 * ?), CASE WHEN i % 50 = 0 THEN 'suspended' ELSE 'enrolled' END, '学生' || i, 'xs',
         'xuesheng' || i, '1', '2012-01-01', '1', printf('T%017d', i), '{}', 'x', 'x', 'x' FROM k`,
    ).run(students, classesPerGrade);
    db.prepare(
      `INSERT INTO record_verification (term_id, student_id, verified_at, verified_by)
       SELECT 1, id, 'x', 'wangli' FROM student WHERE id % 2 = 0`,
    ).run();
    db.prepare(
      `INSERT INTO study_history (student_id, position, from_month, to_month, school, role, witness)
       SELECT s.id, 0, '201809', '', '阳泉市第一中学', '', '王芳' FROM student s JOIN class c ON c.id = s.class_id
       WHERE c.grade IN (6, 9, 12) AND s.id % 2 = 1`,
    ).run();
  });
  return t;
}

describe('首页待办 at scale', () => {
  it('OPS-1 answers within half a second on a school of 50,000 students', { timeout: 120_000 }, async () => {
    const t = await bigSchool();
    const first = await t.call('getDashboard');
    expect(first.verification).toMatchObject({ students, verified: students / 2 });
    expect(first.verification.classes).toHaveLength(12 * classesPerGrade);
    expect(first.graduates.grades.map((grade) => grade.grade)).toEqual([6, 9, 12]);
    const twelfth = first.graduates.grades[2]!;
    expect(twelfth.incomplete).toBe(twelfth.students);
    expect(twelfth.missingStudyHistory).toBeLessThan(twelfth.students);
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      await t.call('getDashboard');
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(500);
  });
});
