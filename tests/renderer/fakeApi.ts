/**
 * A stand-in for preload's `window.api` in component tests: every method of
 * the contract answers with a canned value, a failure, or a function of its
 * arguments, wrapped in the envelope as preload would.
 */
import type { ApiArgs, ApiMethod, ApiValue, WindowApi } from '../../shared/api';
import type { ApiFailure, ApiResult } from '../../shared/errors';
import { defaultPasswordPolicy } from '../../shared/passwordPolicy';
import {
  accounts,
  adminSession,
  auditEvents,
  girlRecord,
  girlSummary,
  intactChain,
  generatedForm,
  nameChangeCase,
  nameChangeSummary,
  readyInfo,
  schoolClasses,
  schoolProfile,
  termsOverview,
} from './fixtures';
import { dashboard, verificationList } from './dashboardFixtures';
import { backupOverview, goodCheck, morningBackup, usbBackup } from './backupFixtures';
import { intactVerification, reviewExport } from './reviewExportFixtures';
import { selfInspectionReport } from './inspectionFixtures';

export { emptyFolderInfo, readyInfo } from './fixtures';

type Answer<T> = T | ApiFailure;
type Handler<M extends ApiMethod> =
  Answer<ApiValue<M>> | ((...args: ApiArgs<M>) => Answer<ApiValue<M>> | Promise<Answer<ApiValue<M>>>);

export type FakeAnswers = { [M in ApiMethod]?: Handler<M> };

export interface FakeApi {
  /** How often each method was called. */
  readonly calls: Record<string, number>;
  /** The arguments of each call, per method. */
  readonly args: { [M in ApiMethod]?: ApiArgs<M>[] };
}

export const failure = (
  code: ApiFailure['code'],
  message: string,
  fields?: Readonly<Record<string, string>>,
): ApiFailure => (fields ? { code, message, fields } : { code, message });

const isFailure = (value: unknown): value is ApiFailure =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value;

const envelope = <T>(answer: Answer<T>): ApiResult<T> =>
  isFailure(answer) ? { ok: false, error: answer } : { ok: true, value: answer as T };

