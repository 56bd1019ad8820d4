/**
 * What the case forms offer and tell the clerk beside the fields: the
 * classes a student may be placed in, the fields a basic-information change
 * may touch, the hints under the suspension dates, and the case's evidence,
 * printed form, approval order and deadline, all from the pure rules.
 */
import { approvalSteps } from '../../../shared/changes/approvals';
import { addDays, addMonths, chineseDay, daysBetween, isIsoDay } from '../../../shared/changes/calendar';
import { caseDeadline } from '../../../shared/changes/deadlines';
import { type EvidenceDetails, evidenceLabel, formFor, requiredEvidence } from '../../../shared/changes/evidence';
import { stageOf } from '../../../shared/changes/stages';
import { resumptionRefusal } from '../../../shared/changes/suspensionRules';
import { paperProcedureRequired, type TransferSchool } from '../../../shared/changes/transferRules';
import { isVocational, type SchoolProfile } from '../../../shared/register/school';
import type { SchoolClass } from '../../../shared/register/students';
import type { Term } from '../../../shared/register/terms';
import type { NewCaseKind } from './caseForms';
import { approverText, formTitle, needLabels } from './cases';
import { type BasicsKey, type FieldSpec, hasAuxiliaryNumber, studentFieldGroups } from './studentForm';

type School = Pick<SchoolProfile, 'type'>;

/** What the page says under its title. */
export const caseIntros: Readonly<Record<NewCaseKind, string>> = {
  transferIn:
    '转学由转入学校发起（规则 CHG-1）：填写原就读学校和转学理由，提交后上传佐证材料，再按审批顺序录入各方意见。',
  transferOut: '转学只在每学期开学前后一个月内办理（规则 CHG-1）；填写转入学校和转学理由。',
  suspension: '因病或不可抗力休学，每次最长一年，累计不超过两年（规则 CHG-2）；休学学生仍计入在校生（规则 CHG-3）。',
  resumption: '复学回到原年级，或降到本学段的低年级（规则 CHG-4）。',
  repeatGrade: '留级到本学段低一个年级的班级（规则 CHG-4）。',
  changeMajor: '转入本校另一个在招专业（规则 VOC-3）。',
  dropout: '只有高中阶段学生可以退学（规则 CHG-2），须有监护人签字的退学申请。',
  death: '凭死亡证明办理，学籍状态改为死亡（规则 CHG-2）。',
  goingAbroad: '凭出国证明办理（规则 CHG-2）；学生回国后可办理转入，沿用原学籍。',
  cancellation: '中职学生注销学籍（规则 VOC-3）。',
  basicInfoChange:
    '姓名、性别、出生日期、身份证件和学籍号等关键数据只能这样修改（规则 DAT-1）；审批通过后才记入档案，并留有修改记录。',
};

/** What a reason of each kind looks like. */
export const reasonPlaceholders: Readonly<Record<NewCaseKind, string>> = {
  transferIn: '如 父母工作调动，全家迁入阳泉市城区，户口已迁入',
  transferOut: '如 全家迁往太原市小店区，户口已迁出',
  suspension: '如 因病住院治疗，医院建议休养四个月',
  resumption: '如 休学期满，经医院复查已康复',
  repeatGrade: '如 学业跟不上，监护人申请留级',
  changeMajor: '如 监护人申请转入计算机应用专业',
  dropout: '如 监护人申请退学，已在申请上签字',
  death: '如 因病医治无效死亡',
  goingAbroad: '如 随父母出国定居',
  cancellation: '如 学生长期未到校，经核实注销学籍',
  basicInfoChange: '如 户口簿上的姓名已变更，附公安机关变更证明',
};

/** 复学: the student's own grade or a lower one of the same stage (CHG-4). */
export function resumptionClasses(
  classes: readonly SchoolClass[],
  currentGrade: number,
  school: School,
): SchoolClass[] {
  return classes.filter((c) => resumptionRefusal({ currentGrade, targetGrade: c.grade }, school) === null);
}

/** 留级: a class one grade lower, same stage (CHG-4). */
export function repeatGradeClasses(
  classes: readonly SchoolClass[],
  currentGrade: number,
  school: School,
): SchoolClass[] {
  const stage = stageOf(currentGrade, school);
  return classes.filter((c) => c.grade === currentGrade - 1 && stageOf(c.grade, school) === stage);
}

