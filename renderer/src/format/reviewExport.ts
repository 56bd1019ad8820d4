/** Texts of the export for bureau review (导出审查材料) and of its check (校验审查材料). */
import type {
  ExportFileCheck,
  ExportFileState,
  ReviewCounts,
  ReviewExport,
} from '../../../shared/exchange/reviewExport';
import { formatBytes } from './units';

export interface CountLine {
  readonly label: string;
  readonly value: string;
}

const rows = (n: number): string => `${n.toLocaleString('zh-CN')} 行`;

/** What the workbook holds, sheet by sheet, and the photos. */
export function countLines(counts: ReviewCounts): CountLine[] {
  return [
    { label: '学生', value: rows(counts.students) },
    { label: '学籍异动', value: rows(counts.movements) },
    { label: '变更申请', value: `${rows(counts.changeRequests)}（每个变更项目一行）` },
    { label: '毕业生', value: rows(counts.graduates) },
    {
      label: '待办事项',
      value: counts.overdue > 0 ? `${rows(counts.openCases)}，其中逾期 ${counts.overdue} 件` : rows(counts.openCases),
    },
    {
      label: '学籍照片',
      value:
        counts.photoClasses > 0
          ? `${counts.photos.toLocaleString('zh-CN')} 张（${counts.photoClasses} 个班的压缩包）`
          : '未导出',
    },
  ];
}

/** The start of a SHA-256, enough to compare by eye with the summary PDF: `3f9a1c2b…d4e5`. */
export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…${sha256.slice(-4)}`;

/** The toast after an export. */
export const exportDoneMessage = (result: ReviewExport): string =>
  `已导出到文件夹“${result.folderName}”，共 ${result.files.length} 个文件。`;

export const fileStateLabels: Readonly<Record<ExportFileState, string>> = {
  unchanged: '未改动',
  changed: '已被改动',
  missing: '缺失',
  extra: '清单外的文件',
};

/** Element Plus tag colour of each state. */
export const fileStateTypes: Readonly<Record<ExportFileState, 'success' | 'danger' | 'warning'>> = {
  unchanged: 'success',
  changed: 'danger',
  missing: 'danger',
  extra: 'warning',
};

/** What the clerk should make of a file's state. */
export function fileCheckNote(file: ExportFileCheck): string {
  switch (file.state) {
    case 'unchanged':
      return '';
    case 'changed':
      if (!file.actual) return '已不是普通文件（可能被替换为链接）';
      return file.actual.bytes === file.expected!.bytes
        ? '大小未变，内容与清单记录的校验值不同'
        : `清单记录 ${formatBytes(file.expected!.bytes)}，现为 ${formatBytes(file.actual.bytes)}`;
    case 'missing':
      return '清单中有这个文件，文件夹里没有';
    case 'extra':
      return '导出后被放入文件夹，清单里没有';
  }
}
