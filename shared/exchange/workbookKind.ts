/**
 * What a file sent for import really is, whatever its name says: an .xlsx is
 * a zip (PK), while an old .xls and a password-protected workbook are both
 * OLE2 compound files (D0 CF 11 E0), told apart by the encrypted package's
 * stream name. A CSV or a web page saved as “.xls” is text. Each refusal says
 * what to do in Excel to make the file importable.
 */
import { fileKindLabels, sniffFileKind } from '../register/photos';

export type WorkbookKind =
  /** A zip: an .xlsx, or another Office document or archive (core looks inside). */
  | 'zip'
  /** 旧版 .xls (Excel 97-2003, or WPS .et) renamed. */
  | 'xls'
  /** An Excel workbook with an opening password: encrypted, unreadable without it. */
  | 'encrypted'
  | 'text'
  | 'empty'
  | 'other';

const ole2Signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A stream name of a compound file directory, as stored: UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

const encryptedPackage = utf16le('EncryptedPackage');

function contains(bytes: Uint8Array, pattern: Uint8Array): boolean {
  const first = pattern[0];
  for (
    let at = bytes.indexOf(first!);
    at >= 0 && at <= bytes.length - pattern.length;
    at = bytes.indexOf(first!, at + 1)
  ) {
    let match = true;
    for (let i = 1; i < pattern.length && match; i += 1) match = bytes[at + i] === pattern[i];
    if (match) return true;
  }
  return false;
}

/** UTF-8 or UTF-16 byte-order marks: text saved by Excel as “Unicode 文本” or CSV. */
const textMarks = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

export function sniffWorkbook(bytes: Uint8Array): WorkbookKind {
  const kind = sniffFileKind(bytes);
  if (kind === 'empty') return 'empty';
  if (kind === 'zip') return 'zip';
  if (ole2Signature.every((byte, index) => bytes[index] === byte)) {
    return contains(bytes, encryptedPackage) ? 'encrypted' : 'xls';
  }
  if (kind === 'text' || textMarks.some((mark) => mark.every((byte, index) => bytes[index] === byte))) return 'text';
  return 'other';
}

/** The clerk's message for a file that is not an .xlsx workbook; null for a zip (looked into by core). */
export function workbookKindProblem(fileName: string, bytes: Uint8Array): string | null {
  const saveAs = '请在 Excel 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的文件。';
  switch (sniffWorkbook(bytes)) {
    case 'zip':
      return null;
    case 'empty':
      return `文件“${fileName}”是空文件，请选择填好的学生信息表。`;
    case 'encrypted':
      return (
        `文件“${fileName}”设置了打开密码，内容已加密，无法读取。` +
        '请在 Excel 中用密码打开，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再导入。'
      );
    case 'xls':
      return `文件“${fileName}”是旧版 Excel 97-2003 工作簿（.xls），不是 .xlsx 格式。${saveAs}`;
    case 'text':
      return `文件“${fileName}”是文本文件（如 CSV 或网页），不是 Excel 工作簿。${saveAs}`;
    case 'other': {
      const label = fileKindLabels[sniffFileKind(bytes)];
      return `文件“${fileName}”实际是${/^[A-Za-z]/.test(label) ? ' ' : ''}${label}，不是 Excel 工作簿。请选择 .xlsx 格式的学生信息表。`;
    }
  }
}

/** What a zip holds when it is not an .xlsx workbook, by the parts inside it; null when it is one. */
export function zipContentProblem(fileName: string, entryNames: readonly string[]): string | null {
  const has = (name: string) => entryNames.includes(name);
  if (has('xl/workbook.xml')) return null;
  const saveAs = '请在 Excel 中打开后另存为“Excel 工作簿（*.xlsx）”再导入。';
  if (has('xl/workbook.bin')) return `文件“${fileName}”是 Excel 二进制工作簿（.xlsb）。${saveAs}`;
  if (has('word/document.xml')) return `文件“${fileName}”是 Word 文档，不是 Excel 工作簿。请选择学生信息表。`;
  if (has('ppt/presentation.xml'))
    return `文件“${fileName}”是 PowerPoint 演示文稿，不是 Excel 工作簿。请选择学生信息表。`;
  if (has('content.xml') && has('mimetype')) return `文件“${fileName}”是 OpenDocument（.ods）表格。${saveAs}`;
  return `文件“${fileName}”是压缩包，不是 Excel 工作簿。请解压后选择其中的 .xlsx 学生信息表。`;
}
