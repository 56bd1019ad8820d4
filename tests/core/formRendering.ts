/**
 * Renders a layout's document definition as the form service does (the
 * engine's renderer: bundled Noto fonts, glyph check, remote resources
 * refused) and reads the PDF back: its text per page (tests/support/pdfText),
 * where its runs of text and its pictures sit, and checks a clerk would make
 * by eye: the values in reading order, nothing past the margins.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect } from 'vitest';
import { pdfRenderer } from '../../electron/core/forms/pdfRenderer';
import { pdfText } from '../support/pdfText';

export interface RenderedForm {
  readonly pdf: Buffer;
  readonly pages: number;
  /** Text of each page, lines top to bottom. */
  readonly text: string[];
}

export async function renderForm(definition: TDocumentDefinitions): Promise<RenderedForm> {
  const { pdf, pages } = await pdfRenderer().render(definition, null);
  return { pdf, pages, text: await pdfText(pdf) };
}

/** Whitespace removed: a wrapped value or a spaced code reads as one string. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Each part appears after the one before it, in reading order (whitespace ignored). */
export function expectInOrder(text: string, parts: readonly string[]): void {
  const page = squeeze(text);
  let from = 0;
  for (const part of parts) {
    const wanted = squeeze(part);
    const at = page.indexOf(wanted, from);
    expect(at, `“${part}” after “${page.slice(Math.max(0, from - 30), from)}”`).toBeGreaterThanOrEqual(0);
    from = at + wanted.length;
  }
}

/**
 * Every character of `value` appears, in order: a long value wrapped over
 * lines that interleave with a neighbouring cell's lines is still whole.
 */
export function expectWhole(text: string, value: string): void {
  const page = [...squeeze(text)];
  let at = 0;
  for (const [index, char] of [...squeeze(value)].entries()) {
    while (at < page.length && page[at] !== char) at += 1;
    expect(at, `character ${index + 1} “${char}” of “${value.slice(0, 20)}…”`).toBeLessThan(page.length);
    at += 1;
  }
}

export interface PageBox {
  readonly width: number;
  readonly height: number;
  /** Left and right edges of the outermost runs of text. */
  readonly textLeft: number;
  readonly textRight: number;
  /** Pictures drawn on the page, as [width, height] in points. */
  readonly images: readonly (readonly [number, number])[];
}

type Matrix = [number, number, number, number, number, number];

/** Where text and pictures sit on each page, in PDF points. */
export async function pageBoxes(pdf: Uint8Array): Promise<PageBox[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const boxes: PageBox[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      let textLeft = width;
      let textRight = 0;
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const x = (item.transform as number[])[4]!;
        textLeft = Math.min(textLeft, x);
        textRight = Math.max(textRight, x + item.width);
      }
      const operators = await page.getOperatorList();
      const images: [number, number][] = [];
      let last: Matrix | null = null;
      operators.fnArray.forEach((fn, index) => {
        if (fn === OPS.transform) last = operators.argsArray[index] as Matrix;
        if (fn === OPS.paintImageXObject && last) images.push([Math.abs(last[0]), Math.abs(last[3])]);
      });
      boxes.push({ width, height, textLeft, textRight, images });
      page.cleanup();
    }
    return boxes;
  } finally {
    await document.destroy();
  }
}

/** The page's margins of the frame (frame.ts): left 56 pt, right 42 pt. */
export async function expectInsideMargins(pdf: Uint8Array): Promise<PageBox[]> {
  const boxes = await pageBoxes(pdf);
  for (const box of boxes) {
    expect(box.textLeft).toBeGreaterThanOrEqual(56 - 0.5);
    expect(box.textRight).toBeLessThanOrEqual(box.width - 42 + 0.5);
  }
  return boxes;
}