/** What each method answers unless a test says otherwise. */
function defaults(answers: FakeAnswers): Required<FakeAnswers> {
  const info = answers.systemInfo;
  const installation = info && typeof info === 'object' && 'installation' in info ? info.installation : 'ready';
  return {
    status: { installation, session: null },
    systemInfo: readyInfo,
    setup: { recoveryCode: 'K7QF-3MZP-W9XD-4HTN-R2CB', session: adminSession },
    login: adminSession,
    unlock: { ...adminSession, locked: false },
    logout: undefined,
    lockSession: { ...adminSession, locked: true },
    reportActivity: undefined,
    changePassword: { ...adminSession, mustChangePassword: null },
    confirmRecoveryCodeSaved: undefined,
    getPasswordPolicy: defaultPasswordPolicy,
    updatePasswordPolicy: (policy) => policy,
    listAccounts: accounts,
    createAccount: (request) => ({
      userName: request.userName,
      displayName: request.displayName,
      role: request.role,
      enabled: true,
      createdAt: '2026-09-01T09:00:00.000+08:00',
      passwordChangedAt: '2026-09-01T09:00:00.000+08:00',
      lastLoginAt: null,
      lockedUntil: null,
    }),
    resetPassword: (request) => ({ ...accounts[1]!, userName: request.userName }),
    setAccountEnabled: (request) => ({
      ...(accounts.find((a) => a.userName === request.userName) ?? accounts[1]!),
      enabled: request.enabled,
    }),
    listAuditEvents: { rows: auditEvents, total: auditEvents.length },
    verifyAuditLog: intactChain,
    exportAuditLog: { fileName: '访问日志.csv', mimeType: 'text/csv', base64: btoa('seq,at\n') },
    getSchoolProfile: schoolProfile,
    updateSchoolProfile: (profile) => profile,
    listTerms: termsOverview,
    saveTerm: termsOverview,
    listClasses: schoolClasses,
    saveClass: schoolClasses,
    listMajors: [],
    saveMajor: (major) => [major],
    listEnrollmentPlans: [],
    saveEnrollmentPlan: (plan) => [
      { ...plan, enrolled: 0, updatedAt: '2026-06-10T09:00:00.000+08:00', updatedBy: 'lilaoshi' },
    ],
    checkEnrollment: [],
    registerStudent: (classId, basics) => ({
      student: { ...girlRecord, classId, basics, name: basics.name },
      possibleDuplicates: [],
    }),
    getStudent: (id) => ({ ...girlRecord, id }),
    updateStudent: (id, basics) => ({ ...girlRecord, id, basics }),
    listStudents: { rows: [girlSummary], total: 1 },
    changeClass: (request) => ({ ...girlRecord, id: request.studentId, classId: request.classId }),
    saveStudyHistory: (id, entries) => ({ ...girlRecord, id, studyHistory: entries }),
    saveGraduationComment: (id, comment) => ({ ...girlRecord, id, graduationComment: comment }),
    saveArchiveChecklist: (id) => ({ ...girlRecord, id }),
    setStudentPhoto: (id) => ({ ...girlRecord, id, hasPhoto: true }),
    getStudentPhoto: { mimeType: 'image/jpeg', base64: '' },
    exportClassPhotos: { fileName: '一年级（2）班照片.zip', mimeType: 'application/zip', base64: '' },
    listCases: { rows: [nameChangeSummary], total: 1, overdueCount: 0 },
    getCase: (id) => ({ ...nameChangeCase, id }),
    checkCase: [],
    openCase: (input) => ({ ...nameChangeCase, kind: input.kind, input }),
    recordDecision: (id, decision) => ({
      ...nameChangeCase,
      id,
      status: 'approved',
      nextApprover: null,
      decisions: [
        ...nameChangeCase.decisions,
        { ...decision, recordedAt: '2026-09-03T09:00:00.000', recordedBy: 'lilaoshi' },
      ],
    }),
    withdrawCase: (id, reason) => ({ ...nameChangeCase, id, status: 'withdrawn', withdrawnReason: reason }),
    addEvidence: (id) => ({ ...nameChangeCase, id }),
    removeEvidence: (id) => ({ ...nameChangeCase, id, evidence: [] }),
    getEvidence: { fileName: '户口簿.jpg', mediaType: 'image/jpeg', base64: '' },
    listGraduateCandidates: [],
    previewPromotion: { schoolYear: '2027-2028', moves: [], studentCount: 0, suspendedStaying: 0, refusals: [] },
    promoteSchool: (schoolYear) => ({ schoolYear, studentCount: 0, classesCreated: 0 }),
    generateForm: generatedForm,
    recoveryCodeSheet: { ...generatedForm, form: 'recoveryCode', title: '恢复码保管单', fileName: '恢复码保管单.pdf' },
    recordFormOutput: undefined,
    getFormFonts: { bundled: ['Noto Serif SC', 'Noto Sans SC'], fallback: null },
    setFallbackFont: { bundled: ['Noto Serif SC', 'Noto Sans SC'], fallback: null },
    chooseFolder: '/media/usb/审查材料',
    // 首页待办 and 每学期核对 (dashboard, VER-1)
    getDashboard: dashboard,
    listVerification: (classId) => ({ ...verificationList, classId }),
    confirmRecords: (ids) => ({ term: verificationList.term!, confirmed: ids.length, alreadyVerified: 0 }),
    // 导入 (import)
    dryRunImport: (upload) => ({
      fileName: upload.fileName,
      sheetName: '学生基础信息',
      headerRow: 1,
      rows: 0,
      errorRows: 0,
      warningRows: 0,
      issueCount: 0,
      issues: [],
      classes: [],
      notes: [],
      reportFile: null,
    }),
    commitImport: (upload) => ({ fileName: upload.fileName, imported: 0, classes: [], warningRows: 0 }),
    // 导出审查材料 (export for bureau review)
    exportForReview: reviewExport,
    verifyExport: intactVerification,
    // 备份与恢复 (backups)
    listBackups: backupOverview,
    backupNow: (folder) => (folder === null ? morningBackup : usbBackup),
    checkBackup: (folder) => ({ ...goodCheck, folder }),
    restoreBackup: undefined,
    // 自查报告 (self-inspection, INS-1)
    getSelfInspection: selfInspectionReport,
    // 数据损坏时的恢复 (damaged data at start)
    checkDataFiles: null,
    restoreAtStart: undefined,
    ...answers,
  } as Required<FakeAnswers>;
}

/** Installs a fake `window.api` answering with the given values (or failures); returns what was called. */
export function installFakeApi(answers: FakeAnswers = {}): FakeApi {
  const calls: Record<string, number> = {};
  const args: Record<string, unknown[][]> = {};
  const table = defaults(answers);
  const api = Object.fromEntries(
    (Object.keys(table) as ApiMethod[]).map((method) => [
      method,
      async (...input: unknown[]) => {
        calls[method] = (calls[method] ?? 0) + 1;
        (args[method] ??= []).push(input);
        const handler = table[method] as unknown;
        const answer =
          typeof handler === 'function' ? await (handler as (...a: unknown[]) => unknown)(...input) : handler;
        return envelope(answer);
      },
    ]),
  ) as unknown as WindowApi;
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  return { calls, args: args as FakeApi['args'] };
}

export function removeFakeApi(): void {
  Reflect.deleteProperty(window, 'api');
}
