/**
 * The one API contract between the renderer and core (DESIGN.md §2).
 *
 * Declared once here; main binds it to core, preload exposes it as
 * `window.api`, the test web bridge serves it, and the renderer calls it
 * through `renderer/src/api.ts`. The compiler proves `apiAccess` names every
 * method of `XuejiApi` and nothing else; core proves the same for its input
 * schemas (`shared/api-schemas.ts`) and handlers.
 *
 * Everything crossing this boundary is plain data (structured-clone safe)
 * and read-only.
 */
import type {
  AccountEnabledRequest,
  AccountSummary,
  ChangePasswordRequest,
  LoginRequest,
  NewAccountRequest,
  ResetPasswordRequest,
  Role,
  SessionInfo,
  SetupRequest,
  SetupResult,
} from './accounts';
import type { AuditChainStatus, AuditExportFormat, AuditFilter, AuditPage, ExportedFile } from './audit';
import type { ApiResult } from './errors';
import type { ApprovalDecision } from './changes/approvals';
import type {
  CaseFilter,
  CaseInput,
  CasePage,
  CaseRecord,
  EvidenceFile,
  EvidenceUpload,
  GraduateCandidate,
  PromotionPreview,
  PromotionResult,
} from './changes/caseRecords';
import type { Refusal } from './changes/cases';
import type { BackupCheck, BackupInfo, BackupOverview } from './exchange/backups';
import type { Dashboard, VerificationList, VerificationResult } from './dashboard';
import type { FolderPurpose } from './exchange/folders';
import type { SelfInspection } from './inspection/report';
import type { ImportReport, ImportResult, ImportUpload } from './exchange/studentImport';
import type { ExportVerification, ReviewExport, ReviewExportOptions } from './exchange/reviewExport';
import type { FontUpload, FormDocument, FormFonts, FormOutput, FormRequest } from './forms/forms';
import type {
  EnrollmentPlan,
  EnrollmentPlanRow,
  EnrollmentWarning,
  EnrollmentWarningKind,
} from './register/enrollment';
import type { PhotoUpload, StudentPhoto } from './register/photos';
import type { Major, SchoolProfile } from './register/school';
import type { ArchiveItemState, GraduationComment, StudyHistoryEntry } from './register/studentRecords';
import type {
  ClassChangeRequest,
  ClassInput,
  RegistrationResult,
  SchoolClass,
  StudentQuery,
  StudentRecord,
  StudentSummary,
} from './register/students';
import type { StudentBasics } from './register/studentValidation';
import type { TermInput, TermsOverview } from './register/terms';
import type { PasswordPolicy } from './passwordPolicy';
import type { AppStatus, SystemInfo } from './system';
import type { DataDamage, RestoreAtStartRequest } from './damagedData';

export interface XuejiApi {
  /** Whether the installation is set up, and the session if one is open. Does not count as activity. */
  status(): Promise<AppStatus>;
  /** 系统信息: versions, data folder, database and keyring facts for support staff. */
  systemInfo(): Promise<SystemInfo>;

  /** 设置向导: the first administrator, the school, and the recovery code (shown once). */
  setup(request: SetupRequest): Promise<SetupResult>;
  login(request: LoginRequest): Promise<SessionInfo>;
  /** Unlocks a locked session with the same account's password. */
  unlock(password: string): Promise<SessionInfo>;
  logout(): Promise<void>;
  /** Locks the screen now (the clerk steps away). */
  lockSession(): Promise<SessionInfo>;
  /** The clerk is typing or clicking: keeps the idle lock away. */
  reportActivity(): Promise<void>;
  changePassword(request: ChangePasswordRequest): Promise<SessionInfo>;
  /** The administrator confirms the recovery code is stored safely. */
  confirmRecoveryCodeSaved(): Promise<void>;

