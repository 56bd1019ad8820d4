/** 学籍照片 on a real installation: real pictures made with sharp, stored encrypted, exported as the national zip. */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CropRect } from '../../shared/register/photos';
import { samplePupil, school, setUpCore } from './fixtures';

const base64 = (bytes: Buffer) => bytes.toString('base64');

/** A portrait with a light-blue background and a dark "head" near the top. */
async function portraitPng(width = 1200, height = 1600): Promise<Buffer> {
  const head = await sharp({
    create: { width: width / 3, height: height / 4, channels: 3, background: { r: 60, g: 40, b: 30 } },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 140, g: 200, b: 240 } } })
    .composite([{ input: head, left: width / 3, top: height / 8 }])
    .png()
    .toBuffer();
}

/** Per-pixel noise that survives scaling down: far above 60 KB at the usual quality. */
function noisyJpeg(): Promise<Buffer> {
  return sharp(randomBytes(358 * 441 * 3), { raw: { width: 358, height: 441, channels: 3 } })
    .resize(1432, 1764, { kernel: 'nearest' })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Left half green, right half blue: shows which part a crop kept. */
function halvesPng(): Promise<Buffer> {
  const half = { width: 600, height: 1600, channels: 3 as const };
  return sharp({ create: { ...half, width: 1200, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: { create: { ...half, background: { r: 0, g: 255, b: 0 } } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

/** Each channel within JPEG's error of the expected colour. */
const near = (actual: number[], expected: number[]) =>
  expect(actual.map((value, i) => Math.abs(value - expected[i]!) <= 12)).toEqual([true, true, true]);

async function withStudent() {
  const t = await setUpCore();
  const [schoolClass] = await t.call('saveClass', { grade: 7, number: 2, headTeacher: '赵老师', capacity: 45 });
  const { student } = await t.call('registerStudent', schoolClass!.id, samplePupil(6));
  return { ...t, classId: schoolClass!.id, student };
}

const upload = (bytes: Buffer, crop?: CropRect) => ({ fileName: '照片.jpg', base64: base64(bytes), crop });

describe('setting a student photo', () => {
  it('turns a 1200×1600 PNG into a 358×441 JPEG under 60 KB without metadata', async () => {
    const t = await withStudent();
    const record = await t.call('setStudentPhoto', t.student.id, upload(await portraitPng()));
    expect(record).toMatchObject({ hasPhoto: true, photo: { width: 358, height: 441, updatedBy: 'wangli' } });
    const photo = await t.call('getStudentPhoto', t.student.id);
    const jpeg = Buffer.from(photo.base64, 'base64');
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 358, height: 441 });
    expect(meta.exif).toBeUndefined();
    expect(jpeg.length).toBeLessThan(60 * 1024);
    expect(record.photo?.bytes).toBe(jpeg.length);
    // The default crop keeps the head: it is in the upper part of the result.
    near(await pixel(jpeg, 179, 120), [60, 40, 30]);
    near(await pixel(jpeg, 20, 20), [140, 200, 240]);
  });

  it('lowers the JPEG quality step by step until a noisy picture is under 60 KB', async () => {
    const t = await withStudent();
    const source = await noisyJpeg();
    expect(source.length).toBeGreaterThan(1_000_000);
    await t.call('setStudentPhoto', t.student.id, upload(source));
    const jpeg = Buffer.from((await t.call('getStudentPhoto', t.student.id)).base64, 'base64');
    expect(jpeg.length).toBeLessThan(60 * 1024);
    expect(await sharp(jpeg).metadata()).toMatchObject({ width: 358, height: 441 });
    const { rows } = await t.call('listAuditEvents', { action: 'student.photo', limit: 10, offset: 0 });
    expect(rows[0]?.details['quality']).toBeLessThan(90);
  });

  it('turns a phone picture upright from its EXIF orientation', async () => {
    const t = await withStudent();
    // Upright: red top quarter over blue; stored lying on its side with orientation 6.
    const upright = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#0000ff' } })
      .composite([
        { input: { create: { width: 900, height: 300, channels: 3, background: '#ff0000' } }, top: 0, left: 0 },
      ])
      .png()
      .toBuffer();
    const lying = await sharp(upright).rotate(270).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await sharp(lying).metadata()).toMatchObject({ width: 1200, height: 900, orientation: 6 });
    await t.call('setStudentPhoto', t.student.id, upload(lying));
    const jpeg = Buffer.from((await t.call('getStudentPhoto', t.student.id)).base64, 'base64');
    expect((await pixel(jpeg, 179, 20))[0]).toBeGreaterThan(200);
    expect((await pixel(jpeg, 179, 400))[2]).toBeGreaterThan(200);
  });

  it('keeps the part the clerk cropped, and refuses a crop outside the picture or not 26:32', async () => {
    const t = await withStudent();
    const source = await halvesPng();
    await expect(
      t.call('setStudentPhoto', t.student.id, upload(source, { left: 800, top: 0, width: 520, height: 640 })),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('超出了照片范围') });
    await expect(
      t.call('setStudentPhoto', t.student.id, upload(source, { left: 0, top: 0, width: 600, height: 600 })),
    ).rejects.toMatchObject({ message: expect.stringContaining('26∶32') });
    await t.call('setStudentPhoto', t.student.id, upload(source, { left: 40, top: 100, width: 520, height: 640 }));
    const jpeg = Buffer.from((await t.call('getStudentPhoto', t.student.id)).base64, 'base64');
    expect((await pixel(jpeg, 350, 220))[1]).toBeGreaterThan(200); // all green: only the left half was kept
  });

  it('refuses files that are not a JPG or PNG picture, naming what they are', async () => {
    const t = await withStudent();
    const gif = await sharp({ create: { width: 400, height: 500, channels: 3, background: '#888888' } })
      .gif()
      .toBuffer();
    await expect(
      t.call('setStudentPhoto', t.student.id, { fileName: '张三.jpg', base64: base64(gif) }),
    ).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '文件“张三.jpg”不是 JPG 或 PNG 图片（它实际是 GIF 动图）。请选择 JPG 或 PNG 格式的照片。',
    });
    const text = Buffer.from('这不是照片\n');
    await expect(
      t.call('setStudentPhoto', t.student.id, { fileName: '说明.png', base64: base64(text) }),
    ).rejects.toMatchObject({ message: expect.stringContaining('它实际是文本文件') });
    expect((await t.call('getStudent', t.student.id)).photo).toBeNull();
  });

  it('refuses a picture smaller than 358×441, a damaged one and one over 10 MB', async () => {
    const t = await withStudent();
    const small = await portraitPng(300, 400);
    await expect(t.call('setStudentPhoto', t.student.id, upload(small))).rejects.toMatchObject({
      message: '照片太小（300×400 像素），学籍照片至少 358×441 像素。请使用更清晰的原始照片。',
    });
    const cut = (await noisyJpeg()).subarray(0, 5000);
    await expect(t.call('setStudentPhoto', t.student.id, upload(cut))).rejects.toMatchObject({
      message: expect.stringContaining('文件可能已损坏'),
    });
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff]);
    await expect(t.call('setStudentPhoto', t.student.id, upload(huge))).rejects.toMatchObject({
      message: expect.stringContaining('超过了 10 MB'),
    });
  });

  it('writes history and the access log; the same picture again changes nothing', async () => {
    const t = await withStudent();
    const first = await t.call('setStudentPhoto', t.student.id, upload(await portraitPng()));
    const short = first.photo!.sha256.slice(0, 8);
    expect(first.history[0]).toMatchObject({ field: 'photo', before: '无', after: `有（${short}）`, by: 'wangli' });
    const second = await t.call('setStudentPhoto', t.student.id, upload(await halvesPng()));
    expect(second.history[0]).toMatchObject({
      before: `有（${short}）`,
      after: `有（${second.photo!.sha256.slice(0, 8)}）`,
    });
    const again = await t.call('setStudentPhoto', t.student.id, upload(await halvesPng()));
    expect(again.history).toHaveLength(second.history.length);
    const { rows } = await t.call('listAuditEvents', { action: 'student.photo', limit: 10, offset: 0 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ objectId: samplePupil(6).idNumber, userName: 'wangli' });
  });

  it('answers in Chinese for a student without a photo', async () => {
    const t = await withStudent();
    await expect(t.call('getStudentPhoto', t.student.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '该学生还没有照片。',
    });
  });
});

