/**
 * The case forms as a clerk holds them: rendered to PDF with the bundled
 * fonts and read back, every label and value in reading order, one A4 page,
 * long values whole and inside the margins.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/changes/caseRecords';
import {
  basicInfoChange,
  movementApproval,
  suspensionResumption,
  transferContact,
} from '../../electron/core/forms/layouts';
import {
  caseData,
  changeMajorCase,
  dropoutCase,
  frameFor,
  girlBasics,
  girlRecord,
  longAddress,
  longReason,
  longSchoolName,
  nameChangeCase,
  newStudentBasics,
  repeatGradeCase,
  resumptionCase,
  seniorSchool,
  suspensionCase,
  transferInCase,
  transferOutCase,
  vocationalGraduate,
  vocationalSchool,
} from './formLayoutFixtures';
import { expectInOrder, expectInsideMargins, expectWhole, renderForm, squeeze } from './formRendering';

const changeTitle = '阳泉市中小学生基本信息变更申请表';
const transferTitle = '阳泉市中小学转学联系表';
const suspensionTitle = '山西省中小学生休学、复学申请表';
const movementTitle = '学籍异动审批表';

/** The header and footer every form carries (DESIGN.md §6). */
const header = [
  '阳泉市第一中学',
  '学校标识码：3140300001',
  '表格编号：3140300001-2026-000123',
  '填表日期：2026年11月27日',
];
const footer = ['经办人：王建华', '生成时间：2026年11月27日 09:05', '校验码：3F9A-1C2B', '第 1 页／共 1 页'];

/** 姓名 … 班主任 of the student block, as the DOMAIN.md change form lists them. */
const studentBlock = [
  '姓名',
  '王晓雨',
  '性别',
  '女',
  '全国学籍号',
  'G140302200905140021',
  '年级班级',
  '高二（3）班',
  '身份证件',
  '居民身份证 140302200905140021',
  '类型和号码',
  '监护人',
  '李秀梅（母亲）',
  '监护人电话',
  '13903530003',
];

describe('《阳泉市中小学生基本信息变更申请表》', () => {
  it('DAT-2 prints the header, the student, the change table, the signatures and the footer in reading order', async () => {
    const form = await renderForm(basicInfoChange(caseData(nameChangeCase), frameFor(changeTitle)));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      ...header,
      changeTitle,
      ...studentBlock,
      '申请日期',
      '2026年11月20日',
      '班主任',
      '张丽',
      '序号',
      '变更项目',
      '变更前',
      '变更后',
      '变更原因',
      '1',
      '姓名',
      '王晓雨',
      '王筱雨',
      '现住址',
      '3',
      '户口性质',
      '非农业户口',
      '农业户口',
      '监护人签字',
      '班主任签字',
      '学籍管理员（经办人）签字',
      '学校意见',
      '县（区）教育局学籍',
      '此件与原件相符',
      ...footer,
    ]);
    expectWhole(form.text[0]!, '户口簿姓名已变更，派出所已出具变更证明');
    expectWhole(form.text[0]!, '阳泉市矿区桃北西街 8 号');
  });

  it('DAT-2 ticks the evidence kinds uploaded on the case and leaves the others empty', async () => {
    const form = await renderForm(basicInfoChange(caseData(nameChangeCase), frameFor(changeTitle)));
    const page = squeeze(form.text[0]!);

    expect(page).toContain('□✓户口簿户主页和本人页');
    expect(page).toContain('□✓公安机关变更证明');
    for (const empty of ['出生医学证明', '身份证复印件', '其他证明材料']) {
      expect(page).toContain(`□${empty}`);
      expect(page).not.toContain(`✓${empty}`);
    }
  });

  it('OPS-3 prints the school decision recorded from the paper, and lines to write on for the county bureau', async () => {
    const form = await renderForm(basicInfoChange(caseData(nameChangeCase), frameFor(changeTitle)));

    expectInOrder(form.text[0]!, [
      '审核意见：同意变更。',
      '审核人：赵校长',
      '文号：阳一中学籍〔2026〕17号',
      '学校意见',
      '校长签字：',
      '（公章）',
      '2026年11月21日',
      '县（区）教育局学籍',
      '管理部门意见',
      '审核人签字：',
      '（公章）',
      '年 月 日',
    ]);
  });

  it('keeps a 200-character reason, a 40-character address and a 60-character school name whole on one page', async () => {
    expect([...longReason]).toHaveLength(200);
    expect([...longAddress]).toHaveLength(40);
    expect([...longSchoolName]).toHaveLength(60);
    const school = { ...seniorSchool, name: longSchoolName };
    const record: CaseRecord = {
      ...nameChangeCase,
      input: { ...nameChangeCase.input, reason: longReason },
      items: [
        ...nameChangeCase.items,
        { field: 'homeAddress', label: '家庭地址', before: girlBasics.homeAddress, after: longAddress },
        { field: 'birthPlace', label: '出生地', before: '140302', after: '140311' },
      ],
    };
    const form = await renderForm(basicInfoChange(caseData(record, { school }), frameFor(changeTitle, school)));

    expect(form.pages).toBe(1);
    expectWhole(form.text[0]!, longSchoolName);
    expectWhole(form.text[0]!, longReason);
    expectWhole(form.text[0]!, longAddress);
    expectInOrder(form.text[0]!, ['出生地', '山西省阳泉市城区', '山西省阳泉市郊区', ...footer]);
    await expectInsideMargins(form.pdf);
  });
});

