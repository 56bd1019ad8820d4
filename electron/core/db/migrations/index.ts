/** Every migration, in order. Never edit a shipped one: add the next number. */
import type { Migration } from '../migrate';
import { installation } from './0001-installation';
import { school } from './0002-school';
import { accounts } from './0003-accounts';
import { auditLog } from './0004-audit-log';
import { schoolProfileTerms } from './0005-school-profile-terms';
import { classesStudents } from './0006-classes-students';
import { enrollmentPlanMajors } from './0007-enrollment-plan-majors';
import { studentRecords } from './0008-student-records';
import { attachmentsPhotos } from './0009-attachments-photos';
import { studentSearch } from './0010-student-search';
import { registerCases } from './0011-register-cases';
import { forms } from './0012-forms';
import { recordVerification } from './0013-record-verification';

export const migrations: readonly Migration[] = [
  installation,
  school,
  accounts,
  auditLog,
  schoolProfileTerms,
  classesStudents,
  enrollmentPlanMajors,
  studentRecords,
  attachmentsPhotos,
  studentSearch,
  registerCases,
  forms,
  recordVerification,
];