describe('the stored photo file', () => {
  it('is encrypted on disk and named by the hash of the photo', async () => {
    const t = await withStudent();
    const record = await t.call('setStudentPhoto', t.student.id, upload(await portraitPng()));
    const jpeg = Buffer.from((await t.call('getStudentPhoto', t.student.id)).base64, 'base64');
    const onDisk = readFileSync(join(t.paths.attachments, record.photo!.sha256));
    expect(onDisk.subarray(0, 3)).not.toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(onDisk.includes(jpeg.subarray(0, 64))).toBe(false);
    expect(onDisk.length).toBe(jpeg.length + 5 + 12 + 16);
  });

  it('a damaged file is reported as damaged, not shown', async () => {
    const t = await withStudent();
    const record = await t.call('setStudentPhoto', t.student.id, upload(await portraitPng()));
    const file = join(t.paths.attachments, record.photo!.sha256);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0x01;
    writeFileSync(file, bytes);
    await expect(t.call('getStudentPhoto', t.student.id)).rejects.toMatchObject({
      message: expect.stringContaining('附件已损坏'),
    });
    await expect(t.call('exportClassPhotos', t.classId)).rejects.toMatchObject({
      message: expect.stringContaining('附件已损坏'),
    });
  });
});

/** The general-purpose flag of each central-directory entry, by name (UTF-8 names have bit 11 set). */
function zipEntryFlags(zip: Buffer): Record<string, number> {
  const end = zip.length - 22;
  let at = zip.readUInt32LE(end + 16);
  const flags: Record<string, number> = {};
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    flags[zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')] = zip.readUInt16LE(at + 8);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return flags;
}

describe('exporting a class’s photos', () => {
  it('zips one JPG per current student with a photo, named by ID number or school code, class and name', async () => {
    const t = await withStudent();
    const noId = await t.call(
      'registerStudent',
      t.classId,
      samplePupil(8, { name: '王小明', idType: 'Z', idNumber: '' }),
    );
    await t.call('registerStudent', t.classId, samplePupil(10, { name: '张伟' })); // no photo
    await t.call('setStudentPhoto', t.student.id, upload(await portraitPng()));
    await t.call('setStudentPhoto', noId.student.id, upload(await halvesPng()));

    const file = await t.call('exportClassPhotos', t.classId);
    expect(file).toMatchObject({ fileName: '七年级（2）班-学籍照片.zip', mimeType: 'application/zip' });
    const zip = Buffer.from(file.base64, 'base64');
    const entries = unzipSync(zip);
    const idName = `${samplePupil(6).idNumber}.jpg`;
    const schoolName = `${school.schoolCode}_0702_王小明.jpg`;
    expect(Object.keys(entries).sort()).toEqual([idName, schoolName].sort());
    expect(Buffer.from(entries[idName]!)).toEqual(
      Buffer.from((await t.call('getStudentPhoto', t.student.id)).base64, 'base64'),
    );
    expect(await sharp(Buffer.from(entries[schoolName]!)).metadata()).toMatchObject({ format: 'jpeg', width: 358 });
    expect(zipEntryFlags(zip)[schoolName]! & 0x0800).toBe(0x0800);

    const { rows } = await t.call('listAuditEvents', { action: 'photos.export', limit: 10, offset: 0 });
    expect(rows[0]).toMatchObject({ objectId: String(t.classId), details: { class: '七年级（2）班', count: 2 } });
  });

  it('refuses a class without photos, saying so', async () => {
    const t = await withStudent();
    await expect(t.call('exportClassPhotos', t.classId)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '七年级（2）班的在读学生还没有照片，没有可导出的内容。',
    });
  });
});
