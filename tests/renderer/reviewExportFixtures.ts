/** Canned answers of the export for bureau review (导出审查材料) and its verifier. */
import type { ExportVerification, ReviewExport, ReviewManifest } from '../../shared/exchange/reviewExport';

const hash = (digit: string) => digit.repeat(64);

export const reviewExport: ReviewExport = {
  folder: '/media/usb/审查材料/学籍审查材料_1114000001_20260901-080000',
  folderName: '学籍审查材料_1114000001_20260901-080000',
  exportId: '20260901-080000',
  createdAt: '2026-09-01T08:00:00.000',
  counts: {
    students: 1286,
    movements: 14,
    changeRequests: 9,
    graduates: 412,
    openCases: 3,
    overdue: 1,
    photos: 0,
    photoClasses: 0,
  },
  files: [
    { name: '学籍审查材料_1114000001_20260901-080000.xlsx', bytes: 1_572_864, sha256: hash('a') },
    { name: '审查材料汇总.pdf', bytes: 66_292, sha256: hash('b') },
    { name: 'manifest.json', bytes: 1_024, sha256: hash('c') },
  ],
  manifestSha256: hash('c'),
};

const manifest: ReviewManifest = {
  format: 'xuejidesk-review-export',
  version: 1,
  exportId: reviewExport.exportId,
  school: { name: '阳泉市第一中学', code: '1114000001' },
  operator: { userName: 'lilaoshi', displayName: '李老师' },
  createdAt: reviewExport.createdAt,
  counts: reviewExport.counts,
  includesPhotos: false,
  auditHead: { seq: 812, hash: hash('d') },
  files: reviewExport.files.slice(0, 2),
};

export const intactVerification: ExportVerification = {
  folder: reviewExport.folder,
  ok: true,
  manifestState: 'valid',
  manifestProblem: null,
  manifest,
  manifestSha256: hash('c'),
  files: manifest.files.map((file) => ({
    name: file.name,
    state: 'unchanged',
    expected: { bytes: file.bytes, sha256: file.sha256 },
    actual: { bytes: file.bytes, sha256: file.sha256 },
  })),
};

/** The workbook edited, the summary deleted, a note added. */
export const tamperedVerification: ExportVerification = {
  ...intactVerification,
  ok: false,
  files: [
    {
      name: manifest.files[0]!.name,
      state: 'changed',
      expected: { bytes: manifest.files[0]!.bytes, sha256: hash('a') },
      actual: { bytes: 1_573_000, sha256: hash('e') },
    },
    {
      name: '审查材料汇总.pdf',
      state: 'missing',
      expected: { bytes: 66_292, sha256: hash('b') },
      actual: null,
    },
    { name: '补充/说明.txt', state: 'extra', expected: null, actual: { bytes: 15, sha256: hash('f') } },
  ],
};

/** A folder without a manifest. */
export const notAnExport: ExportVerification = {
  folder: '/media/usb/照片',
  ok: false,
  manifestState: 'missing',
  manifestProblem: '文件夹中没有 manifest.json：这不是学籍工作台导出的审查材料文件夹，或清单已被删除。',
  manifest: null,
  manifestSha256: null,
  files: [{ name: '一年级.zip', state: 'extra', expected: null, actual: { bytes: 2_048, sha256: hash('1') } }],
};
