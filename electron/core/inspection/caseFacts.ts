/**
 * The self-inspection's facts about register cases (INS-1): open cases past
 * their due date and cases decided after it, per deadline rule (CHG-2,
 * DAT-1, CHG-1); transfers applied for outside every window; departures
 * still open past due (OPS-2); cases entered late (VOC-3); flexible-study
 * students' restricted cases (VOC-5). “Decided” is the day of the last
 * recorded decision (the bureau's, copied from the paper, OPS-3).
 */
import { decisionDays } from '../../../shared/changes/deadlines';
import type { RuleId } from '../../../shared/changes/cases';
import type { CaseFact, CaseTimeliness, InspectionFacts, Listed } from '../../../shared/inspection/facts';
import type { Database } from '../db/database';
import { listed } from './studentFacts';

/** The columns of a `CaseFact`, over `register_case rc`. */
const caseColumns = `rc.id AS caseId, rc.kind, rc.status, rc.subject, rc.applied_on AS appliedOn, rc.due_date AS dueDate,
  substr(rc.opened_at, 1, 10) AS openedOn,
  (SELECT max(d.decided_on) FROM case_decision d WHERE d.case_id = rc.id) AS decidedOn,
  CASE WHEN rc.kind = 'graduation' THEN NULL
    ELSE (SELECT cs.student_id FROM case_student cs WHERE cs.case_id = rc.id LIMIT 1) END AS studentId,
  coalesce(CASE WHEN rc.kind = 'graduation' THEN NULL
    ELSE (SELECT s.student_number FROM case_student cs JOIN student s ON s.id = cs.student_id
          WHERE cs.case_id = rc.id LIMIT 1) END, '') AS studentNumber`;

/** Cases matching `where` (over `rc`), then `having` (over the fact's columns), oldest application first. */
function cases(database: Database, where: string, having: string, params: readonly unknown[]): Listed<CaseFact> {
  return listed(
    database,
    `SELECT * FROM (SELECT ${caseColumns} FROM register_case rc WHERE ${where}) WHERE ${having}`,
    'appliedOn, caseId',
    params,
    (row: CaseFact) => row,
  );
}

const count = (database: Database, where: string, params: readonly unknown[]): number =>
  database
    .prepare(`SELECT count(*) FROM register_case rc WHERE ${where}`)
    .pluck()
    .get(...params) as number;

/** Closed by a decision (approval or rejection) in the period; a withdrawn case was not decided. */
const decidedSince = `rc.status IN ('approved', 'rejected') AND rc.closed_at >= ?`;

/** One deadline rule's open and overdue cases (any age), and the cases decided in the period, late ones listed. */
export function timeliness(database: Database, rule: RuleId, from: string, today: string): CaseTimeliness {
  return {
    rule,
    open: count(database, `rc.status = 'pending' AND rc.due_rule = ?`, [rule]),
    overdue: cases(database, `rc.status = 'pending' AND rc.due_rule = ? AND rc.due_date < ?`, '1', [rule, today]),
    decided: count(database, `rc.due_rule = ? AND ${decidedSince}`, [rule, from]),
    late: cases(database, `rc.due_rule = ? AND ${decidedSince}`, 'decidedOn > dueDate', [rule, from]),
  };
}

/** CHG-1: transfers opened in the period whose application day had no window (so no due date). */
export const outsideWindow = (database: Database, from: string): Listed<CaseFact> =>
  cases(
    database,
    `rc.kind IN ('transferIn', 'transferOut') AND rc.due_date IS NULL AND rc.status <> 'withdrawn' AND rc.opened_at >= ?`,
    '1',
    [from],
  );

/** OPS-2: 转出, 退学, 死亡, 出国 still open past their due date while the student is still in the pool. */
export const overdueDepartures = (database: Database, today: string): Listed<CaseFact> =>
  cases(
    database,
    `rc.status = 'pending' AND rc.kind IN ('transferOut', 'dropout', 'death', 'goingAbroad') AND rc.due_date < ?
       AND EXISTS (SELECT 1 FROM case_student cs JOIN student s ON s.id = cs.student_id
                   WHERE cs.case_id = rc.id AND s.status IN ('enrolled', 'suspended'))`,
    '1',
    [today],
  );

/** Movements (not 毕业 or change requests) a clerk enters. */
const movementKinds = `rc.kind NOT IN ('graduation', 'basicInfoChange', 'rewardPunishmentChange')`;

/** VOC-3: movements opened in the period more than a week after their application. */
export const lateEntries = (database: Database, from: string): Listed<CaseFact> =>
  cases(
    database,
    `${movementKinds} AND rc.status <> 'withdrawn' AND rc.opened_at >= ?`,
    'julianday(openedOn) - julianday(appliedOn) > ?',
    [from, decisionDays],
  );

/** VOC-5: 转出, 转专业, 休学 of 弹性学习 students opened in the period, without and with the bureau's 文号. */
export function flexibleStudyCases(
  database: Database,
  from: string,
): Omit<InspectionFacts['flexibleStudy'], 'students'> {
  const restricted = `rc.kind IN ('transferOut', 'changeMajor', 'suspension') AND rc.status <> 'withdrawn'
    AND rc.opened_at >= ? AND EXISTS (SELECT 1 FROM case_student cs JOIN student s ON s.id = cs.student_id
      WHERE cs.case_id = rc.id AND json_extract(s.basics, '$.studyMode') = '2')`;
  const consent = `trim(coalesce(json_extract(rc.input, '$.exception.documentNumber'), '')) <> ''`;
  return {
    withoutException: cases(database, `${restricted} AND NOT ${consent}`, '1', [from]),
    withException: count(database, `${restricted} AND ${consent}`, [from]),
  };
}

/** Cases opened in the period. */
export const casesOpenedSince = (database: Database, from: string): number =>
  count(database, 'rc.opened_at >= ?', [from]);
