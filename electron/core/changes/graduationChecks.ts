/**
 * 毕业 of a graduating list (rules GRD-1, GRD-2): every student on it must
 * be allowed to graduate (enrolled, in a graduating grade, with 学习简历 and
 * 毕业评语, no other open case), and all of one stage, since the approval
 * steps differ per stage. The same per-student check runs again when the
 * list is approved.
 */
import type { GraduationInput } from '../../../shared/changes/caseRecords';
import type { Refusal } from '../../../shared/changes/cases';
import { graduationRefusals } from '../../../shared/changes/graduation';
import { movementRefusals } from '../../../shared/changes/movementRules';
import { stageLabels, stageOf } from '../../../shared/changes/stages';
import { canMove } from '../../../shared/changes/statusMachine';
import type { SchoolProfile } from '../../../shared/register/school';
import { gradeLabel } from '../../../shared/register/students';
import type { Database } from '../db/database';
import { caseFieldErrors, openCaseKinds, readStudentFacts, type StudentFacts, studentSubject } from './caseFacts';
import type { CheckContext, PreparedCase } from './caseChecks';

const exists = (database: Database, table: 'study_history' | 'graduation_comment', studentId: number): boolean =>
  database.prepare(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE student_id = ?)`).pluck().get(studentId) === 1;

/** Why this student may not graduate on `date`, each refusal naming the student; `exceptCaseId` is the list itself. */
export function graduateRefusals(
  database: Database,
  school: SchoolProfile,
  student: StudentFacts,
  date: string,
  exceptCaseId: number | null,
): Refusal[] {
  const moving = { status: student.status, grade: student.grade, studyMode: student.basics.studyMode };
  const common = movementRefusals({
    student: moving,
    school,
    movement: 'graduation',
    date,
    openCases: openCaseKinds(database, student.id, exceptCaseId),
  });
  const own =
    canMove(moving, 'graduation', school) === null
      ? graduationRefusals({
          grade: student.grade,
          hasStudyHistory: exists(database, 'study_history', student.id),
          hasGraduationComment: exists(database, 'graduation_comment', student.id),
        })
      : [];
  const who = studentSubject(student.name, student.classLabel);
  return [...common, ...own].map((refusal) => ({ rule: refusal.rule, message: `${who}：${refusal.message}` }));
}

/** GRD-1: one list, one stage (compulsory graduation is the school's; senior high needs the city bureau). */
function stageRefusal(students: readonly StudentFacts[], school: SchoolProfile): Refusal | null {
  const stages = [...new Set(students.map((student) => stageOf(student.grade, school)))];
  if (stages.length <= 1) return null;
  return {
    rule: 'GRD-1',
    message: `毕业名单中有${stages.map((stage) => stageLabels[stage]).join('和')}的学生，各学段的审批步骤不同（规则 GRD-1：义务教育阶段由学校办理，高中须经市教育局审批），请按学段分别办理。`,
  };
}

export function prepareGraduation(context: CheckContext, input: GraduationInput): PreparedCase {
  const { database, school } = context;
  const students = input.students.map(({ studentId }) => readStudentFacts(database, studentId));
  const seen = new Set<number>();
  const repeated = students.find((student) => seen.size === seen.add(student.id).size);
  if (repeated) {
    throw caseFieldErrors(
      { students: `毕业名单中“${repeated.name}”出现了两次，请删去重复的一行。` },
      'graduation list repeats a student',
    );
  }
  const grades = new Set(students.map((student) => student.grade));
  const [grade] = grades;
  const stage = stageRefusal(students, school);
  return {
    input,
    refusals: [
      ...(stage ? [stage] : []),
      ...students.flatMap((student) => graduateRefusals(database, school, student, input.appliedOn, null)),
    ],
    subject:
      grades.size === 1 && grade !== undefined
        ? `${gradeLabel(grade)}毕业生 ${students.length} 人`
        : `毕业生 ${students.length} 人`,
    students: input.students.map(({ studentId, outcome }) => ({ studentId, outcome })),
    items: [],
  };
}
