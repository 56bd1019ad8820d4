/**
 * 招生计划 (rule ENR-1) and the checks of a new student against it (ENR-2).
 * Types and pure checks.
 */
import { divisionName, isKnownDivision } from './divisions';

/** The county bureau's enrollment plan for one school year, recorded by the clerk each June (ENR-1). */
export interface EnrollmentPlan {
  /** 招生年度: the calendar year the new students start, e.g. 2026 for 2026年秋季. */
  readonly year: number;
  /** 招生计划数 (places). */
  readonly places: number;
  /** 班额: planned students per class. */
  readonly classSize: number;
  /** 轨制: parallel classes in the starting grade. */
  readonly parallelClasses: number;
  /** 招生区域: county-level division codes (GB/T 2260) whose households the school serves. */
  readonly zoneCodes: readonly string[];
  /** 招生区域说明: streets, villages or anything finer than a county. */
  readonly zoneNote: string;
  /** 下达文号 of the bureau's plan, as printed on the paper. */
  readonly documentNumber: string;
}

export interface EnrollmentPlanRow extends EnrollmentPlan {
  /** New students of this year already registered in the starting grades. */
  readonly enrolled: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * What ENR-2 asks the clerk to confirm before a new student is saved:
 * over plan, over class size, household outside the zone.
 */
export type EnrollmentWarningKind = 'overPlan' | 'overClassSize' | 'outsideZone';

export interface EnrollmentWarning {
  readonly kind: EnrollmentWarningKind;
  /** Chinese, naming the figures, e.g. “2026 年招生计划 180 人，已登记 180 人”. */
  readonly message: string;
}

/** 起始年级: the first grade of each stage, where the enrollment plan applies. */
export const startingGrades: ReadonlySet<number> = new Set([1, 7, 10]);

/** Upper bounds of an enrollment plan's figures (ENR-1), each at least 1: wide enough for any school in the city. */
const planFigures = [
  ['places', 5000, '招生计划数应为 1 至 5000 人。'],
  ['classSize', 100, '班额应为 1 至 100 人。'],
  ['parallelClasses', 50, '轨制（平行班数）应为 1 至 50 个班。'],
] as const;

/** A county-level GB/T 2260 code: six digits, not a province's or a city's (which end in 00). */
function isCountyDivision(code: string): boolean {
  return /^\d{4}(?!00)\d{2}$/.test(code) && isKnownDivision(code);
}

/** Problems by field, in Chinese; empty when the plan can be saved (ENR-1). */
export function enrollmentPlanProblems(plan: EnrollmentPlan): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(plan.year) || plan.year < 2000 || plan.year > 2100) {
    problems['year'] = '招生年度应为 2000 至 2100 年之间的年份。';
  }
  for (const [field, max, message] of planFigures) {
    const value = plan[field];
    if (!Number.isInteger(value) || value < 1 || value > max) problems[field] = message;
  }
  // The bureau's three figures must fit together: the places have to fit in the planned classes.
  const seats = plan.classSize * plan.parallelClasses;
  if (Object.keys(problems).length === 0 && plan.places > seats) {
    problems['places'] =
      `招生计划 ${plan.places} 人超过班额 ${plan.classSize} 人 × ${plan.parallelClasses} 个班 = ${seats} 人，请核对教育局下达的计划。`;
  }
  const unknown = plan.zoneCodes.filter((code) => !isCountyDivision(code));
  if (unknown.length > 0) {
    problems['zoneCodes'] = `招生区域中的“${unknown.join('、')}”不是有效的县（区）级行政区划代码（GB/T 2260）。`;
  }
  if (plan.zoneNote.length > 200) problems['zoneNote'] = '招生区域说明不能超过 200 个字。';
  if (plan.documentNumber.length > 100) problems['documentNumber'] = '下达文号不能超过 100 个字。';
  return problems;
}

/** What ENR-2 weighs for one new student in one class; plain facts, gathered by core. */
export interface EnrollmentFacts {
  /** The plan of the student's enrollment year (入学年月's year), if the clerk recorded one. */
  readonly plan: EnrollmentPlan | null;
  /** Whether the class is in a starting grade (`startingGrades`). */
  readonly startingGrade: boolean;
  /** New students of the plan's year already registered in the starting grades. */
  readonly enrolled: number;
  /** e.g. 一年级（2）班 */
  readonly classLabel: string;
  /** Students in the class now (在读 and 休学). */
  readonly classStudents: number;
  /** The class's own 班额. */
  readonly classCapacity: number;
  /** The student's 户口所在地 code. */
  readonly householdLocation: string;
}

/** A division code with its name when known, e.g. 城区 140302. */
function divisionText(code: string): string {
  const name = divisionName(code);
  return name ? `${name} ${code}` : code;
}

/**
 * ENR-2: the warnings the clerk must acknowledge before saving a new student.
 * A full class warns in any grade; the plan (places, its 班额) and the zone
 * apply only to a starting grade and the plan of the student's enrollment year.
 */
export function enrollmentWarnings(facts: EnrollmentFacts): EnrollmentWarning[] {
  const warnings: EnrollmentWarning[] = [];
  const plan = facts.startingGrade ? facts.plan : null;
  if (plan && facts.enrolled >= plan.places) {
    warnings.push({
      kind: 'overPlan',
      message: `${plan.year} 年招生计划 ${plan.places} 人，已登记 ${facts.enrolled} 人，再登记将超出计划（规则 ENR-2）。`,
    });
  }
  if (facts.classStudents >= facts.classCapacity) {
    warnings.push({
      kind: 'overClassSize',
      message: `${facts.classLabel}的班额为 ${facts.classCapacity} 人，现有 ${facts.classStudents} 人，再登记将超出班额（规则 ENR-2）。`,
    });
  } else if (plan && facts.classStudents >= plan.classSize) {
    warnings.push({
      kind: 'overClassSize',
      message: `${plan.year} 年招生计划的班额为 ${plan.classSize} 人，${facts.classLabel}现有 ${facts.classStudents} 人，再登记将超出计划班额（规则 ENR-2）。`,
    });
  }
  const household = facts.householdLocation.trim();
  if (plan && plan.zoneCodes.length > 0 && !plan.zoneCodes.includes(household)) {
    warnings.push({
      kind: 'outsideZone',
      message: `户口所在地为${divisionText(household)}，不在 ${plan.year} 年招生区域（${plan.zoneCodes.map(divisionText).join('、')}）内（规则 ENR-2）。`,
    });
  }
  return warnings;
}
