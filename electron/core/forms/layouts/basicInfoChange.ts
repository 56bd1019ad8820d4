/**
 * 《阳泉市中小学生基本信息变更申请表》 (rules DAT-1, DAT-2; layout from
 * DOMAIN.md "Forms"): the student, the change table 序号 | 变更项目 |
 * 变更前 | 变更后 | 变更原因, the evidence checklist ticked for the kinds
 * uploaded on the case, the signatures, and the opinions of the school and
 * of the county bureau's register office.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { CaseRecord } from '../../../../shared/changes/caseRecords';
import { type EvidenceKind, evidenceKinds } from '../../../../shared/changes/evidence';
import { labelOf } from '../../../../shared/register/codes';
import type { CaseFormData, FormLayout } from '../formData';
import { fieldRows, headRow, type ListColumn, section, value } from './cells';
import {
  approvalSection,
  caseFields,
  notes,
  signatureSection,
  stepsOf,
  studentFields,
  twoPairWidths,
} from './caseBlocks';
import { formDocument, formTitle } from './frame';
import { tickBox } from './handwriting';
import { fieldText } from './values';

const changeColumns: readonly ListColumn[] = [
  { head: '序号', width: 22, alignment: 'center' },
  { head: '变更项目', width: 58, alignment: 'center' },
  { head: '变更前', width: 92 },
  { head: '变更后', width: 92 },
  { head: '变更原因', width: '*' },
];

/** The items, one row each; the case's one reason spans them all. */
function changeRows(record: CaseRecord): TableCell[][] {
  const items = record.items;
  return items.map((item, index) => [
    value(String(index + 1), { alignment: 'center' }),
    value(item.label, { alignment: 'center' }),
    value(fieldText(item.field, item.before)),
    value(fieldText(item.field, item.after)),
    index === 0 ? value(record.input.reason, { rowSpan: items.length }) : {},
  ]);
}

/** The DAT-2 checklist, in the order of the form. */
const checklist: readonly EvidenceKind[] = [
  'householdRegister',
  'policeChangeProof',
  'birthCertificate',
  'idCardCopy',
  'otherProof',
];

const perLine = 3;

function evidenceChecklist(record: CaseRecord): TableCell {
  const uploaded = new Set(record.evidence.map((file) => file.kind));
  const boxes = checklist.map((kind) => tickBox(uploaded.has(kind), labelOf(evidenceKinds, kind) ?? kind));
  const lines = Array.from({ length: Math.ceil(boxes.length / perLine) }, (_, line): Content => {
    const row = boxes.slice(line * perLine, (line + 1) * perLine);
    return {
      columns: [...row, ...Array.from({ length: perLine - row.length }, () => ({ text: '' }))],
      columnGap: 6,
      margin: [0, 2, 0, 2],
    };
  });
  return { stack: lines, verticalAlignment: 'middle' };
}

export const basicInfoChange: FormLayout<CaseFormData> = (data, frame) =>
  formDocument(frame, {
    content: [
      formTitle(frame),
      section('学生信息', twoPairWidths, fieldRows([...studentFields(data), ...caseFields(data)], 2), {
        first: true,
      }),
      section(
        '变更事项',
        changeColumns.map((column) => column.width),
        [headRow(changeColumns), ...changeRows(data.case)],
      ),
      section('佐证材料', ['*'], [[evidenceChecklist(data.case)]]),
      signatureSection(['监护人签字', '班主任签字', '学籍管理员（经办人）签字']),
      approvalSection(data.case, stepsOf(data.case)),
      notes([
        '佐证材料的复印件须注明“此件与原件相符”，由监护人签字、注明日期，并加盖学校公章。',
        '县（区）教育局学籍管理部门审核同意后，学校方可在学籍系统中变更学生基本信息。',
        '本表及佐证材料复印件存入学生纸质档案。',
      ]),
    ],
  });
