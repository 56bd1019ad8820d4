/**
 * How the import screen says things: the counts of a check, what the
 * confirmation names, the result, and the issues page by page.
 */
import type {
  ImportClassCount,
  ImportIssue,
  ImportIssueLevel,
  ImportReport,
  ImportResult,
} from '../../../shared/exchange/studentImport';

/** The file chooser offers workbooks only; core sniffs the content anyway. */
export const importAccept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const issueLevelLabels: Readonly<Record<ImportIssueLevel, string>> = { error: '错误', warning: '提示' };

/** Which issues the table shows. */
export type IssueFilter = 'all' | ImportIssueLevel;

export const issueFilterLabels: Readonly<Record<IssueFilter, string>> = { all: '全部', error: '错误', warning: '提示' };

/** Rows that can be imported: those without an error. */
export const importableRows = (report: ImportReport): number => report.rows - report.errorRows;

/** Whether 确认导入 may be offered: rows to import and none with an error. */
export const mayCommit = (report: ImportReport | null): boolean =>
  report !== null && report.rows > 0 && report.errorRows === 0;

/** 一年级（1）班 45 人、一年级（2）班 44 人 */
export const classCountsText = (classes: readonly ImportClassCount[]): string =>
  classes.map((entry) => `${entry.label} ${entry.rows} 人`).join('、');

/** The line under the check's figures. */
export function reportVerdict(report: ImportReport): string {
  if (report.rows === 0) return '表中没有学生数据。';
  if (report.errorRows > 0) {
    return `有 ${report.errorRows} 行需要改正：请下载错误报告，在原文件中改正后重新选择文件并检查。改正前一个学生也不会导入。`;
  }
  const warnings = report.warningRows > 0 ? `其中 ${report.warningRows} 行有提示，请看过后再导入。` : '';
  return `全部 ${report.rows} 行都可以导入。${warnings}`;
}

/** The confirmation before 确认导入: how many, where, and that it is one step. */
export function commitConfirmation(report: ImportReport): string {
  const warnings = report.warningRows > 0 ? `其中 ${report.warningRows} 行有提示（如疑似重复），也会导入。` : '';
  return (
    `将导入 ${report.rows} 名学生：${classCountsText(report.classes)}。${warnings}` +
    '导入一次完成，全部成功或全部不导入；已有档案的学生不会被覆盖。'
  );
}

export function resultText(result: ImportResult): string {
  const warnings = result.warningRows > 0 ? `其中 ${result.warningRows} 名有提示，可在学生名册中核对。` : '';
  return `已导入 ${result.imported} 名学生：${classCountsText(result.classes)}。${warnings}`;
}

/** The issues of one level, or all. */
export const filteredIssues = (issues: readonly ImportIssue[], filter: IssueFilter): readonly ImportIssue[] =>
  filter === 'all' ? issues : issues.filter((issue) => issue.level === filter);

/** One page (from 1) of a list. */
export const pageOf = <T>(items: readonly T[], page: number, size: number): T[] =>
  items.slice((page - 1) * size, page * size);

/** Said under the table when the screen lists only the first issues. */
export function listedIssuesNote(report: ImportReport): string | null {
  return report.issueCount > report.issues.length
    ? `共 ${report.issueCount} 处问题，这里列出前 ${report.issues.length} 处；全部问题见错误报告。`
    : null;
}
