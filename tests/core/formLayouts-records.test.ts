/**
 * The record forms as a clerk holds them: the 学籍卡 (alone and a class's
 * worth joined), the 花名册, the 中职 毕业生信息登记表 and the 恢复码保管单,
 * rendered with the bundled fonts and read back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { changeableFields } from '../../shared/changes/changeItems';
import { studentFieldLabels } from '../../shared/register/students';
import { classRoster, graduateRegistration, recoveryCode, studentCard } from '../../electron/core/forms/layouts';
import { oneDocument } from '../../electron/core/forms/oneDocument';
import type { StudentCardData } from '../../electron/core/forms/formData';
import {
  frameFor,
  girlBasics,
  girlRecord,
  graduateData,
  longAddress,
  photoJpeg,
  recoveryData,
  resumptionCase,
  rosterData,
  seniorSchool,
  suspensionCase,
  vocationalGraduate,
  vocationalSchool,
} from './formLayoutFixtures';
import { expectInOrder, expectInsideMargins, expectWhole, pageBoxes, renderForm, squeeze } from './formRendering';

/** 26 × 32 mm in points. */
const photoPoints = [(26 * 72) / 25.4, (32 * 72) / 25.4];

let photo: Buffer;
beforeAll(async () => {
  photo = await photoJpeg();
});

const cardOf = (extra: Partial<StudentCardData> = {}): StudentCardData => ({
  student: girlRecord,
  photoJpeg: photo,
  movements: [
    { ...suspensionCase, status: 'approved' },
    { ...resumptionCase, status: 'approved' },
  ],
  school: seniorSchool,
  majorNames: { '710201': '计算机应用', '730701': '电子商务' },
  ...extra,
});

/** 中职 fields are printed by 中职 schools only. */
const vocationalFields = new Set(['majorCode', 'schoolingYears', 'studyMode', 'studentCategory', 'teachingSite']);

