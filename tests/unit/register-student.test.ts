import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../shared/register/identity';
import type { FamilyMember, StudentBasics } from '../../shared/register/studentValidation';
import { personNameProblem, validateStudentBasics } from '../../shared/register/studentValidation';

const today = new Date('2026-09-01T10:00:00+08:00');
const withCheck = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

/** A first-grade pupil in Yangquan's 城区, born 2019-03-01, a girl (sequence 012 is even). */
const pupilId = withCheck('14030220190301012');
const motherId = withCheck('14030219900512002');

const mother: FamilyMember = {
  name: '王丽',
  relationship: '52',
  phone: '13812345678',
  isGuardian: '1',
  idType: '1',
  idNumber: motherId,
};
const father: FamilyMember = { name: '李强', relationship: '51', phone: '0353-2021234', isGuardian: '0' };

const pupil: StudentBasics = {
  name: '李小红',
  sex: '2',
  birthDate: '2019-03-01',
  birthPlace: '140302',
  nativePlace: '140321',
  ethnicity: '01',
  nationality: 'CHN',
  idType: '1',
  idNumber: pupilId,
  overseasStatus: '00',
  healthStatus: '10',
  householdLocation: '140302',
  householdType: '2',
  enrollmentMonth: '202609',
  enrollmentMethod: '11',
  boardingType: '1',
  currentAddress: '山西省阳泉市城区桃北西街 1 号',
  mailingAddress: '山西省阳泉市城区桃北西街 1 号',
  homeAddress: '山西省阳泉市城区桃北西街 1 号',
  phone: '13812345678',
  postalCode: '045000',
  familyMembers: [mother, father],
  onlyChild: '1',
  preschool: '1',
};

const check = (changes: Partial<StudentBasics>) => validateStudentBasics({ ...pupil, ...changes }, { today });

