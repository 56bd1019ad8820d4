/**
 * Register facts for the form layouts' tests: a 普通高中 school and a 中职
 * one, a senior-high girl with a full record (two family members, the mother
 * her guardian, 奖惩, 学习简历), a case of every form kind, a class roster,
 * a 中职 graduate, and the long values that must wrap (a 40-character
 * address, a 200-character reason, a long school name). ID numbers carry a
 * correct check character.
 */
import sharp from 'sharp';
import type { CaseInput, CaseRecord, EvidenceInfo, RecordedDecision } from '../../shared/changes/caseRecords';
import type { Approver } from '../../shared/changes/approvals';
import { requiredEvidence, type EvidenceKind, formFor } from '../../shared/changes/evidence';
import type { SchoolProfile } from '../../shared/register/school';
import type { SchoolClass, StudentRecord } from '../../shared/register/students';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { archiveItemsFor } from '../../shared/register/studentRecords';
import { residentIdCheckChar } from '../../shared/register/identity';
import type {
  CaseFormData,
  ClassRosterData,
  FormFrame,
  GraduateRegistrationData,
  RecoveryCodeData,
} from '../../electron/core/forms/formData';

export const seniorSchool: SchoolProfile = {
  name: '阳泉市第一中学',
  code: '3140300001',
  type: '342',
  ownership: '1',
  provincialModel: true,
  enrollmentZone: '阳泉市城区',
  registerOffice: '教务处学籍室',
  registerOfficer: '王建华',
  officerPhone: '0353-2022345',
};

export const vocationalSchool: SchoolProfile = {
  ...seniorSchool,
  name: '阳泉市第二职业中学',
  code: '3140300077',
  type: '360',
  provincialModel: false,
};

/** The longest school name SCH-1 allows: 60 characters. */
export const longSchoolName =
  '阳泉市郊区荫营镇第一中学暨阳泉市郊区实验学校（高中部）国际交流与合作分校区（荫营镇南街东段北侧新教学楼与实训楼所在校区）';

/** 40 characters, digits and all. */
export const longAddress = '山西省阳泉市城区北大街南庄社区桃北东街27号院13号楼2单元502室（北门东侧）';

/** 200 characters: the longest reason a clerk plausibly types. */
export const longReason =
  '学生原名王晓雨，因其祖父按家族辈分为其改名，监护人已于二〇二六年十月向阳泉市公安局城区分局北大街派出所申请变更姓名，' +
  '派出所已出具姓名变更证明并换发户口簿本人页，现申请将学籍中的姓名同步变更，以保证学籍信息与户籍信息一致，' +
  '便于学生今后参加学业水平考试、高考报名及办理各类证件。监护人承诺所提供材料真实有效，如有虚假愿承担相应责任。' +
  '特此申请，恳请学校及县（区）教育局学籍管理部门予以审核批准，谢谢老师们！';

export const frameFor = (title: string, school: SchoolProfile = seniorSchool): FormFrame => ({
  title,
  schoolName: school.name,
  schoolCode: school.code,
  formNumber: `${school.code}-2026-000123`,
  verificationCode: '3F9A-1C2B',
  issuedOn: '2026-11-27',
  operator: '王建华',
  generatedAt: '2026年11月27日 09:05',
});

export const seniorClass: SchoolClass = {
  id: 21,
  grade: 11,
  number: 3,
  label: '高二（3）班',
  headTeacher: '张丽',
  capacity: 50,
  studentCount: 4,
};

