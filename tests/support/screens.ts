/**
 * Parts of screens that several end-to-end flows drive: the import's file
 * picker, the export check's verdict and file rows, the backup check
 * dialog, and the form preview and evidence viewer with how much of a
 * PDF's first page pdf.js has drawn.
 */
import type { Locator, Page } from 'playwright-core';

/** 导入学生: picks the workbook as the clerk does in the file dialog. */
export const chooseImportFile = (page: Page, path: string): Promise<void> =>
  page.locator('.import-file input[type=file]').setInputFiles(path);

/** 导出审查材料: the verdict of the last check of an export folder. */
export const exportVerdict = (page: Page): Locator => page.locator('.export-verification .verdict');

/** 导出审查材料: the check's row of the file whose name contains `name`. */
export const exportFileRow = (page: Page, name: string): Locator =>
  page.locator('.export-verification .files tr', { hasText: name });

/** 备份与恢复: the dialog that shows a backup's check before it may be restored. */
export const backupCheckDialog = (page: Page): Locator => page.locator('.el-dialog.backup-check-dialog');

/** 表格预览: the dialog showing a form core generated. */
export const formPreview = (page: Page): Locator => page.locator('.el-dialog.form-preview');

/** How many of the first-page canvas pixels pdf.js has drawn dark (text and lines on white) in the dialog `dialog`. */
export const firstPageDarkPixels = (page: Page, dialog: string): Promise<number> =>
  page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(`${dialog} canvas[data-page="1"]`)});
    if (!canvas || canvas.width === 0) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark += 1;
    return dark;
  })()`);

/** How many of the previewed form's first-page canvas pixels pdf.js has drawn dark. */
export const previewDarkPixels = (page: Page): Promise<number> => firstPageDarkPixels(page, '.form-preview');
