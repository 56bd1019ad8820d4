/**
 * Register cases as they cross the contract: what the clerk submits to open
 * one (`CaseInput`, one shape per kind), what the lists and the case screen
 * show (`CaseSummary`, `CaseRecord`), evidence files, the graduating list
 * and the year-end promotion. The rules that decide them are the other
 * modules of this folder; core applies an approved case in one transaction.
 */
import type { UploadedFile } from '../register/photos';
import type { RewardPunishment } from '../register/studentRecords';
import type { StudentBasics } from '../register/studentValidation';
import type { StudentStatus } from '../register/codes';
import type { Approver, ApprovalDecision } from './approvals';
import type { CaseKind, Refusal, RuleId } from './cases';
import type { ChangeForm, EvidenceKind, EvidenceRequirement } from './evidence';
import type { BureauException } from './movementRules';
import type { GraduationOutcome } from './statusMachine';
import type { SuspensionGround, SuspensionPeriod } from './suspensionRules';
import type { OtherSchool, TransferReason } from './transferRules';

// ---------------------------------------------------------------------------
// Opening a case

interface CaseBase {
  /** 申请日期 `YYYY-MM-DD` (the paper application's day); not after today. Deadlines count from it. */
  readonly appliedOn: string;
  /** 申请理由 / 说明, 2-500 characters. */
  readonly reason: string;
}

/** The transfer's other side and grounds, as on the 转学联系表 (CHG-1, TRF-1..3). */
export interface TransferDetails {
  readonly reason: TransferReason;
  readonly otherSchool: OtherSchool;
}

export interface TransferInInput extends CaseBase {
  readonly kind: 'transferIn';
  /** A student who left this school and comes back (籍随人走); null for a new student. */
  readonly studentId: number | null;
  /** The new student's basic information (required when `studentId` is null). */
  readonly basics?: StudentBasics;
  /** The class the student joins; its grade is the grade TRF-1 checks. */
  readonly classId: number;
  readonly transfer: TransferDetails;
}

export interface TransferOutInput extends CaseBase {
  readonly kind: 'transferOut';
  readonly studentId: number;
  readonly transfer: TransferDetails;
  /** VOC-5 exception for a 弹性学习 student. */
  readonly exception?: BureauException;
}

export interface SuspensionInput extends CaseBase {
  readonly kind: 'suspension';
  readonly studentId: number;
  readonly ground: SuspensionGround;
  /** Illness: the days of leave the county-level hospital's record prescribes. */
  readonly prescribedLeaveDays?: number;
  readonly period: SuspensionPeriod;
  readonly exception?: BureauException;
}

export interface ResumptionInput extends CaseBase {
  readonly kind: 'resumption';
  readonly studentId: number;
  /** The class the student resumes in: their own grade or a lower one of the same stage (CHG-4). */
  readonly classId: number;
  /** The new 学籍辅号 the provincial system issued (普通高中 going down a grade, CHG-4). */
  readonly newAuxiliaryNumber?: string;
}

export interface RepeatGradeInput extends CaseBase {
  readonly kind: 'repeatGrade';
  readonly studentId: number;
  /** A class one grade lower, same stage. */
  readonly classId: number;
}

export interface ChangeMajorInput extends CaseBase {
  readonly kind: 'changeMajor';
  readonly studentId: number;
  /** Code of an active major of this school, not the student's current one. */
  readonly majorCode: string;
  readonly exception?: BureauException;
}

/** 退学, 死亡, 出国, 注销: the student, the reason and the evidence say it all. */
export interface LeavingInput extends CaseBase {
  readonly kind: 'dropout' | 'death' | 'goingAbroad' | 'cancellation';
  readonly studentId: number;
}

/** 毕业 of a graduating list: one case, one decision per approver, for every student on it. */
export interface GraduationInput extends CaseBase {
  readonly kind: 'graduation';
  readonly students: readonly { readonly studentId: number; readonly outcome: GraduationOutcome }[];
}

/** One field of a basic-information change (DAT-1, DAT-2): the value it will have. */
export interface ChangeItemInput {
  /** A top-level field of `StudentBasics` (not 家庭成员). */
  readonly field: string;
  readonly after: string;
}

export interface BasicInfoChangeInput extends CaseBase {
  readonly kind: 'basicInfoChange';
  readonly studentId: number;
  readonly items: readonly ChangeItemInput[];
}

/** Adding a 奖惩 entry, or changing one (with its `id`), through approval (DAT-1). */
export interface RewardPunishmentChangeInput extends CaseBase {
  readonly kind: 'rewardPunishmentChange';
  readonly studentId: number;
  readonly entry: RewardPunishment;
}

/** What the clerk submits to open a case; 调班 and 升级 have their own operations. */
export type CaseInput =
  | TransferInInput
  | TransferOutInput
  | SuspensionInput
  | ResumptionInput
  | RepeatGradeInput
  | ChangeMajorInput
  | LeavingInput
  | GraduationInput
  | BasicInfoChangeInput
  | RewardPunishmentChangeInput;

export type OpenableKind = CaseInput['kind'];

// ---------------------------------------------------------------------------
// Reading cases

/** pending 办理中, approved 已办结, rejected 已退回, withdrawn 已撤销. */
export type CaseStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export const caseStatusLabels: Readonly<Record<CaseStatus, string>> = {
  pending: '办理中',
  approved: '已办结',
  rejected: '已退回',
  withdrawn: '已撤销',
};