/** A senior-high girl born 2009-05-14 in 阳泉市城区. */
export const girlBasics: StudentBasics = {
  name: '王晓雨',
  sex: '2',
  birthDate: '2009-05-14',
  birthPlace: '140302',
  nativePlace: '140302',
  ethnicity: '01',
  nationality: 'CHN',
  idType: '1',
  idNumber: '140302200905140021',
  overseasStatus: '00',
  healthStatus: '10',
  householdLocation: '140302',
  householdType: '2',
  enrollmentMonth: '202509',
  enrollmentMethod: '21',
  boardingType: '2',
  currentAddress: '阳泉市城区北大街 12 号院 3 号楼',
  mailingAddress: '阳泉市城区北大街 12 号院 3 号楼',
  homeAddress: '阳泉市城区北大街 12 号院 3 号楼',
  phone: '13803530001',
  postalCode: '045000',
  email: 'wangxy@example.cn',
  studentNumber: 'G140302200905140021',
  familyMembers: [
    {
      name: '王建国',
      relationship: '51',
      phone: '13803530002',
      isGuardian: '0',
      idType: '1',
      idNumber: '140302198003020012',
      ethnicity: '01',
      workplace: '阳泉煤业集团',
      jobTitle: '工程师',
      address: '阳泉市城区北大街 12 号院 3 号楼',
    },
    {
      name: '李秀梅',
      relationship: '52',
      phone: '13903530003',
      isGuardian: '1',
      idType: '1',
      idNumber: '140302198207110028',
      ethnicity: '01',
      workplace: '阳泉市第一人民医院',
      jobTitle: '护士长',
      address: '阳泉市城区北大街 12 号院 3 号楼',
    },
  ],
  namePinyin: 'WANG XIAOYU',
  politicalAffiliation: '03',
  specialty: '钢琴',
  classSeatNumber: '17',
  studentSource: '1',
  auxiliaryNumber: '14030220250037',
  onlyChild: '1',
  preschool: '1',
  leftBehind: '0',
  migrantChild: '0',
  orphan: '0',
  disabilityType: '0',
};

export const girlRecord: StudentRecord = {
  id: 7,
  name: girlBasics.name,
  sex: girlBasics.sex,
  birthDate: girlBasics.birthDate,
  idNumber: girlBasics.idNumber,
  studentNumber: girlBasics.studentNumber ?? '',
  classId: seniorClass.id,
  classLabel: seniorClass.label,
  status: 'enrolled',
  hasPhoto: true,
  basics: girlBasics,
  rewardsPunishments: [
    {
      id: 1,
      kind: 'reward',
      date: '2026-06-20',
      title: '三好学生',
      level: '3',
      issuer: '阳泉市教育局',
      reason: '学年品学兼优',
      revokedOn: '',
    },
    {
      id: 2,
      kind: 'punishment',
      date: '2026-03-02',
      title: '警告',
      level: '5',
      issuer: '阳泉市第一中学',
      reason: '多次旷课',
      revokedOn: '2026-09-01',
    },
  ],
  studyHistory: [
    { fromMonth: '201509', toMonth: '202107', school: '阳泉市实验小学', role: '', witness: '刘芳' },
    { fromMonth: '202109', toMonth: '202407', school: '阳泉市第三中学', role: '学习委员', witness: '赵强' },
    { fromMonth: '202409', toMonth: '', school: '阳泉市第一中学', role: '班长', witness: '张丽' },
  ],
  graduationComment: null,
  archive: archiveItemsFor(false).map(({ code }) => ({
    item: code,
    present: true,
    note: '',
    checkedAt: '',
    checkedBy: '',
  })),
  photo: {
    sha256: 'b'.repeat(64),
    bytes: 24_000,
    width: 358,
    height: 441,
    updatedAt: '2025-09-10T09:00:00.000',
    updatedBy: 'wangjh',
  },
  createdAt: '2025-09-01T09:00:00.000',
  updatedAt: '2026-09-02T10:00:00.000',
  history: [],
};

/** A register photo: 358 × 441, light blue, a few kilobytes. */
export async function photoJpeg(): Promise<Buffer> {
  const head = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="358" height="441">' +
      '<rect width="358" height="441" fill="#9cc8ec"/>' +
      '<ellipse cx="179" cy="170" rx="78" ry="96" fill="#f1d2b6"/>' +
      '<path d="M40 441 C60 300 298 300 318 441 Z" fill="#233a5e"/></svg>',
  );
  return sharp(head).jpeg({ quality: 80 }).toBuffer();
}

const evidence = (id: number, kind: EvidenceKind, fileName: string): EvidenceInfo => ({
  id,
  kind,
  fileName,
  mediaType: 'image/jpeg',
  bytes: 180_000,
  sha256: String(id).repeat(64).slice(0, 64),
  addedAt: '2026-11-20T09:05:00.000',
  addedBy: 'wangjh',
});

