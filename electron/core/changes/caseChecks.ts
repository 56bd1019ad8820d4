/**
 * Everything checked before a case is opened: the form's own fields (a real
 * application day, a reason), then the rules of its kind over the facts read
 * from the database. The answer is the case as it will be stored (input
 * normalised, subject, students, recorded items) with its rule refusals;
 * malformed input is refused at once with per-field messages.
 */
import { addMonths, chineseDay, isIsoDay } from '../../../shared/changes/calendar';
import type {
  CaseInput,
  ChangeItem,
  RepeatGradeInput,
  ResumptionInput,
  TransferInInput,
} from '../../../shared/changes/caseRecords';
import type { Refusal } from '../../../shared/changes/cases';
import type { BureauException } from '../../../shared/changes/movementRules';
import { movementRefusals } from '../../../shared/changes/movementRules';
import { stageOf } from '../../../shared/changes/stages';
import { canMove, type GraduationOutcome } from '../../../shared/changes/statusMachine';
import { resumptionOutcome, resumptionRefusal, suspensionRefusals } from '../../../shared/changes/suspensionRules';
import { transferRefusals, type TransferCase } from '../../../shared/changes/transferRules';
import { toHalfWidth } from '../../../shared/register/codes';
import { extendedFieldProblems } from '../../../shared/register/extendedFields';
import { localDate, normaliseIdText } from '../../../shared/register/identity';
import { gradeLabel, type SchoolClass } from '../../../shared/register/students';
import type { Database } from '../db/database';
import { readClass } from '../register/classes';
import { duplicateMessage, findDuplicate, normalisedBasics, refuseFieldErrors } from '../register/studentWrites';
import {
  approvedSuspensions,
  caseFieldErrors,
  classFullRefusal,
  openCaseKinds,
  readStudentFacts,
  type SchoolFacts,
  type StudentFacts,
  studentSubject,
} from './caseFacts';
import { prepareBasicInfoChange, prepareRewardPunishmentChange } from './changeRequestChecks';
import { prepareGraduation } from './graduationChecks';

export interface CheckContext extends SchoolFacts {
  readonly database: Database;
  /** The clerk's clock: dates are checked against its local day. */
  readonly now: Date;
}

/** A student on a case as stored (`case_student`). */
export interface CaseStudentRow {
  readonly studentId: number;
  readonly outcome: GraduationOutcome | null;
}

/** A case ready to be stored, and what the rules say about it. */
export interface PreparedCase {
  /** What was submitted, trimmed and normalised as stored. */
  readonly input: CaseInput;
  readonly refusals: readonly Refusal[];
  readonly subject: string;
  readonly students: readonly CaseStudentRow[];
  readonly items: readonly ChangeItem[];
}

/** 申请日期 and 申请理由, common to every kind; the reason comes back trimmed. */
function checkedBase<T extends CaseInput>(input: T, now: Date): T {
  const today = localDate(now);
  const fields: Record<string, string> = {};
  const earliest = addMonths(today, -12);
  if (!isIsoDay(input.appliedOn)) fields['appliedOn'] = '请按“年-月-日”填写有效的申请日期，如 2026-09-01。';
  else if (input.appliedOn > today) fields['appliedOn'] = `申请日期不能晚于今天（${chineseDay(today)}）。`;
  else if (input.appliedOn < earliest) {
    fields['appliedOn'] = `申请日期不能早于一年前（${chineseDay(earliest)}），请按纸质申请表上的日期填写。`;
  }
  const reason = input.reason.trim();
  const length = [...reason].length;
  if (length < 2 || length > 500) fields['reason'] = `申请理由应为 2 至 500 个字（现为 ${length} 个）。`;
  if (input.kind === 'suspension') {
    if (!isIsoDay(input.period.startDate)) fields['period.startDate'] = '请按“年-月-日”填写休学开始日期。';
    if (!isIsoDay(input.period.endDate)) fields['period.endDate'] = '请按“年-月-日”填写休学结束日期。';
  }
  if (Object.keys(fields).length > 0) throw caseFieldErrors(fields, `${input.kind} case`);
  return { ...input, reason };
}

const exceptionOf = (input: CaseInput): BureauException | null =>
  'exception' in input && input.exception ? { documentNumber: input.exception.documentNumber.trim() } : null;

/** Every movement of one student already on the register (a returning 转入 included). */
type MovementInput = Exclude<CaseInput, { kind: 'basicInfoChange' | 'rewardPunishmentChange' | 'graduation' }> & {
  readonly studentId: number;
};

/**
 * One student's movement: the checks of every movement (status machine,
 * open cases, graduating season, VOC-5), then, when the status allows the
 * movement at all, its own rules. `target` is the class a 转入 joins: its
 * grade is the one the rules check, its name the one the case shows.
 */
