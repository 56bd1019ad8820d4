/** 学籍照片 rules (DOMAIN.md "Practical facts"): file names in the national zip, the 26:32 crop, what a file really is. */
import { describe, expect, it } from 'vitest';
import {
  defaultPhotoCrop,
  photoCropProblem,
  photoFileName,
  photoFileNames,
  sniffFileKind,
} from '../../shared/register/photos';

const student = { idNumber: '14030220190301112X', schoolCode: '1114000001', grade: 7, classNumber: 2, name: '李小红' };

describe('photo file names in the class zip', () => {
  it('are the ID number', () => {
    expect(photoFileName(student)).toBe('14030220190301112X.jpg');
  });

  it('without an ID number: 学校标识码_班号_姓名, 班号 being two-digit grade and class', () => {
    expect(photoFileName({ ...student, idNumber: '' })).toBe('1114000001_0702_李小红.jpg');
    expect(photoFileName({ ...student, idNumber: ' ', grade: 10, classNumber: 12 })).toBe('1114000001_1012_李小红.jpg');
  });

  it('replace characters Windows does not allow in a file name', () => {
    expect(photoFileName({ ...student, idNumber: 'E1234/567' })).toBe('E1234_567.jpg');
    expect(photoFileName({ ...student, idNumber: '', name: 'Anna"Li' })).toBe('1114000001_0702_Anna_Li.jpg');
  });

  it('are made unique when two students would share one', () => {
    const twins = { ...student, idNumber: '', name: '张伟' };
    expect(photoFileNames([twins, student, twins, twins])).toEqual([
      '1114000001_0702_张伟.jpg',
      '14030220190301112X.jpg',
      '1114000001_0702_张伟_2.jpg',
      '1114000001_0702_张伟_3.jpg',
    ]);
  });
});

describe('the 26:32 crop', () => {
  it('by default keeps the largest 26:32 area, centred across, a third of the spare height above', () => {
    expect(defaultPhotoCrop(1200, 1600)).toEqual({ left: 0, top: 41, width: 1200, height: 1477 });
    expect(defaultPhotoCrop(1600, 1200)).toEqual({ left: 312, top: 0, width: 975, height: 1200 });
    expect(defaultPhotoCrop(358, 441)).toEqual({ left: 0, top: 0, width: 358, height: 441 });
  });

  it('accepts a clerk’s crop inside the picture, at least 358×441 and close to 26:32', () => {
    expect(photoCropProblem({ left: 40, top: 100, width: 520, height: 640 }, 1200, 1600)).toBeNull();
    expect(photoCropProblem({ left: 0, top: 0, width: 530, height: 640 }, 1200, 1600)).toBeNull(); // within 2 %
  });

  it('refuses a crop outside the picture, too small or of another proportion', () => {
    expect(photoCropProblem({ left: 800, top: 0, width: 520, height: 640 }, 1200, 1600)).toContain('超出了照片范围');
    expect(photoCropProblem({ left: 0, top: 0, width: 260, height: 320 }, 1200, 1600)).toContain('至少应为 358×441');
    expect(photoCropProblem({ left: 0, top: 0, width: 600, height: 600 }, 1200, 1600)).toContain('26∶32');
  });
});

describe('what a file really is', () => {
  const bytes = (...values: (number | string)[]) =>
    new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

  it('tells JPEG and PNG by their magic bytes, whatever the name', () => {
    expect(sniffFileKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFileKind(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
  });

  it('names the usual wrong files: GIF, PDF, HEIC, WebP, text, empty', () => {
    expect(sniffFileKind(bytes('GIF89a'))).toBe('gif');
    expect(sniffFileKind(bytes('%PDF-1.7'))).toBe('pdf');
    expect(sniffFileKind(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBe('heic');
    expect(sniffFileKind(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('webp');
    expect(sniffFileKind(new TextEncoder().encode('学籍照片说明\r\n'))).toBe('text');
    expect(sniffFileKind(new Uint8Array())).toBe('empty');
    expect(sniffFileKind(bytes(0, 1, 2, 3))).toBe('unknown');
  });
});
