/**
 * Canned values of the contract for component tests. Times carry no offset, so
 * they read as local time and the expected texts hold in any time zone.
 */
import { archiveItemsFor } from '../../shared/register/studentRecords';
import type { CaseRecord, CaseSummary } from '../../shared/changes/caseRecords';
import { requiredEvidence } from '../../shared/changes/evidence';
import type { FormDocument } from '../../shared/forms/forms';
import type { AccountSummary, SessionInfo } from '../../shared/accounts';
import type { AuditChainStatus, AuditEvent } from '../../shared/audit';
import type { SchoolProfile } from '../../shared/register/school';
import type { SchoolClass, StudentRecord, StudentSummary } from '../../shared/register/students';
import type { StudentBasics } from '../../shared/register/studentValidation';
import type { Term, TermsOverview } from '../../shared/register/terms';
import type { AppStatus, SystemInfo } from '../../shared/system';

export const readyInfo: SystemInfo = {
  versions: { app: '0.1.0', electron: null, chrome: null, node: '20.20.2', sqlite: '3.50.4' },
  dataFolder: '/home/clerk/.config/学籍工作台/data',
  installation: 'ready',
  keyring: { present: true, readable: true, slotCount: 2, hasRecoverySlot: true },
  database: { present: true, sizeBytes: 98_304, encrypted: true },
  schemaVersion: null,
  supportedSchemaVersion: 1,
  installedAt: null,
  auditLog: null,
  platform: 'linux 6.1.0-28-amd64',
};

export const emptyFolderInfo: SystemInfo = {
  ...readyInfo,
  installation: 'not-set-up',
  keyring: { present: false, readable: false, slotCount: null, hasRecoverySlot: null },
  database: { present: false, sizeBytes: null, encrypted: null },
};

export const adminSession: SessionInfo = {
  userName: 'wanglaoshi',
  displayName: '王老师',
  role: 'admin',
  locked: false,
  mustChangePassword: null,
  passwordExpiresAt: '2026-11-30T08:00:00.000',
  passwordDaysLeft: 90,
  passwordExpiryWarning: false,
  idleLockMinutes: 10,
  previousLoginAt: '2026-08-31T17:02:11.000',
  clockWarning: null,
};

export const clerkSession: SessionInfo = {
  ...adminSession,
  userName: 'lilaoshi',
  displayName: '李老师',
  role: 'clerk',
};

export const auditorSession: SessionInfo = {
  ...adminSession,
  userName: 'zhaojc',
  displayName: '赵检查',
  role: 'auditor',
};

export const signedIn = (session: SessionInfo): AppStatus => ({ installation: 'ready', session });
export const signedOut: AppStatus = { installation: 'ready', session: null };
export const notSetUp: AppStatus = { installation: 'not-set-up', session: null };

export const accounts: readonly AccountSummary[] = [
  {
    userName: 'wanglaoshi',
    displayName: '王老师',
    role: 'admin',
    enabled: true,
    createdAt: '2026-09-01T08:00:00.000',
    passwordChangedAt: '2026-09-01T08:00:00.000',
    lastLoginAt: '2026-09-02T07:55:00.000',
    lockedUntil: null,
  },
  {
    userName: 'lilaoshi',
    displayName: '李老师',
    role: 'clerk',
    enabled: true,
    createdAt: '2026-09-01T08:10:00.000',
    passwordChangedAt: '2026-09-01T08:30:00.000',
    lastLoginAt: null,
    lockedUntil: '2099-01-01T08:15:00.000',
  },
  {
    userName: 'zhangsan',
    displayName: '张三',
    role: 'auditor',
    enabled: false,
    createdAt: '2026-09-01T08:20:00.000',
    passwordChangedAt: '2026-09-01T08:20:00.000',
    lastLoginAt: null,
    lockedUntil: null,
  },
];

export const auditEvents: readonly AuditEvent[] = [
  {
    seq: 3,
    at: '2026-09-01T08:20:00.000',
    userName: 'lilaoshi',
    role: null,
    action: 'login.failed',
    objectType: 'account',
    objectId: 'lilaoshi',
    outcome: 'failure',
    details: { reason: 'wrong-password', during: 'login' },
  },
  {
    seq: 2,
    at: '2026-09-01T08:10:00.000',
    userName: 'wanglaoshi',
    role: 'admin',
    action: 'account.create',
    objectType: 'account',
    objectId: 'lilaoshi',
    outcome: 'success',
    details: { role: 'clerk', displayName: '李老师' },
  },
  {
    seq: 1,
    at: '2026-09-01T08:00:00.000',
    userName: 'wanglaoshi',
    role: 'admin',
    action: 'setup',
    objectType: 'school',
    objectId: '3140300001',
    outcome: 'success',
    details: { schoolName: '阳泉市第一中学', administrator: 'wanglaoshi', appVersion: '0.1.0' },
  },
];

export const intactChain: AuditChainStatus = {
  ok: true,
  rows: 3,
  firstBroken: null,
  problem: null,
  headHash: '9f2c4e1ab0d35f6e7c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
  verifiedAt: '2026-09-01T08:21:00.000',
};

export const brokenChain: AuditChainStatus = {
  ok: false,
  rows: 3,
  firstBroken: 2,
  problem: '第 2 条记录的内容与其哈希不符',
  headHash: null,
  verifiedAt: '2026-09-01T08:21:00.000',
};

