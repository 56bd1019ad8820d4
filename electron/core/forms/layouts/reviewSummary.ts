/**
 * 学籍审查材料汇总: the printable first page of an export for bureau review
 * (导出审查材料). It names the school, the operator and the moment, what
 * each sheet of the workbook holds and how many rows, the access log's last
 * row when the data was read, and each file with its SHA-256, so that a
 * reviewer holding the paper can tell whether the files on the stick are the
 * ones the school signed for. `manifest.json` lists this PDF too.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ExportedFileEntry, ReviewCounts } from '../../../../shared/exchange/reviewExport';
import type { FormLayout } from '../formData';
import { fieldRows, grid, headRow, type ListColumn, listRows } from './cells';
import { formDocument, formTitle } from './frame';
import { handDate, signature } from './handwriting';

export interface ReviewSummaryData {
  readonly school: { readonly name: string; readonly code: string };
  readonly operator: { readonly userName: string; readonly displayName: string };
  readonly exportId: string;
  /** 导出时间, e.g. `2026年9月1日 08:05`. */
  readonly exportedAt: string;
  readonly counts: ReviewCounts;
  readonly includesPhotos: boolean;
  readonly auditHead: { readonly seq: number; readonly hash: string };
  /** The workbook and the photo zips (this PDF and the manifest come after it). */
  readonly files: readonly ExportedFileEntry[];
}

const heading = (text: string): Content => ({ text, style: 'label', bold: true, fontSize: 11, margin: [0, 12, 0, 4] });

const contentColumns: readonly ListColumn[] = [
  { head: '内容', width: 70, alignment: 'center' },
  { head: '说明', width: '*' },
  { head: '行数', width: 70, alignment: 'right' },
];

function contentRows(counts: ReviewCounts, includesPhotos: boolean): string[][] {
  const rows = (n: number) => `${n.toLocaleString('en-US')} 行`;
  return [
    ['学生', '全部学生（各学籍状态）的基本信息，按国家学籍模板的字段，含两位家庭成员', rows(counts.students)],
    ['学籍异动', '转入、转出、休学、复学、退学等事项及各级审批情况', rows(counts.movements)],
    ['变更申请', '基本信息变更和奖惩变更，每个变更项目一行，含变更前后的内容', rows(counts.changeRequests)],
    ['毕业生', '毕业、结业、肄业的学生，及学习简历、毕业评语是否齐全', rows(counts.graduates)],
    ['待办事项', `办理中的事项及办理期限，其中已逾期 ${counts.overdue} 件`, rows(counts.openCases)],
    [
      '学籍照片',
      includesPhotos ? `每班一个压缩包（国家学籍系统格式），共 ${counts.photoClasses} 个班` : '本次未导出照片',
      includesPhotos ? `${counts.photos.toLocaleString('en-US')} 张` : '—',
    ],
  ];
}

const fileColumns: readonly ListColumn[] = [
  { head: '文件', width: '*' },
  { head: '大小（字节）', width: 72, alignment: 'right' },
  { head: 'SHA-256 校验值', width: 190 },
];

const fileRow = (file: ExportedFileEntry): string[] => [file.name, file.bytes.toLocaleString('en-US'), file.sha256];

export const reviewSummary: FormLayout<ReviewSummaryData> = (data, frame) =>
  formDocument(frame, {
    content: [
      formTitle(frame),
      grid({
        widths: [80, '*', 80, '*'],
        body: fieldRows(
          [
            { label: '学校名称', value: data.school.name, span: 2 },
            { label: '学校标识码', value: data.school.code },
            { label: '材料编号', value: data.exportId },
            { label: '经办人', value: `${data.operator.displayName}（${data.operator.userName}）` },
            { label: '导出时间', value: data.exportedAt },
            { label: '访问日志末条', value: `第 ${data.auditHead.seq} 条，哈希 ${data.auditHead.hash}`, span: 2 },
          ],
          2,
        ),
      }),
      heading('材料内容（审查材料工作簿的各工作表）'),
      grid({
        widths: contentColumns.map((column) => column.width),
        body: [headRow(contentColumns), ...listRows(contentColumns, contentRows(data.counts, data.includesPhotos))],
        headerRows: 1,
      }),
      heading('文件及校验值'),
      {
        ...grid({
          widths: fileColumns.map((column) => column.width),
          body: [headRow(fileColumns), ...listRows(fileColumns, data.files.map(fileRow))],
          headerRows: 1,
        }),
        fontSize: 8,
      },
      {
        text:
          '同一文件夹中的 manifest.json 记录本汇总表及上列每个文件的 SHA-256 校验值。收到材料后，可在学籍工作台“导出审查材料”页面' +
          '用“校验审查材料”，或在命令行运行 npm run cli -- verify-export <文件夹>，确认文件没有被改动、缺失或增加。',
        style: 'note',
        margin: [0, 6, 0, 0],
      },
      {
        margin: [0, 24, 0, 0],
        unbreakable: true,
        columns: [
          ...signature('经办人签字', 90),
          { text: '', width: 24 },
          ...signature('学校负责人签字', 90),
          { text: '学校（公章）', width: '*', alignment: 'center' },
          { text: handDate, width: 'auto' },
        ],
      },
    ],
  });
