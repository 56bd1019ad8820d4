/** Answers of the backup methods for component tests. */
import type { BackupCheck, BackupInfo, BackupOverview } from '../../shared/exchange/backups';

const dataBackups = '/home/wangli/.config/xuejidesk/data/backups';

export const morningBackup: BackupInfo = {
  name: '学籍备份_1114000001_20260902-080500',
  folder: `${dataBackups}/学籍备份_1114000001_20260902-080500`,
  trigger: 'login',
  createdAt: '2026-09-02T08:05:00.000+08:00',
  createdBy: 'wanglaoshi',
  schoolName: '阳泉市第一中学',
  schoolCode: '1114000001',
  appVersion: '0.1.0',
  schemaVersion: 13,
  students: 612,
  auditRows: 1840,
  sizeBytes: 3_145_728,
};

export const yesterdayBackup: BackupInfo = {
  ...morningBackup,
  name: '学籍备份_1114000001_20260901-163000',
  folder: `${dataBackups}/学籍备份_1114000001_20260901-163000`,
  trigger: 'manual',
  createdAt: '2026-09-01T16:30:00.000+08:00',
  createdBy: 'lilaoshi',
  students: 610,
  auditRows: 1790,
  sizeBytes: 3_040_000,
};

export const backupOverview: BackupOverview = {
  folder: dataBackups,
  kept: 30,
  backups: [morningBackup, yesterdayBackup],
};

export const usbBackup: BackupInfo = {
  ...morningBackup,
  name: '学籍备份_1114000001_20260902-101500',
  folder: '/media/usb/学籍备份_1114000001_20260902-101500',
  trigger: 'manual',
  createdAt: '2026-09-02T10:15:00.000+08:00',
};

export const goodCheck: BackupCheck = {
  folder: yesterdayBackup.folder,
  backup: yesterdayBackup,
  ok: true,
  problems: [],
  notes: ['备份之后修改过密码的账号，恢复后要用备份时的密码登录：王老师（wanglaoshi）。'],
  currentStudents: 612,
  checkedAt: '2026-09-02T10:20:00.000+08:00',
};

export const truncatedCheck: BackupCheck = {
  ...goodCheck,
  folder: '/media/usb/学籍备份_1114000001_20260901-163000',
  ok: false,
  problems: ['数据库文件 xuejidesk.db 不完整：应为 3039232 字节，实际 1048576 字节（备份可能在复制时被截断）。'],
  notes: [],
};