describe('学籍卡', () => {
  it('SCH-3 prints every field of the national template under its label, on one page', async () => {
    const form = await renderForm(studentCard(cardOf(), frameFor('学籍卡')));
    const page = squeeze(form.text[0]!);

    expect(form.pages).toBe(1);
    for (const field of changeableFields.filter((key) => !vocationalFields.has(key))) {
      expect(page, field).toContain(squeeze(studentFieldLabels[field]!));
    }
    expectInOrder(form.text[0]!, [
      '学籍卡',
      '姓名',
      '王晓雨',
      '性别',
      '女',
      '出生日期',
      '2009年5月14日',
      '民族',
      '汉族',
      '身份证件类型',
      '居民身份证',
      '身份证件号',
      '140302200905140021',
      '全国学籍号',
      'G140302200905140021',
      '学籍辅号',
      '14030220250037',
      '班级',
      '高二（3）班',
      '学籍状态',
      '在读',
      '姓名拼音',
      'WANG XIAOYU',
      '政治面貌',
      '共青团员',
      '健康状况',
      '健康或良好',
      '特长',
      '钢琴',
      '户口性质',
      '非农业户口',
      '出生地',
      '山西省阳泉市城区',
      '入学年月',
      '2025年9月',
      '入学方式',
      '统招',
      '就读方式',
      '住校',
      '联系电话',
      '13803530001',
      '现住址',
      '阳泉市城区北大街 12 号院 3 号楼',
      '是否独生子女：是',
      '是否留守儿童：非留守儿童',
      '残疾类型：无残疾',
    ]);
    expectWhole(form.text[0]!, 'wangxy@example.cn');
  });

  it('prints the photo at the register’s 26 × 32 mm', async () => {
    const form = await renderForm(studentCard(cardOf(), frameFor('学籍卡')));
    const [page] = await pageBoxes(form.pdf);

    expect(page!.images).toHaveLength(1);
    expect(page!.images[0]![0]).toBeCloseTo(photoPoints[0]!, 0);
    expect(page!.images[0]![1]).toBeCloseTo(photoPoints[1]!, 0);
    expect(squeeze(form.text[0]!)).not.toContain('照片');
  });

  it('leaves a framed 照片 box to glue a print in when the register has no photo', async () => {
    const form = await renderForm(studentCard(cardOf({ photoJpeg: null }), frameFor('学籍卡')));
    const [page] = await pageBoxes(form.pdf);

    expect(page!.images).toHaveLength(0);
    expectInOrder(form.text[0]!, ['姓名', '王晓雨', '照片']);
  });

  it('prints the family members, the approved movements, 奖惩 and 学习简历', async () => {
    const form = await renderForm(studentCard(cardOf(), frameFor('学籍卡')));

    expectInOrder(form.text[0]!, [
      '关系',
      '姓名',
      '监护人',
      '联系电话',
      '身份证件号',
      '父亲',
      '王建国',
      '否',
      '13803530002',
      '140302198003020012',
      '母亲',
      '李秀梅',
      '是',
      '13903530003',
      '序号',
      '异动类型',
      '申请日期',
      '办理状态',
      '1',
      '休学',
      '2026年9月10日',
      '已办结',
      '2',
      '复学',
      '2027年7月15日',
      '已办结',
      '类别',
      '名称',
      '级别',
      '奖励',
      '三好学生',
      '市级',
      '2026年6月20日',
      '阳泉市教育局',
      '学年品学兼优',
      '处分',
      '警告',
      '校级',
      '2026年3月2日',
      '多次旷课',
      '2026年9月1日',
      '起止年月',
      '学习单位',
      '2015年9月—2021年7月',
      '阳泉市实验小学',
      '刘芳',
      '2024年9月—至今',
      '阳泉市第一中学',
      '班长',
      '张丽',
      '学籍管理员签字：',
      '学校（公章）',
    ]);
    expectWhole(form.text[0]!, '阳泉煤业集团（工程师）');
  });

  it('says 无 where the record has no movements, and keeps a 40-character address inside the margins', async () => {
    const student = { ...girlRecord, basics: { ...girlBasics, currentAddress: longAddress } };
    const form = await renderForm(studentCard(cardOf({ student, movements: [] }), frameFor('学籍卡')));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, ['异动类型', '办理状态', '无', '奖惩单位']);
    expectWhole(form.text[0]!, longAddress);
    await expectInsideMargins(form.pdf);
  });

  it('VOC-2 prints the 中职 fields on a 中职 student’s card', async () => {
    const data = cardOf({ student: vocationalGraduate, school: vocationalSchool });
    const form = await renderForm(studentCard(data, frameFor('学籍卡', vocationalSchool)));

    expectInOrder(form.text[0]!, [
      '专业',
      '710201 计算机应用',
      '学制',
      '3年',
      '学习形式',
      '全日制',
      '学生类别',
      '应届初中毕业生',
    ]);
  });

  it('joins a class’s cards into one PDF, each card on a page of its own', async () => {
    const classmates = rosterData(3).students;
    const frame = frameFor('学籍卡');
    const cards = classmates.map((student) => studentCard(cardOf({ student, photoJpeg: null }), frame));
    const form = await renderForm(oneDocument(cards));

    expect(form.pages).toBe(3);
    classmates.forEach((student, index) => {
      expectInOrder(form.text[index]!, [
        '学籍卡',
        '姓名',
        student.name,
        student.idNumber,
        `第 ${index + 1} 页／共 3 页`,
      ]);
    });
  });
});