function studentMovement(
  context: CheckContext,
  input: MovementInput,
  own: (student: StudentFacts) => Refusal[],
  target?: SchoolClass,
): PreparedCase {
  const { database, school } = context;
  const student = readStudentFacts(database, input.studentId);
  const moving = { status: student.status, grade: target?.grade ?? student.grade, studyMode: student.basics.studyMode };
  const common = movementRefusals({
    student: moving,
    school,
    movement: input.kind,
    date: input.appliedOn,
    openCases: openCaseKinds(database, student.id, null),
    exception: exceptionOf(input),
  });
  const allowed = canMove(moving, input.kind, school) === null;
  return {
    input,
    refusals: allowed ? [...common, ...own(student)] : common,
    subject: studentSubject(student.name, target?.label ?? student.classLabel),
    students: [{ studentId: student.id, outcome: null }],
    items: [],
  };
}

const transferCase = (
  context: CheckContext,
  input: Extract<CaseInput, { kind: 'transferIn' | 'transferOut' }>,
  grade: number,
): TransferCase => ({
  direction: input.kind === 'transferIn' ? 'in' : 'out',
  grade,
  school: context.school,
  otherSchool: { ...input.transfer.otherSchool, name: input.transfer.otherSchool.name.trim() },
  reason: input.transfer.reason,
  date: input.appliedOn,
  terms: context.terms,
});

/** OPS-2: a new record for someone already registered is refused; a returning student keeps the old one. */
function duplicateRefusal(context: CheckContext, input: TransferInInput): Refusal[] {
  const clash = input.basics ? findDuplicate(context.database, input.basics, null) : null;
  if (!clash) return [];
  const returning = clash.other.status === 'transferredOut' || clash.other.status === 'abroad';
  return [
    {
      rule: 'OPS-2',
      message:
        duplicateMessage(clash) +
        (returning ? '这名学生曾在本校就读，请选择其原有学籍办理转入（籍随人走），不要重新建立学籍。' : ''),
    },
  ];
}

/** 转入: a new student (basics checked like a registration) or a returning one, into a class with room. */
function transferIn(context: CheckContext, raw: TransferInInput): PreparedCase {
  const { database, school } = context;
  const target = readClass(database, raw.classId);
  const own = (): Refusal[] => [
    ...transferRefusals(transferCase(context, raw, target.grade)),
    ...[classFullRefusal(target, 'CHG-1')].filter((refusal): refusal is Refusal => refusal !== null),
  ];
  if (raw.studentId !== null) {
    // 籍随人走: the record comes back as it is; basics typed beside it are not this case's business.
    const { basics: _ignored, ...returning } = raw;
    return studentMovement(context, { ...returning, studentId: raw.studentId }, own, target);
  }
  if (!raw.basics) throw caseFieldErrors({ basics: '请填写转入学生的基本信息。' }, 'transferIn basics');
  const basics = normalisedBasics(raw.basics);
  refuseFieldErrors(basics, context.now);
  const input = { ...raw, basics };
  const moving = { status: null, grade: target.grade, studyMode: basics.studyMode };
  return {
    input,
    refusals: [
      ...movementRefusals({ student: moving, school, movement: 'transferIn', date: raw.appliedOn, openCases: [] }),
      ...duplicateRefusal(context, input),
      ...own(),
    ],
    subject: studentSubject(basics.name, target.label),
    students: [],
    items: [],
  };
}

/** REG-2, CHG-4: a 普通高中 student going down a grade needs the new 学籍辅号, and only then. */
function auxiliaryNumberRefusals(student: StudentFacts, needed: boolean, given: string, now: Date): Refusal[] {
  if (!needed) {
    return given === ''
      ? []
      : [
          {
            rule: 'REG-2',
            message:
              '只有普通高中学生复学降级时才换发学籍辅号（规则 CHG-4、REG-2），本次复学不需要填写新的学籍辅号，请清空。',
          },
        ];
  }
  if (given === '') {
    return [
      {
        rule: 'CHG-4',
        message: '普通高中学生复学降级，须使用省学籍系统新分配的学籍辅号（规则 CHG-4、REG-2）。请填写新的学籍辅号。',
      },
    ];
  }
  const format = extendedFieldProblems({ ...student.basics, auxiliaryNumber: given }, now).auxiliaryNumber;
  if (format) return [{ rule: 'REG-2', message: `${format}（规则 REG-2）。` }];
  if (given === normaliseIdText(student.basics.auxiliaryNumber ?? '')) {
    return [
      {
        rule: 'CHG-4',
        message: `新学籍辅号与原学籍辅号（${given}）相同（规则 CHG-4）。降级复学须使用省学籍系统新分配的学籍辅号。`,
      },
    ];
  }
  return [];
}

