/**
 * Change requests (rule DAT-1): 基本信息变更 and 奖惩 changes, checked when
 * opened and again when approved. A basic-information request records each
 * field's value at the time of the request, so that approving it twice, or
 * over a change made in between, is impossible.
 */
import type {
  BasicInfoChangeInput,
  ChangeItem,
  ChangeItemInput,
  RewardPunishmentChangeInput,
} from '../../../shared/changes/caseRecords';
import type { Refusal } from '../../../shared/changes/cases';
import {
  changeItemLabel,
  changeItemRefusals,
  itemValidationRefusals,
  pendingItemRefusals,
  recordedItems,
  withItems,
} from '../../../shared/changes/changeItems';
import { inEnrolledPool } from '../../../shared/changes/statusMachine';
import { labelOf, studentStatuses } from '../../../shared/register/codes';
import { rewardPunishmentText } from '../../../shared/register/studentRecords';
import { type StudentBasics, validateStudentBasics } from '../../../shared/register/studentValidation';
import type { Database } from '../db/database';
import { checkedRewardPunishment } from '../register/rewardPunishments';
import { duplicateMessage, findDuplicate, normalisedBasics } from '../register/studentWrites';
import { pendingEntryCases, pendingItems, readStudentFacts, type StudentFacts, studentSubject } from './caseFacts';
import type { CheckContext, PreparedCase } from './caseChecks';

/** OPS-2: a departed student's record is not changed (never reused for someone else). */
export function departedRefusal(student: StudentFacts): Refusal | null {
  if (inEnrolledPool(student.status)) return null;
  const status = labelOf(studentStatuses, student.status) ?? student.status;
  return {
    rule: 'OPS-2',
    message: `学生的学籍状态为“${status}”，已不在本校在校生中，不能变更其基本信息（规则 OPS-2：不得修改已离校学生的学籍）。如信息确有错误，请联系县（区）教育局学籍管理部门更正。`,
  };
}

/** The record with the items put in, normalised as it would be stored. */
export const appliedBasics = (current: StudentBasics, items: readonly ChangeItemInput[]): StudentBasics =>
  normalisedBasics(withItems(current, items));

/**
 * DAT-1 and OPS-2 over the record with the items put in: the national field
 * rules (naming the item), and no other record with the same identity
 * document or 学籍号.
 */
export function appliedItemRefusals(
  database: Database,
  student: StudentFacts,
  applied: StudentBasics,
  items: readonly ChangeItemInput[],
  now: Date,
): Refusal[] {
  const clash = findDuplicate(database, applied, student.id);
  return [
    ...itemValidationRefusals(
      validateStudentBasics(student.basics, { today: now }),
      validateStudentBasics(applied, { today: now }),
      items,
    ),
    ...(clash ? [{ rule: 'OPS-2' as const, message: duplicateMessage(clash) }] : []),
  ];
}

export function prepareBasicInfoChange(context: CheckContext, raw: BasicInfoChangeInput): PreparedCase {
  const { database } = context;
  const student = readStudentFacts(database, raw.studentId);
  const applied = appliedBasics(student.basics, raw.items);
  const items = recordedItems(student.basics, applied, raw.items);
  const departed = departedRefusal(student);
  const structural = changeItemRefusals(raw.items, student.basics, applied);
  const refusals: Refusal[] = departed
    ? [departed]
    : structural.length > 0
      ? structural
      : [
          ...appliedItemRefusals(database, student, applied, raw.items, context.now),
          ...pendingItemRefusals(raw.items, pendingItems(database, student.id, null)),
        ];
  return {
    // Stored as it will be applied: each item's value normalised (trimmed, ID numbers in capitals).
    input: { ...raw, items: items.map(({ field, after }) => ({ field, after })) },
    refusals,
    subject: studentSubject(student.name, student.classLabel),
    students: [{ studentId: student.id, outcome: null }],
    items,
  };
}

/** The one item of a 奖惩 change: the entry as it is (or '' when added) and as it will be. */
export function rewardPunishmentItem(before: string, after: string): ChangeItem {
  return { field: 'rewardsPunishments', label: changeItemLabel('rewardsPunishments'), before, after };
}

export function prepareRewardPunishmentChange(context: CheckContext, raw: RewardPunishmentChangeInput): PreparedCase {
  const { database } = context;
  const student = readStudentFacts(database, raw.studentId);
  const { entry, before } = checkedRewardPunishment(database, student, raw.entry, context.now);
  const item = rewardPunishmentItem(before ? rewardPunishmentText(before) : '', rewardPunishmentText(entry));
  const others = entry.id === undefined ? [] : pendingEntryCases(database, student.id, entry.id, null);
  const refusals: Refusal[] = [
    ...(item.before === item.after
      ? [{ rule: 'DAT-1' as const, message: '奖惩记录没有任何变化，不需要申请（规则 DAT-1）。请修改后再提交。' }]
      : []),
    ...others.map((caseId) => ({
      rule: 'DAT-1' as const,
      message: `事项 #${caseId} 正在修改这条奖惩记录，尚未办结（规则 DAT-1）。请等该事项办结或撤销后再申请。`,
    })),
  ];
  return {
    input: { ...raw, entry },
    refusals,
    subject: studentSubject(student.name, student.classLabel),
    students: [{ studentId: student.id, outcome: null }],
    items: [item],
  };
}