export interface CaseSummary {
  readonly id: number;
  readonly kind: OpenableKind;
  readonly status: CaseStatus;
  /** Who the case is about, e.g. “张三（七年级2班）” or “九年级毕业生 312 人”. */
  readonly subject: string;
  /** The one student of the case (null: a graduating list, or a new student's transfer in before approval). */
  readonly studentId: number | null;
  readonly appliedOn: string;
  /** The rule's due date (CHG-1, CHG-2, DAT-1, GRD-2) or null. */
  readonly dueDate: string | null;
  readonly dueRule: RuleId | null;
  /** Days left including today (0: due today; negative: overdue); null without a due date or once closed. */
  readonly daysLeft: number | null;
  readonly overdue: boolean;
  /** Whose decision is awaited; null once closed. */
  readonly nextApprover: Approver | null;
  /** The account that opened the case. */
  readonly openedBy: string;
  readonly openedAt: string;
}

export interface CaseFilter {
  /** open: 办理中 only (default); closed: the others; all. */
  readonly scope?: 'open' | 'closed' | 'all';
  readonly kind?: OpenableKind;
  readonly studentId?: number;
  /** Only open cases past their due date. */
  readonly overdueOnly?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface CasePage {
  readonly rows: readonly CaseSummary[];
  readonly total: number;
  /** Open cases past their due date, whatever the filter. */
  readonly overdueCount: number;
}

/** One recorded approval step: the reviewer's decision and the account that entered it (OPS-3). */
export interface RecordedDecision extends ApprovalDecision {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface EvidenceInfo {
  readonly id: number;
  readonly kind: EvidenceKind;
  /** The name the clerk's file had, for display only (never a path). */
  readonly fileName: string;
  readonly mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
  readonly bytes: number;
  readonly sha256: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

/** A basic-information change item as recorded: the value when the request was made, and the new one. */
export interface ChangeItem {
  readonly field: string;
  /** 变更项目, e.g. 姓名. */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** A student on a case, as the case screen lists them. */
export interface CaseStudent {
  readonly studentId: number;
  readonly name: string;
  readonly classLabel: string;
  /** 毕业/结业/肄业 on a graduating list. */
  readonly outcome: GraduationOutcome | null;
}

export interface CaseRecord extends CaseSummary {
  /** What was submitted, as submitted (the new student's basics included). */
  readonly input: CaseInput;
  readonly students: readonly CaseStudent[];
  /** Basic-information change items with their recorded before values. */
  readonly items: readonly ChangeItem[];
  /** Approvers in order (OPS-3). */
  readonly steps: readonly Approver[];
  readonly decisions: readonly RecordedDecision[];
  readonly requirements: readonly EvidenceRequirement[];
  readonly evidence: readonly EvidenceInfo[];
  /** What evidence is still missing before a step may approve; null when complete. */
  readonly missingEvidence: Refusal | null;
  /** The form the case prints (issue 6), or null. */
  readonly form: ChangeForm | null;
  /** TRF-3: a 普通高中 transfer keeps its paper procedure beside the electronic one. */
  readonly paperProcedure: boolean;
  /** Why it was withdrawn (撤销), else ''. */
  readonly withdrawnReason: string;
  /** When the record changed (approved) or the case was closed; '' while open. */
  readonly closedAt: string;
}

// ---------------------------------------------------------------------------
// Evidence files

/** 佐证材料 file: JPG, PNG or PDF by content, at most 2 MB. */
export const evidenceSpec = {
  maxBytes: 2 * 1024 * 1024,
  mediaTypes: ['image/jpeg', 'image/png', 'application/pdf'],
} as const;

export interface EvidenceUpload extends UploadedFile {
  readonly kind: EvidenceKind;
}

export interface EvidenceFile {
  readonly fileName: string;
  readonly mediaType: EvidenceInfo['mediaType'];
  readonly base64: string;
}

// ---------------------------------------------------------------------------
// 毕业 and 升级

/** A student of a graduating grade and what stands between them and graduation (GRD-1, GRD-2). */
export interface GraduateCandidate {
  readonly studentId: number;
  readonly name: string;
  readonly classLabel: string;
  readonly status: StudentStatus;
  readonly hasStudyHistory: boolean;
  readonly hasGraduationComment: boolean;
  /** Kinds of the student's open cases (any blocks graduation). */
  readonly openCases: readonly CaseKind[];
  /** Empty when the student may be put on a graduating list. */
  readonly refusals: readonly Refusal[];
}

/** One class's move in the year-end promotion (升级). */
export interface PromotionClassMove {
  readonly fromLabel: string;
  readonly toLabel: string;
  /** 在读 students who move up. */
  readonly students: number;
  /** The class above does not exist yet and will be created with the same 班额. */
  readonly createsClass: boolean;
  /** For the clerk, '' when none: the class above would hold more students than its 班额 (a note, not a refusal). */
  readonly note: string;
}

export interface PromotionPreview {
  /** 学年 the promotion is for, e.g. `2027-2028`. */
  readonly schoolYear: string;
  readonly moves: readonly PromotionClassMove[];
  /** 在读 students moving up. */
  readonly studentCount: number;
  /** 休学 students who stay in their grade (CHG-3; they resume into it). */
  readonly suspendedStaying: number;
  /** Why the promotion cannot be done now; empty when it can. */
  readonly refusals: readonly Refusal[];
}

export interface PromotionResult {
  readonly schoolYear: string;
  readonly studentCount: number;
  readonly classesCreated: number;
}
