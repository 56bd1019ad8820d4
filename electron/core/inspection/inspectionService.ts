/**
 * 学籍管理工作自查报告 (rule INS-1): reads every fact the guidelines' items
 * need in one transaction (so the figures agree with each other), checks the
 * access log's chain on the way (damage found is written into the log, as at
 * login), and lets the shared verdict rules write the report. Viewing it is
 * logged (`inspection.view`): it lists students by name. The PDF is the form
 * service's `selfInspection` form, read through `readSelfInspection`.
 */
import { apiAccess } from '../../../shared/api';
import type { InspectionFacts } from '../../../shared/inspection/facts';
import { selfInspection } from '../../../shared/inspection/inspection';
import { enrollmentPlanYear, inspectionPeriod } from '../../../shared/inspection/itemKit';
import type { SelfInspection } from '../../../shared/inspection/report';
import { passwordExpiry } from '../../../shared/passwordPolicy';
import { localDate } from '../../../shared/register/identity';
import { isVocational } from '../../../shared/register/school';
import { isoWithOffset } from '../../../shared/time';
import { readAnchor } from '../audit/anchor';
import { verifyAndRecord } from '../audit/auditService';
import { listAccountRows, readPolicy } from '../auth/accountStore';
import type { Session, Sessions } from '../auth/session';
import { firstLogDay, loginDaysSince } from '../dashboard/dashboardQueries';
import type { Database } from '../db/database';
import { readPlans } from '../register/enrollmentService';
import { readProfile, readTerms } from '../register/schoolService';
import type { DataPaths } from '../storage';
import {
  casesOpenedSince,
  flexibleStudyCases,
  lateEntries,
  outsideWindow,
  overdueDepartures,
  timeliness,
} from './caseFacts';
import {
  archiveFacts,
  duplicateFacts,
  flexibleStudents,
  graduateFacts,
  lateStudentFacts,
  numberFacts,
  photoFacts,
  studentCounts,
  suspensionEndedFacts,
  verificationFacts,
} from './studentFacts';

export interface InspectionServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: Pick<DataPaths, 'auditAnchor'>;
}

/** SCH-1: the last successful change of the school information, from the access log. */
function lastSchoolChange(database: Database): InspectionFacts['schoolChange'] {
  const row = database
    .prepare(
      `SELECT l.at, l.user_name AS userName, a.display_name AS displayName FROM audit_log l
         LEFT JOIN account a ON a.user_name = l.user_name
       WHERE l.action = 'school.update' AND l.outcome = 'success' ORDER BY l.seq DESC LIMIT 1`,
    )
    .get() as { at: string; userName: string | null; displayName: string | null } | undefined;
  if (!row) return null;
  const by = row.userName === null ? '系统' : row.displayName ? `${row.displayName}（${row.userName}）` : row.userName;
  return { at: row.at, by };
}

/** SEC-2: the policy as configured, and the enabled accounts whose password has expired. */
function passwordFacts(database: Database, at: Date): InspectionFacts['password'] {
  const policy = readPolicy(database);
  const expired = listAccountRows(database).flatMap((account) => {
    if (!account.enabled) return [];
    const expiry = passwordExpiry(new Date(account.passwordChangedAt), at, policy);
    return expiry.state === 'expired'
      ? [{ userName: account.userName, displayName: account.displayName, since: localDate(expiry.expiresAt) }]
      : [];
  });
  return { policy, expired };
}

/** Every fact of the report as of `at`; run inside a transaction. */
function readFacts(session: Session, anchorFile: string, at: Date): InspectionFacts {
  const { db: database, dataKey, keyring } = session.storage;
  const today = localDate(at);
  const school = readProfile(database);
  const vocational = isVocational(school);
  const terms = readTerms(database);
  const firstDay = firstLogDay(database, today);
  const period = inspectionPeriod(terms, today, firstDay);
  const planYear = enrollmentPlanYear(today);
  const auditChain = verifyAndRecord(
    database,
    readAnchor(anchorFile, dataKey, keyring.installationId),
    at,
    session.actor,
  );
  return {
    today,
    school,
    schoolChange: lastSchoolChange(database),
    terms,
    firstDay,
    ...studentCounts(database),
    casesOpened: casesOpenedSince(database, period.from),
    ...archiveFacts(database, today, vocational),
    ...numberFacts(database, vocational),
    enrollmentPlan: { year: planYear, plan: readPlans(database).find((plan) => plan.year === planYear) ?? null },
    photos: photoFacts(database, today),
    graduates: graduateFacts(database),
    movements: timeliness(database, 'CHG-2', period.from, today),
    changeRequests: timeliness(database, 'DAT-1', period.from, today),
    transfers: {
      ...timeliness(database, 'CHG-1', period.from, today),
      outsideWindow: outsideWindow(database, period.from),
    },
    departures: {
      overdue: overdueDepartures(database, today),
      suspensionEnded: suspensionEndedFacts(database, today),
    },
    duplicates: duplicateFacts(database),
    verification: verificationFacts(database, period.term?.id ?? null),
    loginDays: loginDaysSince(database, period.from),
    auditChain,
    password: passwordFacts(database, at),
    lateEntries: {
      cases: vocational ? lateEntries(database, period.from) : { total: 0, first: [] },
      students: vocational ? lateStudentFacts(database, period.from, firstDay) : { total: 0, first: [] },
    },
    flexibleStudy: vocational
      ? { students: flexibleStudents(database), ...flexibleStudyCases(database, period.from) }
      : { students: 0, withoutException: { total: 0, first: [] }, withException: 0 },
  };
}

/**
 * The report as of `at`, in one transaction (the chain check may append an
 * `audit.tamper` row). Refused, like `getSelfInspection`, to roles other
 * than administrator and clerk.
 */
export function readSelfInspection(sessions: Sessions, anchorFile: string, at: Date): SelfInspection {
  sessions.authorize(apiAccess.getSelfInspection, at);
  const session = sessions.require();
  return session.storage.db.transaction(() => selfInspection(readFacts(session, anchorFile, at), isoWithOffset(at)))();
}

export function createInspectionService({ sessions, now, paths }: InspectionServiceContext) {
  /** 自查报告 on screen; logged, since it names students. */
  function getSelfInspection(): SelfInspection {
    const at = now();
    const database = sessions.require().storage.db;
    return database.transaction(() => {
      const report = readSelfInspection(sessions, paths.auditAnchor, at);
      sessions.audit({
        at,
        action: 'inspection.view',
        objectType: 'school',
        objectId: report.schoolCode,
        outcome: 'success',
        details: { summary: report.summary },
      });
      return report;
    })();
  }

  return { getSelfInspection };
}