  getPasswordPolicy(): Promise<PasswordPolicy>;
  updatePasswordPolicy(policy: PasswordPolicy): Promise<PasswordPolicy>;
  listAccounts(): Promise<readonly AccountSummary[]>;
  createAccount(request: NewAccountRequest): Promise<AccountSummary>;
  resetPassword(request: ResetPasswordRequest): Promise<AccountSummary>;
  setAccountEnabled(request: AccountEnabledRequest): Promise<AccountSummary>;

  /** 访问日志, newest first. */
  listAuditEvents(filter: AuditFilter): Promise<AuditPage>;
  /** Walks the whole hash chain; the verification itself is logged. */
  verifyAuditLog(): Promise<AuditChainStatus>;
  /** The filtered log as a file, with the verification result on its first sheet (xlsx) or lines (csv). */
  exportAuditLog(filter: Omit<AuditFilter, 'limit' | 'offset'>, format: AuditExportFormat): Promise<ExportedFile>;

  /** 学校信息 (SCH-1). */
  getSchoolProfile(): Promise<SchoolProfile>;
  updateSchoolProfile(profile: SchoolProfile): Promise<SchoolProfile>;
  /** 学年学期设置 (SCH-2): every term, the current one, and the reminder when today is in none. */
  listTerms(): Promise<TermsOverview>;
  /** Adds a term, or changes the one with `id`. */
  saveTerm(term: TermInput): Promise<TermsOverview>;

  /** 班级, with how many students each holds now. */
  listClasses(): Promise<readonly SchoolClass[]>;
  /** Adds a class, or changes the one with `id`; returns every class. */
  saveClass(input: ClassInput): Promise<readonly SchoolClass[]>;
  /** 中职专业 of the school. */
  listMajors(): Promise<readonly Major[]>;
  /** Adds a major, or changes the one with the same code; returns every major. */
  saveMajor(major: Major): Promise<readonly Major[]>;

  /** 招生计划 (ENR-1), newest year first, with how many new students each year has. */
  listEnrollmentPlans(): Promise<readonly EnrollmentPlanRow[]>;
  /** Records the bureau's plan for a year (adds it or replaces that year's). */
  saveEnrollmentPlan(plan: EnrollmentPlan): Promise<readonly EnrollmentPlanRow[]>;
  /** ENR-2: what the clerk must acknowledge before this new student is saved in this class. */
  checkEnrollment(classId: number, basics: StudentBasics): Promise<readonly EnrollmentWarning[]>;
  /**
   * 学生登记: checked by the national rules; duplicates refused or flagged
   * (OPS-2); refused while an ENR-2 warning is not in `acknowledgedWarnings`,
   * and the acknowledgement is logged.
   */
  registerStudent(
    classId: number,
    basics: StudentBasics,
    acknowledgedWarnings?: readonly EnrollmentWarningKind[],
  ): Promise<RegistrationResult>;
  /** The full record with its history; every call is in the access log. */
  getStudent(id: number): Promise<StudentRecord>;
  /** Direct edit of non-key fields; key fields need a change request (DAT-1). */
  updateStudent(id: number, basics: StudentBasics): Promise<StudentRecord>;
  listStudents(query: StudentQuery): Promise<{ readonly rows: readonly StudentSummary[]; readonly total: number }>;
  /** 调班: to another class of the same grade, with a reason; logged and kept in the history. */
  changeClass(request: ClassChangeRequest): Promise<StudentRecord>;
  /** 学习简历: replaces the whole list, oldest first. */
  saveStudyHistory(studentId: number, entries: readonly StudyHistoryEntry[]): Promise<StudentRecord>;
  /** 毕业评语 (GRD-2). */
  saveGraduationComment(studentId: number, comment: GraduationComment): Promise<StudentRecord>;
  /** 纸质档案 checklist (SCH-3, VOC-2): the items given are set, the others kept. */
  saveArchiveChecklist(studentId: number, items: readonly ArchiveItemState[]): Promise<StudentRecord>;
  /** 学籍照片: a JPG or PNG cropped to 26:32, scaled to 358 × 441 and compressed under 60 KB, stored encrypted. */
  setStudentPhoto(studentId: number, upload: PhotoUpload): Promise<StudentRecord>;
  getStudentPhoto(studentId: number): Promise<StudentPhoto>;
  /** The class's photos as the national zip: one JPG per student named by ID number. */
  exportClassPhotos(classId: number): Promise<ExportedFile>;

