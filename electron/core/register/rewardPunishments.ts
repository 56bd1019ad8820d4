/**
 * 奖惩 entries of a student (VOC-2 keeps them in the archive). DAT-1 has
 * their changes approved by the bureau, so they are no longer saved
 * directly: a `rewardPunishmentChange` case checks the entry here when it is
 * opened and writes it here when its last step approves.
 */
import {
  isSeniorStage,
  type RewardPunishment,
  rewardPunishmentProblems,
  rewardPunishmentText,
} from '../../../shared/register/studentRecords';
import type { FieldChange } from '../../../shared/register/students';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { refuseProblems, schoolIsVocational, trimmed } from './studentRecord';

export type StoredRewardPunishment = Required<RewardPunishment>;

/** Columns of `reward_punishment` in the order the statements below bind them. */
const entryFields = ['kind', 'date', 'title', 'level', 'issuer', 'reason', 'revokedOn'] as const;

/** The entry with this id, when it is this student's. */
function readEntry(database: Database, studentId: number, id: number): StoredRewardPunishment | undefined {
  return database
    .prepare(
      `SELECT id, kind, date, title, level, issuer, reason, revoked_on AS revokedOn
       FROM reward_punishment WHERE id = ? AND student_id = ?`,
    )
    .get(id, studentId) as StoredRewardPunishment | undefined;
}

export interface CheckedEntry {
  /** Trimmed, as it will be stored. */
  readonly entry: RewardPunishment;
  /** The entry it changes (with `id`), or undefined when it adds one. */
  readonly before: StoredRewardPunishment | undefined;
}

/**
 * The entry checked by the 奖惩 rules (FIELD_ERRORS field by field; 开除学籍
 * only in 高中阶段), and the entry it changes, which must be this student's.
 */
export function checkedRewardPunishment(
  database: Database,
  student: { readonly id: number; readonly grade: number },
  input: RewardPunishment,
  today: Date,
): CheckedEntry {
  const entry = trimmed(input);
  const seniorStage = isSeniorStage(student.grade, schoolIsVocational(database));
  refuseProblems(rewardPunishmentProblems(entry, today, { seniorStage }), '奖惩记录');
  const before = entry.id === undefined ? undefined : readEntry(database, student.id, entry.id);
  if (entry.id !== undefined && !before) {
    throw new AppError(
      'NOT_FOUND',
      '要修改的奖惩记录不在这名学生的档案中，可能已被修改，请刷新后重试。',
      `reward_punishment ${entry.id} of student ${student.id} missing`,
    );
  }
  return { entry, before };
}

/** Adds the entry, or changes the one it names; returns its id and the history row to write. */
export function writeRewardPunishment(
  database: Database,
  studentId: number,
  { entry, before }: CheckedEntry,
  stamp: string,
  by: string,
): { readonly id: number; readonly change: FieldChange } {
  const values = entryFields.map((field) => entry[field]);
  const id = before
    ? (database
        .prepare(
          `UPDATE reward_punishment SET kind = ?, date = ?, title = ?, level = ?, issuer = ?, reason = ?,
             revoked_on = ?, recorded_at = ?, recorded_by = ? WHERE id = ?`,
        )
        .run(...values, stamp, by, before.id),
      before.id)
    : Number(
        database
          .prepare(
            `INSERT INTO reward_punishment (student_id, kind, date, title, level, issuer, reason, revoked_on,
               recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(studentId, ...values, stamp, by).lastInsertRowid,
      );
  return {
    id,
    change: {
      field: 'rewardsPunishments',
      before: before ? rewardPunishmentText(before) : '',
      after: rewardPunishmentText(entry),
    },
  };
}