describe('REG-1 basic information of a student', () => {
  it('a complete, consistent record has no messages', () => {
    expect(validateStudentBasics(pupil, { today })).toEqual({});
  });

  it('optional 学籍号 and 电子信箱 are checked when given', () => {
    expect(check({ studentNumber: `G${pupilId}`, email: 'lixiaohong@example.com' })).toEqual({});
    expect(check({ studentNumber: 'L140302201903010001' })).toEqual({});
    expect(check({ studentNumber: 'G140302201903010120' })).toEqual({
      studentNumber: expect.stringContaining('学籍号中的身份证号校验码应为'),
    });
    expect(check({ email: 'li@' })).toEqual({ email: expect.stringContaining('电子信箱格式不正确') });
  });

  it.each<[Partial<StudentBasics>, string, string]>([
    [{ name: '' }, 'name', '姓名不能为空'],
    [{ sex: '3' }, 'sex', '性别代码「3」不在国家代码表中'],
    [{ birthDate: '2019-02-30' }, 'birthDate', '出生日期 2019-02-30 不是有效日期'],
    [{ birthDate: '2019/03/01' }, 'birthDate', '出生日期应为“年-月-日”'],
    [{ birthPlace: '14030' }, 'birthPlace', '出生地应为 6 位行政区划代码'],
    [{ nativePlace: '' }, 'nativePlace', '籍贯不能为空'],
    [{ ethnicity: '汉族' }, 'ethnicity', '民族代码「汉族」不在国家代码表中'],
    [{ ethnicity: '' }, 'ethnicity', '请选择民族'],
    [{ nationality: 'XYZ' }, 'nationality', '请联系管理员补充'],
    [{ idType: '' }, 'idType', '请选择身份证件类型'],
    [{ idNumber: '' }, 'idNumber', '身份证号不能为空'],
    [{ idNumber: '1.40302E+17' }, 'idNumber', '科学计数法'],
    [{ overseasStatus: '0' }, 'overseasStatus', '港澳台侨外代码「0」不在国家代码表中'],
    [{ healthStatus: '' }, 'healthStatus', '请选择健康状况'],
    [{ householdLocation: 'x' }, 'householdLocation', '户口所在地应为 6 位行政区划代码'],
    [{ householdType: '3' }, 'householdType', '户口性质代码「3」'],
    [{ enrollmentMonth: '2026-09' }, 'enrollmentMonth', '入学年月应为 6 位数字'],
    [{ enrollmentMonth: '202613' }, 'enrollmentMonth', '不是有效的年月'],
    [{ enrollmentMonth: '202610' }, 'enrollmentMonth', '入学年月 202610 晚于本月'],
    [{ enrollmentMonth: '201812' }, 'enrollmentMonth', '入学年月 201812 早于出生日期 2019-03-01'],
    [{ enrollmentMethod: '31' }, 'enrollmentMethod', '入学方式代码「31」'],
    [{ boardingType: '' }, 'boardingType', '请选择就读方式'],
    [{ currentAddress: ' ' }, 'currentAddress', '请填写现住址'],
    [{ mailingAddress: '阳'.repeat(101) }, 'mailingAddress', '通信地址不能超过 100 个字（现为 101 个）'],
    [{ homeAddress: '' }, 'homeAddress', '请填写家庭地址'],
    [{ phone: '138123' }, 'phone', '手机号应为 11 位数字'],
    [{ postalCode: '45000' }, 'postalCode', '邮政编码应为 6 位数字'],
  ])('%j is reported on %s', (changes, field, message) => {
    const errors = check(changes);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]).toContain(message);
  });

  it('an age outside 3-25 at today is reported on the birth date', () => {
    const toddler = withCheck('14030220240301012');
    expect(check({ birthDate: '2024-03-01', idNumber: toddler, enrollmentMonth: '202609' })).toEqual({
      birthDate: '按出生日期 2024-03-01，学生今天 2 岁，不在 3 到 25 岁之间，请核对',
    });
    expect(check({ birthDate: '2027-01-01' }).birthDate).toBe('出生日期 2027-01-01 晚于今天');
  });

  it('the ID number is the witness: a different birth date or sex is reported on that field', () => {
    expect(check({ birthDate: '2019-03-02' })).toEqual({
      birthDate: '出生日期与身份证号不一致（身份证号中为 2019-03-01，填写的是 2019-03-02）',
    });
    expect(check({ sex: '1' })).toEqual({ sex: '性别与身份证号不一致（身份证号显示为女，填写的是男）' });
  });

  it('other documents are checked by their type; Z 其他 may be blank', () => {
    expect(check({ idType: 'A', idNumber: 'E12345678', nationality: 'USA' })).toEqual({});
    expect(check({ idType: 'Z', idNumber: '' })).toEqual({});
    expect(check({ idType: 'A', idNumber: 'E1' })).toEqual({ idNumber: expect.stringContaining('护照号码应为') });
  });

  it('accepts minority and foreign names with the 间隔号, and rare characters', () => {
    for (const name of ['阿依古丽·买买提', '𠮷田', '欧阳', 'JOHN SMITH', 'Anna·Li']) {
      expect(personNameProblem(name), name).toBeNull();
    }
  });

  it.each([
    ['李', '姓名至少 2 个字'],
    ['李'.repeat(31), '姓名不能超过 30 个字（现为 31 个）'],
    ['阿依古丽•买买提', '间隔号请用「·」'],
    ['李 小红', '姓名中不能有空格'],
    ['李小红2', '姓名中不能有「2」'],
    ['·李小红', '间隔号「·」或空格只能在两个字之间'],
  ])('refuses the name %j', (name, message) => {
    expect(personNameProblem(name)).toContain(message);
  });
});

describe('REG-1 family members and the guardian 监护人', () => {
  it('at least one family member is the guardian', () => {
    expect(check({ familyMembers: [{ ...mother, isGuardian: '0' }, father] })).toEqual({
      familyMembers: '家庭成员中至少应有一位监护人（“是否监护人”选“是”）',
    });
    expect(check({ familyMembers: [] })).toEqual({ familyMembers: '请至少填写一位家庭成员（监护人）的信息' });
    expect(check({ familyMembers: [mother, { name: '', relationship: '', phone: '', isGuardian: '' }] })).toEqual({});
  });

  it('the guardian needs a name, a relationship and a phone; messages land on that member', () => {
    expect(check({ familyMembers: [{ ...mother, name: '', relationship: '', phone: '' }, father] })).toEqual({
      'familyMembers.0.name': '家庭成员1的姓名不能为空',
      'familyMembers.0.relationship': '请选择家庭成员1与学生的关系',
      'familyMembers.0.phone': '请填写监护人（家庭成员1）的联系电话',
    });
  });

  it("a family member's phone and ID number are checked when given", () => {
    const errors = check({
      familyMembers: [mother, { ...father, phone: '1234567', idNumber: '14030219880101001' }],
    });
    expect(errors).toEqual({
      'familyMembers.1.phone': expect.stringContaining('固定电话请加区号'),
      'familyMembers.1.idNumber': expect.stringContaining('只有 17 位数字'),
    });
  });

  it("a family member with the student's own ID number is refused", () => {
    expect(check({ familyMembers: [{ ...mother, idNumber: pupilId }] })).toEqual({
      'familyMembers.0.idNumber': '家庭成员1的证件号码与学生本人的相同，请核对',
    });
  });
});

