/**
 * Forms printed from records rather than cases (issue 6): 学籍卡 of one student and of a whole
 * class in one PDF, the class's 花名册, the 中职 毕业生信息登记表 (VOC-2) and the setup's 恢复码保管单.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdfText';
import { base, caseCore, type CaseCore, openAndApprove, register, studentOf } from './casesSupport';

const photo = () =>
  sharp({ create: { width: 358, height: 441, channels: 3, background: { r: 140, g: 200, b: 240 } } })
    .jpeg()
    .toBuffer();

/** 张晨阳, 李子涵 (休学) and 王雨桐 in 八年级（1）班, 赵一诺 gone abroad; 李子涵 has a photo. */
async function eighthGrade() {
  const t = await caseCore([8]);
  const classId = t.classes[8]!;
  const [zhang, li, wang, zhao] = [
    await register(t, classId, studentOf(8, 1, { name: '张晨阳' })),
    await register(t, classId, studentOf(8, 2, { name: '李子涵' })),
    await register(t, classId, studentOf(8, 3, { name: '王雨桐' })),
    await register(t, classId, studentOf(8, 4, { name: '赵一诺' })),
  ];
  await t.call('setStudentPhoto', li!.id, { fileName: '李子涵.jpg', base64: (await photo()).toString('base64') });
  await openAndApprove(t, {
    ...base,
    kind: 'suspension',
    studentId: li!.id,
    ground: 'forceMajeure',
    period: { startDate: '2026-09-01', endDate: '2027-01-20' },
  });
  await openAndApprove(t, { ...base, kind: 'goingAbroad', studentId: zhao!.id });
  return { ...t, classId, zhang: zhang!, li: li!, wang: wang!, zhao: zhao! };
}

const pagesOf = (base64: string) => pdfText(Buffer.from(base64, 'base64'));

async function generated(t: CaseCore) {
  return (await t.call('listAuditEvents', { action: 'form.generate', limit: 10, offset: 0 })).rows;
}

describe('学籍卡', () => {
  it('prints one student’s card with the photo, the record and the approved movements', async () => {
    const t = await eighthGrade();
    const card = await t.call('generateForm', { form: 'studentCard', studentId: t.li.id });
    expect(card).toMatchObject({
      form: 'studentCard',
      title: '学籍卡',
      fileName: '学籍卡_八年级（1）班_李子涵_1114000001-2026-000001.pdf',
      pages: 1,
    });
    const [page] = await pagesOf(card.base64);
    for (const printed of ['李子涵', '八年级（1）班', t.li.idNumber, '休学']) expect(page).toContain(printed);
    expect(Buffer.from(card.base64, 'base64').toString('latin1')).toContain('/Subtype /Image');
    expect((await generated(t))[0]).toMatchObject({ objectType: 'student', objectId: t.li.idNumber });
    const abroad = await t.call('generateForm', { form: 'studentCard', studentId: t.zhao.id });
    expect((await pagesOf(abroad.base64)).join('\n')).toMatch(/赵一诺[\s\S]*出国/);
  });

  it('CHG-3 prints the class’s 在读 and 休学 students’ cards in roll order, one a page, in one PDF', async () => {
    const t = await eighthGrade();
    const cards = await t.call('generateForm', { form: 'classStudentCards', classId: t.classId });
    expect(cards).toMatchObject({
      form: 'studentCard',
      fileName: '学籍卡_八年级（1）班_3人_1114000001-2026-000001.pdf',
      pages: 3,
    });
    const pages = await pagesOf(cards.base64);
    // Roll order is by pinyin: li, wang, zhang; 赵一诺 went abroad and has no card here.
    expect(pages.map((page) => ['李子涵', '王雨桐', '张晨阳'].find((name) => page.includes(name)))).toEqual([
      '李子涵',
      '王雨桐',
      '张晨阳',
    ]);
    expect(pages.join('\n')).not.toContain('赵一诺');
    expect(pages.every((page) => page.includes(`表格编号：${cards.formNumber}`))).toBe(true);
    expect((await generated(t))[0]).toMatchObject({
      objectType: 'class',
      objectId: String(t.classId),
      details: { form: 'studentCard', pages: 3, studentCount: 3, class: '八年级（1）班' },
    });
  });

  it('refuses the cards of a class without current students', async () => {
    const t = await eighthGrade();
    const classes = await t.call('saveClass', { grade: 8, number: 2, headTeacher: '', capacity: 45 });
    const empty = classes.find((c) => c.grade === 8 && c.number === 2)!;
    await expect(t.call('generateForm', { form: 'classStudentCards', classId: empty.id })).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '八年级（2）班没有在读或休学的学生，没有可打印的学籍卡。请先在该班登记学生。',
    });
  });
});

describe('花名册', () => {
  it('lists the class’s 在读 and 休学 students in roll order', async () => {
    const t = await eighthGrade();
    const roster = await t.call('generateForm', { form: 'classRoster', classId: t.classId });
    expect(roster).toMatchObject({ form: 'classRoster', fileName: '花名册_八年级（1）班_1114000001-2026-000001.pdf' });
    const text = (await pagesOf(roster.base64)).join('\n');
    const positions = ['李子涵', '王雨桐', '张晨阳'].map((name) => text.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('赵一诺');
  });
});

describe('毕业生信息登记表', () => {
  it('VOC-2 prints a 中职 student’s registration form with the name of the major', async () => {
    const t = await caseCore([12], { type: '360', provincialModel: false });
    await t.call('saveMajor', { code: '710201', name: '计算机应用', years: 3, active: true });
    const student = await register(
      t,
      t.classes[12]!,
      studentOf(12, 5, { name: '张伟', majorCode: '710201', schoolingYears: '3', studyMode: '1' }),
    );
    const form = await t.call('generateForm', { form: 'graduateRegistration', studentId: student.id });
    expect(form).toMatchObject({
      form: 'graduateRegistration',
      fileName: '毕业生信息登记表_张伟_1114000001-2026-000001.pdf',
    });
    const text = (await pagesOf(form.base64)).join('\n');
    for (const printed of ['张伟', '计算机应用', student.idNumber]) expect(text).toContain(printed);
  });
});

describe('恢复码保管单', () => {
  it('prints the sheet for the code that opens the recovery slot, typed as from paper, and never logs the code', async () => {
    const t = await caseCore([8]);
    const typed = t.recoveryCode.toLowerCase().replaceAll('-', ' ');
    const sheet = await t.call('recoveryCodeSheet', typed);
    expect(sheet).toMatchObject({
      form: 'recoveryCode',
      title: '恢复码保管单',
      fileName: '恢复码保管单_阳泉市第一中学_1114000001-2026-000001.pdf',
    });
    const text = (await pagesOf(sheet.base64)).join('\n').replaceAll(/\s/g, '');
    expect(text).toContain(t.recoveryCode);
    expect(text).toContain('王丽');
    const events = await generated(t);
    expect(events[0]).toMatchObject({ objectType: 'installation', details: { form: 'recoveryCode' } });
    const log = JSON.stringify(await t.call('listAuditEvents', { limit: 500, offset: 0 }));
    for (const group of t.recoveryCode.split('-')) expect(log).not.toContain(group);
  });
});
