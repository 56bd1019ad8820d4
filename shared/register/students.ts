/**
 * Classes and student records as the screens see them (issue 4): types,
 * the key fields that only an approved change request may change, and the
 * field-level diff kept as history.
 */
import type { PhotoInfo } from './photos';
import type { StudentRecords } from './studentRecords';
import type { FamilyMember, StudentBasics, StudentFieldErrors } from './studentValidation';

const gradeNames = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** 年级 1-12 as clerks say it: 一年级 … 六年级, 七年级 (初一) …, 高一 … 高三. */
export function gradeLabel(grade: number): string {
  if (grade >= 10 && grade <= 12) return `高${gradeNames[grade - 10]}`;
  return `${gradeNames[grade - 1] ?? grade}年级`;
}

export function classLabel(grade: number, number: number): string {
  return `${gradeLabel(grade)}（${number}）班`;
}

export interface SchoolClass {
  readonly id: number;
  /** 年级 1-12 */
  readonly grade: number;
  /** 班号 */
  readonly number: number;
  /** 班级名称, e.g. 七年级（3）班 */
  readonly label: string;
  /** 班主任 */
  readonly headTeacher: string;
  /** 班额 (capacity) */
  readonly capacity: number;
  /** Students in the class now (在读 and 休学: CHG-3 keeps suspended ones in the pool). */
  readonly studentCount: number;
}

export type ClassInput = Pick<SchoolClass, 'grade' | 'number' | 'headTeacher' | 'capacity'> & { readonly id?: number };

export function classProblems(input: ClassInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 12)
    problems['grade'] = '年级应为一年级至高三。';
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 99)
    problems['number'] = '班号应为 1 至 99。';
  if (input.headTeacher.trim().length > 30) problems['headTeacher'] = '班主任姓名不能超过 30 个字。';
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 100) {
    problems['capacity'] = '班额应为 1 至 100 人。';
  }
  return problems;
}

/**
 * 关键数据: set at registration; afterwards only an approved basic-information
 * change request changes them (DAT-1). A 学籍号 may be filled in once when
 * the Ministry system assigns it (REG-1), never changed directly.
 */
export const keyFields = [
  'name',
  'sex',
  'birthDate',
  'idType',
  'idNumber',
  'studentNumber',
] as const satisfies readonly (keyof StudentBasics)[];

export const studentFieldLabels: Readonly<Record<string, string>> = {
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  birthPlace: '出生地',
  nativePlace: '籍贯',
  ethnicity: '民族',
  nationality: '国籍/地区',
  idType: '身份证件类型',
  idNumber: '身份证件号',
  overseasStatus: '港澳台侨外',
  healthStatus: '健康状况',
  householdLocation: '户口所在地',
  householdType: '户口性质',
  enrollmentMonth: '入学年月',
  enrollmentMethod: '入学方式',
  boardingType: '就读方式',
  currentAddress: '现住址',
  mailingAddress: '通信地址',
  homeAddress: '家庭地址',
  phone: '联系电话',
  postalCode: '邮政编码',
  email: '电子信箱',
  studentNumber: '全国学籍号',
  namePinyin: '姓名拼音',
  formerName: '曾用名',
  politicalAffiliation: '政治面貌',
  idValidUntil: '身份证件有效期',
  specialty: '特长',
  classSeatNumber: '班内学号',
  studentSource: '学生来源',
  auxiliaryNumber: '学籍辅号',
  onlyChild: '是否独生子女',
  preschool: '是否受过学前教育',
  leftBehind: '是否留守儿童',
  migrantChild: '是否进城务工人员随迁子女',
  orphan: '是否孤儿',
  martyrChild: '是否烈士或优抚子女',
  inclusiveEducation: '是否随班就读',
  disabilityType: '残疾类型',
  governmentFundedPlace: '是否由政府购买学位',
  needsAid: '是否需要申请资助',
  receivesSubsidy: '是否享受一补',
  commuteDistance: '上下学距离（公里）',
  commuteMode: '上下学交通方式',
  needsSchoolBus: '是否需要乘坐校车',
  majorCode: '专业',
  schoolingYears: '学制',
  studyMode: '学习形式',
  studentCategory: '学生类别',
  teachingSite: '教学点',
  // Parts of the record kept beside the basic information (history rows use these names).
  status: '学籍状态',
  classId: '班级',
  photo: '照片',
  rewardsPunishments: '奖惩',
  studyHistory: '学习简历',
  graduationComment: '毕业评语',
};

export interface FieldChange {
  /** `phone`, or `familyMembers.0.phone` for a family member's field. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** Every field that differs, flattened, in a stable order. */
export function studentChanges(before: StudentBasics, after: StudentBasics): FieldChange[] {
  const flat = (basics: StudentBasics): Map<string, string> => {
    const entries = new Map<string, string>();
    for (const [key, value] of Object.entries(basics)) {
      if (key !== 'familyMembers') entries.set(key, String(value ?? ''));
    }
    basics.familyMembers.forEach((member: FamilyMember, index) => {
      for (const [key, value] of Object.entries(member))
        entries.set(`familyMembers.${index}.${key}`, String(value ?? ''));
    });
    return entries;
  };
  const a = flat(before);
  const b = flat(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .map((field) => ({ field, before: a.get(field) ?? '', after: b.get(field) ?? '' }))
    .filter((change) => change.before !== change.after);
}

/** Key-field changes among `changes`: refused outside a change request, except a first 学籍号. */
export function keyFieldChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.filter(
    (change) =>
      (keyFields as readonly string[]).includes(change.field) &&
      !(change.field === 'studentNumber' && change.before === ''),
  );
}

export interface StudentSummary {
  readonly id: number;
  readonly name: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly idNumber: string;
  readonly studentNumber: string;
  readonly classId: number;
  readonly classLabel: string;
  /** A `studentStatuses` code. */
  readonly status: string;
  readonly hasPhoto: boolean;
}

export interface StudentRecord extends StudentSummary, StudentRecords {
  readonly basics: StudentBasics;
  readonly photo: PhotoInfo | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly (FieldChange & { readonly at: string; readonly by: string })[];
}

/** Flags the roll can filter on. */
export type StudentFlag =
  /** 无照片 */
  | 'noPhoto'
  /** 无全国学籍号 yet (REG-1) */
  | 'noStudentNumber'
  /** 疑似重复: same name, birth date and sex as another record (OPS-2) */
  | 'possibleDuplicate';

export interface StudentQuery {
  /** 姓名 (part), 拼音首字母 (prefix, e.g. zsf for 张三丰), 身份证件号 or 学籍号 (prefix). */
  readonly text?: string;
  readonly grade?: number;
  readonly classId?: number;
  /** A `studentStatuses` code. */
  readonly status?: string;
  readonly flag?: StudentFlag;
  readonly limit: number;
  readonly offset: number;
}

/** 调班: to another class of the same grade; a logged operation with a reason. */
export interface ClassChangeRequest {
  readonly studentId: number;
  readonly classId: number;
  /** 调班原因 */
  readonly reason: string;
}

export interface RegistrationResult {
  readonly student: StudentRecord;
  /** Same name, birth date and sex as these records: flagged for review (OPS-2), not refused. */
  readonly possibleDuplicates: readonly StudentSummary[];
}

export type { StudentFieldErrors };
