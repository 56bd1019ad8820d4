/** Finding students on the roll through core on a real database (issue 4; rules REG-1, OPS-2). */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { StudentQuery } from '../../shared/register/students';
import { samplePupil, setUpCore } from './fixtures';

/** Three classes created out of order, six pupils; names chosen for their pinyin. */
async function roll() {
  const t = await setUpCore();
  const save = (grade: number, number: number) => t.call('saveClass', { grade, number, headTeacher: '', capacity: 45 });
  await save(2, 1);
  await save(1, 2);
  const classes = await save(1, 1);
  const classId = (label: string) => classes.find((c) => c.label === label)!.id;
  const pupils: [string, string][] = [
    ['一年级（1）班', '张三丰'],
    ['一年级（1）班', '单田芳'],
    ['一年级（1）班', '李小红'],
    ['一年级（2）班', '张伟'],
    ['二年级（1）班', '曾国藩'],
    ['二年级（1）班', '阿依古丽·买买提'],
  ];
  const ids: Record<string, number> = {};
  for (const [index, [label, name]] of pupils.entries()) {
    const { student } = await t.call('registerStudent', classId(label), samplePupil(index + 1, { name }));
    ids[name] = student.id;
  }
  const find = async (query: Partial<StudentQuery>) =>
    (await t.call('listStudents', { limit: 50, offset: 0, ...query })).rows.map((row) => row.name);
  return { ...t, classId, ids, find };
}

describe('finding students', () => {
  it('by pinyin initials or the start of the full pinyin, in any case', async () => {
    const { find } = await roll();
    expect(await find({ text: 'zsf' })).toEqual(['张三丰']);
    expect(await find({ text: 'ZSF' })).toEqual(['张三丰']);
    expect(await find({ text: 'zhangs' })).toEqual(['张三丰']);
    expect(await find({ text: 'zhang san' })).toEqual(['张三丰']);
    expect(await find({ text: 'zh' })).toEqual(['张三丰', '张伟']);
    expect(await find({ text: 'ayg' })).toEqual(['阿依古丽·买买提']);
  });

  it('reads a polyphonic surname as a surname: 单 shan, 曾 zeng', async () => {
    const { find } = await roll();
    expect(await find({ text: 'stf' })).toEqual(['单田芳']);
    expect(await find({ text: 'dtf' })).toEqual([]);
    expect(await find({ text: 'zengguo' })).toEqual(['曾国藩']);
  });

  it('by part of the name, and by the start of an ID number or 学籍号', async () => {
    const t = await roll();
    expect(await t.find({ text: '三丰' })).toEqual(['张三丰']);
    expect(await t.find({ text: '古丽·买' })).toEqual(['阿依古丽·买买提']);
    const zhangWei = samplePupil(4).idNumber;
    expect(await t.find({ text: zhangWei.slice(0, 17) })).toEqual(['张伟']);
    expect(await t.find({ text: '１４０３０２２０１９' })).toHaveLength(6);
    expect(await t.find({ text: zhangWei.slice(3, 10) })).toEqual([]);
    const record = await t.call('getStudent', t.ids['张伟']!);
    await t.call('updateStudent', record.id, { ...record.basics, studentNumber: `G${zhangWei}` });
    expect(await t.find({ text: `g${zhangWei.slice(0, 16)}` })).toEqual(['张伟']);
  });

  it('takes typed %, _ and * literally, never as wildcards', async () => {
    const { find } = await roll();
    for (const text of ['%', '_', '张%', '%三', '张_丰', 'z*', '*', '[z]sf'])
      expect(await find({ text }), text).toEqual([]);
  });
});

describe('the roll', () => {
  it('is in grade and class order, then by name in pinyin order, with the total and pages', async () => {
    const t = await roll();
    const all = await t.call('listStudents', { limit: 50, offset: 0 });
    expect(all.rows.map((row) => `${row.classLabel} ${row.name}`)).toEqual([
      '一年级（1）班 李小红',
      '一年级（1）班 单田芳',
      '一年级（1）班 张三丰',
      '一年级（2）班 张伟',
      '二年级（1）班 阿依古丽·买买提',
      '二年级（1）班 曾国藩',
    ]);
    const page = await t.call('listStudents', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 6, rows: [{ name: '张三丰' }, { name: '张伟' }] });
    expect(await t.call('listStudents', { limit: 2, offset: 10 })).toEqual({ rows: [], total: 6 });
  });

  it('filters by grade, class and status, together with text', async () => {
    const t = await roll();
    expect(await t.find({ grade: 2 })).toEqual(['阿依古丽·买买提', '曾国藩']);
    expect(await t.find({ classId: t.classId('一年级（2）班') })).toEqual(['张伟']);
    expect(await t.find({ grade: 1, text: 'zh' })).toEqual(['张三丰', '张伟']);
    expect(await t.find({ classId: t.classId('一年级（1）班'), text: 'zh' })).toEqual(['张三丰']);
    expect(await t.find({ status: 'enrolled' })).toHaveLength(6);
    expect(await t.find({ status: 'suspended' })).toEqual([]);
  });

  it('REG-1 flags the records still without a 全国学籍号', async () => {
    const t = await roll();
    const record = await t.call('getStudent', t.ids['李小红']!);
    await t.call('updateStudent', record.id, { ...record.basics, studentNumber: `G${record.idNumber}` });
    expect(await t.find({ flag: 'noStudentNumber' })).toEqual([
      '单田芳',
      '张三丰',
      '张伟',
      '阿依古丽·买买提',
      '曾国藩',
    ]);
  });

  it('flags the records without a photo', async () => {
    const t = await roll();
    const photo = await sharp({ create: { width: 716, height: 882, channels: 3, background: '#8cc8f0' } })
      .jpeg()
      .toBuffer();
    await t.call('setStudentPhoto', t.ids['曾国藩']!, { fileName: '照片.jpg', base64: photo.toString('base64') });
    const withoutPhoto = await t.call('listStudents', { flag: 'noPhoto', limit: 50, offset: 0 });
    expect(withoutPhoto.total).toBe(5);
    expect(withoutPhoto.rows.map((row) => row.name)).not.toContain('曾国藩');
    expect(withoutPhoto.rows.every((row) => !row.hasPhoto)).toBe(true);
  });

  it('OPS-2 flags both records of a possible duplicate: same name, birth date and sex', async () => {
    const t = await roll();
    expect(await t.find({ flag: 'possibleDuplicate' })).toEqual([]);
    await t.call('registerStudent', t.classId('一年级（2）班'), samplePupil(9, { name: '李小红' }));
    const flagged = await t.call('listStudents', { flag: 'possibleDuplicate', limit: 50, offset: 0 });
    expect(flagged.rows.map((row) => `${row.classLabel} ${row.name}`)).toEqual([
      '一年级（1）班 李小红',
      '一年级（2）班 李小红',
    ]);
  });
});
