/**
 * Input schemas of the contract: core validates every call with these,
 * because the renderer is not trusted (DESIGN.md §2). The mapped type makes
 * a missing or extra method a compile error. Rules with Chinese messages
 * (password policy, school code …) are checked again by the services; these
 * schemas only bound shape and size.
 */
import { z } from 'zod';
import { roles, schoolCodePattern, userNamePattern } from './accounts';
import type { ApiArgs, ApiMethod } from './api';
import { auditActions } from './audit';
import { maxConfirmedAtOnce } from './dashboard';
import { passwordPolicyBounds } from './passwordPolicy';
import { extendedStudentFields } from './register/studentValidation';
import { approvers, type Approver } from './changes/approvals';
import type { OpenableKind } from './changes/caseRecords';
import { evidenceKinds, type EvidenceKind } from './changes/evidence';
import { graduationOutcomes } from './changes/statusMachine';
import { moveScopes, transferGrounds, type MoveScope, type TransferGround } from './changes/transferRules';

/** Long enough for any real password, short enough that a 1 MB paste is refused before any work. */
const password = z.string().max(4096);
const userName = z.string().max(64);
const displayName = z.string().trim().min(1).max(40);
/** Free text of settings screens: bounded here; the services check the real limits, in Chinese. */
const shortText = z.string().max(200);
const isoDate = z
  .string()
  .max(40)
  .refine((text) => !Number.isNaN(Date.parse(text)));

const bounded = (key: keyof typeof passwordPolicyBounds) =>
  z.number().int().min(passwordPolicyBounds[key].min).max(passwordPolicyBounds[key].max);

const auditFilterFields = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  userName: userName.optional(),
  action: z.enum(auditActions).optional(),
  objectId: z.string().max(64).optional(),
};

/** Every value of the student form is a string; the register rules check content, this bounds size. */
const field = z.string().max(200);
const familyMember = z.object({
  name: field,
  relationship: field,
  phone: field,
  isGuardian: field,
  idType: field.optional(),
  idNumber: field.optional(),
  ethnicity: field.optional(),
  householdLocation: field.optional(),
  workplace: field.optional(),
  address: field.optional(),
  jobTitle: field.optional(),
});
const studentBasics = z.object({
  name: field,
  sex: field,
  birthDate: field,
  birthPlace: field,
  nativePlace: field,
  ethnicity: field,
  nationality: field,
  idType: field,
  idNumber: field,
  overseasStatus: field,
  healthStatus: field,
  householdLocation: field,
  householdType: field,
  enrollmentMonth: field,
  enrollmentMethod: field,
  boardingType: field,
  currentAddress: field,
  mailingAddress: field,
  homeAddress: field,
  phone: field,
  postalCode: field,
  email: field.optional(),
  studentNumber: field.optional(),
  familyMembers: z.array(familyMember).max(6),
  ...Object.fromEntries(extendedStudentFields.map((name) => [name, field.optional()])),
});
const rowId = z.number().int().positive();
const enrollmentWarningKind = z.enum(['overPlan', 'overClassSize', 'outsideZone']);
const longText = z.string().max(2000);
/**
 * Base64 of an uploaded file, at most `maxChars` characters (4 characters per 3 bytes). `abort` stops at the
 * length: without it the pattern would still run over a 1 GB string, which takes seconds.
 */
function base64Of(maxChars: number) {
  return z
    .string()
    .max(maxChars, { abort: true })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);
}
/** Base64 of a photo: a 10 MB picture is about 13.4 M characters. */
const photoBase64 = base64Of(14_000_000);
/**
 * Base64 of an evidence scan: core refuses anything over 2 MB with its size in MB, so the bound here lets a
 * phone photo or a multi-page scan (up to 32 MB) reach that message instead of a generic format error.
 */
const evidenceBase64 = base64Of(44_800_000);
/**
 * An import file (导入学生): core refuses anything over 20 MB naming its size, so up to 40 MB (about 56 M
 * characters of base64) reach that message.
 */
const importUpload = z.object({
  fileName: z.string().max(260),
  base64: base64Of(56_000_000),
  classId: z.number().int().positive().nullable(),
});

