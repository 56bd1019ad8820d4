/**
 * Which printed forms a screen offers (DOMAIN.md “Forms”): a case's form on
 * the case, 学籍卡 (and for 中职 the 毕业生信息登记表, VOC-2) on a student's
 * record, 花名册 and every student's card on a class.
 */
import type { ChangeForm } from '../../../shared/changes/evidence';
import { formKinds, type FormRequest } from '../../../shared/forms/forms';
import { labelOf } from '../../../shared/register/codes';
import { isVocational, type SchoolProfile } from '../../../shared/register/school';
import type { SchoolClass, StudentSummary } from '../../../shared/register/students';

/** A form to generate, under the name the clerk chose it by (shown while it is generated). */
export interface FormChoice {
  readonly label: string;
  readonly request: FormRequest;
}

/** The form a case prints (formFor in shared/changes/evidence.ts). */
export const caseFormChoice = (caseId: number, form: ChangeForm): FormChoice => ({
  label: labelOf(formKinds, form) ?? form,
  request: { form: 'case', caseId },
});

/**
 * A student's 打印 menu: the card for every student; the 中职 毕业生信息登记表
 * (VOC-2) for students of a 中职 school who are graduating (在读) or graduated.
 */
export function studentFormChoices(
  student: Pick<StudentSummary, 'id' | 'status'>,
  school: Pick<SchoolProfile, 'type'> | null,
): FormChoice[] {
  const choices: FormChoice[] = [{ label: '学籍卡', request: { form: 'studentCard', studentId: student.id } }];
  if (school && isVocational(school) && (student.status === 'enrolled' || student.status === 'graduated')) {
    choices.push({ label: '毕业生信息登记表', request: { form: 'graduateRegistration', studentId: student.id } });
  }
  return choices;
}

/** A class's 打印 menu: its roster and the cards of its 在读 and 休学 students, one page each. */
export const classFormChoices = (schoolClass: Pick<SchoolClass, 'id'>): FormChoice[] => [
  { label: '花名册', request: { form: 'classRoster', classId: schoolClass.id } },
  { label: '全班学籍卡', request: { form: 'classStudentCards', classId: schoolClass.id } },
];