export const decision = (
  approver: Approver,
  decidedOn: string,
  extra: Partial<RecordedDecision> = {},
): RecordedDecision => ({
  approver,
  outcome: 'approved',
  decidedOn,
  decidedBy: '刘国强',
  opinion: '情况属实，同意。',
  documentNumber: '',
  recordedAt: `${decidedOn}T16:00:00.000`,
  recordedBy: 'wangjh',
  ...extra,
});

interface CaseExtras extends Partial<Omit<CaseRecord, 'input'>> {
  readonly steps: readonly Approver[];
}

/** A pending case of `input`, opened by the clerk on its application day. */
export function caseOf(input: CaseInput, extras: CaseExtras): CaseRecord {
  return {
    id: 31,
    kind: input.kind,
    status: 'pending',
    subject: `${girlBasics.name}（${seniorClass.label}）`,
    studentId: 'studentId' in input ? input.studentId : null,
    appliedOn: input.appliedOn,
    dueDate: null,
    dueRule: null,
    daysLeft: null,
    overdue: false,
    nextApprover: extras.steps[0] ?? null,
    openedBy: 'wangjh',
    openedAt: `${input.appliedOn}T09:00:00.000`,
    input,
    students: [],
    items: [],
    decisions: [],
    requirements: requiredEvidence(input.kind),
    evidence: [],
    missingEvidence: null,
    form: formFor(input.kind),
    paperProcedure: false,
    withdrawnReason: '',
    closedAt: '',
    ...extras,
  };
}

/** 王晓雨 → 王筱雨 and a new address; the school approved, the county bureau has not decided yet. */
export const nameChangeCase: CaseRecord = caseOf(
  {
    kind: 'basicInfoChange',
    studentId: 7,
    appliedOn: '2026-11-20',
    reason: '户口簿姓名已变更，派出所已出具变更证明',
    items: [
      { field: 'name', after: '王筱雨' },
      { field: 'currentAddress', after: '阳泉市矿区桃北西街 8 号' },
      { field: 'householdType', after: '1' },
    ],
  },
  {
    steps: ['school', 'countyBureau'],
    nextApprover: 'countyBureau',
    items: [
      { field: 'name', label: '姓名', before: '王晓雨', after: '王筱雨' },
      { field: 'currentAddress', label: '现住址', before: girlBasics.currentAddress, after: '阳泉市矿区桃北西街 8 号' },
      { field: 'householdType', label: '户口性质', before: '2', after: '1' },
    ],
    decisions: [
      decision('school', '2026-11-21', {
        decidedBy: '赵校长',
        opinion: '同意变更。',
        documentNumber: '阳一中学籍〔2026〕17号',
      }),
    ],
    evidence: [evidence(11, 'householdRegister', '户口簿.jpg'), evidence(12, 'policeChangeProof', '派出所证明.jpg')],
  },
);

export const caseData = (record: CaseRecord, extra: Partial<CaseFormData> = {}): CaseFormData => ({
  case: record,
  student: girlRecord,
  newStudent: null,
  classLabel: seniorClass.label,
  headTeacher: seniorClass.headTeacher,
  school: seniorSchool,
  majorNames: { '710201': '计算机应用', '730701': '电子商务' },
  ...extra,
});

/** The other school of the transfers: a public ordinary high school in 太原 (outside the city). */
const taiyuanSchool = {
  name: '太原市第五中学',
  type: '342',
  ownership: '1',
  provincialModel: true,
  enrollmentZone: '太原市杏花岭区',
  inCity: false,
};

/** 王晓雨 moves with her family to 太原: a 普通高中 transfer, so its paper procedure too (TRF-3). */
export const transferOutCase: CaseRecord = caseOf(
  {
    kind: 'transferOut',
    studentId: 7,
    appliedOn: '2026-08-20',
    reason: '父母工作调动，全家迁往太原市，户籍已迁入太原市杏花岭区',
    transfer: {
      reason: { ground: 'familyMoved', scope: 'city', hukouMoved: true },
      otherSchool: taiyuanSchool,
    },
  },
  {
    steps: ['receivingBureau', 'sendingSchool', 'sendingBureau'],
    nextApprover: 'sendingSchool',
    paperProcedure: true,
    decisions: [
      decision('receivingBureau', '2026-08-24', { decidedBy: '孙志刚', documentNumber: '杏教学籍〔2026〕88号' }),
    ],
    evidence: [evidence(21, 'transferApplication', '转学申请.jpg'), evidence(22, 'hukouMoveProof', '户口迁移证.jpg')],
  },
);

