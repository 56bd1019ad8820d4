/**
 * What each printed form is made of: the facts core reads from the register
 * (the form service assembles them) and the frame every form carries
 * (school, form number, date, operator, verification code). A layout is a
 * pure function of the two that returns a pdfmake document definition;
 * the service renders it after checking every character has a glyph.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CaseRecord, CaseSummary } from '../../../shared/changes/caseRecords';
import type { SchoolProfile } from '../../../shared/register/school';
import type { SchoolClass, StudentRecord } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';

/** The font families a layout may name; the renderer maps them to files (DESIGN.md §6). */
export const formFonts = {
  /** Noto Serif SC: the values and the body. */
  body: 'NotoSerifSC',
  /** Noto Sans SC: labels, headings. */
  label: 'NotoSansSC',
  /** The administrator's font for characters the bundled ones lack; set by the service, never by a layout. */
  fallback: 'Fallback',
} as const;

/** Printed on every form: the header's school and number, the footer's operator, time and code. */
export interface FormFrame {
  readonly title: string;
  readonly schoolName: string;
  /** 学校标识码 */
  readonly schoolCode: string;
  /** 学校标识码-年份-序号 */
  readonly formNumber: string;
  /** 校验码, e.g. `3F9A-1C2B`. */
  readonly verificationCode: string;
  /** 填表日期 `YYYY-MM-DD`. */
  readonly issuedOn: string;
  /** 经办人: the signed-in account's display name. */
  readonly operator: string;
  /** 生成时间, e.g. `2026年11月27日 09:05`. */
  readonly generatedAt: string;
}

/** A case's form (基本信息变更申请表, 转学联系表, 休学复学申请表, 学籍异动审批表). */
export interface CaseFormData {
  readonly case: CaseRecord;
  /** The student's record now; null for a new student's 转入 before approval. */
  readonly student: StudentRecord | null;
  /** A new student's basic information from the 转入 case. */
  readonly newStudent: StudentBasics | null;
  /** The class label the form names (the student's, or the target class of a 转入/复学/留级). */
  readonly classLabel: string;
  readonly headTeacher: string;
  readonly school: SchoolProfile;
  /** 专业名称 by 专业代码, for the 中职 majors a 转专业 names. */
  readonly majorNames: Readonly<Record<string, string>>;
}

/** 学籍卡: the record, its photo and its approved movements. */
export interface StudentCardData {
  readonly student: StudentRecord;
  /** The stored 358 × 441 JPG, decrypted; null without a photo. */
  readonly photoJpeg: Buffer | null;
  /** Approved 学籍异动 of the student, oldest first. */
  readonly movements: readonly CaseSummary[];
  readonly school: SchoolProfile;
  /** 专业名称 by 专业代码 (中职). */
  readonly majorNames: Readonly<Record<string, string>>;
}

/** 花名册 of a class: its 在读 and 休学 students in roll order. */
export interface ClassRosterData {
  readonly schoolClass: SchoolClass;
  readonly students: readonly StudentRecord[];
  readonly school: SchoolProfile;
}

/** 中职 毕业生信息登记表 (VOC-2). */
export interface GraduateRegistrationData {
  readonly student: StudentRecord;
  readonly photoJpeg: Buffer | null;
  /** 专业名称 of the student's major code. */
  readonly majorName: string;
  readonly school: SchoolProfile;
}

/** 恢复码保管单 from setup. */
export interface RecoveryCodeData {
  readonly recoveryCode: string;
  /** The administrator's display name. */
  readonly administrator: string;
  readonly school: SchoolProfile;
}

export type FormLayout<Data> = (data: Data, frame: FormFrame) => TDocumentDefinitions;