  /** 学籍异动 and change requests: open ones by due date first, with their deadline state. */
  listCases(filter: CaseFilter): Promise<CasePage>;
  /** One case with its approvals, evidence and items; every opening is logged. */
  getCase(id: number): Promise<CaseRecord>;
  /** The rule refusals this case would meet if opened now; empty when it may be opened. Saves nothing. */
  checkCase(input: CaseInput): Promise<readonly Refusal[]>;
  /**
   * Opens a case after every rule check (CHG-*, TRF-*, DAT-*, GRD-*, VOC-*,
   * OPS-2); the record changes only when its last approval step approves.
   * 奖惩 entries are added and changed this way too (DAT-1).
   */
  openCase(input: CaseInput): Promise<CaseRecord>;
  /** OPS-3: the next approver's decision; the last approval applies the case to the record, atomically. */
  recordDecision(caseId: number, decision: ApprovalDecision): Promise<CaseRecord>;
  /** 撤销 an open case, with the reason. */
  withdrawCase(caseId: number, reason: string): Promise<CaseRecord>;
  /** 佐证材料: JPG, PNG or PDF (by content) up to 2 MB, stored encrypted. */
  addEvidence(caseId: number, upload: EvidenceUpload): Promise<CaseRecord>;
  /** Removes an evidence file from an open case (the file stays in the store, unreferenced). */
  removeEvidence(caseId: number, evidenceId: number): Promise<CaseRecord>;
  /** An evidence file for the viewer; every opening is logged. */
  getEvidence(evidenceId: number): Promise<EvidenceFile>;
  /** The graduating list of one graduating grade (6, 9 or 12), with what blocks each student (GRD-1, GRD-2). */
  listGraduateCandidates(grade: number): Promise<readonly GraduateCandidate[]>;
  /** 升级 at year end: what would move, and what stops it. */
  previewPromotion(): Promise<PromotionPreview>;
  /** 升级 of the whole school in one transaction; `schoolYear` is the preview's, confirmed by the clerk. */
  promoteSchool(schoolYear: string): Promise<PromotionResult>;

  /**
   * A printable A4 PDF pre-filled from the records, with its form number and
   * verification code (both in the access log). Refused, naming them, when
   * characters have no glyph in the bundled fonts or the fallback font.
   */
  generateForm(request: FormRequest): Promise<FormDocument>;
  /** 恢复码保管单 right after setup: the code must open the recovery slot. */
  recoveryCodeSheet(recoveryCode: string): Promise<FormDocument>;
  /** The clerk printed or saved a generated form (access log, with its number). */
  recordFormOutput(formNumber: string, output: FormOutput): Promise<void>;
  /** The fonts forms use, and the fallback font for rare characters. */
  getFormFonts(): Promise<FormFonts>;
  /** Adds (or with null removes) the fallback font for characters the bundled fonts lack. */
  setFallbackFont(upload: FontUpload | null): Promise<FormFonts>;

  /** The system's folder dialog (main side); null when the clerk cancels. */
  chooseFolder(purpose: FolderPurpose): Promise<string | null>;

  // 首页待办 and 每学期核对 (dashboard, VER-1)
  /**
   * 首页待办: open and overdue cases (CHG-2, DAT-1), the term (SCH-2), graduates'
   * missing items (GRD-2), the transfer window (CHG-1), VER-1 progress per
   * class, login days (OPS-1) and the last backup.
   */
  getDashboard(): Promise<Dashboard>;
  /** 学籍核对 (VER-1): a class's 在读 and 休学 students, each with this term's confirmation (who, when). */
  listVerification(classId: number): Promise<VerificationList>;
  /** VER-1: the records match these students; once per term, refused without a current term (SCH-2). */
  confirmRecords(studentIds: readonly number[]): Promise<VerificationResult>;