describe('《阳泉市中小学转学联系表》', () => {
  it('CHG-1 compares the sending and the receiving school of a 转出 and asks each approver in turn', async () => {
    const form = await renderForm(transferContact(caseData(transferOutCase), frameFor(transferTitle)));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      ...header,
      `${transferTitle}（转出）`,
      ...studentBlock,
      '学校名称',
      '学校类型',
      '办学类型',
      '招生区域',
      '转出学校',
      '阳泉市第一中学',
      '高级中学',
      '公办',
      '是',
      '阳泉市城区',
      '转入学校',
      '太原市第五中学',
      '高级中学',
      '公办',
      '是',
      '太原市杏花岭区',
      '转学理由',
      '家庭居住地迁移且户籍已迁入',
      '迁移范围',
      '跨市',
      '户口所在地',
      '山西省阳泉市城区',
      '是',
      '申请理由',
      '父母工作调动，全家迁往太原市',
      '佐证材料',
      '转学申请；户口迁移证明',
      '监护人（申请人）签字',
      '转入学校意见',
      '审核意见：情况属实，同意。',
      '转入学校主管教育局',
      '审核人：孙志刚',
      '文号：杏教学籍〔2026〕88号',
      '2026年8月24日',
      '转出学校意见',
      '转出学校主管教育局',
      ...footer,
    ]);
  });

  it('TRF-3 prints a new student’s 转入 from the case’s basics, with the paper procedure of 普通高中', async () => {
    const data = caseData(transferInCase, { student: null, newStudent: newStudentBasics });
    const form = await renderForm(transferContact(data, frameFor(transferTitle)));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      `${transferTitle}（转入）`,
      '陈浩然',
      '男',
      'G140303200908230010',
      '高二（3）班',
      '居民身份证 140303200908230010',
      '陈立军（父亲）',
      '13703530111',
      '太原市第五中学',
      '阳泉市第一中学',
      '外来务工的父母务工地变化',
      '山西省阳泉市矿区',
      '不适用（父母务工地变化）',
      '父母工作调动证明',
      '普通高中学生转学',
      '纸质审批手续',
    ]);
  });
});

