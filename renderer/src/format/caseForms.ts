/**
 * The forms that open a register case (办理学籍异动, 申请变更基本信息): the
 * kinds the record offers, each form's title, the draft the clerk fills
 * in, what is still missing from it, and the `CaseInput` it becomes. The
 * rules themselves are core's (checkCase answers with refusals); these
 * checks only say when a form is complete enough to ask.
 */
import type { CaseInput, OpenableKind } from '../../../shared/changes/caseRecords';
import { caseKindLabel } from '../../../shared/changes/cases';
import type { EvidenceDetails } from '../../../shared/changes/evidence';
import { isStartingGrade } from '../../../shared/changes/stages';
import { canMove, inEnrolledPool, type MovingStudent } from '../../../shared/changes/statusMachine';
import type { SuspensionGround } from '../../../shared/changes/suspensionRules';
import type { MoveScope, TransferGround } from '../../../shared/changes/transferRules';
import { localDate } from '../../../shared/register/identity';
import type { SchoolProfile } from '../../../shared/register/school';
import type { StudentRecord } from '../../../shared/register/students';
import { validateStudentBasics } from '../../../shared/register/studentValidation';
import { basicsToSave, type EditableBasics, emptyStudentBasics } from './register';

/** The kinds opened on /cases/new; 毕业 has its own screen and 奖惩 its dialog on the record. */
export type NewCaseKind = Exclude<OpenableKind, 'graduation' | 'rewardPunishmentChange'>;

/** 学籍异动 the record's menu may offer, in the national system's order. */
export const movementKinds = [
  'transferIn',
  'transferOut',
  'suspension',
  'resumption',
  'repeatGrade',
  'changeMajor',
  'dropout',
  'death',
  'goingAbroad',
  'cancellation',
] as const satisfies readonly NewCaseKind[];

const newCaseKinds: ReadonlySet<string> = new Set<NewCaseKind>([...movementKinds, 'basicInfoChange']);

export const isNewCaseKind = (value: unknown): value is NewCaseKind =>
  typeof value === 'string' && newCaseKinds.has(value);

/** 休学 of a student already suspended extends it (CHG-2: two years in all). */
const extendsSuspension = (kind: NewCaseKind, status: string | null): boolean =>
  kind === 'suspension' && status === 'suspended';

/** The menu's wording: 转出, 休学, 延长休学 (already suspended), 申请变更基本信息. */
export function caseMenuLabel(kind: NewCaseKind, status: string | null): string {
  if (kind === 'basicInfoChange') return '申请变更基本信息';
  return extendsSuspension(kind, status) ? '延长休学' : caseKindLabel(kind);
}

/** The page title: 办理转出, 登记死亡, 延长休学, 申请变更基本信息. */
export function newCaseTitle(kind: NewCaseKind, status: string | null): string {
  if (kind === 'basicInfoChange' || extendsSuspension(kind, status)) return caseMenuLabel(kind, status);
  return kind === 'death' ? '登记死亡' : `办理${caseKindLabel(kind)}`;
}

export interface CaseMenuItem {
  readonly kind: NewCaseKind;
  readonly label: string;
}

/**
 * The movements this student's status allows at this school (the status
 * machine's `canMove`: a 转出 student sees 转入 only, 中职-only kinds only
 * in a 中职; 留级 not in a stage's first grade, which has none below it,
 * CHG-4), then 申请变更基本信息 for a student in the enrolled pool (a
 * departed student's record is not changed, OPS-2).
 */
export function caseMenu(student: MovingStudent, school: Pick<SchoolProfile, 'type'>): CaseMenuItem[] {
  const movements = movementKinds.filter(
    (kind) => canMove(student, kind, school) === null && !(kind === 'repeatGrade' && isStartingGrade(student.grade)),
  );
  const requests = student.status !== null && inEnrolledPool(student.status) ? (['basicInfoChange'] as const) : [];
  return [...movements, ...requests].map((kind) => ({
    kind,
    label: caseMenuLabel(kind, student.status),
  }));
}

