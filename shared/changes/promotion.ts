/**
 * 升级 (year-end promotion of the whole school): what would move, and what
 * stops it, from plain facts core reads; core runs the plan's steps in one
 * transaction. Pure: `today` is passed in.
 *
 * Every class of a grade that does not graduate moves its 在读 students to
 * the class of the same number one grade up, created with the same 班额 when
 * missing. 休学 students stay in their class and grade (rule CHG-3: they
 * resume into it). A graduating grade's 在读 students leave through 毕业,
 * 结业 or 肄业 first (rule GRD-1).
 */
import { classLabel, gradeLabel } from '../register/students';
import { chineseDay } from './calendar';
import type { PromotionClassMove, PromotionPreview } from './caseRecords';
import { caseKindLabel, isTransition, type CaseKind, type Refusal } from './cases';
import { isGraduatingGrade } from './stages';

/** One class as the plan needs it: where it is, its 班额 and who is in it now. */
export interface PromotionClassFacts {
  readonly id: number;
  readonly grade: number;
  readonly number: number;
  /** 班额 */
  readonly capacity: number;
  /** 在读 students, who move up. */
  readonly enrolled: number;
  /** 休学 students, who stay (CHG-3). */
  readonly suspended: number;
}

/** A promotion already recorded (one per school year). */
export interface PastPromotion {
  readonly schoolYear: string;
  /** `YYYY-MM-DD` */
  readonly promotedOn: string;
  /** The account that promoted. */
  readonly promotedBy: string;
}

export interface PromotionFacts {
  readonly classes: readonly PromotionClassFacts[];
  /** The school's open (办理中) cases, counted by kind. */
  readonly openCases: readonly { readonly kind: CaseKind; readonly count: number }[];
  readonly promotions: readonly PastPromotion[];
  /** `YYYY-MM-DD` */
  readonly today: string;
}

/** One class's move as core runs it. */
export interface PromotionStep extends PromotionClassMove {
  readonly fromClassId: number;
  /** null: the class above does not exist and is created first. */
  readonly toClassId: number | null;
  readonly toGrade: number;
  readonly toNumber: number;
  /** 班额 of the class created (the class below's). */
  readonly capacity: number;
}

export interface PromotionPlan {
  readonly preview: PromotionPreview;
  /** The moves from the top grade down, so that no student moves twice. */
  readonly steps: readonly PromotionStep[];
}

/**
 * The school year a promotion on `today` is for: the one the students move
 * into. From 1 July it is the year starting this calendar year (a summer
 * promotion); before, the year that started last year (a late promotion).
 */
export function promotionSchoolYear(today: string): string {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '07-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** Once per school year: a second promotion would put every student a grade above where they are. */
function alreadyPromotedRefusal(schoolYear: string, promotions: readonly PastPromotion[]): Refusal | null {
  const done = promotions
    .filter((promotion) => promotion.schoolYear >= schoolYear)
    .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))[0];
  if (!done) return null;
  const clock = done.schoolYear > schoolYear ? `，晚于今天所在的${schoolYear}学年，请核对电脑日期` : '';
  return {
    rule: 'OPS-2',
    message:
      `${done.schoolYear}学年的全校升级已于${chineseDay(done.promotedOn)}由 ${done.promotedBy} 办理${clock}。` +
      '每个学年只升级一次（规则 OPS-2 人籍一致：再升一次，学生的年级会高于实际年级）。个别学生需要换班的，请办理调班或留级。',
  };
}

/** GRD-1: a graduating grade's 在读 students graduate, complete or leave before the grades below move in. */
function graduatingGradesRefusal(classes: readonly PromotionClassFacts[]): Refusal | null {
  const byGrade = new Map<number, number>();
  for (const c of classes) {
    if (isGraduatingGrade(c.grade) && c.enrolled > 0) byGrade.set(c.grade, (byGrade.get(c.grade) ?? 0) + c.enrolled);
  }
  if (byGrade.size === 0) return null;
  const grades = [...byGrade].sort(([a], [b]) => a - b);
  const list = grades.map(([grade, count]) => `${gradeLabel(grade)} ${count} 人`).join('、');
  const primary = byGrade.has(6) ? '六年级是小学的毕业年级，九年一贯制学校也要为六年级办理小学毕业。' : '';
  return {
    rule: 'GRD-1',
    message: `毕业年级还有在读学生：${list}。请先在“毕业办理”中为他们办理毕业、结业或肄业，再升级（规则 GRD-1）。${primary}`,
  };
}

