/**
 * 学籍状态 as a state machine (DESIGN.md §5): for each movement, the statuses
 * it may start from and the status it leads to. Core asks `canMove` before it
 * saves a case and `statusAfter` when the case is approved, so an illegal
 * transition cannot be saved.
 */
import { labelOf, studentStatuses, type StudentStatus } from '../register/codes';
import type { SchoolProfile } from '../register/school';
import { caseKindLabel, type Refusal, type RuleId, type Transition } from './cases';
import { isCompulsory, stageOf } from './stages';

/** 毕业, 结业 or 肄业: what the school decides for each graduating student (rule GRD-1). */
export const graduationOutcomes = ['graduated', 'completed', 'incomplete'] as const satisfies readonly StudentStatus[];

export type GraduationOutcome = (typeof graduationOutcomes)[number];

/**
 * Rule CHG-3: a suspended student stays in the 在校生 pool (counted in the
 * class and the school), marked 休学.
 */
export function inEnrolledPool(status: string): boolean {
  return status === 'enrolled' || status === 'suspended';
}

interface TransitionSpec {
  /** Statuses it may start from; null is a student with no record at this school. */
  readonly from: readonly (StudentStatus | null)[];
  /** The status after; 'same' keeps the current one; 'outcome' is the chosen `GraduationOutcome`. */
  readonly to: StudentStatus | 'same' | 'outcome';
  /** The rule a refusal of this movement cites. */
  readonly rule: RuleId;
  /** Only 高中阶段 (普通高中, 中职) students may make it: 退学 is impossible in compulsory education. */
  readonly upperSecondaryOnly?: boolean;
  /** Only a 中等职业学校 makes it (rule VOC-3 lists its movements). */
  readonly vocationalOnly?: boolean;
}

const pool = ['enrolled', 'suspended'] as const;

const transitions: Readonly<Record<Transition, TransitionSpec>> = {
  // 籍随人走 (OPS-2): a student who left and comes back gets the old record back, never a second one.
  transferIn: { from: [null, 'transferredOut', 'abroad'], to: 'enrolled', rule: 'CHG-1' },
  transferOut: { from: ['enrolled'], to: 'transferredOut', rule: 'CHG-1' },
  // From 休学 it is the extension to at most two years (CHG-2).
  suspension: { from: pool, to: 'suspended', rule: 'CHG-2' },
  resumption: { from: ['suspended'], to: 'enrolled', rule: 'CHG-2' },
  dropout: { from: pool, to: 'droppedOut', rule: 'CHG-2', upperSecondaryOnly: true },
  death: { from: pool, to: 'deceased', rule: 'CHG-2' },
  goingAbroad: { from: pool, to: 'abroad', rule: 'CHG-2' },
  // A suspended student goes down a grade by resuming into a lower one (CHG-4), not by 留级.
  repeatGrade: { from: ['enrolled'], to: 'same', rule: 'CHG-4' },
  changeMajor: { from: ['enrolled'], to: 'same', rule: 'VOC-3', vocationalOnly: true },
  cancellation: { from: pool, to: 'cancelled', rule: 'VOC-3', vocationalOnly: true },
  // A suspended student stays in the class (CHG-3), so the class may move with them in it.
  classChange: { from: pool, to: 'same', rule: 'CHG-3' },
  promotion: { from: pool, to: 'same', rule: 'CHG-3' },
  graduation: { from: ['enrolled'], to: 'outcome', rule: 'GRD-1' },
};

/** The statuses a movement may start from (null: no record at this school yet). */
export function startStatuses(movement: Transition): readonly (StudentStatus | null)[] {
  return transitions[movement].from;
}

const statusLabel = (status: StudentStatus): string => labelOf(studentStatuses, status) ?? status;

/** What the student is now, as the student facts a movement check needs. */
export interface MovingStudent {
  /** null: the student has no record at this school (a transfer in). */
  readonly status: StudentStatus | null;
  /** 年级 1-12: now, or for a transfer in the grade the student joins. */
  readonly grade: number;
}