describe('《山西省中小学生休学、复学申请表》', () => {
  it('CHG-2 ticks 休学 and prints the ground, the period and the leave the hospital prescribed', async () => {
    const form = await renderForm(suspensionResumption(caseData(suspensionCase), frameFor(suspensionTitle)));
    const page = form.text[0]!;

    expect(form.pages).toBe(1);
    expect(squeeze(page)).toContain('□✓休学□复学');
    expectInOrder(page, [
      suspensionTitle,
      ...studentBlock,
      '申请类别',
      '休学原因',
      '因病（须县级以上医院病历，需休学时间超过一学期的三分之一）',
      '休学期间',
      '2026年9月14日至2027年7月10日（共 300 天）',
      '病历建议休息',
      '120 天',
      '申请理由',
      '学生患病需住院治疗',
      '县级以上医院病历或诊断证明',
      '学校意见',
      '县（区）教育局学籍',
      '休学一般为一年',
      ...footer,
    ]);
  });

  it('CHG-4 ticks 复学 and prints the class the student returns to and the new 学籍辅号', async () => {
    const data = caseData(resumptionCase, {
      classLabel: '高一（2）班',
      student: { ...girlRecord, status: 'suspended' },
    });
    const form = await renderForm(suspensionResumption(data, frameFor(suspensionTitle)));

    expect(form.pages).toBe(1);
    expect(squeeze(form.text[0]!)).toContain('□休学□✓复学');
    expectInOrder(form.text[0]!, [
      '原班级',
      '高二（3）班',
      '复学班级',
      '高一（2）班',
      '原学籍辅号',
      '14030220250037',
      '新学籍辅号',
      '14030220260415',
      '病已痊愈',
      '医院康复证明',
      '重新编制学籍辅号',
    ]);
  });
});

describe('学籍异动审批表', () => {
  it('CHG-2 prints a 退学 with the status before and after, and the school’s recorded decision', async () => {
    const form = await renderForm(movementApproval(caseData(dropoutCase), frameFor(movementTitle)));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      `${movementTitle}（退学）`,
      ...studentBlock,
      '异动类型',
      '退学',
      '现学籍状态',
      '在读',
      '异动后学籍状态',
      '退学',
      '异动原因',
      '学生本人及监护人申请退学',
      '监护人签字的退学申请',
      '审核意见：情况属实，同意。',
      '学校意见',
      '2026年11月21日',
      '县（区）教育局学籍',
      '一周内办结',
      ...footer,
    ]);
  });

  it('CHG-4 prints the class a 留级 goes to, with the school as its only approver', async () => {
    const data = caseData(repeatGradeCase, { classLabel: '高一（2）班' });
    const form = await renderForm(movementApproval(data, frameFor(movementTitle)));
    const page = form.text[0]!;

    expectInOrder(page, [
      '（留级）',
      '年级班级',
      '高二（3）班',
      '原班级',
      '高二（3）班',
      '留级到班级',
      '高一（2）班',
      '学校意见',
      '校长签字：',
    ]);
    expect(page).not.toContain('教育局学籍');
    expect(page).not.toContain('一周内办结');
  });

  it('VOC-5 prints both majors of a 转专业 and the 文号 of the bureau’s written consent', async () => {
    const data = caseData(changeMajorCase, {
      student: vocationalGraduate,
      school: vocationalSchool,
      classLabel: vocationalGraduate.classLabel,
    });
    const form = await renderForm(movementApproval(data, frameFor(movementTitle, vocationalSchool)));

    expect(form.pages).toBe(1);
    expectInOrder(form.text[0]!, [
      '阳泉市第二职业中学',
      '（转专业）',
      '原专业',
      '710201 计算机应用',
      '转入专业',
      '730701 电子商务',
      '教育主管部门',
      '阳教职〔2026〕12号',
      '同意文号',
      '转专业申请；教育主管部门书面同意意见',
    ]);
  });
});

describe('every case form', () => {
  const long = <T extends CaseRecord>(record: T): CaseRecord => ({
    ...record,
    input: { ...record.input, reason: longReason },
  });

  it.each([
    ['转学联系表', () => transferContact(caseData(long(transferOutCase)), frameFor(transferTitle))],
    ['休学复学申请表', () => suspensionResumption(caseData(long(suspensionCase)), frameFor(suspensionTitle))],
    ['学籍异动审批表', () => movementApproval(caseData(long(dropoutCase)), frameFor(movementTitle))],
  ])('%s keeps a 200-character reason whole on one page, inside the margins', async (_name, layout) => {
    const form = await renderForm(layout());

    expect(form.pages).toBe(1);
    expectWhole(form.text[0]!, longReason);
    await expectInsideMargins(form.pdf);
  });
});