export const schoolProfile: SchoolProfile = {
  name: '阳泉市第一中学',
  code: '3140300001',
  type: '342',
  ownership: '1',
  provincialModel: true,
  enrollmentZone: '阳泉市城区',
  registerOffice: '教务处',
  registerOfficer: '王老师',
  officerPhone: '0353-2022345',
};

export const autumnTerm: Term = {
  id: 1,
  schoolYear: '2026-2027',
  semester: 1,
  startDate: '2026-09-01',
  endDate: '2027-01-20',
};

export const termsOverview: TermsOverview = { terms: [autumnTerm], current: autumnTerm, reminder: null };

export const schoolClasses: readonly SchoolClass[] = [
  { id: 1, grade: 1, number: 2, label: '一年级（2）班', headTeacher: '张丽', capacity: 45, studentCount: 44 },
  { id: 2, grade: 7, number: 1, label: '七年级（1）班', headTeacher: '', capacity: 50, studentCount: 52 },
];

/** A girl born 2019-03-01 in 阳泉市城区; the check character is right. */
export const girlIdNumber = '140302201903011124';

export const girlBasics: StudentBasics = {
  name: '李思涵',
  sex: '2',
  birthDate: '2019-03-01',
  birthPlace: '140302',
  nativePlace: '140302',
  ethnicity: '01',
  nationality: 'CHN',
  idType: '1',
  idNumber: girlIdNumber,
  overseasStatus: '00',
  healthStatus: '10',
  householdLocation: '140302',
  householdType: '2',
  enrollmentMonth: '202509',
  enrollmentMethod: '11',
  boardingType: '1',
  currentAddress: '阳泉市城区北大街 12 号',
  mailingAddress: '阳泉市城区北大街 12 号',
  homeAddress: '阳泉市城区北大街 12 号',
  phone: '13803530001',
  postalCode: '045000',
  email: '',
  studentNumber: '',
  familyMembers: [{ name: '李建国', relationship: '51', phone: '13803530002', isGuardian: '1' }],
  // ★ extended fields (是否独生子女, 是否受过学前教育).
  onlyChild: '1',
  preschool: '1',
};

export const girlSummary: StudentSummary = {
  id: 7,
  name: '李思涵',
  sex: '2',
  birthDate: '2019-03-01',
  idNumber: girlIdNumber,
  studentNumber: '',
  classId: 1,
  classLabel: '一年级（2）班',
  status: 'enrolled',
  hasPhoto: false,
};

export const girlRecord: StudentRecord = {
  ...girlSummary,
  basics: girlBasics,
  rewardsPunishments: [],
  studyHistory: [],
  graduationComment: null,
  archive: archiveItemsFor(false).map(({ code }) => ({
    item: code,
    present: false,
    note: '',
    checkedAt: '',
    checkedBy: '',
  })),
  photo: null,
  createdAt: '2026-09-01T09:00:00.000',
  updatedAt: '2026-09-02T10:00:00.000',
  history: [
    { field: 'phone', before: '13803530000', after: '13803530001', at: '2026-09-02T10:00:00.000', by: 'lilaoshi' },
  ],
};

/** A name change for 李思涵 waiting for the county bureau, the school having approved. */
export const nameChangeSummary: CaseSummary = {
  id: 3,
  kind: 'basicInfoChange',
  status: 'pending',
  subject: '李思涵（一年级（2）班）',
  studentId: 7,
  appliedOn: '2026-09-02',
  dueDate: '2026-09-09',
  dueRule: 'DAT-1',
  daysLeft: 7,
  overdue: false,
  nextApprover: 'countyBureau',
  openedBy: 'lilaoshi',
  openedAt: '2026-09-02T09:00:00.000',
};

export const nameChangeCase: CaseRecord = {
  ...nameChangeSummary,
  input: {
    kind: 'basicInfoChange',
    studentId: 7,
    appliedOn: '2026-09-02',
    reason: '户口簿姓名已变更',
    items: [{ field: 'name', after: '李诗涵' }],
  },
  students: [{ studentId: 7, name: '李思涵', classLabel: '一年级（2）班', outcome: null }],
  items: [{ field: 'name', label: '姓名', before: '李思涵', after: '李诗涵' }],
  steps: ['school', 'countyBureau'],
  decisions: [
    {
      approver: 'school',
      outcome: 'approved',
      decidedOn: '2026-09-02',
      decidedBy: '王校长',
      opinion: '同意',
      documentNumber: '',
      recordedAt: '2026-09-02T10:00:00.000',
      recordedBy: 'lilaoshi',
    },
  ],
  requirements: requiredEvidence('basicInfoChange'),
  evidence: [
    {
      id: 11,
      kind: 'householdRegister',
      fileName: '户口簿.jpg',
      mediaType: 'image/jpeg',
      bytes: 120_000,
      sha256: 'a'.repeat(64),
      addedAt: '2026-09-02T09:05:00.000',
      addedBy: 'lilaoshi',
    },
  ],
  missingEvidence: null,
  form: 'basicInfoChange',
  paperProcedure: false,
  withdrawnReason: '',
  closedAt: '',
};

/** The name change's form as core returns it (a one-page PDF of a few bytes: enough for the screens). */
export const generatedForm: FormDocument = {
  form: 'basicInfoChange',
  title: '阳泉市中小学生基本信息变更申请表',
  fileName: '基本信息变更申请表_李思涵_1114000001-2026-000001.pdf',
  base64: btoa('%PDF-1.7\n%%EOF\n'),
  formNumber: '1114000001-2026-000001',
  verificationCode: '3F9A-1C2B',
  pages: 1,
};
