/** 备份与恢复: how a backup and the check of one read to the clerk. */
import { type BackupCheck, type BackupInfo, backupTriggerLabels } from '../../../shared/exchange/backups';
import { formatBytes, formatDateTime } from './units';

export const triggerText = (backup: BackupInfo): string => backupTriggerLabels[backup.trigger];

/** “学生 2 人，1.2 MB”: what a backup holds, in one line. */
export const backupContents = (backup: BackupInfo): string =>
  `学生 ${backup.students} 人，${formatBytes(backup.sizeBytes)}`;

/** What the automatic backups are, and why a copy elsewhere still matters. */
export const automaticBackupsText = (kept: number): string =>
  `每天第一次登录时自动备份到数据文件夹，保留最近 ${kept} 份。` +
  '请定期用“备份到…”把备份存到 U 盘等其他位置：电脑损坏时，数据文件夹中的备份会一起丢失。';

/** The toast after a backup was written. */
export function backupDoneMessage(backup: BackupInfo, intoDataFolder: boolean): string {
  const where = intoDataFolder ? '数据文件夹' : backup.folder;
  return `已备份（${backupContents(backup)}），保存在 ${where}。`;
}

/** The lines of the check dialog's table, label and value. */
export function checkFacts(check: BackupCheck): readonly (readonly [string, string])[] {
  const backup = check.backup;
  if (!backup) return [['文件夹', check.folder]];
  return [
    ['学校', `${backup.schoolName}（${backup.schoolCode}）`],
    ['备份时间', formatDateTime(backup.createdAt)],
    ['备份人', backup.createdBy],
    ['方式', triggerText(backup)],
    ['学生人数', `备份中 ${backup.students} 人，当前 ${check.currentStudents} 人`],
    ['访问日志', `${backup.auditRows} 条记录`],
    ['程序版本', `${backup.appVersion}（数据结构版本 ${backup.schemaVersion}）`],
    ['大小', formatBytes(backup.sizeBytes)],
    ['文件夹', check.folder],
  ];
}

/** What the confirmation says before the current data is replaced. */
export function restoreConfirmText(check: BackupCheck): string {
  const backup = check.backup!;
  return (
    `恢复会用 ${formatDateTime(backup.createdAt)} 的备份（学生 ${backup.students} 人）替换当前的全部数据` +
    `（学生 ${check.currentStudents} 人），备份之后所做的登记和修改都将不在恢复后的数据中。` +
    '当前数据会移到数据文件夹中的 replaced-日期-时间 文件夹保留。恢复后需要重新登录。'
  );
}