  // 导入 (import from the national template)
  /**
   * 检查（不保存）: reads the template's worksheet and checks every row as the
   * student form would, with duplicates against the register and within the
   * file (OPS-2); saves no student, returns the report (also as .xlsx).
   */
  dryRunImport(upload: ImportUpload): Promise<ImportReport>;
  /** 确认导入: reads and checks the file again and registers every row in one transaction; refused while any row has an error. */
  commitImport(upload: ImportUpload): Promise<ImportResult>;

  // 导出审查材料 (export for bureau review, and its verifier)
  /** Writes the review materials into a new folder of one from `chooseFolder('export')`. */
  exportForReview(folder: string, options: ReviewExportOptions): Promise<ReviewExport>;
  /** Hashes the files of an export folder (from `chooseFolder('verifyExport')`) against its manifest. */
  verifyExport(folder: string): Promise<ExportVerification>;

  // 备份与恢复 (backups)
  /** The automatic backups kept in the data folder, newest first. */
  listBackups(): Promise<BackupOverview>;
  /** A backup now: null into the automatic store of the data folder, or a folder from `chooseFolder('backup')`. */
  backupNow(folder: string | null): Promise<BackupInfo>;
  /** What a backup folder holds and whether it may be restored here (same school and installation, whole, intact). */
  checkBackup(folder: string): Promise<BackupCheck>;
  /** Replaces the current data with a checked backup (a folder from `chooseFolder('restore')`) and ends the session. */
  restoreBackup(folder: string): Promise<void>;

  // 自查报告 (self-inspection, INS-1)
  /**
   * 学籍管理工作自查报告: for each item of the city's inspection guidelines, the
   * verdict, the finding with figures, advice and the students or cases behind
   * it, from the school's own data (logged: it names students). The PDF is
   * `generateForm({ form: 'selfInspection' })`.
   */
  getSelfInspection(): Promise<SelfInspection>;

  // 数据损坏时的恢复 (damaged data at start)
  /** Before login: which file of the data folder is damaged (null: none), and the newest whole automatic backup. */
  checkDataFiles(): Promise<DataDamage | null>;
  /** Before login, with a damaged file: restores that backup; an administrator's password or the recovery code proves its key. */
  restoreAtStart(request: RestoreAtStartRequest): Promise<void>;
}

export type ApiMethod = keyof XuejiApi;
export type ApiArgs<M extends ApiMethod> = Parameters<XuejiApi[M]>;
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<XuejiApi[M]>>;

/**
 * Who may call a method, checked in core, never in the UI:
 * - `public`: before login (status, diagnostics, setup, login, unlock);
 * - `signed-in`: any unlocked session, even one that must change its
 *   password first (changing it, logging out, locking);
 * - a list of roles: an unlocked session with a current password and one
 *   of these roles.
 */
export type MethodAccess = 'public' | 'signed-in' | readonly Role[];

const admin = ['admin'] as const;
const adminOrAuditor = ['admin', 'auditor'] as const;
const adminOrClerk = ['admin', 'clerk'] as const;
const anyRole = ['admin', 'clerk', 'auditor'] as const;

