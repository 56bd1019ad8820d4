/** Formatting of values on the 系统信息 page and in the diagnostics text. */
import { describe, expect, it } from 'vitest';
import { diagnosticsText, systemInfoSections, systemInfoWarnings } from '../../renderer/src/format/systemInfo';
import { formatBytes, formatDateTime, formatPlatform } from '../../renderer/src/format/units';
import { readyInfo } from './fixtures';

describe('formatting', () => {
  it('gives file sizes in bytes, KB, MB and GB', () => {
    expect(formatBytes(0)).toBe('0 字节');
    expect(formatBytes(1023)).toBe('1023 字节');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(98_304)).toBe('96 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('writes times as YYYY-MM-DD HH:mm:ss in local time', () => {
    expect(formatDateTime(new Date(2026, 8, 1, 8, 5, 9))).toBe('2026-09-01 08:05:09');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('names the operating system the way clerks know it', () => {
    expect(formatPlatform('win32 10.0.19045')).toBe('Windows 10.0.19045');
    expect(formatPlatform('darwin 24.1.0')).toBe('macOS 24.1.0');
    expect(formatPlatform('freebsd 14.1')).toBe('freebsd 14.1');
  });
});

describe('系统信息 sections', () => {
  it('flag an unreadable key file and a missing recovery slot', () => {
    const info = { ...readyInfo, keyring: { present: true, readable: false, slotCount: null, hasRecoverySlot: null } };
    const rows = systemInfoSections(info, null).flatMap((section) => section.rows);
    expect(rows.find((r) => r.label === '密钥文件')).toMatchObject({ value: '无法读取（文件已损坏）', tone: 'danger' });
    expect(systemInfoWarnings(info).map((w) => w.title)).toEqual(['密钥文件无法读取']);
    const noRecovery = { ...readyInfo, keyring: { ...readyInfo.keyring, hasRecoverySlot: false } };
    const recovery = systemInfoSections(noRecovery, null)
      .flatMap((section) => section.rows)
      .find((r) => r.label === '恢复码密钥槽');
    expect(recovery).toMatchObject({ value: '无', tone: 'warning' });
  });

  it('become a plain-text summary with one line per row', () => {
    const text = diagnosticsText(systemInfoSections(readyInfo, null), new Date(2026, 8, 1, 8, 0, 0));
    expect(text.split('\n').slice(0, 4)).toEqual([
      '学籍工作台 诊断信息',
      '读取时间：2026-09-01 08:00:00',
      '',
      '【安装】',
    ]);
    expect(text).toContain('Electron 版本：不适用（非 Electron 环境）\n');
    expect(text.endsWith('\n')).toBe(true);
  });
});
