/**
 * Renders a form's pdfmake document definition to PDF (DESIGN.md §6): one
 * pdfmake set-up per process (the module is a singleton), remote resources
 * refused, no file read from disk while rendering: each font file is read
 * once per process and served to pdfmake from memory (its virtual file
 * system, under the file's own path), the same bytes fontkit checks glyphs
 * in. Before rendering, every character is checked against the bundled
 * fonts; those they lack are set in the administrator's fallback font, or
 * the form is refused naming them: an official form never prints an empty box.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { AppError } from '../errors';
import { bundledFonts, fontFilesOf } from './bundledFonts';
import type { FallbackFont } from './fallbackFont';
import { formFonts } from './formData';
import { type Coverage, coverageOf, describeCharacters, documentCharacters, withFallbackRuns } from './glyphCoverage';

export interface RenderedPdf {
  readonly pdf: Buffer;
  readonly pages: number;
}

export interface PdfRenderer {
  /**
   * The PDF of a definition; refuses characters that no configured font has a glyph for. The
   * fallback font is opened only when the bundled fonts lack a character.
   */
  render(definition: TDocumentDefinitions, fallback: FallbackFont | null): Promise<RenderedPdf>;
}

/** pdfmake's in-memory file system (server side too: `PDFDocument.provideFont` looks there first). */
interface VirtualFiles {
  writeFileSync(name: string, content: Buffer): void;
}

const virtualFiles = (pdfmake as unknown as { virtualfs: VirtualFiles }).virtualfs;

let pdfmakeReady = false;

function setUpPdfmake(): void {
  if (pdfmakeReady) return;
  pdfmake.setUrlAccessPolicy(() => false);
  // Fonts come from memory; nothing a document names (an image path, say) is read from disk.
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmakeReady = true;
}

/** Makes a font file's bytes what pdfmake reads under its path. */
export function provideFontFile(file: string, bytes: Buffer): void {
  virtualFiles.writeFileSync(file, bytes);
}

/** pdfmake with exactly these fonts; `setFonts` and `createPdf` stay together, so concurrent renders keep theirs. */
export async function renderWithFonts(definition: TDocumentDefinitions, fonts: TFontDictionary): Promise<RenderedPdf> {
  setUpPdfmake();
  pdfmake.setFonts(fonts);
  // bufferPages: the page count is read before the document is ended.
  const created = pdfmake.createPdf(definition, { bufferPages: true });
  const pages = (await created.getStream()).bufferedPageRange().count;
  return { pdf: await created.getBuffer(), pages };
}

const sameFileForEveryStyle = (file: string) => ({ normal: file, bold: file, italics: file, bolditalics: file });

/** The bundled families for pdfmake; CJK fonts have no italics, so italics fall back to upright. */
export function bundledFontDictionary(fontFolder?: string): TFontDictionary {
  return Object.fromEntries(
    Object.entries(bundledFonts(fontFolder)).map(([family, { normal, bold }]) => [
      family,
      { normal, bold, italics: normal, bolditalics: bold },
    ]),
  );
}

function missingGlyphs(missing: readonly number[], fallback: FallbackFont | null): AppError {
  const also = fallback ? `；已添加的生僻字字体“${fallback.familyName}”也没有这些字` : '';
  return new AppError(
    'RULE_VIOLATION',
    `表格中有字体缺少的生僻字：${describeCharacters(missing)}${also}。` +
      '请管理员在“系统信息”或“学校信息”中添加包含这些字的字体（如 Windows 的 SimSun-ExtB），再生成表格。',
    `no glyph for ${missing.map((codePoint) => `U+${codePoint.toString(16).toUpperCase()}`).join(' ')}`,
  );
}

/** A renderer of its own, loading the fonts at its first render (the bench's cold start); the app uses `pdfRenderer`. */
export function createPdfRenderer(fontFolder?: string): PdfRenderer {
  const bundled = bundledFontDictionary(fontFolder);
  // pdfmake writes into the dictionary it is given: every render gets its own copy.
  const dictionary = (): TFontDictionary =>
    Object.fromEntries(Object.entries(bundled).map(([family, styles]) => [family, { ...styles }]));
  let coverage: Coverage | null = null;
  /** Reads the bundled files once: into pdfmake's memory and into fontkit for the glyph check. */
  function bundledCoverage(): Coverage {
    if (!coverage) {
      const fonts = fontFilesOf(bundledFonts(fontFolder)).map((file) => {
        const bytes = readFileSync(file);
        provideFontFile(file, bytes);
        return create(bytes) as Font;
      });
      // A character counts as covered only when every bundled file has it: any text may be set in any of them.
      coverage = coverageOf(fonts);
    }
    return coverage;
  }

  return {
    async render(definition, fallback) {
      const covered = bundledCoverage();
      const missing = [...documentCharacters(definition)].filter((codePoint) => !covered.covers(codePoint));
      if (missing.length === 0) return renderWithFonts(definition, dictionary());
      if (!fallback) throw missingGlyphs(missing, null);
      const { file, font, bytes } = fallback.open();
      const uncovered = missing.filter((codePoint) => !font.hasGlyphForCodePoint(codePoint));
      if (uncovered.length > 0) throw missingGlyphs(uncovered, fallback);
      provideFontFile(file, bytes);
      return renderWithFonts(withFallbackRuns(definition, new Set(missing)), {
        ...dictionary(),
        [formFonts.fallback]: sameFileForEveryStyle(file),
      });
    },
  };
}

const renderers = new Map<string, PdfRenderer>();

/** The renderer of a font folder (none: the npm font packages), made once per process. */
export function pdfRenderer(fontFolder?: string): PdfRenderer {
  const key = fontFolder ?? '';
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = createPdfRenderer(fontFolder);
    renderers.set(key, renderer);
  }
  return renderer;
}
