/**
 * The installation an end-to-end story starts from, made through the
 * contract as the setup wizard would: the administrator's account (recovery
 * code saved), the school's profile and the term today falls in (SCH-2).
 */
import type { SchoolProfile } from '../../shared/register/school';
import { type Bridge, callBridgeOrThrow } from './bridge';
import { termOfToday } from './termOfToday';

export interface Administrator {
  readonly userName: string;
  readonly displayName: string;
  readonly password: string;
}

export async function setUpSchool(bridge: Bridge, profile: SchoolProfile, admin: Administrator): Promise<void> {
  await callBridgeOrThrow(bridge, 'setup', {
    schoolName: profile.name,
    schoolCode: profile.code,
    adminUserName: admin.userName,
    adminDisplayName: admin.displayName,
    password: admin.password,
  });
  await callBridgeOrThrow(bridge, 'confirmRecoveryCodeSaved');
  await callBridgeOrThrow(bridge, 'updateSchoolProfile', profile);
  const term = termOfToday();
  await callBridgeOrThrow(bridge, 'saveTerm', {
    schoolYear: term.schoolYear,
    semester: term.semester,
    startDate: term.start,
    endDate: term.end,
  });
}