// ---------------------------------------------------------------------------
// The draft

/** The other school of a transfer as typed; '' until chosen. */
export interface OtherSchoolDraft {
  name: string;
  type: string;
  ownership: string;
  provincialModel: boolean;
  enrollmentZone: string;
  inCity: boolean;
}

export interface TransferDraft {
  ground: TransferGround | '';
  scope: MoveScope | '';
  hukouMoved: boolean;
  otherSchool: OtherSchoolDraft;
}

export interface SuspensionDraft {
  ground: SuspensionGround | '';
  prescribedLeaveDays: number | undefined;
  startDate: string;
  endDate: string;
}

/** One line of a basic-information change: the field and its new value. */
export interface ChangeRowDraft {
  field: string;
  after: string;
}

/** Every field any kind's form has; each kind reads its own. */
export interface CaseDraft {
  appliedOn: string;
  reason: string;
  /** The class joined (转入), resumed in (复学) or repeated in (留级). */
  classId: number | null;
  /** A new 学籍辅号 (CHG-4). */
  newAuxiliaryNumber: string;
  majorCode: string;
  /** 文号 of the bureau's written consent (VOC-5). */
  exceptionNumber: string;
  transfer: TransferDraft;
  suspension: SuspensionDraft;
  items: ChangeRowDraft[];
  /** A new student's basic information (转入 without a record here). */
  basics: EditableBasics;
}

export const emptyChangeRow = (): ChangeRowDraft => ({ field: '', after: '' });

export function newCaseDraft(today: Date): CaseDraft {
  return {
    appliedOn: localDate(today),
    reason: '',
    classId: null,
    newAuxiliaryNumber: '',
    majorCode: '',
    exceptionNumber: '',
    transfer: {
      ground: '',
      scope: '',
      hukouMoved: false,
      otherSchool: { name: '', type: '', ownership: '', provincialModel: false, enrollmentZone: '', inCity: true },
    },
    suspension: { ground: '', prescribedLeaveDays: undefined, startDate: '', endDate: '' },
    items: [emptyChangeRow()],
    basics: emptyStudentBasics(),
  };
}

/** What the form knows besides the draft. */
export interface CaseContext {
  readonly kind: NewCaseKind;
  /** The record the case is about; null for a new student's 转入. */
  readonly student: StudentRecord | null;
  readonly today: Date;
  /** The form asks for a new 学籍辅号 (普通高中 going down a grade, CHG-4). */
  readonly asksAuxiliaryNumber: boolean;
  /** The form asks for the VOC-5 exception (a 弹性学习 student). */
  readonly asksException: boolean;
}

const isTransfer = (kind: NewCaseKind): kind is 'transferIn' | 'transferOut' =>
  kind === 'transferIn' || kind === 'transferOut';
const text = (value: string | null | undefined): string => (value ?? '').trim();

// ---------------------------------------------------------------------------
// What is missing: field (the CaseInput's path) → message

function commonProblems(draft: CaseDraft, today: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  const appliedOn = text(draft.appliedOn);
  if (appliedOn === '') problems['appliedOn'] = '请填写申请日期。';
  else if (appliedOn > localDate(today)) problems['appliedOn'] = '申请日期不能晚于今天。';
  const length = [...text(draft.reason)].length;
  if (length === 0) problems['reason'] = '请填写申请理由。';
  else if (length < 2) problems['reason'] = '申请理由至少 2 个字。';
  else if (length > 500) problems['reason'] = `申请理由不能超过 500 个字（现为 ${length} 个）。`;
  return problems;
}

function transferProblems(kind: 'transferIn' | 'transferOut', transfer: TransferDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const school = transfer.otherSchool;
  const which = kind === 'transferIn' ? '原就读学校' : '转入学校';
  if ([...text(school.name)].length < 2) problems['transfer.otherSchool.name'] = `请填写${which}的全称。`;
  if (school.type === '') problems['transfer.otherSchool.type'] = `请选择${which}的学校类型。`;
  if (school.ownership === '') problems['transfer.otherSchool.ownership'] = '请选择公办或民办。';
  if (transfer.ground === '') problems['transfer.reason.ground'] = '请选择转学理由。';
  if (transfer.scope === '') problems['transfer.reason.scope'] = '请选择迁移范围。';
  return problems;
}