/** A boy coming from 太原 to 高二（3）班: no record here until the case is approved. */
export const newStudentBasics: StudentBasics = {
  ...girlBasics,
  name: '陈浩然',
  sex: '1',
  birthDate: '2009-08-23',
  idNumber: '140303200908230010',
  studentNumber: 'G140303200908230010',
  auxiliaryNumber: '14010120250211',
  householdLocation: '140303',
  familyMembers: [
    { name: '陈立军', relationship: '51', phone: '13703530111', isGuardian: '1' },
    { name: '周红', relationship: '52', phone: '13703530112', isGuardian: '0' },
  ],
};

export const transferInCase: CaseRecord = caseOf(
  {
    kind: 'transferIn',
    studentId: null,
    basics: newStudentBasics,
    classId: seniorClass.id,
    appliedOn: '2026-08-25',
    reason: '外来务工的父亲调到阳泉市矿区工作，随父就读',
    transfer: {
      reason: { ground: 'migrantWorkplaceMoved', scope: 'city', hukouMoved: false },
      otherSchool: taiyuanSchool,
    },
  },
  {
    steps: ['receivingBureau', 'sendingSchool', 'sendingBureau'],
    subject: '陈浩然（高二（3）班）',
    paperProcedure: true,
    evidence: [
      evidence(23, 'transferApplication', '转学申请.jpg'),
      evidence(24, 'parentJobTransferProof', '调动函.jpg'),
    ],
  },
);

/** 休学 for illness: the hospital prescribes 120 days of a 142-day term. */
export const suspensionCase: CaseRecord = caseOf(
  {
    kind: 'suspension',
    studentId: 7,
    appliedOn: '2026-09-10',
    reason: '学生患病需住院治疗，县级以上医院建议休息四个月',
    ground: 'illness',
    prescribedLeaveDays: 120,
    period: { startDate: '2026-09-14', endDate: '2027-07-10' },
  },
  {
    steps: ['school', 'countyBureau'],
    evidence: [evidence(31, 'countyHospitalRecord', '诊断证明.jpg')],
  },
);

/** 复学 one grade down (高一), with the new 学籍辅号 the provincial system issued (CHG-4). */
export const resumptionCase: CaseRecord = caseOf(
  {
    kind: 'resumption',
    studentId: 7,
    classId: 12,
    appliedOn: '2027-07-15',
    reason: '病已痊愈，申请复学，自愿降入高一年级就读',
    newAuxiliaryNumber: '14030220260415',
  },
  { steps: ['school', 'countyBureau'], evidence: [evidence(32, 'recoveryProof', '康复证明.jpg')] },
);

export const dropoutCase: CaseRecord = caseOf(
  { kind: 'dropout', studentId: 7, appliedOn: '2026-11-20', reason: '学生本人及监护人申请退学，随父母外出务工' },
  {
    steps: ['school', 'countyBureau'],
    decisions: [decision('school', '2026-11-21')],
    evidence: [evidence(41, 'dropoutApplication', '退学申请.jpg')],
  },
);

export const repeatGradeCase: CaseRecord = caseOf(
  { kind: 'repeatGrade', studentId: 7, classId: 12, appliedOn: '2026-09-03', reason: '学生因病缺课较多，申请留级一年' },
  { steps: ['school'] },
);

