/**
 * What core reads from the register for the self-inspection report (INS-1):
 * counts, and the first `inspectionListLimit` students or cases of each
 * list, in one read transaction. The verdict rules (items*.ts) turn them
 * into the report; nothing here decides anything.
 */
import type { AuditChainStatus } from '../audit';
import type { CaseKind, RuleId } from '../changes/cases';
import type { CaseStatus } from '../changes/caseRecords';
import type { PasswordPolicy } from '../passwordPolicy';
import type { StudentStatus } from '../register/codes';
import type { EnrollmentPlanRow } from '../register/enrollment';
import type { SchoolProfile } from '../register/school';
import type { Term } from '../register/terms';

/** A count and the first rows of a list. */
export interface Listed<T> {
  readonly total: number;
  readonly first: readonly T[];
}

/** A student as a list names them. */
export interface StudentRef {
  readonly studentId: number;
  readonly name: string;
  readonly classLabel: string;
  /** 全国学籍号, '' when none. */
  readonly studentNumber: string;
}

/** A register case as the timeliness items need it. */
export interface CaseFact {
  readonly caseId: number;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  /** The student's name and class when it was opened. */
  readonly subject: string;
  readonly studentId: number | null;
  readonly studentNumber: string;
  readonly appliedOn: string;
  readonly dueDate: string | null;
  /** The day the clerk entered it (OPS-3: opened_at). */
  readonly openedOn: string;
  /** The last recorded decision's day; null while none. */
  readonly decidedOn: string | null;
}

/** Cases under one deadline rule: open ones past due, and those decided after their due date. */
export interface CaseTimeliness {
  readonly rule: RuleId;
  /** Open (办理中) cases under the rule, whatever their age. */
  readonly open: number;
  readonly overdue: Listed<CaseFact>;
  /** Cases under the rule decided (approved or rejected) in the period. */
  readonly decided: number;
  readonly late: Listed<CaseFact>;
}

/** A student whose paper archive lacks items (SCH-3, VOC-2). */
export interface ArchiveGap extends StudentRef {
  /** `archiveItems` codes missing, in checklist order. */
  readonly missing: readonly string[];
}

/** Records sharing an ID number, a 学籍号, or name, birth date and sex (OPS-2, VOC-4). */
export interface DuplicateGroup {
  readonly kind: 'idNumber' | 'studentNumber' | 'identity';
  /** The shared value as the clerk reads it: the number, or 姓名 出生日期. */
  readonly value: string;
  readonly students: readonly (StudentRef & { readonly status: StudentStatus })[];
}

export interface InspectionFacts {
  readonly today: string;
  readonly school: SchoolProfile;
  /** The last 学校信息 change in the access log (SCH-1). */
  /** When, and by whom as the app names people (王老师（wanglaoshi）). */
  readonly schoolChange: { readonly at: string; readonly by: string } | null;
  readonly terms: readonly Term[];
  /** The access log's first day: the installation began then. */
  readonly firstDay: string;
  /** 在读 and 休学 students, and the classes they are in. */
  readonly students: number;
  readonly classes: number;
  /** Cases opened in the period. */
  readonly casesOpened: number;

  /** SCH-3: current students with any applicable item missing; `checked`: those with any item ticked at all. */
  readonly archive: { readonly checked: number; readonly incomplete: Listed<ArchiveGap> };
  /** VOC-2 items of 中职 (current students; 毕业生信息登记表 of graduates). */
  readonly vocationalArchive: Listed<ArchiveGap>;
  /** REG-1: current students without a 学籍号, and with a temporary L number. */
  readonly studentNumbers: { readonly missing: Listed<StudentRef>; readonly temporary: Listed<StudentRef> };
  /** REG-2: current students of grades 10-12 (普通高中), and those without a 学籍辅号. */
  readonly auxiliaryNumbers: { readonly seniorHigh: number; readonly missing: Listed<StudentRef> };
  /** ENR-1: the plan of the year whose intake the period belongs to. */
  readonly enrollmentPlan: { readonly year: number; readonly plan: EnrollmentPlanRow | null };
  /** ENR-2: current students without a photo, with the day each was registered. */
  readonly photos: {
    readonly missing: Listed<StudentRef & { readonly registeredOn: string }>;
    readonly recent: number;
  };
  /** GRD-2: graduating-grade students, and those missing a 学习简历 or a 毕业评语. */
  readonly graduates: {
    readonly students: number;
    readonly incomplete: Listed<
      StudentRef & { readonly missingStudyHistory: boolean; readonly missingComment: boolean }
    >;
  };
  /** CHG-2, DAT-1, CHG-1 (transfers due when their window closes). */
  readonly movements: CaseTimeliness;
  readonly changeRequests: CaseTimeliness;
  readonly transfers: CaseTimeliness & {
    /** Transfers opened in the period with no window around their application day. */
    readonly outsideWindow: Listed<CaseFact>;
  };
  /** OPS-2: departures still open past their due date (the student still counts as 在读), and 休学 periods ended. */
  readonly departures: {
    readonly overdue: Listed<CaseFact>;
    readonly suspensionEnded: Listed<StudentRef & { readonly endDate: string }>;
  };
  /** OPS-2, VOC-4: records sharing an ID number or 学籍号 (refused), and name, birth date and sex (to review). */
  readonly duplicates: { readonly numbers: Listed<DuplicateGroup>; readonly identity: Listed<DuplicateGroup> };
  /** VER-1 in the period's term (none without one). */
  readonly verification: {
    readonly verified: number;
    readonly unverified: Listed<StudentRef>;
  };
  /** OPS-1: days with a successful login, from the period's first day. */
  readonly loginDays: readonly string[];
  readonly auditChain: AuditChainStatus;
  /** SEC-2: the policy as configured, and enabled accounts whose password has expired. */
  readonly password: {
    readonly policy: PasswordPolicy;
    readonly expired: readonly { readonly userName: string; readonly displayName: string; readonly since: string }[];
  };
  /** VOC-3: cases entered more than a week after their application, and students entered late. */
  readonly lateEntries: {
    readonly cases: Listed<CaseFact>;
    readonly students: Listed<StudentRef & { readonly enrollmentMonth: string; readonly registeredOn: string }>;
  };
  /** VOC-5: 弹性学习 students, and their 转学/转专业/休学 cases with and without the bureau's 文号. */
  readonly flexibleStudy: {
    readonly students: number;
    readonly withoutException: Listed<CaseFact>;
    readonly withException: number;
  };
}
