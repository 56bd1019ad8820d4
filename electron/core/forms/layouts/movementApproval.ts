/**
 * 学籍异动审批表 for 退学, 死亡, 出国, 留级, 转专业 and 注销 (rules CHG-2,
 * CHG-4, VOC-3, VOC-5): the kind of movement, the student, the status
 * before and after, what the kind changes (the class of a 留级, the major
 * of a 转专业), the reason and the evidence, and the approvers' opinions.
 */
import type { CaseInput } from '../../../../shared/changes/caseRecords';
import { caseKindLabel } from '../../../../shared/changes/cases';
import { statusAfter } from '../../../../shared/changes/statusMachine';
import { isCode, studentStatuses } from '../../../../shared/register/codes';
import type { CaseFormData, FormLayout } from '../formData';
import { type Field, fieldRows, section } from './cells';
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
import { fieldText, majorText, noValue } from './values';

type MovementInput = Extract<
  CaseInput,
  { kind: 'dropout' | 'death' | 'goingAbroad' | 'cancellation' | 'repeatGrade' | 'changeMajor' }
>;

/** CHG-2: 退学, 死亡 and 出国 are done within one week of the application. */
const oneWeekKinds: ReadonlySet<MovementInput['kind']> = new Set(['dropout', 'death', 'goingAbroad']);

/** 学籍状态 now and once the movement is approved (the status machine's target). */
function statusFields(data: CaseFormData, input: MovementInput): Field[] {
  const status = data.student?.status ?? '';
  const after = isCode(studentStatuses, status) ? fieldText('status', statusAfter(input.kind, status)) : noValue;
  return [
    { label: '现学籍状态', value: fieldText('status', status) },
    { label: '异动后学籍状态', value: after },
  ];
}

/** What the kind itself changes: the class of a 留级 (CHG-4), the major of a 转专业 (VOC-5). */
function kindFields(data: CaseFormData, input: MovementInput): Field[] {
  if (input.kind === 'repeatGrade') {
    return [
      { label: '原班级', value: data.student?.classLabel ?? noValue },
      { label: '留级到班级', value: data.classLabel },
    ];
  }
  if (input.kind === 'changeMajor') {
    return [
      { label: '原专业', value: majorText(caseStudent(data)?.majorCode, data.majorNames) },
      { label: '转入专业', value: majorText(input.majorCode, data.majorNames) },
    ];
  }
  return [];
}

export const movementApproval: FormLayout<CaseFormData> = (data, frame) => {
  const input = data.case.input as MovementInput;
  const kind = caseKindLabel(input.kind);
  const movement: Field[] = [
    { label: '异动类型', value: kind, span: 2 },
    ...statusFields(data, input),
    ...kindFields(data, input),
    ...exceptionFields(input),
    { label: '异动原因', value: input.reason, span: 2 },
    { label: '佐证材料', value: evidenceText(data.case), span: 2 },
  ];
  return formDocument(frame, {
    content: [
      formTitle(frame, kind),
      section('学生信息', twoPairWidths, fieldRows([...studentFields(data), ...caseFields(data)], 2), {
        first: true,
      }),
      section('异动事项', twoPairWidths, fieldRows(movement, 2)),
      signatureSection(['监护人（申请人）签字', '班主任签字', '学籍管理员（经办人）签字']),
      approvalSection(data.case, stepsOf(data.case)),
      notes([
        '本表由监护人、班主任签字后，按审批意见栏的顺序逐级审核；签字盖章的本表扫描件作为佐证材料上传学籍系统。',
        ...(oneWeekKinds.has(input.kind) ? ['学校和县（区）教育局应在受理申请后一周内办结。'] : []),
        '本表及佐证材料复印件存入学生纸质档案。',
      ]),
    ],
  });
};
