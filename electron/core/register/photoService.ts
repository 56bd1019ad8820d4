/**
 * 学籍照片 (DOMAIN.md "Practical facts"): a clerk's JPG or PNG becomes the
 * national photo, 358 × 441 px JPEG under 60 KB without metadata, stored
 * encrypted in the attachment store; a class's photos leave as the zip the
 * national system takes, one `<身份证件号>.jpg` per student and nothing else.
 */
import sharp from 'sharp';
import { zipSync } from 'fflate';
import type { ExportedFile } from '../../../shared/audit';
import { isoWithOffset } from '../../../shared/time';
import {
  type CropRect,
  defaultPhotoCrop,
  fileKindLabels,
  type PhotoUpload,
  photoCropProblem,
  photoFileNames,
  photoSpec,
  sniffFileKind,
  type StudentPhoto,
} from '../../../shared/register/photos';
import type { SchoolClass, StudentRecord } from '../../../shared/register/students';
import { type AttachmentStore, createAttachmentStore, sha256Hex } from '../attachments/attachmentStore';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import type { DataPaths } from '../storage';
import { readClass } from './classes';
import { auditObjectId, readStudentRecord, writeHistory } from './studentRecord';

export interface PhotoServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
}

/** Decoding limit against decompression bombs: a 10 MB PNG can claim any size; 100 MP covers every camera. */
const maxSourcePixels = 100_000_000;
/** JPEG qualities tried in turn until the photo is under `photoSpec.maxBytes`; real photos fit at the first. */
const qualities = [90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40, 35, 30] as const;

interface PreparedPhoto {
  readonly jpeg: Buffer;
  readonly quality: number;
  readonly source: { readonly format: string; readonly width: number; readonly height: number };
  readonly crop: CropRect;
}

const refuse = (message: string, detail: string): AppError => new AppError('RULE_VIOLATION', message, detail);

function decodedUpload({ fileName, base64 }: PhotoUpload): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > photoSpec.maxUploadBytes) {
    const megabytes = (Math.ceil((bytes.length / 1024 / 1024) * 10) / 10).toFixed(1); // never "10.0 MB, over 10 MB"
    throw refuse(
      `文件“${fileName}”有 ${megabytes} MB，超过了 10 MB，请选择小一些的照片文件。`,
      `upload of ${bytes.length} bytes`,
    );
  }
  const kind = sniffFileKind(bytes);
  if (kind === 'jpeg' || kind === 'png') return bytes;
  const label = fileKindLabels[kind];
  // A space between Chinese and a Latin word, as in the rest of the message.
  const what = kind === 'unknown' ? '无法识别它的格式' : `它实际是${/^[A-Za-z]/.test(label) ? ' ' : ''}${label}`;
  throw refuse(`文件“${fileName}”不是 JPG 或 PNG 图片（${what}）。请选择 JPG 或 PNG 格式的照片。`, `upload is ${kind}`);
}

/** The picture's size as it is meant to be seen (after its EXIF orientation). */
async function uprightSize(bytes: Buffer, fileName: string): Promise<{ width: number; height: number }> {
  const { width, height } = (await sharp(bytes).metadata()).autoOrient;
  if (width * height > maxSourcePixels) {
    throw refuse(
      `照片“${fileName}”的像素过多（${width}×${height}），请先缩小到 1 亿像素以内再导入。`,
      `source ${width}x${height}`,
    );
  }
  if (width < photoSpec.width || height < photoSpec.height) {
    throw refuse(
      `照片太小（${width}×${height} 像素），学籍照片至少 ${photoSpec.width}×${photoSpec.height} 像素。请使用更清晰的原始照片。`,
      `source ${width}x${height}`,
    );
  }
  return { width, height };
}

