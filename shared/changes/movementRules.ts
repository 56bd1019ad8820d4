/**
 * The checks every movement passes before a case is saved, whatever its
 * type: the status machine, the other open cases of the student (OPS-2,
 * GRD-2), the graduating season (GRD-2) and flexible study (VOC-5). Each
 * movement's own rules (transferRules.ts, suspensionRules.ts,
 * graduation.ts) come on top.
 */
import type { SchoolProfile } from '../register/school';
import { caseKindLabel, isTransition, type CaseKind, type Refusal, type Transition } from './cases';
import { graduatingSeasonRefusal } from './deadlines';
import { stageOf } from './stages';
import { canMove, type MovingStudent } from './statusMachine';

/** 学习形式 弹性学习 (`studyModes` code). */
const flexibleStudy = '2';

/** VOC-5: what a 弹性学习 student may do only with the bureau's written exception. */
const restrictedForFlexibleStudy: ReadonlySet<Transition> = new Set<Transition>([
  'transferOut',
  'changeMajor',
  'suspension',
]);

/** The bureau's written exception to VOC-5, as the clerk records it. */
export interface BureauException {
  /** 文号 of the bureau's written consent, copied from the paper. */
  readonly documentNumber: string;
}

/** VOC-5: null unless a 弹性学习 student asks for a restricted movement without a recorded exception. */
export function flexibleStudyRefusal(
  movement: Transition,
  studyMode: string | undefined,
  exception: BureauException | null,
): Refusal | null {
  if (studyMode !== flexibleStudy || !restrictedForFlexibleStudy.has(movement)) return null;
  if (exception && exception.documentNumber.trim() !== '') return null;
  return {
    rule: 'VOC-5',
    message: `弹性学习的学生原则上不能办理${caseKindLabel(movement)}（规则 VOC-5）。如教育主管部门书面同意，请录入同意文件的文号后再办理。`,
  };
}

/**
 * One movement at a time (OPS-2 人籍一致: the record says one thing about
 * where the student is), and no 毕业 while any case is open (GRD-2). Change
 * requests of basic information may run beside a movement.
 */
export function openCaseRefusal(movement: Transition, openCases: readonly CaseKind[]): Refusal | null {
  const blocking = movement === 'graduation' ? openCases : openCases.filter(isTransition);
  if (blocking.length === 0) return null;
  const names = [...new Set(blocking.map(caseKindLabel))].join('、');
  return movement === 'graduation'
    ? {
        rule: 'GRD-2',
        message: `学生还有未办结的${names}，不能办理毕业（规则 GRD-2）。请先办结或撤销这些事项。`,
      }
    : {
        rule: 'OPS-2',
        message: `学生还有未办结的${names}，不能同时办理${caseKindLabel(movement)}（规则 OPS-2 人籍一致）。请先办结或撤销该事项。`,
      };
}

export interface MovementCheck {
  readonly student: MovingStudent & {
    /** 学习形式 `studyModes` code (中职 only). */
    readonly studyMode?: string;
  };
  readonly school: Pick<SchoolProfile, 'type'>;
  readonly movement: Transition;
  /** The day the case is applied for. */
  readonly date: string;
  /** Kinds of the student's cases that are not decided yet. */
  readonly openCases: readonly CaseKind[];
  /** VOC-5 exception, when the clerk recorded one. */
  readonly exception?: BureauException | null;
}

/**
 * The refusals common to every movement; empty when it may go ahead. A
 * movement the status does not allow is refused alone: the other checks
 * would only add noise.
 */
export function movementRefusals(check: MovementCheck): Refusal[] {
  const { student, school, movement } = check;
  const state = canMove(student, movement, school);
  if (state) return [state];
  return [
    openCaseRefusal(movement, check.openCases),
    graduatingSeasonRefusal(student.grade, movement, check.date),
    stageOf(student.grade, school) === 'vocational'
      ? flexibleStudyRefusal(movement, student.studyMode, check.exception ?? null)
      : null,
  ].filter((refusal): refusal is Refusal => refusal !== null);
}
