/**
 * Builds the whole application core from a data folder: the one place
 * where services are wired together. Main (Electron), the CLI and the test
 * web bridge all call `createCore`, so they run the same code.
 */
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { apiAccess } from '../../shared/api';
import { apiArgSchemas } from '../../shared/api-schemas';
import { createAuditService } from './audit/auditService';
import { createAccountAdmin } from './auth/accountAdmin';
import { createAuthService } from './auth/authService';
import { createSessions } from './auth/session';
import { createDispatcher, type Dispatch } from './dispatch';
import { createSchoolService } from './register/schoolService';
import { createStudentService } from './register/studentService';
import { createEnrollmentService } from './register/enrollmentService';
import { createClassChangeService } from './register/classChangeService';
import { createStudentRecordsService } from './register/recordsService';
import { createPhotoService } from './register/photoService';
import { createCaseService } from './changes/caseService';
import { createGraduationService } from './changes/graduationService';
import { createPromotionService } from './changes/promotionService';
import { createFormService } from './forms/formService';
import { createImportService } from './exchange/importService';
import { createBackupService } from './backup/backupService';
import { createStartupRecovery } from './backup/restoreAtStart';
import { createReviewExportService } from './exchange/reviewExport';
import { createDashboardService } from './dashboard/dashboardService';
import { createVerificationService } from './dashboard/verificationService';
import { createInspectionService } from './inspection/inspectionService';
import type { FolderPurpose } from '../../shared/exchange/folders';
import { AppError } from './errors';
import { createFileLogger, type Logger } from './log';
import { dataPaths, installationState } from './storage';
import type { ScryptCost } from './keyring/keyring';
import { type RuntimeFacts, systemInfo } from './system/systemInfo';

export interface CoreOptions extends RuntimeFacts {
  readonly dataFolder: string;
  readonly logger?: Logger;
  /** The clock; tests move it to reach idle locks, lockout expiry and password rotation. */
  readonly now?: () => Date;
  /** Keyring key-derivation cost; tests lower it, the app keeps the default. */
  readonly scryptCost?: ScryptCost;
  /** Where the bundled form fonts are (the packaged app's resources); default: the npm font packages. */
  readonly fontFolder?: string;
  /** The system's folder dialog (main); without one, choosing a folder is refused in Chinese. */
  readonly chooseFolder?: (purpose: FolderPurpose) => Promise<string | null>;
  /** The automatic backup at the day's first login (main turns it on; tests that count log rows leave it off). */
  readonly dailyBackup?: boolean;
}

export interface Core {
  /** Serves one contract call from an untrusted caller. */
  readonly call: Dispatch;
  /** Ends the session (quitting) and closes the database. */
  close(): void;
}

type Handlers = { readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiValue<M>> | ApiValue<M> };

/** Calls that do not show the clerk is at the keyboard: the renderer polls them. */
const passiveMethods: ReadonlySet<unknown> = new Set<ApiMethod>(['status', 'systemInfo']);