export const apiAccess = {
  status: 'public',
  // Public on purpose: support staff open it when nobody can log in; it
  // shows no student data, and the schema version only once unlocked.
  systemInfo: 'public',
  setup: 'public',
  login: 'public',
  unlock: 'public',
  logout: 'signed-in',
  lockSession: 'signed-in',
  reportActivity: 'signed-in',
  changePassword: 'signed-in',
  confirmRecoveryCodeSaved: admin,
  // Not secret, and the forced password-change screen needs it for its hints.
  getPasswordPolicy: 'signed-in',
  updatePasswordPolicy: admin,
  listAccounts: admin,
  createAccount: admin,
  resetPassword: admin,
  setAccountEnabled: admin,
  listAuditEvents: adminOrAuditor,
  verifyAuditLog: adminOrAuditor,
  exportAuditLog: adminOrAuditor,
  getSchoolProfile: anyRole,
  updateSchoolProfile: admin,
  listTerms: anyRole,
  // SCH-2: the clerk sets the school year and semester at each term's start.
  saveTerm: adminOrClerk,
  listClasses: anyRole,
  saveClass: adminOrClerk,
  listMajors: anyRole,
  saveMajor: admin,
  listEnrollmentPlans: anyRole,
  // ENR-1: the clerk records the plan the county bureau sets.
  saveEnrollmentPlan: adminOrClerk,
  checkEnrollment: adminOrClerk,
  registerStudent: adminOrClerk,
  // 审计员 read records too (inspectors); each read is logged.
  getStudent: anyRole,
  updateStudent: adminOrClerk,
  listStudents: anyRole,
  changeClass: adminOrClerk,
  saveStudyHistory: adminOrClerk,
  saveGraduationComment: adminOrClerk,
  saveArchiveChecklist: adminOrClerk,
  setStudentPhoto: adminOrClerk,
  getStudentPhoto: anyRole,
  exportClassPhotos: adminOrClerk,
  // Inspectors (审计员) read cases and their evidence; each opening is logged.
  listCases: anyRole,
  getCase: anyRole,
  checkCase: adminOrClerk,
  openCase: adminOrClerk,
  // The clerk copies each decision from the signed paper or the national system (OPS-3).
  recordDecision: adminOrClerk,
  withdrawCase: adminOrClerk,
  addEvidence: adminOrClerk,
  removeEvidence: adminOrClerk,
  getEvidence: anyRole,
  listGraduateCandidates: anyRole,
  previewPromotion: adminOrClerk,
  promoteSchool: adminOrClerk,
  // Inspectors print what they read (学籍卡, 花名册); each form is logged with its number.
  generateForm: anyRole,
  recoveryCodeSheet: admin,
  recordFormOutput: anyRole,
  getFormFonts: anyRole,
  setFallbackFont: admin,
  chooseFolder: adminOrClerk,
  // 首页待办 and 每学期核对 (dashboard, VER-1)
  getDashboard: anyRole,
  listVerification: anyRole,
  // VER-1: the register clerk confirms each record matches the student.
  confirmRecords: adminOrClerk,
  // 导入 (import)
  dryRunImport: adminOrClerk,
  commitImport: adminOrClerk,
  // 导出审查材料 (export for bureau review)
  exportForReview: adminOrClerk,
  // Hashing files reads no student data: inspectors (审计员) may check what the school handed over.
  verifyExport: anyRole,
  // 备份与恢复 (backups)
  listBackups: adminOrClerk,
  backupNow: adminOrClerk,
  // Restoring replaces every record and the accounts' passwords: administrators only.
  checkBackup: admin,
  restoreBackup: admin,
  // 自查报告 (self-inspection, INS-1)
  // The school checks itself before an inspector does: the register's people, not the inspectors (审计员).
  getSelfInspection: adminOrClerk,
  // 数据损坏时的恢复 (damaged data at start)
  // Nobody can log in to a damaged installation; the backup's own key is the proof.
  checkDataFiles: 'public',
  restoreAtStart: 'public',
} as const satisfies { readonly [M in ApiMethod]: MethodAccess };

/** Every method of the contract, in declaration order. */
export const apiMethods = Object.keys(apiAccess) as readonly ApiMethod[];

/**
 * `window.api` as preload exposes it (and the test bridge's shim): one
 * function per method, resolving to the envelope. Only
 * `renderer/src/api.ts` touches it.
 */
export type WindowApi = {
  readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>;
};

/** The IPC channel of one method: one channel each, allow-listed, no generic invoke. */
export function apiChannel(method: ApiMethod): string {
  return `api:${method}`;
}