/** Open movements name a grade, a class or a status that the promotion would change under them. */
function openMovementsRefusal(openCases: PromotionFacts['openCases']): Refusal | null {
  const movements = openCases.filter((entry) => isTransition(entry.kind) && entry.count > 0);
  if (movements.length === 0) return null;
  const total = movements.reduce((sum, entry) => sum + entry.count, 0);
  const list = movements.map((entry) => `${caseKindLabel(entry.kind)} ${entry.count} 件`).join('、');
  return {
    rule: 'OPS-2',
    message: `还有 ${total} 件未办结的学籍异动（${list}）。升级会改变这些学生的年级和班级，使事项与学籍不一致（规则 OPS-2 人籍一致）。请先办结或撤销这些事项，再升级；基本信息变更和奖惩记录变更不受影响。`,
  };
}

const classKey = (grade: number, number: number) => `${grade}-${number}`;

/** The moves, top grade first, each with the note on the class above's 班额. */
function promotionSteps(classes: readonly PromotionClassFacts[]): PromotionStep[] {
  const byPlace = new Map(classes.map((c) => [classKey(c.grade, c.number), c]));
  return classes
    .filter((c) => !isGraduatingGrade(c.grade) && c.enrolled > 0)
    .sort((a, b) => b.grade - a.grade || a.number - b.number)
    .map((from) => {
      const toGrade = from.grade + 1;
      const to = byPlace.get(classKey(toGrade, from.number)) ?? null;
      const toLabel = classLabel(toGrade, from.number);
      const capacity = to?.capacity ?? from.capacity;
      // The class above keeps its 休学 students (CHG-3), and its 在读 ones only if its grade does not move up.
      const staying = to ? to.suspended + (isGraduatingGrade(to.grade) ? to.enrolled : 0) : 0;
      const after = staying + from.enrolled;
      return {
        fromLabel: classLabel(from.grade, from.number),
        toLabel,
        students: from.enrolled,
        createsClass: to === null,
        note:
          after > capacity
            ? `升级后${toLabel}将有 ${after} 人，超过班额 ${capacity} 人。可在升级后调班，或在“班级管理”中修改班额。`
            : '',
        fromClassId: from.id,
        toClassId: to?.id ?? null,
        toGrade,
        toNumber: from.number,
        capacity,
      };
    });
}

const publicMove = ({ fromLabel, toLabel, students, createsClass, note }: PromotionStep): PromotionClassMove => ({
  fromLabel,
  toLabel,
  students,
  createsClass,
  note,
});

/** What the promotion would do today and what stops it (empty refusals: it may be confirmed). */
export function planPromotion(facts: PromotionFacts): PromotionPlan {
  const schoolYear = promotionSchoolYear(facts.today);
  const steps = promotionSteps(facts.classes);
  const refusals = [
    alreadyPromotedRefusal(schoolYear, facts.promotions),
    graduatingGradesRefusal(facts.classes),
    openMovementsRefusal(facts.openCases),
  ].filter((refusal): refusal is Refusal => refusal !== null);
  return {
    preview: {
      schoolYear,
      moves: steps.map(publicMove),
      studentCount: steps.reduce((sum, step) => sum + step.students, 0),
      suspendedStaying: facts.classes.reduce((sum, c) => sum + c.suspended, 0),
      refusals,
    },
    steps,
  };
}

/**
 * Why the clerk's confirmation of `schoolYear` cannot be carried out: it
 * was for another school year than today's (a preview left open across
 * 1 July), or the plan has refusals now. Empty: promote.
 */
export function confirmationRefusals(plan: PromotionPlan, schoolYear: string): Refusal[] {
  if (schoolYear !== plan.preview.schoolYear) {
    return [
      {
        rule: 'OPS-2',
        message: `确认的是${schoolYear}学年的升级，但今天应办理的是${plan.preview.schoolYear}学年的升级（规则 OPS-2 人籍一致：每个学年只升级一次）。请重新预览，核对后再确认。`,
      },
    ];
  }
  return [...plan.preview.refusals];
}
