/**
 * Rare characters (生僻字) on printed forms (DESIGN.md §6, issue 6 item 3): a name with a CJK
 * Ext-B character the bundled Noto fonts lack is refused naming it, and prints once the
 * administrator adds a fallback font that has it (Debian's fonts-hanazono HanaMinB here, as
 * SimSun-ExtB would on Windows). The font package is installed with apt when missing; where that is
 * impossible the tests fail saying what to install.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FallbackFont } from '../../electron/core/forms/fallbackFont';
import { pdfRenderer } from '../../electron/core/forms/pdfRenderer';
import { hanazonoExtB, requireAptFiles } from '../support/aptPackages';
import { pdfText } from '../support/pdfText';
import { base, caseCore, register, studentOf } from './casesSupport';
import { adminPassword, testCore } from './fixtures';

let hanaMinB: Buffer;

beforeAll(() => {
  const [file] = requireAptFiles(hanazonoExtB);
  hanaMinB = readFileSync(file!);
}, 600_000);

/** A student named 𠮷祥 (𠮷 is U+20BB7) with an open basic-information change. */
async function rareNameCase() {
  const t = await caseCore([7]);
  const student = await register(t, t.classes[7]!, studentOf(7, 5, { name: '𠮷祥' }));
  const opened = await t.call('openCase', {
    ...base,
    kind: 'basicInfoChange',
    studentId: student.id,
    items: [{ field: 'phone', after: '13912345678' }],
  });
  return { ...t, caseId: opened.id };
}

const hanaMinUpload = () => ({ fileName: 'HanaMinB.ttf', base64: hanaMinB.toString('base64') });