/** Upright, cropped to 26:32, scaled to 358 × 441, metadata stripped, compressed under 60 KB. */
async function preparePhoto(upload: PhotoUpload): Promise<PreparedPhoto> {
  const bytes = decodedUpload(upload);
  try {
    const { width, height } = await uprightSize(bytes, upload.fileName);
    const problem = upload.crop ? photoCropProblem(upload.crop, width, height) : null;
    if (problem) throw new AppError('RULE_VIOLATION', problem, `crop ${JSON.stringify(upload.crop)}`);
    const crop = upload.crop ?? defaultPhotoCrop(width, height);
    // autoOrient first, so the crop is in the upright picture's pixels; transparency becomes white.
    const pixels = await sharp(bytes, { autoOrient: true, limitInputPixels: maxSourcePixels })
      .extract(crop)
      .resize(photoSpec.width, photoSpec.height)
      .flatten({ background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (const quality of qualities) {
      // sharp writes no metadata (EXIF, GPS, ICC) unless asked to keep it.
      const jpeg = await sharp(pixels.data, { raw: pixels.info }).jpeg({ quality, mozjpeg: true }).toBuffer();
      if (jpeg.length < photoSpec.maxBytes) {
        return { jpeg, quality, source: { format: sniffFileKind(bytes), width, height }, crop };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'RULE_VIOLATION',
      `无法读取照片“${upload.fileName}”，文件可能已损坏或不完整。请重新拍摄或重新导出后再试。`,
      `image processing failed: ${String((error as Error).message)}`,
      { cause: error },
    );
  }
  throw refuse(
    '这张照片压缩到最低画质仍超过 60 KB，请换一张背景更干净的照片。',
    `no quality under ${photoSpec.maxBytes} bytes`,
  );
}

const shortHash = (sha256: string | undefined): string => (sha256 ? `有（${sha256.slice(0, 8)}）` : '无');

/** A class's photos as the national system takes them (`exportClassPhotos`, and the export for bureau review). */
export interface ClassPhotoZip {
  /** e.g. `七年级（2）班-学籍照片.zip` */
  readonly fileName: string;
  readonly zip: Uint8Array;
  /** Photos in the zip. */
  readonly count: number;
}

/**
 * The zip of a class's current students (在读, 休学) who have a photo, one
 * `<身份证件号>.jpg` each and nothing else; null when none of them has one.
 */
export function classPhotoZip(
  database: Database,
  store: AttachmentStore,
  schoolClass: Pick<SchoolClass, 'id' | 'grade' | 'number' | 'label'>,
  at: Date,
): ClassPhotoZip | null {
  const students = database
    .prepare(
      `SELECT s.name, s.id_number AS idNumber, p.sha256 FROM student s JOIN student_photo p ON p.student_id = s.id
       WHERE s.class_id = ? AND s.status IN ('enrolled', 'suspended') ORDER BY s.name, s.id`,
    )
    .all(schoolClass.id) as { name: string; idNumber: string; sha256: string }[];
  if (students.length === 0) return null;
  const schoolCode = (database.prepare('SELECT code FROM school').pluck().get() as string | undefined) ?? '';
  const names = photoFileNames(
    students.map((s) => ({ ...s, schoolCode, grade: schoolClass.grade, classNumber: schoolClass.number })),
  );
  // JPEGs do not shrink further: stored, not deflated. fflate flags non-ASCII names as UTF-8.
  const zip = zipSync(Object.fromEntries(names.map((name, i) => [name, store.get(students[i]!.sha256)])), {
    level: 0,
    mtime: at,
  });
  return { fileName: `${schoolClass.label}-学籍照片.zip`, zip, count: students.length };
}

export function createPhotoService({ sessions, now, paths }: PhotoServiceContext) {
  const store = createAttachmentStore({ sessions, now, folder: paths.attachments });
  const db = () => sessions.require().storage.db;

  async function setStudentPhoto(studentId: number, upload: PhotoUpload): Promise<StudentRecord> {
    readStudentRecord(db(), studentId); // a missing student is refused before the slow work
    const photo = await preparePhoto(upload);
    const database = db();
    const before = readStudentRecord(database, studentId);
    if (before.photo?.sha256 === sha256Hex(photo.jpeg)) return before;
    const at = now();
    const stamp = isoWithOffset(at);
    const by = sessions.require().actor.userName;
    database.transaction(() => {
      const sha256 = store.put(photo.jpeg, 'image/jpeg');
      database
        .prepare(
          `INSERT INTO student_photo (student_id, sha256, width, height, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (student_id) DO UPDATE SET sha256 = excluded.sha256, width = excluded.width,
             height = excluded.height, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(studentId, sha256, photoSpec.width, photoSpec.height, stamp, by);
      database.prepare('UPDATE student SET updated_at = ? WHERE id = ?').run(stamp, studentId);
      writeHistory(
        database,
        studentId,
        [{ field: 'photo', before: shortHash(before.photo?.sha256), after: shortHash(sha256) }],
        stamp,
        by,
      );
      sessions.audit({
        at,
        action: 'student.photo',
        objectType: 'student',
        objectId: auditObjectId(before),
        outcome: 'success',
        details: {
          studentId,
          sha256,
          bytes: photo.jpeg.length,
          quality: photo.quality,
          source: photo.source,
          crop: photo.crop,
          cropGiven: upload.crop !== undefined,
        },
      });
    })();
    return readStudentRecord(database, studentId);
  }

  function getStudentPhoto(studentId: number): StudentPhoto {
    const row = db()
      .prepare('SELECT p.sha256 FROM student s LEFT JOIN student_photo p ON p.student_id = s.id WHERE s.id = ?')
      .get(studentId) as { sha256: string | null } | undefined;
    if (!row)
      throw new AppError('NOT_FOUND', '找不到该学生的档案，可能已被修改，请刷新。', `student ${studentId} missing`);
    if (!row.sha256) throw new AppError('NOT_FOUND', '该学生还没有照片。', `student ${studentId} has no photo`);
    return { mimeType: 'image/jpeg', base64: store.get(row.sha256).toString('base64') };
  }

  /** The national upload: the class's current students (在读, 休学) with a photo, nothing else in the zip. */
  function exportClassPhotos(classId: number): ExportedFile {
    const database = db();
    const schoolClass = readClass(database, classId);
    const at = now();
    const photos = classPhotoZip(database, store, schoolClass, at);
    if (!photos) {
      throw refuse(`${schoolClass.label}的在读学生还没有照片，没有可导出的内容。`, `class ${classId} has no photos`);
    }
    database.transaction(() =>
      sessions.audit({
        at,
        action: 'photos.export',
        objectType: 'class',
        objectId: String(classId),
        outcome: 'success',
        details: { class: schoolClass.label, count: photos.count },
      }),
    )();
    return {
      fileName: photos.fileName,
      mimeType: 'application/zip',
      base64: Buffer.from(photos.zip).toString('base64'),
    };
  }

  return { setStudentPhoto, getStudentPhoto, exportClassPhotos };
}
