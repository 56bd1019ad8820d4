/**
 * 升级 (year-end promotion of the whole school): the preview the clerk reads,
 * and the promotion itself once the clerk confirms its school year. The plan
 * comes from `shared/changes/promotion.ts`; here it is read and run in one
 * transaction, class by class from the top grade down with set-based
 * statements, so a 50,000-student school promotes in a few seconds
 * (`npm run bench`).
 */
import type { PromotionPreview, PromotionResult } from '../../../shared/changes/caseRecords';
import type { CaseKind } from '../../../shared/changes/cases';
import {
  confirmationRefusals,
  planPromotion,
  type PromotionFacts,
  type PromotionStep,
} from '../../../shared/changes/promotion';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';

export interface PromotionServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

const localDay = (date: Date): string => isoWithOffset(date).slice(0, 10);

/** Everything the plan needs, read with grouped counts (the student counts come from the roll's covering index). */
function readFacts(database: Database, today: string): PromotionFacts {
  const counts = database
    .prepare(
      `SELECT class_id AS classId, status, count(*) AS students FROM student
       WHERE status IN ('enrolled', 'suspended') GROUP BY class_id, status`,
    )
    .all() as { classId: number; status: 'enrolled' | 'suspended'; students: number }[];
  const byClass = new Map(counts.map((row) => [`${row.classId}:${row.status}`, row.students]));
  const inClass = (classId: number, status: string) => byClass.get(`${classId}:${status}`) ?? 0;
  const classes = (
    database.prepare('SELECT id, grade, number, capacity FROM class').all() as {
      id: number;
      grade: number;
      number: number;
      capacity: number;
    }[]
  ).map((c) => ({ ...c, enrolled: inClass(c.id, 'enrolled'), suspended: inClass(c.id, 'suspended') }));
  const openCases = database
    .prepare(`SELECT kind, count(*) AS count FROM register_case WHERE status = 'pending' GROUP BY kind`)
    .all() as { kind: CaseKind; count: number }[];
  const promotions = database
    .prepare(
      `SELECT school_year AS schoolYear, substr(promoted_at, 1, 10) AS promotedOn, promoted_by AS promotedBy
       FROM promotion`,
    )
    .all() as PromotionFacts['promotions'][number][];
  return { classes, openCases, promotions, today };
}

export function createPromotionService({ sessions, now }: PromotionServiceContext) {
  const db = () => sessions.require().storage.db;

  function previewPromotion(): PromotionPreview {
    const database = db();
    return database.transaction(() => planPromotion(readFacts(database, localDay(now()))).preview)();
  }

  /** Runs the moves in order; returns the students moved and the classes created. */
  function runSteps(database: Database, steps: readonly PromotionStep[], stamp: string, by: string) {
    const createClass = database.prepare(
      `INSERT INTO class (grade, number, head_teacher, capacity) VALUES (?, ?, '', ?)`,
    );
    // The history row is written before the move, from the same set of students (调班's field and labels).
    const writeHistory = database.prepare(
      `INSERT INTO student_history (student_id, field, before, after, changed_at, changed_by)
       SELECT id, 'classId', ?, ?, ?, ? FROM student WHERE class_id = ? AND status = 'enrolled'`,
    );
    const move = database.prepare(
      `UPDATE student SET class_id = ?, updated_at = ? WHERE class_id = ? AND status = 'enrolled'`,
    );
    let students = 0;
    const created: string[] = [];
    for (const step of steps) {
      const toClassId =
        step.toClassId ?? Number(createClass.run(step.toGrade, step.toNumber, step.capacity).lastInsertRowid);
      if (step.toClassId === null) created.push(step.toLabel);
      writeHistory.run(step.fromLabel, step.toLabel, stamp, by, step.fromClassId);
      students += move.run(toClassId, stamp, step.fromClassId).changes;
    }
    return { students, created };
  }

  function promoteSchool(schoolYear: string): PromotionResult {
    const database = db();
    const at = now();
    const by = sessions.require().actor.userName;
    return database.transaction((): PromotionResult => {
      const plan = planPromotion(readFacts(database, localDay(at)));
      const refusals = confirmationRefusals(plan, schoolYear);
      if (refusals.length > 0) {
        throw new AppError(
          'RULE_VIOLATION',
          refusals.map((refusal) => refusal.message).join('\n'),
          `promotion for ${schoolYear} refused: ${refusals.map((refusal) => refusal.rule).join(', ')}`,
        );
      }
      const stamp = isoWithOffset(at);
      const { students, created } = runSteps(database, plan.steps, stamp, by);
      database
        .prepare(
          'INSERT INTO promotion (school_year, students, classes_created, promoted_at, promoted_by) VALUES (?, ?, ?, ?, ?)',
        )
        .run(schoolYear, students, created.length, stamp, by);
      sessions.audit({
        at,
        action: 'school.promotion',
        objectType: 'promotion',
        objectId: schoolYear,
        outcome: 'success',
        details: {
          schoolYear,
          students,
          classes: plan.steps.length,
          suspendedStaying: plan.preview.suspendedStaying,
          classesCreated: created,
        },
      });
      return { schoolYear, studentCount: students, classesCreated: created.length };
    })();
  }

  return { previewPromotion, promoteSchool };
}
