/**
 * Register-change figures (issue 5), each against a baseline in the same run:
 * - the year-end promotion (升级) of 50,000 students through core, one
 *   transaction, against the same SQL statements (history INSERT … SELECT and
 *   UPDATE per class, top grade first) on a plain better-sqlite3 database
 *   with the same schema and data: the cost of encryption, planning and the
 *   access log;
 * - the open-case list (first page of 500 among the 50k school's 5,000 open
 *   cases, with the total and the overdue count) through core's `listCases`,
 *   against the raw SQL that reads the same page and counts on the same
 *   encrypted database.
 */
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../electron/core/app';
import { configureConnection, type Database } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { isGraduatingGrade } from '../../shared/changes/stages';
import { classLabel } from '../../shared/register/students';
import { isoWithOffset } from '../../shared/time';
import { tempFolder } from '../core/fixtures';
import { generateSchool } from '../support/schoolGenerator';
import { bigSchool, bigSchoolSize } from './bigSchool';
import {
  benchInstallation,
  benchSlot,
  loggedInCore,
  median,
  type Row,
  seedSchool,
  storageOptions,
  timed,
  timedSync,
} from './benchKit';

/** Grades 1-9 are filled equally: 7 of the 9 move up, so 50k students move. */
const promotionSchoolSize = Math.round((50_000 * 9) / 7);

/** After graduation: grades 6 and 9 have left (毕业); one student in a hundred is 休学 and stays. */
function graduateAndSuspend(db: Database): void {
  db.exec(`UPDATE student SET status = 'graduated' WHERE class_id IN (SELECT id FROM class WHERE grade IN (6, 9))`);
  db.exec(`UPDATE student SET status = 'suspended' WHERE id % 100 = 0 AND status = 'enrolled'`);
}

