/**
 * 《山西省中小学生休学、复学申请表》 (rules CHG-2, CHG-3, CHG-4): one form
 * for both, its kind ticked. A 休学 states the ground, the days the
 * hospital prescribed and the period; a 复学 the class the student returns
 * to and, for a 普通高中 student going down a grade, the new 学籍辅号.
 */
import type { TableCell } from 'pdfmake/interfaces';
import { chineseDay, daysBetween } from '../../../../shared/changes/calendar';
import type { ResumptionInput, SuspensionInput } from '../../../../shared/changes/caseRecords';
import { suspensionGrounds } from '../../../../shared/changes/suspensionRules';
import type { CaseFormData, FormLayout } from '../formData';
import { type Field, fieldRows, label, section, spanned } from './cells';
import {
  approvalSection,
  caseFields,
  caseStudent,
  evidenceText,
  exceptionFields,
  notes,
  signatureSection,
  stepsOf,
  studentFields,
  twoPairWidths,
} from './caseBlocks';
import { formDocument, formTitle } from './frame';
import { tickBox } from './handwriting';
import { codeText, noValue } from './values';

/** 申请类别 with the form's kind ticked. */
function kindRow(suspension: boolean): TableCell[] {
  const boxes: TableCell = {
    columns: [
      { width: 'auto', stack: [tickBox(suspension, '休学')] },
      { width: 'auto', stack: [tickBox(!suspension, '复学')] },
    ],
    columnGap: 28,
  };
  return [label('申请类别'), ...spanned(boxes, 3)];
}

function suspensionFields(input: SuspensionInput): Field[] {
  const { startDate, endDate } = input.period;
  const days = daysBetween(startDate, endDate) + 1;
  return [
    { label: '休学原因', value: codeText(suspensionGrounds, input.ground), span: 2 },
    { label: '休学期间', value: `${chineseDay(startDate)}至${chineseDay(endDate)}（共 ${days} 天）`, span: 2 },
    ...(input.prescribedLeaveDays !== undefined
      ? [{ label: '病历建议休息', value: `${input.prescribedLeaveDays} 天`, span: 2 }]
      : []),
    ...exceptionFields(input),
  ];
}

function resumptionFields(data: CaseFormData, input: ResumptionInput): Field[] {
  return [
    { label: '原班级', value: data.student?.classLabel ?? noValue },
    { label: '复学班级', value: data.classLabel },
    { label: '原学籍辅号', value: caseStudent(data)?.auxiliaryNumber || noValue },
    { label: '新学籍辅号', value: input.newAuxiliaryNumber || noValue },
  ];
}

const suspensionNotes = [
  '因病休学须附县级以上医院病历，且病历建议休息时间超过一学期的三分之一；因不可抗力休学须附有关部门出具的证明。',
  '休学一般为一年，期满仍需休学的可申请延长，累计不超过两年；毕业年级最后一学期不得休学。休学学生保留学籍，仍计入在校生。',
  '学校和县（区）教育局应在受理申请后一周内办结。',
];

const resumptionNotes = [
  '复学学生回原年级或降到同一学段的较低年级就读；普通高中学生降级复学的，须重新编制学籍辅号。',
  '因病休学的学生复学时，可附医院出具的康复证明。',
  '学校和县（区）教育局应在受理申请后一周内办结。',
];

export const suspensionResumption: FormLayout<CaseFormData> = (data, frame) => {
  const input = data.case.input as SuspensionInput | ResumptionInput;
  const suspension = input.kind === 'suspension';
  const request: Field[] = [
    ...(input.kind === 'suspension' ? suspensionFields(input) : resumptionFields(data, input)),
    { label: '申请理由', value: input.reason, span: 2 },
    { label: '佐证材料', value: evidenceText(data.case), span: 2 },
  ];
  return formDocument(frame, {
    content: [
      formTitle(frame),
      section('学生信息', twoPairWidths, fieldRows([...studentFields(data), ...caseFields(data)], 2), { first: true }),
      section('申请事项', twoPairWidths, [kindRow(suspension), ...fieldRows(request, 2)]),
      signatureSection(['监护人签字', '班主任签字', '学籍管理员（经办人）签字']),
      approvalSection(data.case, stepsOf(data.case)),
      notes(suspension ? suspensionNotes : resumptionNotes),
    ],
  });
};
