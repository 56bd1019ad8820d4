/**
 * The graduating list (毕业名单) of one graduating grade: every student of
 * its classes still in the pool, in roll order, with what stands between
 * them and graduation (GRD-1, GRD-2). Set-based reads whatever the grade's
 * size (the students with their record flags, the open cases of the grade);
 * the rules of `shared/changes` decide each student.
 */
import type { GraduateCandidate } from '../../../shared/changes/caseRecords';
import type { CaseKind } from '../../../shared/changes/cases';
import { graduationRefusals } from '../../../shared/changes/graduation';
import { openCaseRefusal } from '../../../shared/changes/movementRules';
import { isGraduatingGrade } from '../../../shared/changes/stages';
import { canMove } from '../../../shared/changes/statusMachine';
import type { StudentStatus } from '../../../shared/register/codes';
import { classLabel, gradeLabel } from '../../../shared/register/students';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';

export interface GraduationServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

interface CandidateRow {
  readonly studentId: number;
  readonly name: string;
  readonly number: number;
  readonly status: StudentStatus;
  readonly hasStudyHistory: number;
  readonly hasGraduationComment: number;
}

/** The grade's 在读 and 休学 students (CHG-3 keeps the suspended in the pool), by class and name pinyin. */
function readCandidates(database: Database, grade: number): CandidateRow[] {
  return database
    .prepare(
      `SELECT s.id AS studentId, s.name, c.number, s.status,
         EXISTS (SELECT 1 FROM study_history h WHERE h.student_id = s.id) AS hasStudyHistory,
         EXISTS (SELECT 1 FROM graduation_comment g WHERE g.student_id = s.id) AS hasGraduationComment
       FROM class c JOIN student s ON s.class_id = c.id
       WHERE c.grade = ? AND s.status IN ('enrolled', 'suspended')
       ORDER BY c.number, s.name_pinyin, s.name, s.id`,
    )
    .all(grade) as CandidateRow[];
}

/** Kinds of the open (办理中) cases of the grade's students, by student. */
function readOpenCases(database: Database, grade: number): Map<number, CaseKind[]> {
  const rows = database
    .prepare(
      `SELECT cs.student_id AS studentId, rc.kind
       FROM register_case rc
         JOIN case_student cs ON cs.case_id = rc.id
         JOIN student s ON s.id = cs.student_id
         JOIN class c ON c.id = s.class_id
       WHERE rc.status = 'pending' AND c.grade = ?
       ORDER BY rc.id`,
    )
    .all(grade) as { studentId: number; kind: CaseKind }[];
  const byStudent = new Map<number, CaseKind[]>();
  for (const { studentId, kind } of rows) {
    const kinds = byStudent.get(studentId);
    if (kinds) kinds.push(kind);
    else byStudent.set(studentId, [kind]);
  }
  return byStudent;
}

export function createGraduationService({ sessions }: GraduationServiceContext) {
  const db = () => sessions.require().storage.db;

  function listGraduateCandidates(grade: number): GraduateCandidate[] {
    if (!isGraduatingGrade(grade)) {
      throw new AppError(
        'RULE_VIOLATION',
        `${gradeLabel(grade)}不是毕业年级，没有毕业名单（规则 GRD-1）。请选择六年级、九年级或高三（中职三年级）。`,
        `graduating list of grade ${grade}`,
      );
    }
    const database = db();
    return database.transaction(() => {
      const school = { type: database.prepare('SELECT type FROM school').pluck().get() as string | null };
      const openCases = readOpenCases(database, grade);
      return readCandidates(database, grade).map((row): GraduateCandidate => {
        const cases = openCases.get(row.studentId) ?? [];
        const hasStudyHistory = row.hasStudyHistory === 1;
        const hasGraduationComment = row.hasGraduationComment === 1;
        return {
          studentId: row.studentId,
          name: row.name,
          classLabel: classLabel(grade, row.number),
          status: row.status,
          hasStudyHistory,
          hasGraduationComment,
          openCases: cases,
          refusals: [
            canMove({ status: row.status, grade }, 'graduation', school),
            ...graduationRefusals({ grade, hasStudyHistory, hasGraduationComment }),
            openCaseRefusal('graduation', cases),
          ].filter((refusal) => refusal !== null),
        };
      });
    })();
  }

  return { listGraduateCandidates };
}
