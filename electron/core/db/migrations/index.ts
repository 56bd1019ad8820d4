/** Every migration, in order. Never edit a shipped one: add the next number. */
import type { Migration } from '../migrate';
import { installation } from './0001-installation';
import { school } from './0002-school';
import { accounts } from './0003-accounts';
import { auditLog } from './0004-audit-log';
import { schoolProfileTerms } from './0005-school-profile-terms';
import { classesStudents } from './0006-classes-students';

export const migrations: readonly Migration[] = [
  installation,
  school,
  accounts,
  auditLog,
  schoolProfileTerms,
  classesStudents,
];