const day = z.string().max(20);
const rewardPunishment = z.object({
  id: rowId.optional(),
  kind: z.enum(['reward', 'punishment']),
  date: field,
  title: field,
  level: field,
  issuer: field,
  reason: longText,
  revokedOn: field,
});
const caseBase = { appliedOn: day, reason: longText };
const exception = z.object({ documentNumber: z.string().max(100) }).optional();
const transferDetails = z.object({
  reason: z.object({
    ground: z.enum(transferGrounds.map((entry) => entry.code) as [TransferGround, ...TransferGround[]]),
    scope: z.enum(moveScopes.map((entry) => entry.code) as [MoveScope, ...MoveScope[]]),
    hukouMoved: z.boolean(),
  }),
  otherSchool: z.object({
    name: z.string().max(100),
    type: z.string().max(10).nullable(),
    ownership: z.string().max(10).nullable(),
    provincialModel: z.boolean(),
    enrollmentZone: shortText,
    inCity: z.boolean(),
  }),
});
const caseInput = z.discriminatedUnion('kind', [
  z.object({
    ...caseBase,
    kind: z.literal('transferIn'),
    studentId: rowId.nullable(),
    basics: studentBasics.optional(),
    classId: rowId,
    transfer: transferDetails,
  }),
  z.object({ ...caseBase, kind: z.literal('transferOut'), studentId: rowId, transfer: transferDetails, exception }),
  z.object({
    ...caseBase,
    kind: z.literal('suspension'),
    studentId: rowId,
    ground: z.enum(['illness', 'forceMajeure']),
    prescribedLeaveDays: z.number().int().min(0).max(1000).optional(),
    period: z.object({ startDate: day, endDate: day }),
    exception,
  }),
  z.object({
    ...caseBase,
    kind: z.literal('resumption'),
    studentId: rowId,
    classId: rowId,
    newAuxiliaryNumber: field.optional(),
  }),
  z.object({ ...caseBase, kind: z.literal('repeatGrade'), studentId: rowId, classId: rowId }),
  z.object({ ...caseBase, kind: z.literal('changeMajor'), studentId: rowId, majorCode: field, exception }),
  z.object({
    ...caseBase,
    kind: z.enum(['dropout', 'death', 'goingAbroad', 'cancellation']),
    studentId: rowId,
  }),
  z.object({
    ...caseBase,
    kind: z.literal('graduation'),
    students: z
      .array(z.object({ studentId: rowId, outcome: z.enum(graduationOutcomes) }))
      .min(1)
      .max(5000),
  }),
  z.object({
    ...caseBase,
    kind: z.literal('basicInfoChange'),
    studentId: rowId,
    items: z
      .array(z.object({ field: z.string().max(40), after: field }))
      .min(1)
      .max(40),
  }),
  z.object({ ...caseBase, kind: z.literal('rewardPunishmentChange'), studentId: rowId, entry: rewardPunishment }),
]);
const caseKinds = [
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
  'graduation',
  'basicInfoChange',
  'rewardPunishmentChange',
] as const satisfies readonly OpenableKind[];