export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataFolder);
  const logger = options.logger ?? createFileLogger(paths.logs);
  const now = options.now ?? (() => new Date());
  const sessions = createSessions({ anchorFile: paths.auditAnchor, logger });
  const context = {
    paths,
    sessions,
    now,
    storage: { nativeBinding: options.nativeBinding, appVersion: options.appVersion, scryptCost: options.scryptCost },
  };
  const auth = createAuthService({
    ...context,
    afterLogin: (at) => {
      recovery.checkBeforeDailyBackup(at); // a damaged database ends the login here
      backups.afterLogin(at);
    },
  });
  const accounts = createAccountAdmin(context);
  const audit = createAuditService({ sessions, now, anchorFile: paths.auditAnchor });
  const school = createSchoolService({ sessions, now });
  const students = createStudentService({ sessions, now });
  const enrollment = createEnrollmentService({ sessions, now });
  const classChange = createClassChangeService({ sessions, now });
  const records = createStudentRecordsService({ sessions, now });
  const photos = createPhotoService({ sessions, now, paths });
  const cases = createCaseService({ sessions, now, paths });
  const graduation = createGraduationService({ sessions, now });
  const promotion = createPromotionService({ sessions, now });
  const forms = createFormService({ sessions, now, paths, fontFolder: options.fontFolder });
  const chooseFolder = async (purpose: FolderPurpose): Promise<string | null> => {
    if (!options.chooseFolder) {
      throw new AppError(
        'RULE_VIOLATION',
        '本环境不能打开选择文件夹的窗口，请在学籍工作台桌面程序中操作。',
        'no folder dialog',
      );
    }
    return options.chooseFolder(purpose);
  };
  const openDb = () => {
    const session = sessions.current();
    return session && !session.locked ? session.storage.db : null;
  };

  const dashboard = createDashboardService({ sessions, now, graduateCandidates: graduation.listGraduateCandidates });
  const verification = createVerificationService({ sessions, now });
  const backups = createBackupService({
    paths,
    sessions,
    now,
    logger,
    appVersion: options.appVersion,
    nativeBinding: options.nativeBinding,
    daily: options.dailyBackup ?? false,
  });
  const studentImport = createImportService({ sessions, now });
  const reviewExport = createReviewExportService({
    sessions,
    now,
    paths,
    nativeBinding: options.nativeBinding,
    fontFolder: options.fontFolder,
  });
  const inspection = createInspectionService({ sessions, now, paths });
  const recovery = createStartupRecovery({
    paths,
    sessions,
    now,
    logger,
    nativeBinding: options.nativeBinding,
    daily: options.dailyBackup ?? false,
  });
  const handlers: Handlers = {
    status: () => ({ installation: installationState(paths), session: sessions.info(now()) }),
    systemInfo: () => systemInfo(paths, options, openDb()),
    setup: auth.setup,
    login: (request) => recovery.watchLogin(() => auth.login(request)),
    unlock: auth.unlock,
    logout: auth.logout,
    lockSession: auth.lockSession,
    reportActivity: () => undefined, // the activity itself is counted for every call below
    changePassword: auth.changePassword,
    confirmRecoveryCodeSaved: auth.confirmRecoveryCodeSaved,
    getPasswordPolicy: accounts.getPasswordPolicy,
    updatePasswordPolicy: accounts.updatePasswordPolicy,
    listAccounts: accounts.listAccounts,
    createAccount: accounts.createAccount,
    resetPassword: accounts.resetPassword,
    setAccountEnabled: accounts.setAccountEnabled,
    listAuditEvents: audit.listAuditEvents,
    verifyAuditLog: audit.verifyAuditLog,
    exportAuditLog: audit.exportAuditLog,
    getSchoolProfile: school.getSchoolProfile,
    updateSchoolProfile: school.updateSchoolProfile,
    listTerms: school.listTerms,
    saveTerm: school.saveTerm,
    listClasses: students.listClasses,
    saveClass: students.saveClass,
    listMajors: enrollment.listMajors,
    saveMajor: enrollment.saveMajor,
    listEnrollmentPlans: enrollment.listEnrollmentPlans,
    saveEnrollmentPlan: enrollment.saveEnrollmentPlan,
    checkEnrollment: enrollment.checkEnrollment,
    registerStudent: students.registerStudent,
    getStudent: students.getStudent,
    updateStudent: students.updateStudent,
    listStudents: students.listStudents,
    changeClass: classChange.changeClass,
    saveStudyHistory: records.saveStudyHistory,
    saveGraduationComment: records.saveGraduationComment,
    saveArchiveChecklist: records.saveArchiveChecklist,
    setStudentPhoto: photos.setStudentPhoto,
    getStudentPhoto: photos.getStudentPhoto,
    exportClassPhotos: photos.exportClassPhotos,
    listCases: cases.listCases,
    getCase: cases.getCase,
    checkCase: cases.checkCase,
    openCase: cases.openCase,
    recordDecision: cases.recordDecision,
    withdrawCase: cases.withdrawCase,
    addEvidence: cases.addEvidence,
    removeEvidence: cases.removeEvidence,
    getEvidence: cases.getEvidence,
    listGraduateCandidates: graduation.listGraduateCandidates,
    previewPromotion: promotion.previewPromotion,
    promoteSchool: promotion.promoteSchool,
    generateForm: forms.generateForm,
    recoveryCodeSheet: forms.recoveryCodeSheet,
    recordFormOutput: forms.recordFormOutput,
    getFormFonts: forms.getFormFonts,
    setFallbackFont: forms.setFallbackFont,
    chooseFolder: (purpose) => chooseFolder(purpose),
    // 首页待办 and 每学期核对 (dashboard, VER-1)
    getDashboard: dashboard.getDashboard,
    listVerification: verification.listVerification,
    confirmRecords: verification.confirmRecords,
    // 导入 (import)
    dryRunImport: studentImport.dryRunImport,
    commitImport: studentImport.commitImport,
    // 导出审查材料 (export for bureau review)
    exportForReview: reviewExport.exportForReview,
    verifyExport: reviewExport.verifyExport,
    // 备份与恢复 (backups)
    listBackups: backups.listBackups,
    backupNow: backups.backupNow,
    checkBackup: backups.checkBackup,
    restoreBackup: backups.restoreBackup,
    // 自查报告 (self-inspection, INS-1)
    getSelfInspection: inspection.getSelfInspection,
    // 数据损坏时的恢复 (damaged data at start)
    checkDataFiles: recovery.checkDataFiles,
    restoreAtStart: recovery.restoreAtStart,
  };

  const dispatch = createDispatcher({
    access: apiAccess,
    schemas: apiArgSchemas,
    handlers,
    authorize: (access) => sessions.authorize(access, now()),
    logger,
  });

  const call: Dispatch = async (method, args) => {
    const at = now();
    try {
      sessions.lockIfIdle(at);
    } catch (error) {
      logger.error('session.idle-lock.audit-failed', error);
    }
    if (!passiveMethods.has(method)) sessions.touch(at);
    const result = await dispatch(method, args);
    recovery.afterCall(result);
    sessions.syncAnchor();
    return result;
  };

  logger.info('core.started', { appVersion: options.appVersion, dataFolder: paths.folder });
  const close = (): void => {
    try {
      auth.endOnQuit();
    } catch (error) {
      logger.error('core.close.failed', error);
      sessions.close();
    }
  };
  return { call, close };
}
