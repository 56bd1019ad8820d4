/**
 * 自查报告 (INS-1) as the screen shows it: the colour of each verdict's tag,
 * where a listed student or case opens, and the PDF through the form service.
 */
import type { InspectionException, Verdict } from '../../../shared/inspection/report';
import type { FormChoice } from './forms';

/** Element Plus tag types: 不符合 red, 需关注 amber, 符合 green, 不适用 grey. */
export const verdictTagTypes: Readonly<Record<Verdict, 'danger' | 'warning' | 'success' | 'info'>> = {
  fail: 'danger',
  attention: 'warning',
  pass: 'success',
  notApplicable: 'info',
};

/** The case a listed row is about, else the student's record; null for a day or an account. */
export function exceptionLink(row: Pick<InspectionException, 'caseId' | 'studentId'>): string | null {
  if (row.caseId !== null) return `/cases/${row.caseId}`;
  return row.studentId !== null ? `/students/${row.studentId}` : null;
}

/** 学籍管理工作自查报告 as a PDF, generated and logged by core like any form. */
export const selfInspectionChoice: FormChoice = {
  label: '学籍管理工作自查报告',
  request: { form: 'selfInspection' },
};
