/**
 * 首页待办: what the clerk's day starts with, read in one transaction so the
 * figures agree with each other. Open cases come from the case list
 * (overdue first, CHG-2, DAT-1), the graduates' missing items from the
 * graduating list (GRD-2), the windows and reminders from the terms (CHG-1,
 * SCH-2); VER-1 progress, login days (OPS-1) and the last backup are
 * set-based reads of their own (dashboardQueries.ts).
 */
import type { GraduateCandidate } from '../../../shared/changes/caseRecords';
import { deadlineState, graduationDeadline, graduationYear } from '../../../shared/changes/deadlines';
import {
  type CaseDigest,
  type Dashboard,
  dashboardCaseRows,
  type GraduatesDigest,
  type LoginDigest,
  loginCalendarStart,
  missedSchoolDays,
  transferWindowState,
  type VerificationProgress,
  type VerificationTerm,
} from '../../../shared/dashboard';
import { daysBetween } from '../../../shared/changes/calendar';
import { localDate } from '../../../shared/register/identity';
import { isVocational, type SchoolProfile } from '../../../shared/register/school';
import { currentTerm, type Term, termReminder } from '../../../shared/register/terms';
import type { Sessions } from '../auth/session';
import { listCaseSummaries } from '../changes/caseStore';
import type { Database } from '../db/database';
import { readProfile, readTerms } from '../register/schoolService';
import {
  backupState,
  classVerification,
  firstLogDay,
  graduatingGradesOf,
  lastLoginDayBefore,
  loginDaysSince,
} from './dashboardQueries';
import { verificationTermOn } from './verificationService';

export interface DashboardServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  /** The graduating list of one grade (graduationService), whose missing items GRD-2 counts. */
  readonly graduateCandidates: (grade: number) => readonly GraduateCandidate[];
}

function caseDigest(database: Database, school: SchoolProfile, today: string): CaseDigest {
  const page = listCaseSummaries(database, { scope: 'open', limit: dashboardCaseRows, offset: 0 }, school, today);
  return { open: page.total, overdue: page.overdueCount, first: page.rows };
}

function verificationProgress(database: Database, term: VerificationTerm | null): VerificationProgress {
  const classes = classVerification(database, term);
  return {
    term,
    classes,
    students: classes.reduce((sum, row) => sum + row.students, 0),
    verified: classes.reduce((sum, row) => sum + row.verified, 0),
  };
}

function loginDigest(database: Database, today: string, terms: readonly Term[]): LoginDigest {
  const from = loginCalendarStart(today);
  const startedOn = firstLogDay(database, today);
  const days = loginDaysSince(database, from);
  const lastBefore = lastLoginDayBefore(database, today);
  return {
    from,
    startedOn,
    days,
    lastBefore,
    daysSince: lastBefore === null ? null : daysBetween(lastBefore, today),
    // Days before the installation existed are nobody's missed login.
    missedSchoolDays: missedSchoolDays(startedOn > from ? startedOn : from, today, days, terms),
  };
}

export function createDashboardService({ sessions, now, graduateCandidates }: DashboardServiceContext) {
  /** GRD-2: per graduating grade with students, how many still lack a 学习简历 or a 毕业评语. */
  function graduatesDigest(database: Database, today: string, terms: readonly Term[]): GraduatesDigest {
    const grades = graduatingGradesOf(database).map((grade) => {
      const candidates = graduateCandidates(grade);
      const count = (missing: (candidate: GraduateCandidate) => boolean) => candidates.filter(missing).length;
      return {
        grade,
        students: candidates.length,
        missingStudyHistory: count((c) => !c.hasStudyHistory),
        missingGraduationComment: count((c) => !c.hasGraduationComment),
        incomplete: count((c) => !c.hasStudyHistory || !c.hasGraduationComment),
      };
    });
    return {
      deadline: deadlineState(graduationDeadline(graduationYear(today, terms)), today),
      grades: grades.filter((grade) => grade.students > 0),
    };
  }

  function getDashboard(): Dashboard {
    const database = sessions.require().storage.db;
    const today = localDate(now());
    return database.transaction((): Dashboard => {
      const terms = readTerms(database);
      const school = readProfile(database);
      return {
        today,
        term: { current: currentTerm(terms, today), reminder: termReminder(terms, today) },
        cases: caseDigest(database, school, today),
        graduates: graduatesDigest(database, today, terms),
        transferWindow: transferWindowState(terms, today, isVocational(school)),
        verification: verificationProgress(database, verificationTermOn(database, today)),
        logins: loginDigest(database, today, terms),
        backup: backupState(database),
      };
    })();
  }

  return { getDashboard };
}
