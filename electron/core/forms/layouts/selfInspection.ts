/**
 * 学籍管理工作自查报告 (rule INS-1): what an inspector's report holds (time,
 * content, findings, evaluation, advice), from the school's own data. The
 * school and scope first; per section of the city's guidelines a table of
 * item, verdict and finding; then the students and cases behind each item
 * (the first `inspectionListLimit`, with how many more); the counts per
 * verdict; advice for every item not met; and lines for the clerk and the
 * head of school to sign.
 */
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import { chineseDay } from '../../../../shared/changes/calendar';
import { moreText } from '../../../../shared/inspection/itemKit';
import {
  type InspectionItem,
  type InspectionSection,
  inspectionListLimit,
  type SelfInspection,
  summaryText,
  type Verdict,
  verdictLabels,
  verdictOrder,
} from '../../../../shared/inspection/report';
import { chineseDateTime } from '../../../../shared/time';
import type { FormLayout } from '../formData';
import { fieldRows, grid, headRow, type ListColumn, listRows, spanned, value } from './cells';
import { formDocument } from './frame';
import { handDate, signature } from './handwriting';

/** Verdicts in print: red and amber still read as dark grey on a black-and-white printer, and they are bold. */
const verdictColours: Readonly<Record<Verdict, string>> = {
  pass: '#1f6b2a',
  attention: '#8a5200',
  fail: '#b00000',
  notApplicable: '#555555',
};

const heading = (text: string, first = false): ContentText => ({
  text,
  style: 'label',
  bold: true,
  fontSize: 12,
  margin: [0, first ? 10 : 16, 0, 6],
});

const subheading = (text: string): Content => ({
  text,
  style: 'label',
  bold: true,
  fontSize: 10.5,
  margin: [0, 8, 0, 4],
});

function title(data: SelfInspection): Content {
  return { text: `${data.schoolName}学籍管理工作自查报告`, style: 'title', margin: [0, 0, 0, 10] };
}

function basis(data: SelfInspection): string {
  const city = '《阳泉市中小学学籍管理工作随机抽查指引》';
  return data.scope.vocational ? `${city}、《阳泉市中等职业学校学生管理信息系统检查工作指引》` : city;
}

function overview(data: SelfInspection, operator: string): Content {
  const { scope } = data;
  const period = scope.term ?? `启用以来（${chineseDay(scope.from)}至${chineseDay(scope.to)}）`;
  return grid({
    widths: [64, '*', 64, '*'],
    body: fieldRows(
      [
        { label: '学校名称', value: data.schoolName },
        { label: '学校标识码', value: data.schoolCode },
        { label: '自查时间', value: chineseDateTime(new Date(data.inspectedAt)) },
        { label: '自查人', value: operator },
        {
          label: '自查范围',
          value: `${period}；在读、休学学生 ${scope.students.toLocaleString('en-US')} 人，${scope.classes} 个班；本期学籍事项 ${scope.cases.toLocaleString('en-US')} 件`,
          span: 2,
        },
        { label: '自查依据', value: `${basis(data)}，逐项以本校学籍工作台中的数据核对`, span: 2 },
        { label: '自查结论', value: summaryText(data.summary), span: 2 },
      ],
      2,
    ),
  });
}

const verdictCell = (verdict: Verdict): TableCell => ({
  text: verdictLabels[verdict],
  style: 'label',
  bold: true,
  color: verdictColours[verdict],
  alignment: 'center',
  verticalAlignment: 'middle',
});

/** 检查项目 with the rules it answers below it. */
const itemCell = (item: InspectionItem): TableCell => ({
  stack: [{ text: item.title }, { text: `规则 ${item.rules.join('、')}`, fontSize: 8, color: '#555555' }],
  style: 'label',
  verticalAlignment: 'middle',
});

/** A row across the table naming the guideline's part (（一）学籍注册) before its first item. */
const partRow = (part: string, columns: number): TableCell[] =>
  spanned({ text: part, style: 'label', bold: true, fillColor: '#f7f7f7' }, columns);

const findingColumns: readonly ListColumn[] = [
  { head: '序号', width: 20, alignment: 'center' },
  { head: '检查项目', width: 120 },
  { head: '结论', width: 40, alignment: 'center' },
  { head: '自查情况', width: '*' },
];

function sectionTable(section: InspectionSection): Content[] {
  return [
    subheading(section.title),
    grid({
      widths: findingColumns.map((column) => column.width),
      body: [
        headRow(findingColumns),
        ...section.items.flatMap((item, index): TableCell[][] => [
          ...(item.part && item.part !== section.items[index - 1]?.part
            ? [partRow(item.part, findingColumns.length)]
            : []),
          [
            value(String(index + 1), { alignment: 'center' }),
            itemCell(item),
            verdictCell(item.verdict),
            value(item.finding),
          ],
        ]),
      ],
      headerRows: 1,
    }),
  ];
}

const exceptionColumn = {
  number: { head: '序号', width: 20, alignment: 'center' },
  subject: { head: '姓名／对象', width: 58 },
  classLabel: { head: '班级', width: 54, alignment: 'center' },
  studentNumber: { head: '全国学籍号', width: 94 },
  problem: { head: '问题', width: '*' },
  dueDate: { head: '办理期限', width: 56, alignment: 'center' },
} as const satisfies Record<string, ListColumn>;

