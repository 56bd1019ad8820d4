/**
 * 校验审查材料: the verifier finds every changed, missing and extra file and a manifest that does not parse;
 * a folder that cannot be written or fills up midway leaves nothing that looks complete; who may do what.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewExport } from '../../shared/exchange/reviewExport';
import { canMount, mountTmpfs } from './fixtures';
import { reviewSchool, usbFolder } from './reviewExportSupport';

async function exported() {
  const t = await reviewSchool();
  const result = await t.call('exportForReview', usbFolder(), { includePhotos: false });
  return { ...t, result };
}

const states = (files: readonly { name: string; state: string }[]) =>
  Object.fromEntries(files.map((file) => [file.name, file.state]));

const workbookOf = (result: ReviewExport) => result.files[0]!.name;

describe('校验审查材料', () => {
  it('finds every file as exported, and logs the check', async () => {
    const t = await exported();
    const verification = await t.call('verifyExport', t.result.folder);
    expect(verification).toMatchObject({
      ok: true,
      manifestState: 'valid',
      manifestProblem: null,
      manifestSha256: t.result.manifestSha256,
      manifest: { exportId: t.result.exportId, counts: t.result.counts },
    });
    expect(states(verification.files)).toEqual({
      [workbookOf(t.result)]: 'unchanged',
      '审查材料汇总.pdf': 'unchanged',
    });
    const [event] = (await t.call('listAuditEvents', { action: 'export.verify', limit: 1, offset: 0 })).rows;
    expect(event).toMatchObject({ outcome: 'success', objectId: t.result.exportId, details: { unchanged: 2 } });
  });

  it('reports a file with one byte changed, a deleted file and a file added, each by name', async () => {
    const t = await exported();
    const workbook = join(t.result.folder, workbookOf(t.result));
    const bytes = readFileSync(workbook);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(workbook, bytes);
    rmSync(join(t.result.folder, '审查材料汇总.pdf'));
    mkdirSync(join(t.result.folder, '补充'));
    writeFileSync(join(t.result.folder, '补充', '说明.txt'), '后补的材料');
    const verification = await t.call('verifyExport', t.result.folder);
    expect(verification.ok).toBe(false);
    expect(states(verification.files)).toEqual({
      [workbookOf(t.result)]: 'changed',
      '审查材料汇总.pdf': 'missing',
      '补充/说明.txt': 'extra',
    });
    const changed = verification.files[0]!;
    expect(changed.expected!.sha256).toBe(t.result.files[0]!.sha256);
    expect(changed.actual!.sha256).not.toBe(changed.expected!.sha256);
    const [event] = (await t.call('listAuditEvents', { action: 'export.verify', limit: 1, offset: 0 })).rows;
    expect(event).toMatchObject({ outcome: 'failure', details: { changed: 1, missing: 1, extra: 1 } });
  });

  it('says so when the manifest is missing, is not JSON, or names a file outside the folder', async () => {
    const t = await exported();
    const manifest = join(t.result.folder, 'manifest.json');
    const original = readFileSync(manifest, 'utf8');

    appendFileSync(manifest, '}');
    const broken = await t.call('verifyExport', t.result.folder);
    expect(broken).toMatchObject({ ok: false, manifestState: 'unreadable', manifest: null });
    expect(broken.manifestProblem).toContain('不是有效的 JSON 文件');
    // Without a manifest every file is one nobody vouches for.
    expect(Object.values(states(broken.files))).toEqual(['extra', 'extra']);

    writeFileSync(manifest, original.replace('"审查材料汇总.pdf"', '"../审查材料汇总.pdf"'));
    const escaping = await t.call('verifyExport', t.result.folder);
    expect(escaping).toMatchObject({ ok: false, manifestState: 'unreadable' });
    expect(escaping.manifestProblem).toContain('不是学籍工作台生成的审查材料清单');

    rmSync(manifest);
    const missing = await t.call('verifyExport', t.result.folder);
    expect(missing).toMatchObject({ ok: false, manifestState: 'missing', manifestSha256: null });
    expect(missing.manifestProblem).toContain('文件夹中没有 manifest.json');
  });
});

describe('the chosen folder', () => {
  it('refuses a path that is not an existing absolute folder, in Chinese', async () => {
    const t = await reviewSchool();
    await expect(t.call('exportForReview', 'U盘/审查', { includePhotos: false })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '所选位置不是完整的文件夹路径。请重新选择文件夹。',
    });
    await expect(t.call('verifyExport', join(usbFolder(), '不存在'))).rejects.toMatchObject({
      message: '所选文件夹不存在（U 盘可能已拔出）。请重新选择文件夹。',
    });
  });

  it.skipIf(!canMount)(
    'a read-only stick is refused in Chinese; nothing is written and the failure is logged',
    async () => {
      const t = await reviewSchool();
      const stick = mountTmpfs('1m');
      try {
        stick.readOnly();
        await expect(t.call('exportForReview', stick.folder, { includePhotos: false })).rejects.toMatchObject({
          code: 'READ_ONLY',
          message: expect.stringContaining('无法写入所选文件夹：它是只读的或没有写入权限'),
        });
        expect(readdirSync(stick.folder)).toEqual([]);
        const [event] = (await t.call('listAuditEvents', { action: 'export.review', limit: 1, offset: 0 })).rows;
        expect(event).toMatchObject({ outcome: 'failure', details: { folder: stick.folder } });
      } finally {
        stick.unmount();
      }
    },
  );

  it.skipIf(!canMount)('a stick that fills up midway is left as it was: no partial folder, no half file', async () => {
    const t = await reviewSchool();
    // Full inside the workbook's stream, and full at the summary PDF after a whole workbook.
    for (const size of ['8k', '40k']) {
      const stick = mountTmpfs(size);
      try {
        await expect(t.call('exportForReview', stick.folder, { includePhotos: false }), size).rejects.toMatchObject({
          code: 'DISK_FULL',
          message: expect.stringContaining(
            '所选位置的磁盘空间不足，审查材料没有写完。所选文件夹中没有留下不完整的材料。',
          ),
        });
        expect(readdirSync(stick.folder), size).toEqual([]);
      } finally {
        stick.unmount();
      }
    }
  });
});

describe('who may export and verify', () => {
  it('an auditor (审计员) may verify what the school handed over but not export', async () => {
    const t = await exported();
    await t.call('createAccount', {
      userName: 'zhaomin',
      displayName: '赵敏',
      role: 'auditor',
      initialPassword: 'Audit-Start-2026x',
    });
    await t.call('logout');
    await t.call('login', { userName: 'zhaomin', password: 'Audit-Start-2026x' });
    await t.call('changePassword', { currentPassword: 'Audit-Start-2026x', newPassword: 'Shen-Ji-Yuan-2026q' });
    await expect(t.call('exportForReview', usbFolder(), { includePhotos: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await t.call('verifyExport', t.result.folder)).ok).toBe(true);
  });
});
