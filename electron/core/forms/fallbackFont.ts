/**
 * The administrator's fallback font for rare characters (生僻字) the bundled
 * fonts lack, e.g. Windows' SimSun-ExtB: checked to be a single TrueType or
 * OpenType font, stored as `fonts/fallback.ttf` (or `.otf`) in the data
 * folder, described by the `form_font` row and logged. Opened once per file:
 * a font of tens of megabytes is not parsed for every form.
 */
import { statSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { type FontUpload, type FormFonts, fontUploadMaxBytes } from '../../../shared/forms/forms';
import { fileKindLabels, sniffFileKind } from '../../../shared/register/photos';
import { isoWithOffset } from '../../../shared/time';
import { sha256Hex } from '../attachments/attachmentStore';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError, fileSystemError } from '../errors';
import { removeQuietly, writeFileAtomically } from '../files';
import type { DataPaths } from '../storage';
import { bundledFamilyNames } from './bundledFonts';

/** The fallback font's file, opened: fontkit checks glyphs in it, pdfmake embeds it from memory. */
export interface OpenedFont {
  readonly file: string;
  readonly font: Font;
  readonly bytes: Buffer;
}

/** The fallback font as the renderer uses it: named now, opened only when a form needs it. */
export interface FallbackFont {
  readonly familyName: string;
  /** Refuses a file that is missing or no longer the one added. */
  open(): OpenedFont;
}

type FontExtension = 'ttf' | 'otf';

interface FontRow {
  readonly fileName: string;
  readonly familyName: string;
  readonly glyphCount: number;
  readonly sha256: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

const advice = '请选择单款字体的 .ttf 或 .otf 文件，如 Windows 的 SimSun-ExtB（C:\\Windows\\Fonts\\simsunb.ttf）。';

const refuse = (message: string, detail: string, cause?: unknown): AppError =>
  new AppError('RULE_VIOLATION', message, detail, { cause });

const ascii = (bytes: Uint8Array, length: number): string => Buffer.from(bytes.subarray(0, length)).toString('latin1');

/** The extension a font file keeps, from its first bytes; refuses collections, web fonts and non-fonts. */
function fontExtension(bytes: Uint8Array, fileName: string): FontExtension {
  const tag = ascii(bytes, 4);
  if (tag === 'OTTO') return 'otf';
  if (tag === 'true' || tag === '\x00\x01\x00\x00') return 'ttf';
  const what =
    tag === 'ttcf'
      ? 'TrueType 字体集合（.ttc），一个文件里有多款字体'
      : tag === 'wOFF' || tag === 'wOF2'
        ? `网页字体（${tag === 'wOFF' ? 'WOFF' : 'WOFF2'}），不能用于打印`
        : `不是字体文件（它实际是${fileKindLabels[sniffFileKind(bytes)]}）`;
  throw refuse(`文件“${fileName}”${what}。${advice}`, `fallback font upload is ${JSON.stringify(tag)}`);
}

/** A font that opens, maps characters and has outlines pdfkit can embed (TrueType glyf or CFF). */
function openFont(bytes: Uint8Array, fileName: string): { font: Font; glyphCount: number } {
  try {
    const font = create(bytes);
    if (font.type !== 'TTF') throw new Error(`fontkit type ${font.type}`);
    const { tables } = font.directory;
    if (!('glyf' in tables) && !('CFF ' in tables)) throw new Error('no glyf or CFF outlines');
    const glyphCount = font.characterSet.length;
    if (glyphCount === 0) throw new Error('empty cmap');
    return { font, glyphCount };
  } catch (error) {
    throw refuse(
      `文件“${fileName}”无法作为字体读取，可能已损坏或不是可打印的字体。${advice}`,
      `fallback font does not open: ${String((error as Error).message)}`,
      error,
    );
  }
}

function decodedUpload({ fileName, base64 }: FontUpload): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > fontUploadMaxBytes) {
    const megabytes = Math.ceil((bytes.length / 1024 / 1024) * 10) / 10;
    throw refuse(
      `文件“${fileName}”有 ${megabytes.toFixed(1)} MB，超过了 64 MB，不像单款字体。${advice}`,
      `font upload of ${bytes.length} bytes`,
    );
  }
  return bytes;
}

const readRow = (database: Database): FontRow | null =>
  (database
    .prepare(
      `SELECT file_name AS fileName, family_name AS familyName, glyph_count AS glyphCount, sha256,
         added_at AS addedAt, added_by AS addedBy FROM form_font WHERE id = 1`,
    )
    .get() as FontRow | undefined) ?? null;

