/**
 * 《阳泉市中小学转学联系表》 (rules CHG-1, TRF-1..3): the student, the two
 * schools side by side (type, 公办/民办, 省级示范高中, zone: what TRF-2
 * compares), the grounds and how far the family moved (CHG-1), the
 * household registration, and the chain of opinions: the receiving school,
 * then the receiving bureau, the sending school and the sending bureau.
 */
import type { TableCell } from 'pdfmake/interfaces';
import type { TransferDetails } from '../../../../shared/changes/caseRecords';
import { moveScopes, transferGrounds, type TransferSchool } from '../../../../shared/changes/transferRules';
import { schoolOwnerships, schoolTypes } from '../../../../shared/register/codes';
import type { SchoolProfile } from '../../../../shared/register/school';
import type { CaseFormData, FormLayout } from '../formData';
import { type Field, fieldRows, headRow, label, type ListColumn, section, value } from './cells';
import {
  approvalSection,
  caseFields,
  caseStudent,
  evidenceText,
  exceptionFields,
  notes,
  paperOnlyStep,
  signatureSection,
  stepsOf,
  studentFields,
  twoPairWidths,
} from './caseBlocks';
import { formDocument, formTitle } from './frame';
import { codeText, fieldText, noValue, yesNoText } from './values';

type TransferCase = Extract<CaseFormData['case']['input'], { kind: 'transferIn' | 'transferOut' }>;

interface FactColumn extends ListColumn {
  readonly read: (school: TransferSchool) => string;
}

/** What the form compares of the two schools (TRF-2), a column each. */
const factColumns: readonly FactColumn[] = [
  { head: '学校名称', width: '*', read: (school) => school.name },
  { head: '学校类型', width: 70, alignment: 'center', read: (school) => codeText(schoolTypes, school.type) },
  { head: '办学类型', width: 46, alignment: 'center', read: (school) => codeText(schoolOwnerships, school.ownership) },
  { head: '省级示范高中', width: 46, alignment: 'center', read: (school) => yesNoText(school.provincialModel) },
  { head: '招生区域', width: 84, read: (school) => school.enrollmentZone || noValue },
];

/** The row captions' column, then the facts. */
const schoolColumns: readonly ListColumn[] = [{ head: '', width: 58 }, ...factColumns];

/** A row each for 转出学校 and 转入学校: this school receives a 转入 and sends a 转出. */
function schoolTable(input: TransferCase, school: SchoolProfile): TableCell[][] {
  const other = input.transfer.otherSchool;
  const [sending, receiving] = input.kind === 'transferIn' ? [other, school] : [school, other];
  const row = (caption: string, side: TransferSchool): TableCell[] => [
    label(caption),
    ...factColumns.map((column) => value(column.read(side), { alignment: column.alignment ?? 'left' })),
  ];
  return [headRow(schoolColumns), row('转出学校', sending), row('转入学校', receiving)];
}

/** CHG-1: the ground, how far the family or the workplace moved, the household registration, the reason. */
function groundFields(data: CaseFormData, input: TransferCase): Field[] {
  const { reason }: TransferDetails = input.transfer;
  const basics = caseStudent(data);
  return [
    { label: '转学理由', value: codeText(transferGrounds, reason.ground) },
    { label: '迁移范围', value: codeText(moveScopes, reason.scope) },
    { label: '户口所在地', value: fieldText('householdLocation', basics?.householdLocation) },
    {
      label: '户籍已迁入\n新居住地',
      value: reason.ground === 'familyMoved' ? yesNoText(reason.hukouMoved) : '不适用（父母务工地变化）',
    },
    { label: '申请理由', value: input.reason, span: 2 },
    ...exceptionFields(input),
    { label: '佐证材料', value: evidenceText(data.case), span: 2 },
  ];
}

export const transferContact: FormLayout<CaseFormData> = (data, frame) => {
  const input = data.case.input as TransferCase;
  const direction = input.kind === 'transferIn' ? '转入' : '转出';
  return formDocument(frame, {
    content: [
      formTitle(frame, direction),
      section('学生信息', twoPairWidths, fieldRows([...studentFields(data, data.classLabel), ...caseFields(data)], 2), {
        first: true,
      }),
      section(
        '转学学校',
        schoolColumns.map((column) => column.width),
        schoolTable(input, data.school),
      ),
      section('转学理由', twoPairWidths, fieldRows(groundFields(data, input), 2)),
      signatureSection(['监护人（申请人）签字', '学籍管理员（经办人）签字']),
      approvalSection(data.case, [paperOnlyStep('转入学校意见'), ...stepsOf(data.case)], 1),
      notes([
        '转学由转入学校发起，依次经转入学校主管教育局、转出学校、转出学校主管教育局审核同意。',
        '须附转学申请，以及户口迁移证明（家庭迁移）或父母工作调动证明（父母务工地变化）。',
        ...(data.case.paperProcedure
          ? ['普通高中学生转学，除在学籍系统中办理外，还须同时履行纸质审批手续：本表经各方签署意见、加盖公章后存档。']
          : []),
      ]),
    ],
  });
};
