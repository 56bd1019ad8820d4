/**
 * A synthetic Yangquan school (issue 4, item 11): classes and students with
 * valid resident ID numbers (division codes 1403xx), names with their pinyin,
 * both parents as family members (grandparents for left-behind children),
 * addresses and the extended template fields, reproducible from a seed.
 * Every record passes `validateStudentBasics` during the school year that
 * starts in September of `startYear`. Test, benchmark and demo data only:
 * every record is invented.
 */
import { pinyin } from 'pinyin-pro';
import { residentIdCheckChar } from '../../shared/register/identity';
import { classLabel } from '../../shared/register/students';
import type { FamilyMember, StudentBasics } from '../../shared/register/studentValidation';

/** mulberry32: a small, well-known seeded PRNG, so the same seed gives the same school. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单';
const givenChars = '子涵欣怡梓轩浩宇一诺雨桐思远俊杰嘉怡佳琪明轩若曦晨阳博文雅静天佑语嫣志强春燕海涛丽娜建华秀英国栋';
/** Yangquan's county-level divisions: 城区, 矿区, 郊区, 平定县, 盂县. */
const divisions = ['140302', '140303', '140311', '140321', '140322'];
const streets = ['桃北西街', '南大街', '德胜街', '北大街', '义井街', '荫营镇', '冠山镇', '秀水镇'];
const workplaces = [
  '阳泉市第一人民医院',
  '华阳新材料科技集团',
  '阳泉市城区实验小学',
  '个体经营',
  '阳泉市公交公司',
  '务农',
];

export interface GeneratedClass {
  readonly grade: number;
  readonly number: number;
  readonly label: string;
  readonly headTeacher: string;
  readonly capacity: number;
}

export interface GeneratedStudent {
  /** Index into `classes`. */
  readonly classIndex: number;
  readonly basics: StudentBasics;
}

export interface GeneratedSchool {
  readonly classes: readonly GeneratedClass[];
  readonly students: readonly GeneratedStudent[];
}

/** 姓名拼音 as the template writes it: the surname, a space, the given name; upper case. */
function templatePinyin(name: string): string {
  const [surname = '', ...given] = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  return `${surname} ${given.join('')}`.toUpperCase();
}

/**
 * `studentCount` students spread over grades 1-9 (a 九年一贯制 school),
 * about 45 a class. Grade 1 pupils are new and have no 学籍号 yet (REG-1);
 * the others have their permanent G number.
 */
export function generateSchool(options: { seed: number; studentCount: number; startYear?: number }): GeneratedSchool {
  const next = random(options.seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const startYear = options.startYear ?? 2026;
  // About 45 a class; a huge benchmark school fills all 99 classes of each grade instead.
  const classCount = Math.min(9 * 99, Math.max(1, Math.ceil(options.studentCount / 45)));
  const classes: GeneratedClass[] = Array.from({ length: classCount }, (_, index) => {
    const grade = (index % 9) + 1;
    const number = Math.floor(index / 9) + 1;
    return { grade, number, label: classLabel(grade, number), headTeacher: `${pick(surnames)}老师`, capacity: 100 };
  });
  // Sequence numbers per (division, birth date), so ID numbers never repeat.
  const used = new Map<string, number>();
  const idNumber = (division: string, birthDate: string, female: boolean) => {
    const key = `${division}${birthDate}`;
    const order = (used.get(key) ?? 0) + 1;
    used.set(key, order);
    // The sequence's last digit carries the sex: odd male, even female.
    const first17 = `${division}${birthDate.replaceAll('-', '')}${String(order * 2 - (female ? 0 : 1)).padStart(3, '0')}`;
    return `${first17}${residentIdCheckChar(first17)}`;
  };
  const date = (year: number) =>
    `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const phone = () => `1${pick('3578')}${Math.floor(100000000 + next() * 899999999)}`;

  const students = Array.from({ length: options.studentCount }, (_, index): GeneratedStudent => {
    const classIndex = index % classCount;
    const grade = classes[classIndex]!.grade;
    const birthDate = date(startYear - 6 - grade + (chance(0.8) ? 0 : 1));
    const division = pick(divisions);
    const female = chance(0.48);
    const surname = pick(surnames);
    const name = `${surname}${pick(givenChars)}${chance(0.6) ? pick(givenChars) : ''}`;
    const address = `山西省阳泉市${pick(streets)}${1 + Math.floor(next() * 200)}号`;
    // 留守儿童: 1 one parent works away, 2 both do and a grandparent is the guardian.
    const leftBehind = chance(0.9) ? '0' : pick('12');
    const parent = (relationship: '51' | '52', isGuardian: boolean): FamilyMember => {
      const mother = relationship === '52';
      const parentBirth = date(Number(birthDate.slice(0, 4)) - 24 - Math.floor(next() * 14));
      return {
        name: `${mother ? pick(surnames) : surname}${pick(givenChars)}${pick(givenChars)}`,
        relationship,
        phone: phone(),
        isGuardian: isGuardian ? '1' : '0',
        idType: '1',
        idNumber: idNumber(pick(divisions), parentBirth, mother),
        ethnicity: '01',
        householdLocation: division,
        workplace: pick(workplaces),
        address,
      };
    };
    const father = parent('51', leftBehind === '0');
    const mother = parent('52', leftBehind !== '2');
    const grandmother: FamilyMember = {
      name: `${pick(surnames)}${pick(givenChars)}${pick(givenChars)}`,
      relationship: '62',
      phone: phone(),
      isGuardian: '1',
      address,
    };
    const commuteKm = Math.round(1 + next() * 80) / 10;
    const studentIdNumber = idNumber(division, birthDate, female);
    return {
      classIndex,
      basics: {
        name,
        sex: female ? '2' : '1',
        birthDate,
        birthPlace: division,
        nativePlace: pick(divisions),
        ethnicity: chance(0.97) ? '01' : '03',
        nationality: 'CHN',
        idType: '1',
        idNumber: studentIdNumber,
        overseasStatus: '00',
        healthStatus: '10',
        householdLocation: division,
        householdType: chance(0.3) ? '1' : '2',
        enrollmentMonth: `${startYear - grade + 1}09`,
        enrollmentMethod: '11',
        boardingType: '1',
        currentAddress: address,
        mailingAddress: address,
        homeAddress: address,
        phone: leftBehind === '2' ? grandmother.phone : mother.phone,
        postalCode: '045000',
        studentNumber: grade === 1 ? '' : `G${studentIdNumber}`,
        familyMembers: leftBehind === '2' ? [grandmother, father] : [father, mother],
        namePinyin: templatePinyin(name),
        politicalAffiliation: grade >= 8 && chance(0.3) ? '03' : '13',
        // Children's ID cards run five years; about half the pupils have one.
        idValidUntil: chance(0.5) ? date(startYear + 2 + Math.floor(next() * 3)) : '',
        classSeatNumber: String(Math.floor(index / classCount) + 1).padStart(2, '0'),
        studentSource: '1',
        onlyChild: chance(0.4) ? '1' : '0',
        preschool: chance(0.95) ? '1' : '0',
        leftBehind,
        migrantChild: chance(0.05) ? '1' : '0',
        orphan: '0',
        martyrChild: '0',
        inclusiveEducation: '0',
        disabilityType: '0',
        governmentFundedPlace: '0',
        needsAid: chance(0.1) ? '1' : '0',
        receivesSubsidy: '0',
        commuteDistance: String(commuteKm),
        commuteMode: commuteKm < 1.5 ? '1' : pick('2344'),
        needsSchoolBus: '0',
      },
    };
  });
  return { classes, students };
}