describe('花名册', () => {
  const heads = ['序号', '姓名', '性别', '出生日期', '身份证件号', '全国学籍号', '状态', '监护人', '联系电话'];

  it('CHG-3 lists the class’s students in roll order, the suspended one included, with full ID numbers', async () => {
    const form = await renderForm(classRoster(rosterData(4), frameFor('花名册')));
    const [page] = await pageBoxes(form.pdf);
    const [first, second, third, fourth] = rosterData(4).students;

    expect(page!.width).toBeGreaterThan(page!.height);
    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      '花名册',
      '班级：高二（3）班',
      '班主任：张丽',
      '人数：4 人（在读 3 人，休学 1 人）',
      ...heads,
      '1',
      first!.name,
      '女',
      '2009年5月14日',
      '140302200905140021',
      'G140302200905140021',
      '在读',
      '李秀梅（母亲）',
      '13903530003',
      '2',
      second!.name,
      '3',
      third!.name,
      '4',
      fourth!.name,
      fourth!.idNumber,
      '休学',
      '班主任签字：',
      '学籍管理员签字：',
      '学校（公章）',
      '第 1 页／共 1 页',
    ]);
  });

  it('repeats the column heads on every page of a class of 48', async () => {
    const data = rosterData(48);
    const form = await renderForm(classRoster(data, frameFor('花名册')));

    expect(form.pages).toBe(3);
    form.text.forEach((text, index) => {
      expectInOrder(text, [
        '阳泉市第一中学',
        '表格编号：3140300001-2026-000123',
        ...heads,
        `第 ${index + 1} 页／共 3 页`,
      ]);
    });
    expectInOrder(form.text[2]!, ['48', data.students[47]!.name, data.students[47]!.idNumber, '班主任签字：']);
    await expectInsideMargins(form.pdf);
  });
});

describe('毕业生信息登记表', () => {
  const title = '毕业生信息登记表';

  it('VOC-2 prints the graduate, the major, 学习简历, 奖惩, the comment and the school’s box on one page', async () => {
    const form = await renderForm(graduateRegistration(graduateData(photo), frameFor(title, vocationalSchool)));
    const [page] = await pageBoxes(form.pdf);

    expect(form.pages).toBe(1);
    expect(page!.images).toHaveLength(1);
    expectInOrder(form.text[0]!, [
      '阳泉市第二职业中学',
      '学校标识码：3140300077',
      title,
      '姓名',
      '王晓雨',
      '身份证件',
      '居民身份证 140302200905140021',
      '专业',
      '计算机应用',
      '学制',
      '3年',
      '入学年月',
      '2024年9月',
      '毕业年月',
      '2027年7月（预计）',
      '家庭地址',
      '起止年月',
      '2024年9月—至今',
      '阳泉市第二职业中学',
      '三好学生',
      '评语人：张丽',
      '2027年5月20日',
      '毕业生本人签字',
      '班主任签字',
      '校长签字：',
      '（公章）',
    ]);
    expectWhole(form.text[0]!, vocationalGraduate.graduationComment!.text);
  });

  it('GRD-1 prints the month the register recorded the graduation, and lines for a comment not yet written', async () => {
    const student = {
      ...vocationalGraduate,
      graduationComment: null,
      history: [
        { field: 'status', before: 'enrolled', after: 'graduated', at: '2027-07-01T10:00:00.000', by: 'wangjh' },
      ],
    };
    const form = await renderForm(
      graduateRegistration({ ...graduateData(null), student }, frameFor(title, vocationalSchool)),
    );
    const page = squeeze(form.text[0]!);

    expect(page).toContain('毕业年月2027年7月');
    expect(page).not.toContain('预计');
    expectInOrder(form.text[0]!, ['照片', '毕业评语', '评语人：', '年 月 日']);
  });
});

describe('恢复码保管单', () => {
  it('prints the school, the administrator and the code large, with how to keep it, on one page', async () => {
    const form = await renderForm(recoveryCode(recoveryData, frameFor('恢复码保管单')));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      '恢复码保管单',
      '学校名称',
      '阳泉市第一中学',
      '学校标识码',
      '3140300001',
      '管理员',
      '王建华',
      '生成时间',
      '2026年11月27日 09:05',
      '恢复码',
      '7K2QH-9XWMZ-C4T8N-RB3VJ-6YPD5-GH2QE',
      '没有字母 I、L、O、U',
      '用途',
      '保管要求',
      '保险柜',
      '不得保存在电脑、手机或网盘中',
      '移交人（管理员）签字：',
      '保管人签字：',
    ]);
  });
});