describe('rare characters on forms', () => {
  it('refuses the change form of 𠮷祥 without a fallback font, naming 𠮷 and its code, and uses no number', async () => {
    const t = await rareNameCase();
    await expect(t.call('generateForm', { form: 'case', caseId: t.caseId })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('生僻字：𠮷（U+20BB7）。请管理员'),
    });
    await expect(t.call('generateForm', { form: 'case', caseId: t.caseId })).rejects.toThrow(/SimSun-ExtB/);
    expect(await t.call('listAuditEvents', { action: 'form.generate', limit: 10, offset: 0 })).toMatchObject({
      total: 0,
    });
  });

  it('prints 𠮷祥 with 𠮷 in the administrator’s fallback font and 祥 in the bundled one', async () => {
    const t = await rareNameCase();
    const fonts = await t.call('setFallbackFont', hanaMinUpload());
    expect(fonts).toMatchObject({
      bundled: ['Noto Serif SC', 'Noto Sans SC'],
      fallback: { fileName: 'HanaMinB.ttf', familyName: 'HanaMinB', addedBy: 'wangli' },
    });
    expect(fonts.fallback!.glyphCount).toBeGreaterThan(40_000);
    expect(existsSync(join(t.paths.folder, 'fonts', 'fallback.ttf'))).toBe(true);
    const audit = await t.call('listAuditEvents', { action: 'form.fallbackFont', limit: 10, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ details: { fileName: 'HanaMinB.ttf', familyName: 'HanaMinB' } });

    const form = await t.call('generateForm', { form: 'case', caseId: t.caseId });
    expect(form.formNumber).toBe('1114000001-2026-000001');
    expect(form.fileName).toBe('基本信息变更申请表_𠮷祥_1114000001-2026-000001.pdf');
    const pdf = Buffer.from(form.base64, 'base64');
    const [page] = await pdfText(pdf);
    expect(page).toContain('𠮷祥');
    // Both fonts are embedded as subsets: HanaMinB for 𠮷, Noto Serif SC for the rest.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+HanaMinB/);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
  });

  it('keeps the fallback font for the next start, and removing it brings the refusal back', async () => {
    const first = await rareNameCase();
    await first.call('setFallbackFont', hanaMinUpload());
    first.core.close();
    const t = testCore(first.paths.folder);
    await t.call('login', { userName: 'wangli', password: adminPassword });
    expect((await t.call('getFormFonts')).fallback?.familyName).toBe('HanaMinB');
    expect((await t.call('generateForm', { form: 'case', caseId: first.caseId })).pages).toBe(1);

    expect(await t.call('setFallbackFont', null)).toMatchObject({ fallback: null });
    expect(existsSync(join(t.paths.folder, 'fonts', 'fallback.ttf'))).toBe(false);
    await expect(t.call('generateForm', { form: 'case', caseId: first.caseId })).rejects.toThrow(/𠮷（U\+20BB7）/);
    const removal = await t.call('listAuditEvents', { action: 'form.fallbackFont', limit: 1, offset: 0 });
    expect(removal.rows[0]).toMatchObject({ details: { removed: true, familyName: 'HanaMinB' } });
  });

  it('refuses a rare name when the stored fallback font was changed on disk, and prints other forms as before', async () => {
    const t = await rareNameCase();
    await t.call('setFallbackFont', hanaMinUpload());
    writeFileSync(join(t.paths.folder, 'fonts', 'fallback.ttf'), hanaMinB.subarray(0, 4096));
    await expect(t.call('generateForm', { form: 'case', caseId: t.caseId })).rejects.toThrow(
      '已添加的生僻字字体文件丢失或已被改动，无法使用。请管理员在“系统信息”中重新添加生僻字字体后再生成表格。',
    );
    const other = await register(t, t.classes[7]!, studentOf(7, 6, { name: '王晓雨' }));
    expect((await t.call('generateForm', { form: 'studentCard', studentId: other.id })).pages).toBe(1);
  });

  it('refuses a fallback file that is not a single TrueType or OpenType font, saying what it is', async () => {
    const t = await rareNameCase();
    const upload = (fileName: string, bytes: Buffer) =>
      t.call('setFallbackFont', { fileName, base64: bytes.toString('base64') });
    await expect(upload('字体.ttf', Buffer.from('%PDF-1.7\nnot a font'))).rejects.toThrow(
      '文件“字体.ttf”不是字体文件（它实际是PDF 文档）',
    );
    await expect(upload('simsun.ttc', Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(64)]))).rejects.toThrow(
      /TrueType 字体集合（\.ttc）.*simsunb\.ttf/,
    );
    await expect(upload('web.woff2', Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]))).rejects.toThrow(
      '网页字体（WOFF2）',
    );
    await expect(upload('cut.ttf', hanaMinB.subarray(0, 2000))).rejects.toThrow('无法作为字体读取');
    expect(await t.call('getFormFonts')).toMatchObject({ fallback: null });
    expect(existsSync(join(t.paths.folder, 'fonts'))).toBe(false);
  });
});

describe('the renderer with a fallback font', () => {
  const fallback = (): FallbackFont => ({
    familyName: 'HanaMinB',
    open: () => ({ file: hanazonoExtB.file, font: create(hanaMinB) as Font, bytes: hanaMinB }),
  });

  it('sets 𠮷 in the fallback font in a footer function on every page and in a table cell', async () => {
    const { pdf, pages } = await pdfRenderer().render(
      {
        defaultStyle: { font: 'NotoSerifSC' },
        footer: (page) => ({ text: `经办人：𠮷祥 第 ${page} 页`, margin: [40, 0] }),
        content: [
          { table: { body: [['姓名', { text: '𠮷祥', bold: true }]] } },
          { text: '第二页', pageBreak: 'before' },
        ],
      },
      fallback(),
    );
    expect(pages).toBe(2);
    const text = await pdfText(pdf);
    expect(text[0]).toContain('姓名 𠮷祥');
    expect(text[0]).toContain('经办人：𠮷祥 第 1 页');
    expect(text[1]).toContain('经办人：𠮷祥 第 2 页');
  });

  it('refuses a character neither the bundled fonts nor the fallback font have, naming both', async () => {
    const rendering = pdfRenderer().render({ content: '𠮷与𰀀' }, fallback());
    await expect(rendering).rejects.toMatchObject({
      userMessage: expect.stringContaining('生僻字：𰀀（U+30000）；已添加的生僻字字体“HanaMinB”也没有这些字。'),
    });
  });
});