export interface FallbackFontsContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
}

export function createFallbackFonts({ sessions, now, paths }: FallbackFontsContext) {
  const db = () => sessions.require().storage.db;
  const fileOf = (extension: FontExtension) => join(paths.fonts, `fallback.${extension}`);
  /** The opened font and the file state it was opened from. */
  let opened: { readonly key: string; readonly font: OpenedFont } | null = null;

  function storedFile(): string | null {
    return (['ttf', 'otf'] as const).map(fileOf).find((file) => statSync(file, { throwIfNoEntry: false })) ?? null;
  }

  const damaged = (detail: string, cause?: unknown) =>
    new AppError(
      'RULE_VIOLATION',
      '已添加的生僻字字体文件丢失或已被改动，无法使用。请管理员在“系统信息”中重新添加生僻字字体后再生成表格。',
      detail,
      { cause },
    );

  /** The stored file, read and checked against its row once per file state. */
  function open(row: FontRow): OpenedFont {
    const file = storedFile();
    if (!file) throw damaged('fallback font file missing');
    const stats = statSync(file);
    const key = `${row.sha256}:${file}:${stats.size}:${stats.mtimeMs}`;
    if (opened?.key === key) return opened.font;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw damaged(`cannot read ${file}`, error);
    }
    if (sha256Hex(bytes) !== row.sha256) throw damaged(`${file} does not match its sha256`);
    opened = { key, font: { file, font: create(bytes) as Font, bytes } };
    return opened.font;
  }

  /** The fallback font, or null when none was added. */
  function current(): FallbackFont | null {
    const row = readRow(db());
    return row && { familyName: row.familyName, open: () => open(row) };
  }

  function getFormFonts(): FormFonts {
    const row = readRow(db());
    return {
      bundled: bundledFamilyNames,
      fallback: row && {
        fileName: row.fileName,
        familyName: row.familyName,
        glyphCount: row.glyphCount,
        addedAt: row.addedAt,
        addedBy: row.addedBy,
      },
    };
  }

  function add(upload: FontUpload): void {
    const bytes = decodedUpload(upload);
    const extension = fontExtension(bytes, upload.fileName);
    const { font, glyphCount } = openFont(bytes, upload.fileName);
    const sha256 = sha256Hex(bytes);
    const database = db();
    const at = now();
    const familyName = font.familyName || font.postscriptName || upload.fileName;
    try {
      mkdirSync(paths.fonts, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw fileSystemError(error, '字体文件夹') ?? error;
    }
    database.transaction(() => {
      database
        .prepare(
          `INSERT INTO form_font (id, file_name, family_name, glyph_count, sha256, added_at, added_by)
           VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET file_name = excluded.file_name, family_name = excluded.family_name,
             glyph_count = excluded.glyph_count, sha256 = excluded.sha256, added_at = excluded.added_at,
             added_by = excluded.added_by`,
        )
        .run(upload.fileName, familyName, glyphCount, sha256, isoWithOffset(at), sessions.require().actor.userName);
      sessions.audit({
        at,
        action: 'form.fallbackFont',
        objectType: 'font',
        objectId: sha256,
        outcome: 'success',
        details: { fileName: upload.fileName, familyName, glyphCount, bytes: bytes.length },
      });
      // Last in the transaction: a failed write rolls the row back with it.
      writeFileAtomically(fileOf(extension), bytes, '生僻字字体文件');
    })();
    removeQuietly(fileOf(extension === 'ttf' ? 'otf' : 'ttf'));
  }

  function remove(): void {
    const database = db();
    const row = readRow(database);
    if (!row) return;
    database.transaction(() => {
      database.prepare('DELETE FROM form_font WHERE id = 1').run();
      sessions.audit({
        at: now(),
        action: 'form.fallbackFont',
        objectType: 'font',
        objectId: row.sha256,
        outcome: 'success',
        details: { removed: true, fileName: row.fileName, familyName: row.familyName },
      });
    })();
    (['ttf', 'otf'] as const).forEach((extension) => removeQuietly(fileOf(extension)));
    opened = null;
  }

  /** Adds (replacing any earlier one) or with null removes the fallback font; administrators only (apiAccess). */
  function setFallbackFont(upload: FontUpload | null): FormFonts {
    if (upload) add(upload);
    else remove();
    return getFormFonts();
  }

  return { current, getFormFonts, setFallbackFont };
}
