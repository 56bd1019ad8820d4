/**
 * The glyph check's walk over a document definition (DESIGN.md §6): every place pdfmake takes
 * text from is read, and only the rare characters move into the fallback font, in place, with
 * everything else about the text kept. Tiny inline layouts, no fonts needed.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { documentCharacters, describeCharacters, withFallbackRuns } from '../../electron/core/forms/glyphCoverage';

const ji = 0x20bb7; // 𠮷, outside the BMP: a surrogate pair in a JavaScript string

/** A layout touching every text container pdfmake has. */
const everyPlace: TDocumentDefinitions = {
  header: (page, pages) => ({ text: `页眉甲 ${page}/${pages}` }),
  footer: { columns: ['页脚乙', { text: '页脚丙' }] },
  background: (_page, pageSize) => ({ text: `底纹丁${pageSize.width > 0 ? '' : ''}` }),
  watermark: { text: '水印戊', opacity: 0.1 },
  content: [
    '正文己',
    { text: ['行内庚', { text: '嵌套辛', bold: true }, { text: ['更深壬'] }] },
    { stack: ['堆叠癸'], margin: [0, 4] },
    { ul: ['列表子'] },
    { ol: [{ text: '编号丑' }] },
    { table: { body: [['单元寅', { text: '单元卯', colSpan: 1 }]] } },
    { toc: { title: { text: '目录辰' } } },
    { section: ['分节巳'], header: () => '节眉午' },
    { image: 'data:image/png;base64,AAAA', width: 10 },
    '换\n行',
  ],
};

describe('the glyph check reads every text of a form', () => {
  it('finds the characters of content, inline runs, stacks, lists, tables, sections, header, footer, background and watermark', () => {
    const found = documentCharacters(everyPlace);
    for (const character of '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午换行') {
      expect(found, character).toContain(character.codePointAt(0));
    }
    // Page numbers of a header function are read with page 1 of 1; a line break is no character.
    expect(found).toContain('1'.codePointAt(0));
    expect(found).not.toContain(0x0a);
  });

  it('counts a surrogate pair as one character and names it with its code point for the clerk', () => {
    const found = documentCharacters({ content: '𠮷祥' });
    expect([...found]).toEqual([ji, '祥'.codePointAt(0)]);
    expect(describeCharacters([ji, 0x4e00])).toBe('𠮷（U+20BB7）、一（U+4E00）');
  });
});

describe('rare characters move into the fallback font', () => {
  const rare = new Set([ji]);

  it('splits a text into runs and keeps the node’s own style and the untouched texts as they were', () => {
    const rewritten = withFallbackRuns(
      {
        content: [
          { text: '姓名：𠮷祥', style: 'value', bold: true },
          '王晓雨',
          { table: { body: [['𠮷', { text: ['甲', { text: '乙𠮷𠮷丙', italics: true }] }]] } },
        ],
      },
      rare,
    );
    expect(rewritten.content).toEqual([
      { text: ['姓名：', { text: '𠮷', font: 'Fallback' }, '祥'], style: 'value', bold: true },
      '王晓雨',
      {
        table: {
          body: [
            [
              { text: [{ text: '𠮷', font: 'Fallback' }] },
              { text: ['甲', { text: ['乙', { text: '𠮷𠮷', font: 'Fallback' }, '丙'], italics: true }] },
            ],
          ],
        },
      },
    ]);
  });

  it('rewrites what header and footer functions return on every page, and leaves the original untouched', () => {
    const original: TDocumentDefinitions = {
      content: 'x',
      footer: (page: number) => `经办人：𠮷祥 第${page}页` as Content,
    };
    const rewritten = withFallbackRuns(original, rare);
    const footer = rewritten.footer as (page: number, pages: number, size: unknown) => Content;
    expect(footer(2, 3, {})).toEqual({
      text: ['经办人：', { text: '𠮷', font: 'Fallback' }, '祥 第2页'],
    });
    expect((original.footer as (page: number) => Content)(2)).toBe('经办人：𠮷祥 第2页');
  });

  it('refuses a rare character in a watermark, which has one font for its whole text', () => {
    expect(() => withFallbackRuns({ content: 'x', watermark: '𠮷' }, rare)).toThrow(
      expect.objectContaining({ userMessage: expect.stringContaining('水印') }),
    );
  });
});