async function call<T>(core: Core, method: string, args: unknown[]): Promise<T> {
  const result = await core.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Core's promotion of a copy of `template` (a data folder); returns its time and the students moved. */
async function promoteThroughCore(template: string): Promise<{ ms: number; students: number; classes: number }> {
  const folder = join(tempFolder(), 'data');
  cpSync(template, folder, { recursive: true });
  const core = await loggedInCore(folder);
  try {
    const preview = await call<{ schoolYear: string; moves: unknown[]; refusals: { message: string }[] }>(
      core,
      'previewPromotion',
      [],
    );
    if (preview.refusals.length > 0) throw new Error(preview.refusals.map((r) => r.message).join('\n'));
    let students = 0;
    const ms = await timed(async () => {
      students = (await call<{ studentCount: number }>(core, 'promoteSchool', [preview.schoolYear])).studentCount;
    });
    return { ms, students, classes: preview.moves.length };
  } finally {
    core.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The same statements core runs, per class from the top grade down, on a plain copy of `template` (a file). */
function promoteRaw(template: string): number {
  const file = join(tempFolder(), 'plain.db');
  copyFileSync(template, file);
  const db = new Sqlite(file);
  try {
    configureConnection(db);
    const classes = db.prepare('SELECT id, grade, number FROM class').all() as {
      id: number;
      grade: number;
      number: number;
    }[];
    const byPlace = new Map(classes.map((c) => [`${c.grade}-${c.number}`, c.id]));
    const moves = classes
      .filter((c) => !isGraduatingGrade(c.grade))
      .sort((a, b) => b.grade - a.grade || a.number - b.number);
    const history = db.prepare(
      `INSERT INTO student_history (student_id, field, before, after, changed_at, changed_by)
       SELECT id, 'classId', ?, ?, ?, ? FROM student WHERE class_id = ? AND status = 'enrolled'`,
    );
    const move = db.prepare(
      `UPDATE student SET class_id = ?, updated_at = ? WHERE class_id = ? AND status = 'enrolled'`,
    );
    const stamp = isoWithOffset(new Date());
    return timedSync(() =>
      db.transaction(() => {
        for (const c of moves) {
          const to = byPlace.get(`${c.grade + 1}-${c.number}`)!;
          history.run(classLabel(c.grade, c.number), classLabel(c.grade + 1, c.number), stamp, 'bench', c.id);
          move.run(to, stamp, c.id);
        }
      })(),
    );
  } finally {
    db.close();
    rmSync(file, { force: true });
  }
}

async function promotionFigure(): Promise<Row> {
  const school = generateSchool({ seed: 2027, studentCount: promotionSchoolSize });
  const template = await benchInstallation();
  const storage = await openStorage(dataPaths(template), benchSlot, storageOptions);
  seedSchool(storage.db, school);
  graduateAndSuspend(storage.db);
  storage.db.close();

  const plain = join(tempFolder(), 'plain.db');
  const db = new Sqlite(plain);
  configureConnection(db);
  migrate(db, migrations);
  seedSchool(db, school);
  graduateAndSuspend(db);
  db.close();

  let moved = { students: 0, classes: 0 };
  const measured = await median(async () => {
    const { ms, ...counts } = await promoteThroughCore(template);
    moved = counts;
    return ms;
  });
  const baseline = await median(() => promoteRaw(plain));
  return {
    figure: `升级 of ${moved.students.toLocaleString('en-US')} students (${moved.classes} classes), one transaction`,
    goal: '≤ 5000 ms',
    measured,
    baseline,
    baselineName: 'same SQL statements, plain better-sqlite3',
    unit: 'ms',
  };
}

const casePage = 500;

async function openCasesFigure(): Promise<Row> {
  const { folder, today } = await bigSchool();
  const openCaseCount = bigSchoolSize.openCases;

  const core = await loggedInCore(folder);
  const filter = { scope: 'open', limit: casePage, offset: 0 };
  let measured: number;
  try {
    const first = await call<{ rows: unknown[]; total: number }>(core, 'listCases', [filter]);
    if (first.rows.length !== casePage || first.total !== openCaseCount) {
      throw new Error(`listCases returned ${first.rows.length} rows of ${first.total}`);
    }
    measured = await median(() => timed(() => call(core, 'listCases', [filter])));
  } finally {
    core.close();
  }

  const raw = await openStorage(dataPaths(folder), benchSlot, storageOptions);
  const page = raw.db.prepare(
    `SELECT rc.id, rc.kind, rc.status, rc.subject, cs.student_id AS studentId, rc.applied_on AS appliedOn,
       rc.due_date AS dueDate, rc.due_rule AS dueRule, rc.opened_by AS openedBy, rc.opened_at AS openedAt, c.grade,
       (SELECT count(*) FROM case_decision d WHERE d.case_id = rc.id) AS decisions
     FROM register_case rc
       LEFT JOIN case_student cs ON cs.case_id = rc.id
       LEFT JOIN student s ON s.id = cs.student_id
       LEFT JOIN class c ON c.id = s.class_id
     WHERE rc.status = 'pending'
     ORDER BY rc.due_date IS NULL, rc.due_date, rc.id LIMIT ?`,
  );
  const total = raw.db.prepare(`SELECT count(*) FROM register_case WHERE status = 'pending'`).pluck();
  const overdue = raw.db
    .prepare(`SELECT count(*) FROM register_case WHERE status = 'pending' AND due_date < ?`)
    .pluck();
  const baseline = await median(() =>
    timedSync(() => {
      page.all(casePage);
      total.get();
      overdue.get(today);
    }),
  );
  raw.db.close();
  return {
    figure: `open-case list, first ${casePage} of ${openCaseCount.toLocaleString('en-US')} with due dates, total and overdue count, 50k school`,
    goal: '≤ 100 ms',
    measured,
    baseline,
    baselineName: 'raw SQL, same page and counts',
    unit: 'ms',
  };
}

export async function changesFigures(): Promise<Row[]> {
  return [await promotionFigure(), await openCasesFigure()];
}
