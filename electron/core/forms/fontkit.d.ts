/**
 * The part of fontkit 2 the form service uses (the package ships no types): opening a font and
 * asking whether it has a glyph for a character. pdfkit, inside pdfmake, uses the same package
 * to embed the fonts.
 */
declare module 'fontkit' {
  /** A single font: `TTF` covers TrueType and OpenType (CFF) outlines alike. */
  export interface Font {
    readonly type: 'TTF' | 'WOFF' | 'WOFF2';
    readonly familyName: string;
    readonly postscriptName: string;
    readonly numGlyphs: number;
    /** Every code point the font's cmap maps to a glyph. */
    readonly characterSet: readonly number[];
    /** The font's tables by tag, e.g. `glyf`, `CFF `. */
    readonly directory: { readonly tables: Readonly<Record<string, unknown>> };
    hasGlyphForCodePoint(codePoint: number): boolean;
  }

  /** A TrueType collection (.ttc) or a Mac resource-fork font: several fonts in one file. */
  export interface FontCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: readonly Font[];
  }

  /** Throws `Unknown font format` for anything that is not a font. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
  export function openSync(filename: string, postscriptName?: string): Font | FontCollection;
}