/** Why a student who has left cannot have a case, and what to do instead (OPS-2). */
function departedRefusal(status: StudentStatus, movement: Transition): Refusal {
  const what = `学生的学籍状态为“${statusLabel(status)}”，已不在本校在校生中，不能办理${caseKindLabel(movement)}（规则 OPS-2 籍随人走）。`;
  if (status === 'transferredOut' || status === 'abroad') {
    return { rule: 'OPS-2', message: `${what}如学生回到本校就读，请为其办理转入，沿用原学籍。` };
  }
  if (status === 'deceased') {
    return { rule: 'OPS-2', message: `${what}如状态登记有误，请联系县（区）教育局学籍管理部门更正。` };
  }
  return {
    rule: 'OPS-2',
    message: `${what}不得修改已离校学生的学籍供他人使用；如是另一名学生，请为其单独登记或办理转入。`,
  };
}

/** Why a student in the pool cannot make this movement from the status they are in. */
function poolRefusal(status: StudentStatus, movement: Transition): Refusal {
  if (movement === 'transferIn') {
    return { rule: 'OPS-2', message: `学生已在本校${statusLabel(status)}，不能再转入（规则 OPS-2 一人一籍）。` };
  }
  if (movement === 'resumption') {
    return { rule: 'CHG-2', message: '学生在读，没有休学，不需要复学（规则 CHG-2）。只有休学中的学生可以办理复学。' };
  }
  // Every other refusal from the pool is a suspended student asking for what needs an enrolled one.
  if (movement === 'repeatGrade') {
    return {
      rule: 'CHG-4',
      message: '休学中的学生不能办理留级（规则 CHG-4）。复学时可以选择回到原年级或降到低年级。',
    };
  }
  return { rule: 'CHG-3', message: `学生正在休学，不能办理${caseKindLabel(movement)}（规则 CHG-3）。请先办理复学。` };
}

/**
 * Whether `movement` may start for this student at this school: null when it
 * may, else the refusal (state, stage, and school-type checks only; each
 * movement's own rules are in its rule module).
 */
export function canMove(
  student: MovingStudent,
  movement: Transition,
  school: Pick<SchoolProfile, 'type'>,
): Refusal | null {
  const spec = transitions[movement];
  const label = caseKindLabel(movement);
  if (!spec.from.includes(student.status)) {
    if (student.status === null) {
      return { rule: 'OPS-2', message: `本校没有该学生的学籍，不能办理${label}（规则 OPS-2）。新来的学生请办理转入。` };
    }
    return inEnrolledPool(student.status)
      ? poolRefusal(student.status, movement)
      : departedRefusal(student.status, movement);
  }
  const stage = stageOf(student.grade, school);
  if (spec.vocationalOnly && stage !== 'vocational') {
    return {
      rule: 'VOC-3',
      message: `只有中等职业学校的学生可以办理${label}（规则 VOC-3）。如本校是中职学校，请先在“学校信息”中把学校类型设为中等职业学校。`,
    };
  }
  if (spec.upperSecondaryOnly && isCompulsory(stage)) {
    return {
      rule: spec.rule,
      message: `义务教育阶段（小学、初中）的学生不能办理${label}，只有高中阶段学生可以（规则 ${spec.rule}）。学生不到校的，学籍应保留，并报告县（区）教育局。`,
    };
  }
  return null;
}

/**
 * The status a student has once the movement is approved: the movement's
 * target, the current status for those that keep it, and for 毕业 the
 * outcome the school chose (rule GRD-1). Call only after `canMove` said yes.
 */
export function statusAfter(
  movement: Transition,
  current: StudentStatus | null,
  outcome?: GraduationOutcome,
): StudentStatus {
  const { to } = transitions[movement];
  if (to === 'outcome') {
    if (!outcome) throw new Error('A graduation needs its outcome (graduated, completed or incomplete).');
    return outcome;
  }
  if (to === 'same') {
    if (current === null) throw new Error(`${movement} keeps the status of a student who has one.`);
    return current;
  }
  return to;
}
