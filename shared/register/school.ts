/** 学校信息 (rule SCH-1, VOC-1): the school profile kept current, every change logged. */
import { isCode, schoolOwnerships, schoolTypes } from './codes';
import { validatePhone } from './identity';

export interface SchoolProfile {
  /** 学校名称 */
  readonly name: string;
  /** 学校标识码: 10 digits, from the national system. */
  readonly code: string;
  /** 学校类型 code from `schoolTypes`; null until the clerk sets it. */
  readonly type: string | null;
  /** 办学类型 公办/民办 code from `schoolOwnerships`; null until set. */
  readonly ownership: string | null;
  /** 省级示范高中: senior high schools only (rule TRF-2 uses it). */
  readonly provincialModel: boolean;
  /** 招生区域 */
  readonly enrollmentZone: string;
  /** 学籍管理办公室 (VOC-1: a register office with written rules). */
  readonly registerOffice: string;
  /** 学籍管理负责人 */
  readonly registerOfficer: string;
  /** 负责人联系电话 */
  readonly officerPhone: string;
}

/** 专业 of a vocational school (中职), chosen on each of its students' records. */
export interface Major {
  /** 专业代码 from the national catalogue of 中职 majors, e.g. 710201. */
  readonly code: string;
  /** 专业名称 */
  readonly name: string;
  /** 学制 in years. */
  readonly years: number;
  /** A closed major stays on its students' records but is no longer offered. */
  readonly active: boolean;
}

/** Problems by field, in Chinese, of a 中职 major; empty when it can be saved. */
export function majorProblems(major: Major): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!/^\d{6}$/.test(major.code))
    problems['code'] = '专业代码应为 6 位数字（见《中等职业学校专业目录》，如 710201）。';
  const name = major.name.trim();
  if (name.length < 2 || name.length > 50) problems['name'] = '专业名称应为 2 至 50 个字。';
  if (!Number.isInteger(major.years) || major.years < 1 || major.years > 6) problems['years'] = '学制应为 1 至 6 年。';
  return problems;
}

/** School types that teach senior high grades, where the provincial-model flag means something. */
const seniorHighTypes: ReadonlySet<string> = new Set(['341', '342', '345']);

/** Problems by field, in Chinese; empty when the profile can be saved. */
export function schoolProfileProblems(profile: SchoolProfile): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = profile.name.trim();
  if (name.length < 2 || name.length > 60) problems['name'] = '学校名称应为 2 至 60 个字。';
  if (!/^\d{10}$/.test(profile.code)) problems['code'] = '学校标识码应为 10 位数字（见全国学籍系统）。';
  if (profile.type !== null && !isCode(schoolTypes, profile.type)) problems['type'] = '请从列表中选择学校类型。';
  if (profile.ownership !== null && !isCode(schoolOwnerships, profile.ownership)) {
    problems['ownership'] = '请选择公办或民办。';
  }
  if (profile.provincialModel && !(profile.type && seniorHighTypes.has(profile.type))) {
    problems['provincialModel'] = '只有设有高中的学校才能是省级示范高中。';
  }
  for (const [field, value, label] of [
    ['enrollmentZone', profile.enrollmentZone, '招生区域'],
    ['registerOffice', profile.registerOffice, '学籍管理办公室'],
    ['registerOfficer', profile.registerOfficer, '学籍管理负责人'],
  ] as const) {
    if (value.length > 100) problems[field] = `${label}不能超过 100 个字。`;
  }
  if (profile.officerPhone.trim()) {
    const phone = validatePhone(profile.officerPhone, '负责人联系电话');
    if (!phone.ok) problems['officerPhone'] = `负责人联系电话：${phone.message.replace(/。?$/, '。')}`;
  }
  return problems;
}

/** 中等职业学校: the VOC rules, majors and the VOC-2 archive items apply. */
export function isVocational(profile: Pick<SchoolProfile, 'type'>): boolean {
  return profile.type === '360';
}