function suspensionProblems(suspension: SuspensionDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (suspension.ground === '') problems['ground'] = '请选择休学原因。';
  const days = suspension.prescribedLeaveDays;
  if (suspension.ground === 'illness' && !(days !== undefined && Number.isInteger(days) && days > 0)) {
    problems['prescribedLeaveDays'] = '请填写医院病历上的病假天数。';
  }
  const start = text(suspension.startDate);
  const end = text(suspension.endDate);
  if (start === '') problems['period.startDate'] = '请选择休学开始日期。';
  if (end === '') problems['period.endDate'] = '请选择休学结束日期。';
  else if (start !== '' && end < start) problems['period.endDate'] = '结束日期早于开始日期。';
  return problems;
}

/**
 * Each line needs a field and a value that differs from the record's; the
 * record with the new values must pass the checks core applies on approval
 * (a new ID number that no longer matches the birth date shows under the
 * list when the birth date is not one of the lines).
 */
function changeProblems(items: readonly ChangeRowDraft[], student: StudentRecord, today: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  if (items.length === 0) problems['items'] = '请至少添加一项变更。';
  const current = student.basics as unknown as Readonly<Record<string, string | undefined>>;
  items.forEach((item, index) => {
    if (item.field === '') problems[`items.${index}.field`] = '请选择变更项目。';
    else if (text(item.after) === text(current[item.field])) problems[`items.${index}.after`] = '新值与现在的值相同。';
  });
  const changed = Object.fromEntries(items.filter((item) => item.field).map((item) => [item.field, text(item.after)]));
  const before = validateStudentBasics(student.basics, { today }) as Record<string, string | undefined>;
  const after = validateStudentBasics({ ...student.basics, ...changed }, { today }) as Record<
    string,
    string | undefined
  >;
  for (const [field, message] of Object.entries(after)) {
    if (!message || before[field] === message) continue;
    const index = items.findIndex((item) => item.field === field);
    const key = index >= 0 ? `items.${index}.after` : 'items';
    problems[key] ??= message;
  }
  return problems;
}

/** The new student's basic information, as StudentForm names the fields, under `basics.`. */
function newStudentProblems(basics: EditableBasics, today: Date): Record<string, string> {
  const problems = validateStudentBasics(basicsToSave(basics), { today }) as Record<string, string | undefined>;
  return Object.fromEntries(
    Object.entries(problems).flatMap(([field, message]) => (message ? [[`basics.${field}`, message]] : [])),
  );
}

function kindProblems(draft: CaseDraft, context: CaseContext): Record<string, string> {
  const { kind, student, today } = context;
  const problems: Record<string, string> = {};
  const needClass = (message: string) => {
    if (draft.classId === null) problems['classId'] = message;
  };
  if (isTransfer(kind)) Object.assign(problems, transferProblems(kind, draft.transfer));
  if (kind === 'transferIn') {
    needClass('请选择转入的班级。');
    if (!student) Object.assign(problems, newStudentProblems(draft.basics, today));
  }
  if (kind === 'suspension') Object.assign(problems, suspensionProblems(draft.suspension));
  if (kind === 'resumption') {
    needClass('请选择复学的班级。');
    if (context.asksAuxiliaryNumber && text(draft.newAuxiliaryNumber) === '') {
      problems['newAuxiliaryNumber'] = '请填写全国学籍系统为学生新编的学籍辅号。';
    }
  }
  if (kind === 'repeatGrade') needClass('请选择留级后的班级。');
  if (kind === 'changeMajor' && draft.majorCode === '') problems['majorCode'] = '请选择转入的专业。';
  if (kind === 'basicInfoChange' && student) Object.assign(problems, changeProblems(draft.items, student, today));
  return problems;
}

