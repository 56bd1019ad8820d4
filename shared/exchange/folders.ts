/**
 * Folders the clerk chooses on this computer (often a USB stick): where a
 * backup or an export for bureau review is written, and where one is read
 * back to restore or verify. Only main can show the system's folder dialog;
 * core asks it through `CoreOptions.chooseFolder`, and the renderer never
 * types a path.
 */
export const folderPurposes = {
  backup: '选择备份保存位置',
  restore: '选择要恢复的备份文件夹',
  export: '选择审查材料的保存位置',
  verifyExport: '选择要校验的审查材料文件夹',
} as const;

export type FolderPurpose = keyof typeof folderPurposes;