/** 复学 into the own grade or a lower one of the same stage (CHG-4), into a class with room. */
function resumption(context: CheckContext, raw: ResumptionInput): PreparedCase {
  const newAuxiliaryNumber = normaliseIdText(raw.newAuxiliaryNumber ?? '');
  const input: ResumptionInput = { ...raw, newAuxiliaryNumber };
  const target = readClass(context.database, input.classId);
  return studentMovement(context, input, (student) => {
    const request = { currentGrade: student.grade, targetGrade: target.grade };
    const refused = resumptionRefusal(request, context.school);
    if (refused) return [refused];
    const needed = resumptionOutcome(request, context.school).newAuxiliaryNumber;
    return [
      ...auxiliaryNumberRefusals(student, needed, newAuxiliaryNumber, context.now),
      ...(target.id === student.classId ? [] : [classFullRefusal(target, 'CHG-4')]),
    ].filter((refusal): refusal is Refusal => refusal !== null);
  });
}

/** 留级: to a class exactly one grade lower, same stage (CHG-4 records a student going down a grade). */
function repeatGrade(context: CheckContext, input: RepeatGradeInput): PreparedCase {
  const target = readClass(context.database, input.classId);
  return studentMovement(context, input, (student) => {
    const lower = student.grade - 1;
    const sameStage = lower >= 1 && stageOf(lower, context.school) === stageOf(student.grade, context.school);
    if (!sameStage) {
      return [
        {
          rule: 'CHG-4',
          message: `${gradeLabel(student.grade)}是本学段的起始年级，不能再降级（规则 CHG-4）。学生可以在本年级继续就读，或办理休学。`,
        },
      ];
    }
    if (target.grade !== lower) {
      return [
        {
          rule: 'CHG-4',
          message: `留级只能降到下一个年级（${gradeLabel(lower)}），不能到${target.label}（规则 CHG-4）。请选择${gradeLabel(lower)}的班级。`,
        },
      ];
    }
    return [classFullRefusal(target, 'CHG-4')].filter((refusal): refusal is Refusal => refusal !== null);
  });
}

/** VOC-5 转专业 (中职): to an active major of this school that is not the student's own. */
export function majorRefusals(database: Database, student: StudentFacts, majorCode: string): Refusal[] {
  const major = database.prepare('SELECT name, active FROM major WHERE code = ?').get(majorCode) as
    { name: string; active: number } | undefined;
  if (!major || major.active !== 1) {
    return [
      {
        rule: 'VOC-5',
        message: `专业代码「${majorCode}」不是本校正在开设的专业（规则 VOC-5）。请从本校专业中选择；新专业请先由管理员在“专业设置”中添加。`,
      },
    ];
  }
  if (student.basics.majorCode === majorCode) {
    return [{ rule: 'VOC-5', message: `学生已在“${major.name}”专业，不需要转专业（规则 VOC-5）。请选择其他专业。` }];
  }
  return [];
}

function changeMajor(context: CheckContext, raw: Extract<CaseInput, { kind: 'changeMajor' }>): PreparedCase {
  const majorCode = toHalfWidth(raw.majorCode).trim();
  return studentMovement(context, { ...raw, majorCode }, (student) =>
    majorRefusals(context.database, student, majorCode),
  );
}

/** The case as it would be stored, with every rule refusal; throws FIELD_ERRORS or NOT_FOUND for malformed input. */
export function prepareCase(context: CheckContext, raw: CaseInput): PreparedCase {
  const input = checkedBase(raw, context.now);
  switch (input.kind) {
    case 'transferIn':
      return transferIn(context, input);
    case 'transferOut':
      return studentMovement(context, input, (student) =>
        transferRefusals(transferCase(context, input, student.grade)),
      );
    case 'suspension':
      return studentMovement(context, input, (student) =>
        suspensionRefusals(input, {
          grade: student.grade,
          terms: context.terms,
          previous: approvedSuspensions(context.database, student.id),
        }),
      );
    case 'resumption':
      return resumption(context, input);
    case 'repeatGrade':
      return repeatGrade(context, input);
    case 'changeMajor':
      return changeMajor(context, input);
    case 'dropout':
    case 'death':
    case 'goingAbroad':
    case 'cancellation':
      return studentMovement(context, input, () => []);
    case 'graduation':
      return prepareGraduation(context, input);
    case 'basicInfoChange':
      return prepareBasicInfoChange(context, input);
    case 'rewardPunishmentChange':
      return prepareRewardPunishmentChange(context, input);
  }
}
