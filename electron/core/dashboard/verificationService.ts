/**
 * 每学期核对 (rule VER-1): the school confirms at least once per term that
 * each student's record matches the real student (人籍一致, OPS-2). The
 * review screen reads one class's 在读 and 休学 students with this term's
 * confirmation; the clerk confirms many at once, in one transaction, with
 * one access-log event. Without a current term nothing is confirmed (SCH-2).
 */
import type { VerificationList, VerificationResult, VerificationTerm } from '../../../shared/dashboard';
import { labelOf, studentStatuses, type StudentStatus } from '../../../shared/register/codes';
import { localDate } from '../../../shared/register/identity';
import { currentTerm, termLabel } from '../../../shared/register/terms';
import { classLabel } from '../../../shared/register/students';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readClass } from '../register/classes';
import { readTerms } from '../register/schoolService';

export interface VerificationServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

/** CHG-3 keeps suspended students in the pool: they are verified like the others. */
const inPool: ReadonlySet<string> = new Set<StudentStatus>(['enrolled', 'suspended']);

/** The term `today` falls in (SCH-2), as verifications name it; null when none. */
export function verificationTermOn(database: Database, today: string): VerificationTerm | null {
  const term = currentTerm(readTerms(database), today);
  return term ? { id: term.id, label: termLabel(term) } : null;
}

/** SCH-2 and VER-1: why nothing can be confirmed today, and what to do. */
export const noTermMessage = (today: string): string =>
  `今天（${today}）不在任何已设置的学期内，不能记录本学期的学籍核对（规则 SCH-2、VER-1）。请先在“学年学期设置”中设置本学期的起止日期，再确认核对。`;

interface ConfirmRow {
  readonly id: number;
  readonly name: string;
  readonly status: StudentStatus;
  readonly grade: number;
  readonly number: number;
  readonly verified: number;
}

/** “张三、李四等 5 人”: names for a refusal, a few at most. */
function namesText(rows: readonly ConfirmRow[]): string {
  const shown = rows.slice(0, 3).map((row) => row.name);
  return rows.length > shown.length ? `${shown.join('、')}等 ${rows.length} 人` : shown.join('、');
}

export function createVerificationService({ sessions, now }: VerificationServiceContext) {
  const db = () => sessions.require().storage.db;

  /** A class's 在读 and 休学 students in roll order, each with this term's confirmation. */
  function listVerification(classId: number): VerificationList {
    const database = db();
    const today = localDate(now());
    return database.transaction(() => {
      const schoolClass = readClass(database, classId);
      const term = verificationTermOn(database, today);
      const students = database
        .prepare(
          `SELECT s.id AS studentId, s.name, s.sex, s.birth_date AS birthDate, s.id_number AS idNumber,
             s.student_number AS studentNumber, s.status, v.verified_at AS verifiedAt, v.verified_by AS verifiedBy
           FROM student s LEFT JOIN record_verification v ON v.term_id = ? AND v.student_id = s.id
           WHERE s.class_id = ? AND s.status IN ('enrolled', 'suspended')
           ORDER BY s.name_pinyin, s.name, s.id`,
        )
        .all(term?.id ?? 0, classId) as VerificationList['students'];
      return {
        classId,
        classLabel: schoolClass.label,
        term,
        reminder: term ? null : noTermMessage(today),
        students,
      };
    })();
  }

  /** VER-1: the records of these students match them; those already confirmed this term are left as they were. */
  function confirmRecords(studentIds: readonly number[]): VerificationResult {
    const database = db();
    const at = now();
    const today = localDate(at);
    const ids = [...new Set(studentIds)];
    return database.transaction(() => {
      const term = verificationTermOn(database, today);
      if (!term) throw new AppError('RULE_VIOLATION', noTermMessage(today), `no term on ${today}`);
      const rows = database
        .prepare(
          `SELECT s.id, s.name, s.status, c.grade, c.number,
             EXISTS (SELECT 1 FROM record_verification v WHERE v.term_id = ? AND v.student_id = s.id) AS verified
           FROM student s JOIN class c ON c.id = s.class_id
           WHERE s.id IN (SELECT value FROM json_each(?))
           ORDER BY c.grade, c.number, s.name_pinyin, s.id`,
        )
        .all(term.id, JSON.stringify(ids)) as ConfirmRow[];
      if (rows.length !== ids.length) {
        throw new AppError(
          'NOT_FOUND',
          '所选学生中有档案已不存在，请刷新名单后重新选择。',
          `${ids.length - rows.length} students missing`,
        );
      }
      const departed = rows.filter((row) => !inPool.has(row.status));
      if (departed.length > 0) {
        const statuses = [...new Set(departed.map((row) => labelOf(studentStatuses, row.status) ?? row.status))];
        throw new AppError(
          'RULE_VIOLATION',
          `${namesText(departed)}已不在校（学籍状态：${statuses.join('、')}），不在每学期核对的范围内（规则 VER-1 核对在读和休学的学生）。请刷新名单，只勾选在读和休学的学生后再确认。`,
          `${departed.length} students not in the pool`,
        );
      }
      const fresh = rows.filter((row) => row.verified === 0);
      if (fresh.length > 0) {
        const by = sessions.require().actor.userName;
        database
          .prepare(
            `INSERT INTO record_verification (term_id, student_id, verified_at, verified_by)
             SELECT ?, value, ?, ? FROM json_each(?)`,
          )
          .run(term.id, isoWithOffset(at), by, JSON.stringify(fresh.map((row) => row.id)));
        sessions.audit({
          at,
          action: 'record.verify',
          objectType: 'term',
          objectId: String(term.id),
          outcome: 'success',
          details: {
            term: term.label,
            confirmed: fresh.length,
            alreadyVerified: rows.length - fresh.length,
            classes: [...new Set(fresh.map((row) => classLabel(row.grade, row.number)))],
            studentIds: fresh.map((row) => row.id),
          },
        });
      }
      return { term, confirmed: fresh.length, alreadyVerified: rows.length - fresh.length };
    })();
  }

  return { listVerification, confirmRecords };
}
