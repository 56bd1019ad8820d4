/**
 * A synthetic Yangquan school (issue 4, item 11): classes and students with
 * valid resident ID numbers (division codes 1403xx), names, guardians and
 * addresses, reproducible from a seed. Test and benchmark data only: every
 * record is invented.
 */
import { residentIdCheckChar } from '../../shared/register/identity';
import { classLabel } from '../../shared/register/students';
import type { StudentBasics } from '../../shared/register/studentValidation';

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
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const givenChars = '子涵欣怡梓轩浩宇一诺雨桐思远俊杰嘉怡佳琪明轩若曦晨阳博文雅静天佑语嫣志强春燕海涛丽娜建华秀英国栋';
/** Yangquan's county-level divisions: 城区, 矿区, 郊区, 平定县, 盂县. */
const divisions = ['140302', '140303', '140311', '140321', '140322'];
const streets = ['桃北西街', '南大街', '德胜街', '北大街', '义井街', '荫营镇', '冠山镇', '秀水镇'];

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

/**
 * `studentCount` students spread over grades 1-9 (a 九年一贯制 school),
 * about 45 a class. The school year starts in September of `startYear`.
 */
export function generateSchool(options: { seed: number; studentCount: number; startYear?: number }): GeneratedSchool {
  const next = random(options.seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(next() * list.length)]!;
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
  const students = Array.from({ length: options.studentCount }, (_, index): GeneratedStudent => {
    const classIndex = index % classCount;
    const grade = classes[classIndex]!.grade;
    const birthYear = startYear - 6 - grade + (next() < 0.8 ? 0 : 1);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const birthDate = `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const division = pick(divisions);
    const female = next() < 0.48;
    const key = `${division}${birthDate}`;
    const order = (used.get(key) ?? 0) + 1;
    used.set(key, order);
    // The sequence's last digit carries the sex: odd male, even female.
    const sequence = String(order * 2 - (female ? 0 : 1)).padStart(3, '0');
    const first17 = `${division}${birthDate.replaceAll('-', '')}${sequence}`;
    const surname = pick(surnames);
    const name = `${surname}${pick(givenChars)}${next() < 0.6 ? pick(givenChars) : ''}`;
    const address = `山西省阳泉市${pick(streets)}${1 + Math.floor(next() * 200)}号`;
    const phone = `13${Math.floor(100000000 + next() * 899999999)}`;
    return {
      classIndex,
      basics: {
        name,
        sex: female ? '2' : '1',
        birthDate,
        birthPlace: division,
        nativePlace: pick(divisions),
        ethnicity: next() < 0.97 ? '01' : '03',
        nationality: 'CHN',
        idType: '1',
        idNumber: `${first17}${residentIdCheckChar(first17)}`,
        overseasStatus: '00',
        healthStatus: '10',
        householdLocation: division,
        householdType: next() < 0.3 ? '1' : '2',
        enrollmentMonth: `${startYear - grade + 1}09`,
        enrollmentMethod: '11',
        boardingType: '1',
        currentAddress: address,
        mailingAddress: address,
        homeAddress: address,
        phone,
        postalCode: '045000',
        familyMembers: [
          { name: `${surname}${pick(givenChars)}${pick(givenChars)}`, relationship: '51', phone, isGuardian: '1' },
        ],
      },
    };
  });
  return { classes, students };
}
