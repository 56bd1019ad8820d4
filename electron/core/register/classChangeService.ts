/**
 * 调班 (class change): a student moves to another class of the same grade,
 * with a reason; the move is kept in the record's history and the access log.
 * Moving to another grade is 留级 or 升级, a register change of its own.
 */
import { labelOf, studentStatuses } from '../../../shared/register/codes';
import {
  type ClassChangeRequest,
  gradeLabel,
  type SchoolClass,
  type StudentRecord,
} from '../../../shared/register/students';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import { AppError } from '../errors';
import { readClass } from './classes';
import { auditObjectId, readStudentRecord, writeHistory } from './studentRecord';

export interface ClassChangeServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

/** CHG-3: suspended students stay in the pool, so they may change class too. */
const movableStatuses: readonly string[] = ['enrolled', 'suspended'];

/** Why this move is not a 调班, in Chinese; null when it is one. */
function refusal(student: StudentRecord, studentGrade: number, target: SchoolClass): AppError | null {
  if (!movableStatuses.includes(student.status)) {
    const status = labelOf(studentStatuses, student.status) ?? student.status;
    return new AppError(
      'RULE_VIOLATION',
      `“${student.name}”的学籍状态为“${status}”，只有在读或休学的学生才能调班。`,
      `class change of a student with status ${student.status}`,
    );
  }
  if (student.classLabel === target.label) {
    return new AppError('RULE_VIOLATION', `“${student.name}”已在${target.label}。`, 'class change to the same class');
  }
  if (studentGrade !== target.grade) {
    return new AppError(
      'RULE_VIOLATION',
      `调班只能在同一年级内进行：“${student.name}”在${gradeLabel(studentGrade)}，${target.label}是${gradeLabel(target.grade)}。换到其他年级属于留级或升级，请通过学籍异动办理。`,
      `class change across grades ${studentGrade} -> ${target.grade}`,
    );
  }
  if (target.studentCount >= target.capacity) {
    return new AppError(
      'RULE_VIOLATION',
      `${target.label}的班额为 ${target.capacity} 人，现有 ${target.studentCount} 人，已满，不能调入。请选择其他班级，或先修改该班的班额。`,
      `class ${target.label} full`,
    );
  }
  return null;
}

export function createClassChangeService({ sessions, now }: ClassChangeServiceContext) {
  const db = () => sessions.require().storage.db;

  function changeClass(request: ClassChangeRequest): StudentRecord {
    const reason = request.reason.trim();
    if (reason.length < 2 || reason.length > 200) {
      throw new AppError('FIELD_ERRORS', '调班原因应为 2 至 200 个字。', 'class change reason length', {
        fields: { reason: '调班原因应为 2 至 200 个字。' },
      });
    }
    const database = db();
    const at = now();
    database.transaction(() => {
      const student = readStudentRecord(database, request.studentId);
      const from = readClass(database, student.classId);
      const target = readClass(database, request.classId);
      const refused = refusal(student, from.grade, target);
      if (refused) throw refused;
      const stamp = isoWithOffset(at);
      database
        .prepare('UPDATE student SET class_id = ?, updated_at = ? WHERE id = ?')
        .run(request.classId, stamp, student.id);
      writeHistory(
        database,
        student.id,
        [{ field: 'classId', before: from.label, after: target.label }],
        stamp,
        sessions.require().actor.userName,
      );
      sessions.audit({
        at,
        action: 'student.classChange',
        objectType: 'student',
        objectId: auditObjectId(student),
        outcome: 'success',
        details: { studentId: student.id, from: from.label, to: target.label, reason },
      });
    })();
    return readStudentRecord(database, request.studentId);
  }

  return { changeClass };
}