/** Field → what is missing or wrong; empty when the form may be checked and submitted. */
export function caseProblems(draft: CaseDraft, context: CaseContext): Record<string, string> {
  return { ...commonProblems(draft, context.today), ...kindProblems(draft, context) };
}

// ---------------------------------------------------------------------------
// The CaseInput

const exceptionOf = (draft: CaseDraft, context: CaseContext) =>
  context.asksException && text(draft.exceptionNumber) !== ''
    ? { exception: { documentNumber: text(draft.exceptionNumber) } }
    : {};

/** The transfer's other side and grounds as sent (TransferDetails). */
export function transferDetailsOf(draft: CaseDraft) {
  const { ground, scope, hukouMoved, otherSchool } = draft.transfer;
  return {
    reason: {
      ground: ground as TransferGround,
      scope: scope as MoveScope,
      hukouMoved: ground === 'familyMoved' && hukouMoved,
    },
    otherSchool: {
      name: text(otherSchool.name),
      type: otherSchool.type || null,
      ownership: otherSchool.ownership || null,
      provincialModel: otherSchool.provincialModel,
      enrollmentZone: text(otherSchool.enrollmentZone),
      inCity: otherSchool.inCity,
    },
  };
}

/** What is sent for a complete draft (see `caseProblems`). */
export function caseInputOf(draft: CaseDraft, context: CaseContext): CaseInput {
  const base = { appliedOn: text(draft.appliedOn), reason: text(draft.reason) };
  const studentId = context.student?.id ?? null;
  const id = studentId ?? 0;
  const classId = draft.classId ?? 0;
  switch (context.kind) {
    case 'transferIn':
      return {
        kind: 'transferIn',
        ...base,
        studentId,
        ...(studentId === null ? { basics: basicsToSave(draft.basics) } : {}),
        classId,
        transfer: transferDetailsOf(draft),
      };
    case 'transferOut':
      return {
        kind: 'transferOut',
        ...base,
        studentId: id,
        transfer: transferDetailsOf(draft),
        ...exceptionOf(draft, context),
      };
    case 'suspension': {
      const { ground, prescribedLeaveDays, startDate, endDate } = draft.suspension;
      return {
        kind: 'suspension',
        ...base,
        studentId: id,
        ground: ground as SuspensionGround,
        ...(ground === 'illness' ? { prescribedLeaveDays } : {}),
        period: { startDate: text(startDate), endDate: text(endDate) },
        ...exceptionOf(draft, context),
      };
    }
    case 'resumption':
      return {
        kind: 'resumption',
        ...base,
        studentId: id,
        classId,
        ...(context.asksAuxiliaryNumber ? { newAuxiliaryNumber: text(draft.newAuxiliaryNumber) } : {}),
      };
    case 'repeatGrade':
      return { kind: 'repeatGrade', ...base, studentId: id, classId };
    case 'changeMajor':
      return {
        kind: 'changeMajor',
        ...base,
        studentId: id,
        majorCode: draft.majorCode,
        ...exceptionOf(draft, context),
      };
    case 'basicInfoChange':
      return {
        kind: 'basicInfoChange',
        ...base,
        studentId: id,
        items: draft.items.map((item) => ({ field: item.field, after: text(item.after) })),
      };
    default:
      return { kind: context.kind, ...base, studentId: id };
  }
}

/** What decides the evidence list beside the kind. */
export function evidenceDetailsOf(draft: CaseDraft, context: CaseContext): EvidenceDetails {
  return {
    ...(isTransfer(context.kind) && draft.transfer.ground ? { transferGround: draft.transfer.ground } : {}),
    ...(context.kind === 'suspension' && draft.suspension.ground ? { suspensionGround: draft.suspension.ground } : {}),
    ...(context.asksException && text(draft.exceptionNumber) !== '' ? { flexibleStudyException: true } : {}),
  };
}
