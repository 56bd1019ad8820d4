/** 佐证材料 of a case (CHG-1, CHG-2, DAT-2): JPG, PNG or PDF by content, ≤ 2 MB, encrypted under its hash, every opening logged. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../shared/changes/caseRecords';
import { base, caseCore, fileBytes, openAndApprove, register, studentOf } from './casesSupport';

async function withCase() {
  const t = await caseCore([3]);
  const student = await register(t, t.classes[3]!, studentOf(3, 5, { name: '李思涵' }));
  const input: CaseInput = {
    ...base,
    kind: 'basicInfoChange',
    studentId: student.id,
    items: [{ field: 'name', after: '李诗涵' }],
  };
  const opened = await t.call('openCase', input);
  return { ...t, student, opened, input };
}

const upload = (kind: 'householdRegister' | 'signedForm' | 'deathCertificate', fileName: string, bytes: Buffer) => ({
  kind,
  fileName,
  base64: bytes.toString('base64'),
});

describe('DAT-2 evidence files', () => {
  it('DAT-2 a name with ../ is harmless: the scan is stored encrypted under its SHA-256, shown without the path, every opening logged', async () => {
    const t = await withCase();
    const bytes = fileBytes('png', 'household');
    const saved = await t.call(
      'addEvidence',
      t.opened.id,
      upload('householdRegister', '../../etc/户口簿\u202Egpj.png', bytes),
    );
    const [file] = saved.evidence;
    expect(file).toMatchObject({
      kind: 'householdRegister',
      fileName: '户口簿gpj.png',
      mediaType: 'image/png',
      bytes: bytes.length,
      addedBy: 'wangli',
    });
    const stored = readdirSync(t.paths.attachments);
    expect(stored).toEqual([file!.sha256]);
    expect(readFileSync(join(t.paths.attachments, file!.sha256)).includes(bytes)).toBe(false);
    const opened = await t.call('getEvidence', file!.id);
    expect(opened).toEqual({ fileName: '户口簿gpj.png', mediaType: 'image/png', base64: bytes.toString('base64') });
    const [read] = (await t.call('listAuditEvents', { action: 'case.evidence.read', limit: 5, offset: 0 })).rows;
    expect(read).toMatchObject({
      objectId: String(t.opened.id),
      details: { evidenceId: file!.id, kind: 'householdRegister' },
    });
    const [added] = (await t.call('listAuditEvents', { action: 'case.evidence.add', limit: 5, offset: 0 })).rows;
    expect(added).toMatchObject({ details: { sha256: file!.sha256, bytes: bytes.length, mediaType: 'image/png' } });
  });

  it('DAT-2 refuses a 30 MB file with its size, and saves nothing', async () => {
    const t = await withCase();
    const big = Buffer.concat([fileBytes('jpeg', 'big'), Buffer.alloc(30 * 1024 * 1024)]);
    await expect(
      t.call('addEvidence', t.opened.id, upload('householdRegister', '户口簿.jpg', big)),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('文件“户口簿.jpg”有 30.1 MB，超过了 2 MB'),
    });
    expect((await t.call('getCase', t.opened.id)).evidence).toEqual([]);
    expect(existsSync(t.paths.attachments) ? readdirSync(t.paths.attachments) : []).toEqual([]);
  });

  it('DAT-2 refuses a renamed .exe "photo", naming what it really is', async () => {
    const t = await withCase();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await expect(
      t.call('addEvidence', t.opened.id, upload('householdRegister', '照片.jpg', exe)),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message:
        '文件“照片.jpg”不能作为佐证材料：这是可执行程序（.exe），不是图片或 PDF。请上传 JPG、PNG 图片或 PDF 文件。',
    });
  });

  it('DAT-2 refuses evidence the case does not need, listing what it needs', async () => {
    const t = await withCase();
    await expect(
      t.call('addEvidence', t.opened.id, upload('deathCertificate', '证明.pdf', fileBytes('pdf', 'death'))),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        '“死亡证明”不是基本信息变更需要的佐证材料（规则 DAT-2）。本事项需要：签字盖章的申请表或审批表、户口簿户主页和本人页',
      ),
    });
  });

  it('DAT-2 removes a file from an open case, refuses the same file twice, and freezes evidence once closed', async () => {
    const t = await withCase();
    const bytes = fileBytes('jpeg', 'form');
    const added = await t.call('addEvidence', t.opened.id, upload('signedForm', '申请表.jpg', bytes));
    await expect(
      t.call('addEvidence', t.opened.id, upload('householdRegister', 'copy.jpg', bytes)),
    ).rejects.toMatchObject({
      message: '这个文件已作为“申请表.jpg”上传过，不需要重复上传。',
    });
    const removed = await t.call('removeEvidence', t.opened.id, added.evidence[0]!.id);
    expect(removed.evidence).toEqual([]);
    expect(
      (await t.call('listAuditEvents', { action: 'case.evidence.remove', limit: 5, offset: 0 })).rows,
    ).toHaveLength(1);
    await t.call('withdrawCase', t.opened.id, '家长撤回申请');
    await expect(t.call('addEvidence', t.opened.id, upload('signedForm', '申请表.jpg', bytes))).rejects.toMatchObject({
      message: '本事项已撤销，不能再上传佐证材料。',
    });
  });

  it('DAT-2 closed cases keep their evidence for inspectors', async () => {
    const t = await withCase();
    const done = await openAndApprove(t, { ...t.input, items: [{ field: 'phone', after: '13912345678' }] });
    expect(done.evidence.map((file) => file.kind)).toEqual(['signedForm', 'householdRegister']);
    await expect(t.call('removeEvidence', done.id, done.evidence[0]!.id)).rejects.toMatchObject({
      message: '本事项已办结，不能再移除佐证材料。',
    });
  });
});