/** Where an item sits in the guidelines, e.g. 二、学籍管理（一）学籍注册·全国学籍号. */
const itemPlace = (section: InspectionSection, item: InspectionItem): string =>
  `${section.title}${item.part ?? ''}·${item.title}`;

function exceptionTable(section: InspectionSection, item: InspectionItem): Content[] {
  const { exceptions } = item;
  // 学籍号 and 办理期限 only when a row has one (a list of days or accounts has neither).
  const numbered = exceptions.rows.some((row) => row.studentNumber !== '');
  const dated = exceptions.rows.some((row) => row.dueDate !== null);
  const { number, subject, classLabel, studentNumber, problem, dueDate } = exceptionColumn;
  const columns: ListColumn[] = [
    number,
    subject,
    classLabel,
    ...(numbered ? [studentNumber] : []),
    problem,
    ...(dated ? [dueDate] : []),
  ];
  const rows = exceptions.rows.map((row, index) => [
    String(index + 1),
    row.subject,
    row.classLabel,
    ...(numbered ? [row.studentNumber] : []),
    row.problem,
    ...(dated ? [row.dueDate ? chineseDay(row.dueDate) : ''] : []),
  ]);
  const more = moreText(exceptions);
  return [
    subheading(
      `${itemPlace(section, item)}（${verdictLabels[item.verdict]}，共 ${exceptions.total.toLocaleString('en-US')} 条）`,
    ),
    {
      ...grid({
        widths: columns.map((column) => column.width),
        body: [headRow(columns), ...listRows(columns, rows)],
        headerRows: 1,
      }),
      fontSize: 8.5,
    },
    ...(more
      ? [
          {
            text: `${more}，请在学籍工作台“自查报告”、学生名册或学籍异动中查看。`,
            style: 'note',
            margin: [0, 3, 0, 0],
          } as Content,
        ]
      : []),
  ];
}

/** Items with students, cases or days listed. */
const listedCount = (data: SelfInspection): number =>
  data.sections.flatMap((section) => section.items).filter((item) => item.exceptions.total > 0).length;

function exceptionPart(data: SelfInspection): Content[] {
  const listed = data.sections.flatMap((section) =>
    section.items.filter((item) => item.exceptions.total > 0).flatMap((item) => exceptionTable(section, item)),
  );
  if (listed.length === 0) return [];
  return [
    { ...heading('附：问题清单', true), pageBreak: 'before' },
    {
      text: `以下列出各项目发现问题的学生、事项或日期；每项最多列出前 ${inspectionListLimit} 条，并注明其余条数。`,
      style: 'note',
    },
    ...listed,
  ];
}

function summaryPart(data: SelfInspection): Content[] {
  const counts = verdictOrder.map((verdict) => data.summary[verdict]);
  const total = counts.reduce((sum, n) => sum + n, 0);
  return [
    heading('第二部分　自查结论'),
    grid({
      widths: ['*', '*', '*', '*', '*'],
      body: [
        [...verdictOrder.map(verdictCell), { text: '合计', style: 'label', bold: true, alignment: 'center' }],
        [...counts, total].map((n) => value(`${n} 项`, { alignment: 'center' })),
      ],
    }),
    {
      text: `共检查 ${total} 项：${summaryText(data.summary)}。${listedCount(data) > 0 ? '发现问题的学生和事项见附件“问题清单”。' : ''}`,
      style: 'value',
      margin: [0, 6, 0, 0],
    },
  ];
}

const adviceColumns: readonly ListColumn[] = [
  { head: '检查项目', width: 150 },
  { head: '结论', width: 40, alignment: 'center' },
  { head: '整改建议', width: '*' },
];

function advicePart(data: SelfInspection): Content[] {
  const open = data.sections.flatMap((section) =>
    section.items.filter((item) => item.advice !== null).map((item) => ({ section, item })),
  );
  if (open.length === 0) {
    return [heading('第三部分　整改建议'), { text: '各项均符合要求，请继续保持。', style: 'value' }];
  }
  return [
    heading('第三部分　整改建议'),
    grid({
      widths: adviceColumns.map((column) => column.width),
      body: [
        headRow(adviceColumns),
        ...open.map(({ section, item }): TableCell[] => [
          value(itemPlace(section, item)),
          verdictCell(item.verdict),
          value(item.advice ?? ''),
        ]),
      ],
      headerRows: 1,
    }),
  ];
}

const signatures: Content = {
  margin: [0, 28, 0, 0],
  unbreakable: true,
  stack: [
    { columns: [...signature('学籍员签字', 120), { text: '', width: '*' }, ...signature('学校负责人签字', 120)] },
    {
      margin: [0, 22, 0, 0],
      columns: [
        { text: '学校（公章）', width: '*' },
        { text: `日期：${handDate}`, width: 'auto' },
      ],
    },
  ],
};

/** The report, signed; the list of problems follows as an annex from a new page. */
export const selfInspectionReport: FormLayout<SelfInspection> = (data, frame) =>
  formDocument(frame, {
    content: [
      title(data),
      overview(data, frame.operator),
      heading('第一部分　自查情况', true),
      ...data.sections.flatMap(sectionTable),
      ...summaryPart(data),
      ...advicePart(data),
      signatures,
      ...exceptionPart(data),
    ],
  });
