/**
 * 学籍照片 to the national spec (DOMAIN.md "Practical facts"): 26 × 32 mm,
 * about 358 × 441 px, JPG under 60 KB, light-blue background, named by the
 * ID number in a per-class zip. Types and the pure rules: what a file
 * really is, the 26:32 crop, the file names in the zip.
 */

export const photoSpec = {
  width: 358,
  height: 441,
  /** The national upload limit for one photo. */
  maxBytes: 60 * 1024,
  /** What the clerk may import before cropping and compression. */
  maxUploadBytes: 10 * 1024 * 1024,
} as const;

/** A file the renderer read from disk, sent over the contract as base64. */
export interface UploadedFile {
  readonly fileName: string;
  readonly base64: string;
}

/** The part of the source picture to keep, in source pixels; 26:32 is enforced by core. */
export interface CropRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PhotoUpload extends UploadedFile {
  /** In the upright picture's pixels. Absent: `defaultPhotoCrop`. */
  readonly crop?: CropRect;
}

export interface PhotoInfo {
  readonly sha256: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface StudentPhoto {
  readonly mimeType: 'image/jpeg';
  readonly base64: string;
}

/** 26 : 32 (width : height), the national photo's proportion. */
export const photoAspect = 26 / 32;
/** How far a clerk's crop may stray from 26:32 (rounding of a drawn rectangle): 2 %. */
const aspectTolerance = 0.02;

/** What a file really is, told by its first bytes, whatever its name says. */
export type FileKind =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'heic'
  | 'pdf'
  | 'zip'
  | 'executable'
  | 'text'
  | 'empty'
  | 'unknown';

export const fileKindLabels: Readonly<Record<FileKind, string>> = {
  jpeg: 'JPG 图片',
  png: 'PNG 图片',
  gif: 'GIF 动图',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  tiff: 'TIFF 图片',
  heic: 'HEIC 照片（苹果手机格式）',
  pdf: 'PDF 文档',
  zip: '压缩包或 Office 文档',
  executable: '可执行程序（.exe）',
  text: '文本文件',
  empty: '空文件',
  unknown: '无法识别的文件',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const heicBrands = ['heic', 'heix', 'hevc', 'mif1', 'msf1'];

/** Sniffs the magic bytes; a GIF renamed `.jpg` is still a GIF. */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('BM'))) return 'bmp';
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return 'tiff';
  if (startsWith(bytes, ascii('ftyp'), 4) && heicBrands.some((brand) => startsWith(bytes, ascii(brand), 8))) {
    return 'heic';
  }
  if (startsWith(bytes, ascii('%PDF'))) return 'pdf';
  if (startsWith(bytes, ascii('PK\x03\x04'))) return 'zip';
  // A program renamed .jpg: Windows (MZ) or Linux (ELF).
  if (startsWith(bytes, ascii('MZ')) || startsWith(bytes, [0x7f, ...ascii('ELF')])) return 'executable';
  // No control characters but tab, line feed, carriage return: typed text.
  const head = bytes.subarray(0, 512);
  if (head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) return 'text';
  return 'unknown';
}

/** The largest 26:32 area of a `width` × `height` picture: centred across, one third of the spare height above (heads are near the top). */
export function defaultPhotoCrop(width: number, height: number): CropRect {
  const cropWidth = Math.min(width, Math.round(height * photoAspect));
  const cropHeight = Math.min(height, Math.round(cropWidth / photoAspect));
  return {
    left: Math.floor((width - cropWidth) / 2),
    top: Math.floor((height - cropHeight) / 3),
    width: cropWidth,
    height: cropHeight,
  };
}

/** Why the clerk's crop of an upright `width` × `height` picture cannot be used, or null. */
export function photoCropProblem(crop: CropRect, width: number, height: number): string | null {
  if (crop.left + crop.width > width || crop.top + crop.height > height) {
    return `所选区域超出了照片范围（照片为 ${width}×${height} 像素），请重新选择。`;
  }
  if (crop.width < photoSpec.width || crop.height < photoSpec.height) {
    return `所选区域太小（${crop.width}×${crop.height} 像素），至少应为 ${photoSpec.width}×${photoSpec.height} 像素，请选大一些。`;
  }
  if (Math.abs(crop.width / crop.height / photoAspect - 1) > aspectTolerance) {
    return '所选区域的宽高比例应为 26∶32（与 26×32 毫米的学籍照片相同），请重新选择。';
  }
  return null;
}

export interface PhotoNameInput {
  /** 身份证件号; empty when the student has none. */
  readonly idNumber: string;
  /** 学校标识码 */
  readonly schoolCode: string;
  readonly grade: number;
  /** 班号 within the grade */
  readonly classNumber: number;
  readonly name: string;
}

/** Characters Windows does not allow in a file name (control characters never pass the field checks). */
const unsafeInFileName = /[\\/:*?"<>|]/g;

/**
 * A photo's name in the national zip: `<身份证件号>.jpg`; without an ID
 * number `学校标识码_班号_姓名.jpg`, where 班号 is the two-digit grade and
 * two-digit class number (七年级（2）班 → 0702).
 */
export function photoFileName(student: PhotoNameInput): string {
  const twoDigits = (n: number) => String(n).padStart(2, '0');
  const stem = student.idNumber.trim()
    ? student.idNumber.trim()
    : `${student.schoolCode}_${twoDigits(student.grade)}${twoDigits(student.classNumber)}_${student.name.trim()}`;
  return `${stem.replace(unsafeInFileName, '_')}.jpg`;
}

/** `photoFileName` for each student, in order; a repeated name gets `_2`, `_3` … before `.jpg`. */
export function photoFileNames(students: readonly PhotoNameInput[]): string[] {
  const taken = new Set<string>();
  return students.map((student) => {
    const name = photoFileName(student);
    let unique = name;
    for (let n = 2; taken.has(unique); n += 1) unique = name.replace(/\.jpg$/, `_${n}.jpg`);
    taken.add(unique);
    return unique;
  });
}