export const apiArgSchemas = {
  status: z.tuple([]),
  systemInfo: z.tuple([]),
  setup: z.tuple([
    z.object({
      schoolName: z.string().trim().min(2).max(60),
      schoolCode: z.string().regex(schoolCodePattern),
      adminUserName: z.string().regex(userNamePattern),
      adminDisplayName: displayName,
      password,
    }),
  ]),
  login: z.tuple([z.object({ userName, password })]),
  unlock: z.tuple([password]),
  logout: z.tuple([]),
  lockSession: z.tuple([]),
  reportActivity: z.tuple([]),
  changePassword: z.tuple([z.object({ currentPassword: password, newPassword: password })]),
  confirmRecoveryCodeSaved: z.tuple([]),
  getPasswordPolicy: z.tuple([]),
  updatePasswordPolicy: z.tuple([
    z.object({
      minLength: bounded('minLength'),
      rotationDays: bounded('rotationDays'),
      warningDays: bounded('warningDays'),
      historySize: bounded('historySize'),
      maxFailures: bounded('maxFailures'),
      lockoutMinutes: bounded('lockoutMinutes'),
      idleLockMinutes: bounded('idleLockMinutes'),
    }),
  ]),
  listAccounts: z.tuple([]),
  createAccount: z.tuple([
    z.object({
      userName: z.string().regex(userNamePattern),
      displayName,
      role: z.enum(roles),
      initialPassword: password,
    }),
  ]),
  resetPassword: z.tuple([z.object({ userName, newPassword: password })]),
  setAccountEnabled: z.tuple([z.object({ userName, enabled: z.boolean() })]),
  listAuditEvents: z.tuple([
    z.object({
      ...auditFilterFields,
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(1e9),
    }),
  ]),
  verifyAuditLog: z.tuple([]),
  exportAuditLog: z.tuple([z.object(auditFilterFields), z.enum(['xlsx', 'csv'])]),
  getSchoolProfile: z.tuple([]),
  updateSchoolProfile: z.tuple([
    z.object({
      name: z.string().max(100),
      code: z.string().max(20),
      type: z.string().max(10).nullable(),
      ownership: z.string().max(10).nullable(),
      provincialModel: z.boolean(),
      enrollmentZone: shortText,
      registerOffice: shortText,
      registerOfficer: shortText,
      officerPhone: z.string().max(40),
    }),
  ]),
  listTerms: z.tuple([]),
  saveTerm: z.tuple([
    z.object({
      id: z.number().int().positive().optional(),
      schoolYear: z.string().max(20),
      semester: z.union([z.literal(1), z.literal(2)]),
      startDate: z.string().max(20),
      endDate: z.string().max(20),
    }),
  ]),
  listClasses: z.tuple([]),
  saveClass: z.tuple([
    z.object({
      id: rowId.optional(),
      grade: z.number().int(),
      number: z.number().int(),
      headTeacher: z.string().max(100),
      capacity: z.number().int(),
    }),
  ]),
  listEnrollmentPlans: z.tuple([]),
  saveEnrollmentPlan: z.tuple([
    z.object({
      year: z.number().int().min(2000).max(2100),
      places: z.number().int(),
      classSize: z.number().int(),
      parallelClasses: z.number().int(),
      zoneCodes: z.array(z.string().max(12)).max(200),
      zoneNote: shortText,
      documentNumber: z.string().max(100),
    }),
  ]),
  listMajors: z.tuple([]),
  saveMajor: z.tuple([
    z.object({ code: z.string().max(20), name: z.string().max(100), years: z.number().int(), active: z.boolean() }),
  ]),
  checkEnrollment: z.tuple([rowId, studentBasics]),
  registerStudent: z.tuple([rowId, studentBasics, z.array(enrollmentWarningKind).max(3).optional()]),
  getStudent: z.tuple([rowId]),
  updateStudent: z.tuple([rowId, studentBasics]),
  changeClass: z.tuple([z.object({ studentId: rowId, classId: rowId, reason: shortText })]),
  saveStudyHistory: z.tuple([
    rowId,
    z.array(z.object({ fromMonth: field, toMonth: field, school: field, role: field, witness: field })).max(30),
  ]),
  saveGraduationComment: z.tuple([rowId, z.object({ text: longText, author: field, date: field })]),
  saveArchiveChecklist: z.tuple([
    rowId,
    z.array(z.object({ item: z.string().max(40), present: z.boolean(), note: field })).max(40),
  ]),
  setStudentPhoto: z.tuple([
    rowId,
    z.object({
      fileName: z.string().max(260),
      base64: photoBase64,
      crop: z
        .object({
          left: z.number().int().min(0),
          top: z.number().int().min(0),
          width: z.number().int().min(1),
          height: z.number().int().min(1),
        })
        .optional(),
    }),
  ]),
  getStudentPhoto: z.tuple([rowId]),
  exportClassPhotos: z.tuple([rowId]),
  listCases: z.tuple([
    z.object({
      scope: z.enum(['open', 'closed', 'all']).optional(),
      kind: z.enum(caseKinds).optional(),
      studentId: rowId.optional(),
      overdueOnly: z.boolean().optional(),
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(1e9),
    }),
  ]),
  getCase: z.tuple([rowId]),
  checkCase: z.tuple([caseInput]),
  openCase: z.tuple([caseInput]),
  recordDecision: z.tuple([
    rowId,
    z.object({
      approver: z.enum(approvers.map((entry) => entry.code) as [Approver, ...Approver[]]),
      outcome: z.enum(['approved', 'rejected']),
      decidedOn: day,
      decidedBy: z.string().max(40),
      opinion: longText,
      documentNumber: z.string().max(100),
    }),
  ]),
  withdrawCase: z.tuple([rowId, longText]),
  addEvidence: z.tuple([
    rowId,
    z.object({
      kind: z.enum(evidenceKinds.map((entry) => entry.code) as [EvidenceKind, ...EvidenceKind[]]),
      fileName: z.string().max(260),
      base64: evidenceBase64,
    }),
  ]),
  removeEvidence: z.tuple([rowId, rowId]),
  getEvidence: z.tuple([rowId]),
  listGraduateCandidates: z.tuple([z.number().int().min(1).max(12)]),
  previewPromotion: z.tuple([]),
  promoteSchool: z.tuple([z.string().max(20)]),
  generateForm: z.tuple([
    z.discriminatedUnion('form', [
      z.object({ form: z.literal('case'), caseId: rowId }),
      z.object({ form: z.literal('studentCard'), studentId: rowId }),
      z.object({ form: z.literal('classStudentCards'), classId: rowId }),
      z.object({ form: z.literal('classRoster'), classId: rowId }),
      z.object({ form: z.literal('graduateRegistration'), studentId: rowId }),
      z.object({ form: z.literal('selfInspection') }),
    ]),
  ]),
  recoveryCodeSheet: z.tuple([z.string().max(64)]),
  recordFormOutput: z.tuple([z.string().max(40), z.enum(['print', 'save'])]),
  getFormFonts: z.tuple([]),
  chooseFolder: z.tuple([z.enum(['backup', 'restore', 'export', 'verifyExport'])]),
  // 首页待办 and 每学期核对 (dashboard, VER-1)
  getDashboard: z.tuple([]),
  listVerification: z.tuple([rowId]),
  confirmRecords: z.tuple([z.array(rowId).min(1).max(maxConfirmedAtOnce)]),
  // 导入 (import)
  dryRunImport: z.tuple([importUpload]),
  commitImport: z.tuple([importUpload]),
  // 导出审查材料 (export for bureau review)
  // The folder comes from chooseFolder; core checks it is an existing absolute folder.
  exportForReview: z.tuple([z.string().min(1).max(4096), z.object({ includePhotos: z.boolean() }).strict()]),
  verifyExport: z.tuple([z.string().min(1).max(4096)]),
  // 备份与恢复 (backups)
  listBackups: z.tuple([]),
  // Paths come from chooseFolder (or listBackups); core checks each is an existing folder.
  backupNow: z.tuple([z.string().min(1).max(4096).nullable()]),
  checkBackup: z.tuple([z.string().min(1).max(4096)]),
  restoreBackup: z.tuple([z.string().min(1).max(4096)]),
  // 自查报告 (self-inspection, INS-1)
  getSelfInspection: z.tuple([]),
  // 数据损坏时的恢复 (damaged data at start)
  checkDataFiles: z.tuple([]),
  restoreAtStart: z.tuple([
    z.object({ backupName: z.string().min(1).max(200), userName: userName.nullable(), secret: password }),
  ]),
  setFallbackFont: z.tuple([
    z
      .object({
        fileName: z.string().max(260),
        // A 64 MB font is about 89.5 M characters of base64.
        base64: base64Of(90_000_000),
      })
      .nullable(),
  ]),
  listStudents: z.tuple([
    z.object({
      text: z.string().max(40).optional(),
      grade: z.number().int().min(1).max(12).optional(),
      classId: rowId.optional(),
      status: z.string().max(20).optional(),
      flag: z.enum(['noPhoto', 'noStudentNumber', 'possibleDuplicate']).optional(),
      limit: z.number().int().min(1).max(500),
      offset: z.number().int().min(0).max(1e9),
    }),
  ]),
} as const satisfies { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> };
