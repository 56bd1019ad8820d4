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
  const auth = createAuthService(context);
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
  const openDb = () => {
    const session = sessions.current();
    return session && !session.locked ? session.storage.db : null;
  };

  const handlers: Handlers = {
    status: () => ({ installation: installationState(paths), session: sessions.info(now()) }),
    systemInfo: () => systemInfo(paths, options, openDb()),
    setup: auth.setup,
    login: auth.login,
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
