/**
 * Reads the school's classes with how many students each holds now: 在读 and
 * 休学 (CHG-3 keeps suspended students in the pool), counted against 班额.
 */
import { classLabel, type SchoolClass } from '../../../shared/register/students';
import type { Database } from '../db/database';
import { AppError } from '../errors';

const classColumns = `c.id, c.grade, c.number, c.head_teacher AS headTeacher, c.capacity,
  (SELECT count(*) FROM student s WHERE s.class_id = c.id AND s.status IN ('enrolled', 'suspended')) AS studentCount`;

const withLabel = (row: Omit<SchoolClass, 'label'>): SchoolClass => ({
  ...row,
  label: classLabel(row.grade, row.number),
});

/** Every class, by grade and number. */
export function readClasses(database: Database): SchoolClass[] {
  const rows = database.prepare(`SELECT ${classColumns} FROM class c ORDER BY c.grade, c.number`).all();
  return (rows as Omit<SchoolClass, 'label'>[]).map(withLabel);
}

/** One class; refuses with a Chinese message when it does not exist (any more). */
export function readClass(database: Database, classId: number): SchoolClass {
  const row = database.prepare(`SELECT ${classColumns} FROM class c WHERE c.id = ?`).get(classId);
  if (!row) throw new AppError('NOT_FOUND', '所选班级不存在，请刷新后重新选择。', `class ${classId} missing`);
  return withLabel(row as Omit<SchoolClass, 'label'>);
}
