/** 导出审查材料 on a real installation: the folder, the workbook's sheets, the summary PDF and the manifest. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReviewManifest } from '../../shared/exchange/reviewExport';
import { pdfText } from '../support/pdfText';
import { expectWhole } from './formRendering';
import { formulaAddress, photoUpload, readWorkbook, reviewSchool, sheetRows, usbFolder } from './reviewExportSupport';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const text = (cell: ExcelJS.Cell | undefined) => cell?.value;

describe('the export folder', () => {
  it('holds the workbook, the summary PDF and a manifest with every file’s SHA-256, and the export is logged', async () => {
    const t = await reviewSchool();
    const usb = usbFolder();
    const result = await t.call('exportForReview', usb, { includePhotos: false });

    expect(result.folderName).toBe('学籍审查材料_1114000001_20270601-090000');
    expect(readdirSync(usb)).toEqual([result.folderName]);
    expect(result.files.map((file) => file.name)).toEqual([
      '学籍审查材料_1114000001_20270601-090000.xlsx',
      '审查材料汇总.pdf',
      'manifest.json',
    ]);
    expect(result.counts).toEqual({
      students: 3,
      movements: 1,
      changeRequests: 2,
      graduates: 1,
      openCases: 1,
      overdue: 1,
      photos: 0,
      photoClasses: 0,
    });

    const manifestBytes = readFileSync(join(result.folder, 'manifest.json'));
    expect(sha256(manifestBytes)).toBe(result.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as ReviewManifest;
    expect(manifest).toMatchObject({
      format: 'xuejidesk-review-export',
      exportId: '20270601-090000',
      school: { name: '阳泉市第一中学', code: '1114000001' },
      operator: { userName: 'wangli', displayName: '王丽' },
      createdAt: '2027-06-01T09:00:00.000+08:00',
      counts: result.counts,
      includesPhotos: false,
    });
    for (const file of manifest.files) {
      const bytes = readFileSync(join(result.folder, file.name));
      expect(file).toEqual({ name: file.name, bytes: bytes.length, sha256: sha256(bytes) });
    }

    // The head the manifest names is the row before the export's own event, which carries the manifest's hash.
    const events = (await t.call('listAuditEvents', { limit: 2, offset: 0 })).rows;
    const exported = events.find((event) => event.action === 'export.review')!;
    expect(exported).toMatchObject({
      outcome: 'success',
      objectId: '20270601-090000',
      details: { folder: result.folder, manifestSha256: result.manifestSha256, counts: result.counts },
    });
    expect(manifest.auditHead.seq).toBe(exported.seq - 1);
  });

  it('prints the summary PDF with the school, the operator, the counts and each file’s SHA-256', async () => {
    const t = await reviewSchool();
    const result = await t.call('exportForReview', usbFolder(), { includePhotos: false });
    const pages = await pdfText(readFileSync(join(result.folder, '审查材料汇总.pdf')));
    const page = pages.join('\n').replace(/\s+/g, '');
    for (const part of ['学籍审查材料汇总', '阳泉市第一中学', '20270601-090000', '王丽（wangli）', '已逾期1件']) {
      expect(page).toContain(part);
    }
    // The hash wraps in its cell; its characters stay in order.
    expectWhole(page, result.files[0]!.sha256);
  });

  it('refuses a second export while one is being written', async () => {
    const t = await reviewSchool();
    const usb = usbFolder();
    const [first, second] = await Promise.allSettled([
      t.call('exportForReview', usb, { includePhotos: false }),
      t.call('exportForReview', usb, { includePhotos: false }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { message: '上一次导出还没有完成，请等它完成后再导出。' },
    });
    expect(readdirSync(usb)).toHaveLength(1);
  });

  it('a second export in the same second gets a folder of its own', async () => {
    const t = await reviewSchool();
    const usb = usbFolder();
    const first = await t.call('exportForReview', usb, { includePhotos: false });
    const second = await t.call('exportForReview', usb, { includePhotos: false });
    expect(second.folderName).toBe(`${first.folderName}_2`);
    expect(readdirSync(usb).sort()).toEqual([first.folderName, second.folderName]);
  });
});

describe('the workbook', () => {
  it('学生: the template’s fields with labels for codes, ID-like columns as text cells, real dates, one row per student', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['学生', '学籍异动', '变更申请', '毕业生', '待办事项']);
    const rows = sheetRows(book, '学生');
    expect(rows.map((row) => [text(row.get('班级')), text(row.get('姓名')), text(row.get('学籍状态'))])).toEqual([
      ['高一（1）班', '李思涵', '在读'],
      ['高一（1）班', '王小明', '退学'],
      ['高三（1）班', '赵磊', '毕业'],
    ]);
    const li = rows[0]!;
    for (const column of ['身份证件号', '联系电话', '邮政编码', '学籍辅号', '家庭成员1联系电话']) {
      expect(li.get(column)!.type, column).toBe(ExcelJS.ValueType.String);
      expect(li.get(column)!.numFmt, column).toBe('@');
    }
    expect(text(li.get('身份证件号'))).toBe(t.li.idNumber);
    expect(text(li.get('邮政编码'))).toBe('045000');
    expect(text(li.get('学籍辅号'))).toBe('0140300123');
    expect(li.get('出生日期')!.value).toEqual(new Date(Date.UTC(2010, 2, 1)));
    expect(text(li.get('入学年月'))).toBe('202609');
    expect([text(li.get('性别')), text(li.get('民族')), text(li.get('就读方式'))]).toEqual(['女', '汉族', '走读']);
    expect(text(li.get('出生地'))).toBe('140302');
    expect([text(li.get('家庭成员1姓名')), text(li.get('家庭成员1关系')), text(li.get('家庭成员1是否监护人'))]).toEqual(
      ['王丽', '母亲', '是'],
    );
  });

  it('every text that starts like a formula is written with a leading apostrophe, never as a formula', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    const li = sheetRows(book, '学生')[0]!;
    expect(text(li.get('现住址'))).toBe(`'${formulaAddress}`);
    expect(text(li.get('特长'))).toBe("'+1 长跑");
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))),
    );
  });

  it('DAT-1 变更申请: each item of a change request with its value before and after, as labels', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    const items = sheetRows(book, '变更申请').map((row) =>
      ['事项编号', '变更类型', '姓名', '变更项目', '变更前', '变更后', '办理状态'].map((header) =>
        text(row.get(header)),
      ),
    );
    expect(items).toEqual([
      [String(t.change.id), '基本信息变更', '李思涵', '联系电话', '13812345678', '13912345678', '办理中'],
      [String(t.change.id), '基本信息变更', '李思涵', '民族', '汉族', '蒙古族', '办理中'],
    ]);
  });

  it('CHG-2 学籍异动: the 退学 with its application day, due date and every approval as recorded (OPS-3)', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    const [dropout] = sheetRows(book, '学籍异动');
    expect(text(dropout!.get('异动类型'))).toBe('退学');
    expect(text(dropout!.get('全国学籍号'))).toBe(t.wang.studentNumber || null);
    expect(text(dropout!.get('身份证件号'))).toBe(t.wang.idNumber);
    expect(dropout!.get('申请日期')!.value).toEqual(new Date(Date.UTC(2027, 4, 31)));
    expect(dropout!.get('办理期限')!.value).toEqual(new Date(Date.UTC(2027, 5, 7)));
    expect(text(dropout!.get('期限依据'))).toBe('规则 CHG-2');
    expect(text(dropout!.get('办理状态'))).toBe('已办结');
    expect(text(dropout!.get('审批情况'))).toBe(
      '本校：同意（2027-05-31，李校长，意见：同意）；县（区）教育局：同意（2027-05-31，李校长，意见：同意）',
    );
  });

  it('GRD-2 毕业生: each graduate with the graduating list’s approvals and whether 学习简历 and 毕业评语 are there', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    const graduates = sheetRows(book, '毕业生').map((row) =>
      ['姓名', '毕业结果', '毕业事项编号', '学习简历', '毕业评语'].map((header) => text(row.get(header))),
    );
    expect(graduates).toEqual([['赵磊', '毕业', String(t.graduation.id), '有', '有']]);
  });

  it('DAT-1 待办事项: open cases with their due dates, the overdue ones marked with the days past', async () => {
    const t = await reviewSchool();
    const book = await readWorkbook(await t.call('exportForReview', usbFolder(), { includePhotos: false }));
    const open = sheetRows(book, '待办事项').map((row) =>
      ['事项编号', '类型', '期限依据', '期限情况', '是否逾期', '等待审批'].map((header) => text(row.get(header))),
    );
    expect(open).toEqual([
      [String(t.change.id), '基本信息变更', '规则 DAT-1', '已逾期 5 天（2027年5月27日截止）', '是', '本校'],
    ]);
  });
});

describe('photos', () => {
  it('adds each class’s photos as the national zip, named by ID number, only when asked', async () => {
    const t = await reviewSchool();
    await t.call('setStudentPhoto', t.li.id, await photoUpload(1));
    const result = await t.call('exportForReview', usbFolder(), { includePhotos: true });
    expect(result.files.map((file) => file.name)).toContain('照片/高一（1）班-学籍照片.zip');
    expect(result.counts).toMatchObject({ photos: 1, photoClasses: 1 });
    const zip = unzipSync(readFileSync(join(result.folder, '照片', '高一（1）班-学籍照片.zip')));
    expect(Object.keys(zip)).toEqual([`${t.li.idNumber}.jpg`]);
  });
});
