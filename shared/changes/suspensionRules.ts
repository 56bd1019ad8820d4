/**
 * 休学 and 复学 (rules CHG-2, CHG-4; the grounds and limits are those of the
 * 《山西省中小学生休学、复学申请表》): illness needing leave of more than a
 * third of the term, or force majeure; one year at a time, at most two in
 * all; never in a graduating grade's last term. Resumption is into the same
 * or a lower grade of the same stage, and a 普通高中 student who goes down a
 * grade gets a new 学籍辅号 (CHG-4, REG-2).
 */
import type { CodeList, CodeOf } from '../register/codes';
import type { SchoolProfile } from '../register/school';
import { gradeLabel } from '../register/students';
import { termLabel, type Term } from '../register/terms';
import { addDays, addMonths, chineseDay, daysBetween } from './calendar';
import type { Refusal } from './cases';
import { isGraduatingGrade, needsAuxiliaryNumber, stageLabels, stageOf } from './stages';

/** 休学原因 the Shanxi form accepts. */
export const suspensionGrounds = [
  { code: 'illness', label: '因病（须县级以上医院病历，需休学时间超过一学期的三分之一）' },
  { code: 'forceMajeure', label: '不可抗力（须有关部门出具的证明）' },
] as const satisfies CodeList;

export type SuspensionGround = CodeOf<typeof suspensionGrounds>;

/** Days of a suspension, both inclusive. */
export interface SuspensionPeriod {
  readonly startDate: string;
  readonly endDate: string;
}

/** At most two years in all (CHG-2): 365 + 366 days, so that a leap day never costs a student a day. */
export const maxSuspensionDays = 731;

const periodDays = (period: SuspensionPeriod): number => daysBetween(period.startDate, period.endDate) + 1;

export interface SuspensionRequest {
  readonly ground: SuspensionGround;
  /** Illness: the days of leave the county-level hospital's record prescribes. */
  readonly prescribedLeaveDays?: number;
  readonly period: SuspensionPeriod;
}

export interface SuspensionFacts {
  readonly grade: number;
  readonly terms: readonly Term[];
  /** The student's earlier suspensions (an extension adds to them). */
  readonly previous: readonly SuspensionPeriod[];
}

/** The term the suspension starts in, or, starting in a holiday, the next one. */
function termOf(terms: readonly Term[], day: string): Term | null {
  const sorted = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return (
    sorted.find((term) => term.startDate <= day && day <= term.endDate) ??
    sorted.find((term) => term.startDate > day) ??
    null
  );
}

function lengthRefusals(period: SuspensionPeriod, previous: readonly SuspensionPeriod[]): Refusal[] {
  const latestEnd = addDays(addMonths(period.startDate, 12), -1);
  if (period.endDate > latestEnd) {
    return [
      {
        rule: 'CHG-2',
        message: `每次休学最长一年（规则 CHG-2）。本次休学最迟到${chineseDay(latestEnd)}；期满仍需休学的，可再申请延长，累计不超过两年。`,
      },
    ];
  }
  const used = previous.reduce((sum, earlier) => sum + periodDays(earlier), 0);
  if (used + periodDays(period) <= maxSuspensionDays) return [];
  const left = maxSuspensionDays - used;
  return [
    {
      rule: 'CHG-2',
      message:
        `休学累计不能超过两年（规则 CHG-2）。学生此前已休学 ${used} 天，` +
        (left > 0
          ? `本次最迟到${chineseDay(addDays(period.startDate, left - 1))}。`
          : '已用满两年，不能再休学；请办理复学或按规定办理其他异动。'),
    },
  ];
}

/** Every CHG-2 refusal of a suspension (or its extension); empty when it may go ahead. */
export function suspensionRefusals(request: SuspensionRequest, facts: SuspensionFacts): Refusal[] {
  const { period } = request;
  if (period.endDate < period.startDate) {
    return [{ rule: 'CHG-2', message: '休学结束日期早于开始日期（规则 CHG-2），请核对日期。' }];
  }
  const term = termOf(facts.terms, period.startDate);
  if (!term) {
    return [
      {
        rule: 'SCH-2',
        message: `${chineseDay(period.startDate)}所在学期尚未设置，无法核对休学条件（规则 CHG-2）。请先在“学年学期设置”中设置该学期（规则 SCH-2）。`,
      },
    ];
  }
  const refusals = lengthRefusals(period, facts.previous);
  if (isGraduatingGrade(facts.grade) && term.semester === 2) {
    refusals.push({
      rule: 'CHG-2',
      message: `毕业年级（${gradeLabel(facts.grade)}）最后一学期（${termLabel(term)}）不能办理休学（规则 CHG-2）。学生可以请病假，学期结束时按毕业、结业或肄业办理。`,
    });
  }
  if (request.ground === 'illness') {
    const termDays = daysBetween(term.startDate, term.endDate) + 1;
    const leave = request.prescribedLeaveDays ?? 0;
    if (leave * 3 <= termDays) {
      refusals.push({
        rule: 'CHG-2',
        message: `因病休学须病假超过一学期的三分之一（规则 CHG-2）：${termLabel(term)}共 ${termDays} 天，病假须超过 ${Math.floor(termDays / 3)} 天，医院病历写的是 ${leave} 天。病假较短的，按病假处理，不必休学。`,
      });
    }
  }
  return refusals;
}

export interface ResumptionRequest {
  /** The grade of the class the student belongs to now (CHG-3 kept them in it). */
  readonly currentGrade: number;
  /** The grade the student resumes in. */
  readonly targetGrade: number;
}

/** CHG-4: null when the student may resume in `targetGrade`. */
export function resumptionRefusal(request: ResumptionRequest, school: Pick<SchoolProfile, 'type'>): Refusal | null {
  const { currentGrade, targetGrade } = request;
  if (targetGrade > currentGrade) {
    return {
      rule: 'CHG-4',
      message: `复学只能回到原年级（${gradeLabel(currentGrade)}）或降到更低年级，不能进入${gradeLabel(targetGrade)}（规则 CHG-4）。`,
    };
  }
  const stage = stageOf(currentGrade, school);
  if (stageOf(targetGrade, school) !== stage) {
    return {
      rule: 'CHG-4',
      message: `复学降级不能跨学段：学生在${stageLabels[stage]}，不能降到${gradeLabel(targetGrade)}（规则 CHG-4）。请选择${stageLabels[stage]}的年级。`,
    };
  }
  return null;
}

export interface ResumptionOutcome {
  /** Recorded as 降级 on the record (CHG-4). */
  readonly gradeDropped: boolean;
  /** A 普通高中 student who went down a grade gets a new 学籍辅号 (CHG-4, REG-2). */
  readonly newAuxiliaryNumber: boolean;
}

export function resumptionOutcome(request: ResumptionRequest, school: Pick<SchoolProfile, 'type'>): ResumptionOutcome {
  const gradeDropped = request.targetGrade < request.currentGrade;
  return {
    gradeDropped,
    newAuxiliaryNumber: gradeDropped && needsAuxiliaryNumber(stageOf(request.targetGrade, school)),
  };
}
