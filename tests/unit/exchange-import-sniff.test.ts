/** What an import file really is, by its bytes and, for a zip, by the parts inside it. */
import { describe, expect, it } from 'vitest';
import { importFileSizeProblem } from '../../shared/exchange/studentImport';
import { sniffWorkbook, workbookKindProblem, zipContentProblem } from '../../shared/exchange/workbookKind';

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string) => [...text].flatMap((char) => [char.charCodeAt(0), 0]);
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());

describe('sniffing', () => {
  it.each([
    ['an .xlsx (a zip)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'zip'],
    ['an old .xls', bytes(ole2, new Array(600).fill(0), utf16('Workbook')), 'xls'],
    [
      'an encrypted workbook',
      bytes(ole2, new Array(600).fill(0), utf16('EncryptionInfo'), utf16('EncryptedPackage')),
      'encrypted',
    ],
    ['a CSV', new TextEncoder().encode('姓名,性别\n张三,男\n'), 'text'],
    [
      'a web page saved as .xls',
      new TextEncoder().encode('<html><table><tr><td>姓名</td></tr></table></html>'),
      'text',
    ],
    ['UTF-16 text with its byte-order mark', bytes([0xff, 0xfe], utf16('姓名\t性别')), 'text'],
    ['nothing', bytes([]), 'empty'],
    ['a JPG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'other'],
  ])('%s', (_name, content, kind) => {
    expect(sniffWorkbook(content)).toBe(kind);
  });

  it('says what to do in Excel for each kind that is not an .xlsx', () => {
    expect(workbookKindProblem('a.xlsx', bytes([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(workbookKindProblem('a.xlsx', bytes(ole2, utf16('EncryptedPackage')))).toBe(
      '文件“a.xlsx”设置了打开密码，内容已加密，无法读取。请在 Excel 中用密码打开，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再导入。',
    );
    expect(workbookKindProblem('a.xlsx', bytes(ole2))).toMatch(/旧版 Excel 97-2003 工作簿（.xls）.*另存为/);
    expect(workbookKindProblem('a.xlsx', bytes([0xff, 0xd8, 0xff]))).toBe(
      '文件“a.xlsx”实际是 JPG 图片，不是 Excel 工作簿。请选择 .xlsx 格式的学生信息表。',
    );
  });
});

describe('inside a zip', () => {
  it('an .xlsx has its workbook part; other Office files and archives are named', () => {
    expect(zipContentProblem('a.xlsx', ['[Content_Types].xml', 'xl/workbook.xml'])).toBeNull();
    expect(zipContentProblem('a.xlsx', ['word/document.xml'])).toMatch(/是 Word 文档/);
    expect(zipContentProblem('a.xlsx', ['xl/workbook.bin'])).toMatch(/Excel 二进制工作簿（.xlsb）/);
    expect(zipContentProblem('a.xlsx', ['mimetype', 'content.xml'])).toMatch(/OpenDocument（.ods）/);
    expect(zipContentProblem('a.xlsx', ['photos/1.jpg'])).toMatch(/是压缩包，不是 Excel 工作簿/);
  });
});

describe('size, checked before the file is read or sent', () => {
  it('refuses an empty file and one over 20 MB, naming its size', () => {
    expect(importFileSizeProblem('a.xlsx', 3_000_000)).toBeNull();
    expect(importFileSizeProblem('a.xlsx', 0)).toMatch(/是空文件/);
    expect(importFileSizeProblem('a.xlsx', 2 ** 30)).toMatch(/^文件“a.xlsx”有 1024.0 MB，超过了 20 MB。/);
    expect(importFileSizeProblem('a.xlsx', 20 * 1024 * 1024 + 1)).toMatch(/有 20.1 MB/);
  });
});
