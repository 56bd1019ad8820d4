/**
 * Rare characters (生僻字, DESIGN.md §6, issue 6 item 3): every character a
 * document definition prints, the ones a font has no glyph for, and the
 * rewrite that sets those in the administrator's fallback font. pdfkit would
 * print a missing glyph as an empty box; an official form must not.
 *
 * The walk follows every place pdfmake takes text from: content, stacks,
 * columns, lists, table cells, inline runs, sections, the table of contents'
 * title, the watermark, and header, footer and background, static or
 * functions. A function's output is read once with page 1 of 1 for the check
 * (page numbers are digits) and rewritten on every page when rendering.
 */
import type { Font } from 'fontkit';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../errors';
import { formFonts } from './formData';

/** One inline run as pdfmake takes it: plain text, or text in the fallback font. */
type Run = string | { readonly text: string; readonly font: string };
/** What a text becomes: itself when nothing changes, or its runs. */
type TextMap = (text: string) => string | Run[];

type Node = Record<string, unknown>;
type Dynamic = (...args: unknown[]) => unknown;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/** Keys whose value is a list of content nodes. */
const listKeys = ['stack', 'columns', 'ul', 'ol'] as const;

/** Maps an inline text value: a string, or an array of strings and inline nodes. */
function mapInline(value: unknown, map: TextMap): unknown {
  if (typeof value === 'string') return map(value);
  if (!Array.isArray(value)) return value;
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') {
      const mapped = map(item);
      return typeof mapped === 'string' ? [mapped] : mapped;
    }
    return [isNode(item) && 'text' in item ? { ...item, text: mapInline(item.text, map) } : item];
  });
}

function mapContent(content: unknown, map: TextMap, dynamic: DynamicMode): unknown {
  if (typeof content === 'string') {
    const mapped = map(content);
    return typeof mapped === 'string' ? mapped : { text: mapped };
  }
  if (Array.isArray(content)) return content.map((item: unknown) => mapContent(item, map, dynamic));
  if (!isNode(content)) return content;
  const node: Node = { ...content };
  if ('text' in node) node.text = mapInline(node.text, map);
  for (const key of listKeys) {
    if (Array.isArray(node[key])) node[key] = mapContent(node[key], map, dynamic);
  }
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    node.table = { ...node.table, body: node.table.body.map((row: unknown) => mapContent(row, map, dynamic)) };
  }
  if (isNode(node.toc) && node.toc.title !== undefined) {
    node.toc = { ...node.toc, title: mapContent(node.toc.title, map, dynamic) };
  }
  if ('section' in node) {
    node.section = mapContent(node.section, map, dynamic);
    mapPageParts(node, map, dynamic);
  }
  return node;
}

/**
 * How header, footer and background functions are treated: `sample` calls them once (page 1 of 1)
 * to read their text; `wrap` rewrites their output on every page.
 */
type DynamicMode = 'sample' | 'wrap';

/** A4 portrait in points: what a sampled header or footer is told the page is. */
const samplePage = { width: 595.28, height: 841.89, orientation: 'portrait' };

function mapDynamic(value: unknown, args: unknown[], map: TextMap, dynamic: DynamicMode): unknown {
  if (typeof value !== 'function') return mapContent(value, map, dynamic);
  const original = value as Dynamic;
  if (dynamic === 'sample') return mapContent(original(...args), map, dynamic);
  return (...callArgs: unknown[]) => mapContent(original(...callArgs), map, dynamic);
}

/** Header, footer, background and watermark of the document or of a section, in place. */
function mapPageParts(target: Node, map: TextMap, dynamic: DynamicMode): void {
  if (target.header) target.header = mapDynamic(target.header, [1, 1, samplePage], map, dynamic);
  if (target.footer) target.footer = mapDynamic(target.footer, [1, 1, samplePage], map, dynamic);
  if (target.background) target.background = mapDynamic(target.background, [1, samplePage], map, dynamic);
  const watermark = target.watermark;
  const text = typeof watermark === 'string' ? watermark : isNode(watermark) ? watermark.text : undefined;
  // A watermark is one text in one font: a rare character in it cannot be given another font.
  if (typeof text === 'string' && typeof map(text) !== 'string') {
    throw new AppError(
      'RULE_VIOLATION',
      '表格水印中有字体缺少的生僻字，水印不能换用生僻字字体。请去掉水印中的这些字后再生成表格。',
      'rare characters in a watermark',
    );
  }
}

function mapDocument(definition: TDocumentDefinitions, map: TextMap, dynamic: DynamicMode): TDocumentDefinitions {
  const copy: Node = { ...definition };
  copy.content = mapContent(definition.content, map, dynamic);
  mapPageParts(copy, map, dynamic);
  return copy as unknown as TDocumentDefinitions;
}

/** Control characters (line breaks, tabs) lay out text; no font draws them. */
const isLayoutCharacter = (codePoint: number): boolean => codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);

/** Every character the document prints, as code points (a surrogate pair is one character). */
export function documentCharacters(definition: TDocumentDefinitions): Set<number> {
  const found = new Set<number>();
  mapDocument(
    definition,
    (text) => {
      for (const character of text) {
        const codePoint = character.codePointAt(0)!;
        if (!isLayoutCharacter(codePoint)) found.add(codePoint);
      }
      return text;
    },
    'sample',
  );
  return found;
}

/** Splits a text into runs, the characters `inFallback` names set in the fallback font. */
function splitRuns(text: string, inFallback: ReadonlySet<number>): string | Run[] {
  const runs: Run[] = [];
  let plain = '';
  let rare = '';
  for (const character of text) {
    if (inFallback.has(character.codePointAt(0)!)) {
      if (plain) runs.push(plain);
      plain = '';
      rare += character;
    } else {
      if (rare) runs.push({ text: rare, font: formFonts.fallback });
      rare = '';
      plain += character;
    }
  }
  if (runs.length === 0 && !rare) return text;
  if (plain) runs.push(plain);
  if (rare) runs.push({ text: rare, font: formFonts.fallback });
  return runs;
}

/** The document with every character of `inFallback` set in the `Fallback` family; the rest untouched. */
export function withFallbackRuns(
  definition: TDocumentDefinitions,
  inFallback: ReadonlySet<number>,
): TDocumentDefinitions {
  return mapDocument(definition, (text) => splitRuns(text, inFallback), 'wrap');
}

/** Glyph lookups of a set of fonts, remembered per code point (the fonts never change once opened). */
export interface Coverage {
  /** Whether every font of the set has a glyph for the character. */
  covers(codePoint: number): boolean;
}

export function coverageOf(fonts: readonly Font[]): Coverage {
  const known = new Map<number, boolean>();
  return {
    covers(codePoint) {
      let covered = known.get(codePoint);
      if (covered === undefined) {
        covered = fonts.every((font) => font.hasGlyphForCodePoint(codePoint));
        known.set(codePoint, covered);
      }
      return covered;
    },
  };
}

/** `𠮷（U+20BB7）、…` for the clerk: the character and its code, since it may not show on screen either. */
export function describeCharacters(codePoints: Iterable<number>): string {
  return [...codePoints]
    .map(
      (codePoint) => `${String.fromCodePoint(codePoint)}（U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}）`,
    )
    .join('、');
}
