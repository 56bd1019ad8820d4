/** What an evidence file really is (CHG-1, CHG-2, DAT-2 evidence is JPG, PNG or PDF by content, not by name). */
import { describe, expect, it } from 'vitest';
import { fileKindLabels, sniffFileKind } from '../../shared/register/photos';

describe('evidence files by their content', () => {
  it('DAT-2 a Windows program renamed .jpg is named a program', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    expect(sniffFileKind(exe)).toBe('executable');
    expect(fileKindLabels[sniffFileKind(exe)]).toBe('可执行程序（.exe）');
  });

  it('DAT-2 a Linux program is a program too', () => {
    expect(sniffFileKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toBe('executable');
  });

  it('CHG-2 scans stay what they are: JPG, PNG, PDF', () => {
    expect(sniffFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFileKind(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
  });
});
