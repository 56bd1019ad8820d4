/**
 * The parts every case form shares (基本信息变更, 转学, 休学复学, 学籍异动):
 * the student block, the row of signatures, the approvers' opinion boxes
 * with any decision already recorded (OPS-3), and the notes under the form.
 */
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import type { Approver } from '../../../../shared/changes/approvals';
import type { CaseInput, CaseRecord, RecordedDecision } from '../../../../shared/changes/caseRecords';
import { evidenceLabel } from '../../../../shared/changes/evidence';
import type { StudentBasics } from '../../../../shared/register/studentValidation';
import type { CaseFormData } from '../formData';
import { type Field, label, section, sectionColumnWidth, starWidth } from './cells';
import { portraitWidth } from './frame';
import { handDate, opinionBox } from './handwriting';
import { basicsText, dayText, guardianOf, idDocumentText, memberText, noValue } from './values';

/** Widths of a block of two label-value pairs a row. */
export const twoPairWidths = [70, '*', 70, '*'] as const;

/** Width of the label column of an opinion box. */
const opinionLabelWidth = 92;

/** The student the form is about: the record, or the basics a new student's 转入 brought. */
export function caseStudent(data: CaseFormData): StudentBasics | null {
  return data.student?.basics ?? data.newStudent;
}

/**
 * 姓名, 性别, 全国学籍号, 年级班级, 身份证件类型和号码, 监护人 and the
 * guardian's telephone, as the DOMAIN.md change form lists them. The class
 * is the one the student is in now; a 转入 names the class they join.
 */
export function studentFields(data: CaseFormData, classLabel = data.student?.classLabel ?? data.classLabel): Field[] {
  const basics = caseStudent(data);
  const guardian = basics ? guardianOf(basics.familyMembers) : null;
  return [
    { label: '姓名', value: basics?.name ?? noValue },
    { label: '性别', value: basics ? basicsText(basics, 'sex') : noValue },
    { label: '全国学籍号', value: basics ? basicsText(basics, 'studentNumber') : noValue },
    { label: '年级班级', value: classLabel },
    {
      label: '身份证件\n类型和号码',
      value: basics ? idDocumentText(basics.idType, basics.idNumber) : noValue,
      span: 2,
    },
    { label: '监护人', value: memberText(guardian) },
    { label: '监护人电话', value: guardian?.phone || noValue },
  ];
}

/** 申请日期 of the case and the class's 班主任, the last row of a case form's student block. */
export const caseFields = (data: CaseFormData): Field[] => [
  { label: '申请日期', value: dayText(data.case.appliedOn) },
  { label: '班主任', value: data.headTeacher },
];

const signerCell = (caption: string): TableCell => ({
  stack: [
    { text: caption, style: 'label' },
    { text: handDate, alignment: 'right', margin: [0, 22, 0, 0] },
  ],
});

/** The signature row: each signer's caption (监护人签字 …), room to sign, and the date. */
export function signatureSection(captions: readonly string[]): ContentTable {
  return section(
    '签字',
    captions.map(() => '*'),
    [captions.map(signerCell)],
  );
}

/** An approver's box on the form. */
export interface ApprovalStep {
  /** The box's title, e.g. 学校意见. */
  readonly title: string;
  /** Who signs in it, e.g. 校长签字. */
  readonly signer: string;
  /** The approval step whose recorded decision is printed in it; null for a box outside the case's steps. */
  readonly approver: Approver | null;
}

const schoolSigner = '校长签字';
const bureauSigner = '审核人签字';

/** The box of each approval step (approvals.ts orders them per kind). */
const stepBoxes: Readonly<Record<Approver, ApprovalStep>> = {
  school: { title: '学校意见', signer: schoolSigner, approver: 'school' },
  countyBureau: { title: '县（区）教育局学籍管理部门意见', signer: bureauSigner, approver: 'countyBureau' },
  cityBureau: { title: '市教育局学籍管理部门意见', signer: bureauSigner, approver: 'cityBureau' },
  receivingBureau: { title: '转入学校主管教育局意见', signer: bureauSigner, approver: 'receivingBureau' },
  sendingSchool: { title: '转出学校意见', signer: schoolSigner, approver: 'sendingSchool' },
  sendingBureau: { title: '转出学校主管教育局意见', signer: bureauSigner, approver: 'sendingBureau' },
};

/** The boxes of the case's approval steps, in order (OPS-3). */
export const stepsOf = (record: CaseRecord): ApprovalStep[] => record.steps.map((approver) => stepBoxes[approver]);

/** A box for one who agrees on paper without being a step of the case (the receiving school of a transfer). */
export const paperOnlyStep = (title: string): ApprovalStep => ({ title, signer: schoolSigner, approver: null });

/** The decision recorded for one approver of the case, if any (OPS-3). */
function decisionOf(record: CaseRecord, approver: Approver | null): RecordedDecision | undefined {
  return approver ? record.decisions.find((decision) => decision.approver === approver) : undefined;
}

/** The approvers' boxes, in order, under a section named 审批意见; `lines` to write an opinion on in each. */
export function approvalSection(record: CaseRecord, steps: readonly ApprovalStep[], lines = 2): ContentTable {
  const width = starWidth(portraitWidth, [sectionColumnWidth, opinionLabelWidth]);
  return section(
    '审批意见',
    [opinionLabelWidth, '*'],
    steps.map((step) => [
      label(step.title),
      opinionBox({ width, signer: step.signer, decision: decisionOf(record, step.approver), lines }),
    ]),
  );
}

/** VOC-5: the 文号 of the bureau's written consent a 弹性学习 student's case goes ahead on, when recorded. */
export function exceptionFields(input: CaseInput): Field[] {
  const exception = 'exception' in input ? input.exception : undefined;
  return exception ? [{ label: '教育主管部门\n同意文号', value: exception.documentNumber, span: 2 }] : [];
}

/** 佐证材料 uploaded on the case, as the clerk named their kinds; 无 when none. */
export function evidenceText(record: CaseRecord): string {
  const kinds = [...new Set(record.evidence.map((file) => file.kind))];
  return kinds.length === 0 ? '无' : kinds.map((kind) => evidenceLabel(kind, record.kind)).join('；');
}

/** 注：1．… under the form. */
export function notes(lines: readonly string[]): Content {
  return {
    style: 'note',
    margin: [0, 6, 0, 0],
    columns: [
      { text: '注：', width: 'auto' },
      { stack: lines.map((line, index) => `${index + 1}．${line}`), width: '*' },
    ],
  };
}
