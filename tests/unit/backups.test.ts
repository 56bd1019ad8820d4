/** Backup folder names and rotation (shared/exchange/backups.ts). */
import { describe, expect, it } from 'vitest';
import {
  backupFolderName,
  backupsToRotate,
  hasBackupOfDay,
  parseBackupFolderName,
} from '../../shared/exchange/backups';

const at = (iso: string) => new Date(iso);

describe('backup folder names', () => {
  it('carry the 学校标识码 and the local time, and sort by time', () => {
    expect(backupFolderName('1114000001', at('2026-09-01T08:05:09+08:00'))).toBe('学籍备份_1114000001_20260901-080509');
    expect(backupFolderName('1114000001', at('2026-09-01T08:05:09+08:00'), 2)).toBe(
      '学籍备份_1114000001_20260901-080509_2',
    );
  });

  it('are told apart from partial backups and other folders', () => {
    expect(parseBackupFolderName('学籍备份_1114000001_20260901-080509')).toMatchObject({
      schoolCode: '1114000001',
      day: '20260901',
    });
    expect(parseBackupFolderName('学籍备份_1114000001_20260901-080509.partial')).toBeNull();
    expect(parseBackupFolderName('replaced-20260901-080509')).toBeNull();
  });

  it('tell whether a backup was made on a local day', () => {
    const names = ['学籍备份_1114000001_20260901-235959'];
    expect(hasBackupOfDay(names, at('2026-09-01T00:00:01+08:00'))).toBe(true);
    expect(hasBackupOfDay(names, at('2026-09-02T00:00:01+08:00'))).toBe(false);
  });
});

describe('rotation', () => {
  const day = (n: number) => `学籍备份_1114000001_202609${String(n).padStart(2, '0')}-080000`;

  it('removes all but the newest ones kept, the oldest first', () => {
    const names = [day(3), day(1), day(4), day(2)];
    expect(backupsToRotate(names, day(4), 2).sort()).toEqual([day(1), day(2)]);
  });

  it('orders a second backup of the same second after the first', () => {
    const names = [`${day(1)}_2`, day(1), day(2)];
    expect(backupsToRotate(names, day(2), 2)).toEqual([day(1)]);
  });

  it('never removes the backup just made, even when its time is the oldest', () => {
    const names = [day(1), day(5), day(6)];
    expect(backupsToRotate(names, day(1), 2)).toEqual([day(5)]);
  });
});