/** 高一（2）班（44/45 人）, 已满 when the class holds its 班额. */
export function classOptionLabel(c: SchoolClass): string {
  return `${c.label}（${c.studentCount}/${c.capacity} 人${c.studentCount >= c.capacity ? '，已满' : ''}）`;
}

/**
 * The top-level fields of StudentBasics a change may touch (DAT-1), as the
 * student form shows them: 中职 fields only in a 中职, 学籍辅号 not in a
 * school without senior grades (REG-2).
 */
export function changeableFields(school: School | null): FieldSpec<BasicsKey>[] {
  const vocational = school !== null && isVocational(school);
  return studentFieldGroups
    .filter((group) => !group.vocational || vocational)
    .flatMap((group) => [...group.fields, ...(group.more ?? [])])
    .filter((spec) => spec.key !== 'auxiliaryNumber' || hasAuxiliaryNumber(school));
}

/** Under the suspension dates: how far this period may reach, and the illness threshold of its term (CHG-2). */
export function suspensionHints(startDate: string, terms: readonly Term[]): { period: string; illness: string } {
  const period = '每次休学最长一年，期满可申请延长，累计不超过两年（规则 CHG-2）。';
  if (!isIsoDay(startDate)) return { period, illness: '病假须超过休学开始所在学期天数的三分之一（规则 CHG-2）。' };
  const latest = addDays(addMonths(startDate, 12), -1);
  const term = terms.find((t) => t.startDate <= startDate && startDate <= t.endDate);
  const days = term ? daysBetween(term.startDate, term.endDate) + 1 : null;
  return {
    period: `本次休学最迟到${chineseDay(latest)}；期满可申请延长，累计不超过两年（规则 CHG-2）。`,
    illness:
      days === null
        ? '病假须超过该学期天数的三分之一（规则 CHG-2）；开始日期所在学期尚未设置。'
        : `该学期共 ${days} 天，病假须超过 ${Math.floor(days / 3)} 天（规则 CHG-2）。`,
  };
}

export interface CaseGuide {
  /** 佐证材料 uploaded on the case page after submitting. */
  readonly evidence: readonly { readonly label: string; readonly need: string }[];
  /** The printed form, 《…》, or null. */
  readonly form: string | null;
  /** 本校 → 县（区）教育局 */
  readonly steps: string;
  /** When the case must be decided, with its rule. */
  readonly deadline: string;
  /** TRF-3: a 普通高中 transfer keeps its paper procedure. */
  readonly paperProcedure: boolean;
}

export interface GuideFacts {
  readonly kind: NewCaseKind;
  readonly details: EvidenceDetails;
  /** The student's grade, or the grade joined by a 转入; null until known. */
  readonly grade: number | null;
  readonly school: School;
  readonly appliedOn: string;
  readonly terms: readonly Term[];
  /** The transfer's other school. */
  readonly otherSchool: TransferSchool | null;
}

function deadlineOf(kind: NewCaseKind, appliedOn: string, terms: readonly Term[]): string {
  if (!isIsoDay(appliedOn)) return '填写申请日期后计算';
  const deadline = caseDeadline(kind, appliedOn, terms);
  if (deadline) return `${chineseDay(deadline.dueDate)}前办结（规则 ${deadline.rule}）`;
  return kind === 'transferIn' || kind === 'transferOut' ? '申请日期不在转学办理时间内（规则 CHG-1）' : '无期限规定';
}

/** What the case will need once submitted, shown beside the form as information. */
export function caseGuide(facts: GuideFacts): CaseGuide {
  const { kind, grade, school } = facts;
  const form = formFor(kind);
  const isTransfer = kind === 'transferIn' || kind === 'transferOut';
  return {
    evidence: requiredEvidence(kind, facts.details).map((item) => ({
      label: evidenceLabel(item.kind, kind),
      need: needLabels[item.need],
    })),
    form: form ? formTitle(form) : null,
    steps: approvalSteps(kind, stageOf(grade ?? 1, school))
      .map(approverText)
      .join(' → '),
    deadline: deadlineOf(kind, facts.appliedOn, facts.terms),
    paperProcedure:
      isTransfer && grade !== null && facts.otherSchool !== null
        ? paperProcedureRequired(grade, school, facts.otherSchool)
        : false,
  };
}
