/**
 * 学段 (stage) of a grade. A school may teach several stages (九年一贯制,
 * 完全中学, 十二年一贯制), so rules that name a stage's first or last grade
 * (TRF-1, CHG-2, GRD-1) look at the student's grade, not the school type.
 */
import { isVocational, type SchoolProfile } from '../register/school';

/** 小学 1-6, 初中 7-9, 普通高中 10-12, 中职 (grades 10-12 of a 中等职业学校). */
export type Stage = 'primary' | 'junior' | 'senior' | 'vocational';

export const stageLabels: Readonly<Record<Stage, string>> = {
  primary: '小学',
  junior: '初中',
  senior: '普通高中',
  vocational: '中等职业学校',
};

export function stageOf(grade: number, school: Pick<SchoolProfile, 'type'>): Stage {
  if (grade <= 6) return 'primary';
  if (grade <= 9) return 'junior';
  return isVocational(school) ? 'vocational' : 'senior';
}

/** 义务教育 (compulsory education): 小学 and 初中. */
export function isCompulsory(stage: Stage): boolean {
  return stage === 'primary' || stage === 'junior';
}

/** 起始年级: the first grade of a stage. */
export function isStartingGrade(grade: number): boolean {
  return grade === 1 || grade === 7 || grade === 10;
}

/** 毕业年级: the last grade of a stage (中职 is three years here, grades 10-12). */
export function isGraduatingGrade(grade: number): boolean {
  return grade === 6 || grade === 9 || grade === 12;
}

/** Rule REG-2: 普通高中 students hold a 学籍辅号 beside the 学籍号 (中职 students do not). */
export function needsAuxiliaryNumber(stage: Stage): boolean {
  return stage === 'senior';
}