const surnames = ['李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
/** Boys' names at even places, girls' at odd ones, like the sexes `classmate` gives. */
const givenNames = ['浩宇', '子涵', '梓轩', '欣怡', '俊杰', '雨桐', '宇航', '诗琪', '博文', '佳怡', '思远', '梦瑶'];

/** The `index`-th classmate of 王晓雨: born in 2009, a valid ID number, a father as guardian. */
function classmate(index: number): StudentRecord {
  const sex = index % 2 === 0 ? '1' : '2';
  const birthDate = `2009-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`;
  const first17 = `140302${birthDate.replaceAll('-', '')}${String(100 + index * 2 + (sex === '1' ? 1 : 0)).slice(-3)}`;
  const idNumber = first17 + residentIdCheckChar(first17);
  const name = `${surnames[index % surnames.length]}${givenNames[index % givenNames.length]}`;
  const basics: StudentBasics = {
    ...girlBasics,
    name,
    sex,
    birthDate,
    idNumber,
    studentNumber: `G${idNumber}`,
    phone: `1380353${String(1000 + index).slice(-4)}`,
    familyMembers: [
      {
        name: `${name.slice(0, 1)}建军`,
        relationship: '51',
        phone: `1390353${String(2000 + index).slice(-4)}`,
        isGuardian: '1',
      },
    ],
  };
  return {
    ...girlRecord,
    id: 100 + index,
    name,
    sex,
    birthDate,
    idNumber,
    studentNumber: basics.studentNumber ?? '',
    status: index === 2 ? 'suspended' : 'enrolled',
    hasPhoto: false,
    photo: null,
    basics,
    rewardsPunishments: [],
    studyHistory: [],
  };
}

/** 高二（3）班 with `count` students, 王晓雨 first, one of them suspended (CHG-3 keeps them on the roll). */
export function rosterData(count: number): ClassRosterData {
  const students = [girlRecord, ...Array.from({ length: count - 1 }, (_, index) => classmate(index))];
  return { schoolClass: { ...seniorClass, studentCount: count }, students, school: seniorSchool };
}

/** A 中职 graduate of 计算机应用 (three years, entered September 2024) with her comment written (GRD-2). */
export const vocationalGraduate: StudentRecord = {
  ...girlRecord,
  id: 9,
  classLabel: '高三（2）班',
  basics: {
    ...girlBasics,
    auxiliaryNumber: '',
    enrollmentMonth: '202409',
    enrollmentMethod: '99',
    majorCode: '710201',
    schoolingYears: '3',
    studyMode: '1',
    studentCategory: '应届初中毕业生',
  },
  studyHistory: [
    { fromMonth: '201509', toMonth: '202107', school: '阳泉市实验小学', role: '', witness: '刘芳' },
    { fromMonth: '202109', toMonth: '202407', school: '阳泉市第三中学', role: '学习委员', witness: '赵强' },
    { fromMonth: '202409', toMonth: '', school: '阳泉市第二职业中学', role: '班长', witness: '张丽' },
  ],
  graduationComment: {
    text:
      '该生热爱祖国，遵纪守法，尊敬师长，团结同学。学习刻苦，专业基础扎实，熟练掌握计算机组装与维护、办公软件应用和网页制作等技能，' +
      '取得计算机操作员中级证书。担任班长期间工作认真负责，积极组织班级活动，在顶岗实习中表现突出，受到实习单位好评。',
    author: '张丽',
    date: '2027-05-20',
  },
};

export const graduateData = (photo: Buffer | null): GraduateRegistrationData => ({
  student: vocationalGraduate,
  photoJpeg: photo,
  majorName: '计算机应用',
  school: vocationalSchool,
});

export const recoveryData: RecoveryCodeData = {
  recoveryCode: '7K2QH-9XWMZ-C4T8N-RB3VJ-6YPD5-GH2QE',
  administrator: '王建华',
  school: seniorSchool,
};

/** A 弹性学习 student's 转专业 to 电子商务, on the bureau's written consent (VOC-5). */
export const changeMajorCase: CaseRecord = caseOf(
  {
    kind: 'changeMajor',
    studentId: 9,
    appliedOn: '2026-09-08',
    reason: '学生对电子商务专业更有兴趣，监护人同意转专业',
    majorCode: '730701',
    exception: { documentNumber: '阳教职〔2026〕12号' },
  },
  {
    steps: ['school', 'countyBureau'],
    evidence: [evidence(51, 'changeMajorApplication', '转专业申请.jpg'), evidence(52, 'bureauException', '同意函.jpg')],
  },
);