describe('REG-1 extended template fields', () => {
  const extended: Partial<StudentBasics> = {
    namePinyin: 'LI XIAOHONG',
    formerName: '李红',
    politicalAffiliation: '13',
    idValidUntil: '2031-09-01',
    specialty: '书法',
    classSeatNumber: '07',
    studentSource: '1',
    leftBehind: '0',
    migrantChild: '0',
    orphan: '0',
    martyrChild: '0',
    inclusiveEducation: '0',
    disabilityType: '0',
    governmentFundedPlace: '0',
    needsAid: '0',
    receivesSubsidy: '0',
    commuteDistance: '2.5',
    commuteMode: '1',
    needsSchoolBus: '0',
  };

  it('a record with every extended field filled in has no messages', () => {
    expect(check(extended)).toEqual({});
    expect(check({ idValidUntil: '长期' })).toEqual({});
  });

  it('是否独生子女 and 是否受过学前教育 are ★ required', () => {
    expect(check({ onlyChild: undefined, preschool: '' })).toEqual({
      onlyChild: '请选择是否独生子女',
      preschool: '请选择是否受过学前教育',
    });
  });

  it.each<[Partial<StudentBasics>, string, string]>([
    [{ onlyChild: '2' }, 'onlyChild', '是否独生子女代码「2」不在代码表中'],
    [{ leftBehind: '3' }, 'leftBehind', '是否留守儿童代码「3」'],
    [{ politicalAffiliation: '少先队员' }, 'politicalAffiliation', '政治面貌代码「少先队员」'],
    [{ commuteMode: '7' }, 'commuteMode', '上下学交通方式代码「7」'],
    [{ namePinyin: 'Li Xiao-hong' }, 'namePinyin', '姓名拼音只能包含字母'],
    [{ formerName: '李2' }, 'formerName', '曾用名中不能有「2」'],
    [{ idValidUntil: '2031/09/01' }, 'idValidUntil', '身份证件有效期应为“年-月-日”或“长期”'],
    [{ idValidUntil: '2026-08-31' }, 'idValidUntil', '身份证件有效期 2026-08-31 早于今天：证件已过期'],
    [{ specialty: '书'.repeat(101) }, 'specialty', '特长不能超过 100 个字（现为 101 个）'],
    [{ classSeatNumber: '07号' }, 'classSeatNumber', '班内学号只能包含数字和字母'],
    [{ commuteDistance: '2.5km' }, 'commuteDistance', '上下学距离应为 0 到 100 之间的公里数'],
    [{ commuteDistance: '120' }, 'commuteDistance', '现为「120」'],
    [{ majorCode: '7102' }, 'majorCode', '专业代码应为 6 位数字'],
    [{ schoolingYears: '0' }, 'schoolingYears', '学制应为 1 到 6 年'],
    [{ studyMode: '3' }, 'studyMode', '学习形式代码「3」'],
  ])('%j is reported on %s', (changes, field, message) => {
    const errors = check(changes);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]).toContain(message);
  });

  it('REG-2 学籍辅号 is letters and digits as the provincial system issues it', () => {
    expect(check({ auxiliaryNumber: '14030220260001' })).toEqual({});
    expect(check({ auxiliaryNumber: '1403-0220' })).toEqual({
      auxiliaryNumber: '学籍辅号应为 4 到 30 位字母或数字，请按省学籍系统给出的号码填写',
    });
  });

  it('中职 fields are checked by format when filled in', () => {
    expect(
      check({ majorCode: '710201', schoolingYears: '3', studyMode: '2', studentCategory: '应届初中毕业生' }),
    ).toEqual({});
  });

  it('随班就读 and 健康状况 残疾 need a disability type', () => {
    expect(check({ inclusiveEducation: '1' })).toEqual({ disabilityType: '随班就读的学生请选择残疾类型' });
    expect(check({ inclusiveEducation: '1', disabilityType: '4' })).toEqual({});
    expect(check({ healthStatus: '50', disabilityType: '0' })).toEqual({
      disabilityType: '健康状况为“残疾”，残疾类型不能是“无残疾”',
    });
  });
});
