/**
 * How the record screen's tabs read (照片, 奖惩, 学习简历, 纸质档案, 修改记录):
 * labels, one-line facts, the empty rows the forms start from, and which
 * checklist items a save must send.
 */
import type { PhotoInfo } from '../../../shared/register/photos';
import {
  type ArchiveItemRecord,
  type ArchiveItemState,
  archiveItems,
  honourLevels,
  recordFieldLabel,
  type RewardPunishment,
  type RewardPunishmentKind,
  schoolLevel,
  type StudyHistoryEntry,
} from '../../../shared/register/studentRecords';
import { codeText, historyFieldLabel } from './register';
import { formatBytes, formatDateMinute } from './units';

export const rewardKindLabels: Readonly<Record<RewardPunishmentKind, string>> = {
  reward: '奖励',
  punishment: '处分',
};

export const levelText = (code: string): string => codeText(honourLevels, code);

/** 23.4 KB · 358 × 441 像素 */
export function photoFacts(info: Pick<PhotoInfo, 'bytes' | 'width' | 'height'>): string {
  return `${formatBytes(info.bytes)} · ${info.width} × ${info.height} 像素`;
}

/** `rewardsPunishments`, `archive.idCopy` and the basic-information fields, as 修改记录 names them. */
export const recordHistoryLabel = (field: string): string => recordFieldLabel(field) ?? historyFieldLabel(field);

/** A 奖惩 entry as the dialog edits it. */
export type EditableRewardPunishment = { -readonly [K in keyof RewardPunishment]: RewardPunishment[K] };

/** A new entry dated today; a punishment is always given by the school (校级). */
export function newRewardPunishment(kind: RewardPunishmentKind, today: string): EditableRewardPunishment {
  return {
    kind,
    date: today,
    title: '',
    level: kind === 'punishment' ? schoolLevel : '',
    issuer: '',
    reason: '',
    revokedOn: '',
  };
}

/** A line of 学习简历 as the table edits it. */
export type EditableStudyLine = { -readonly [K in keyof StudyHistoryEntry]: string };

export const emptyStudyLine = (): EditableStudyLine => ({
  fromMonth: '',
  toMonth: '',
  school: '',
  role: '',
  witness: '',
});

/** What is sent: every text trimmed, in the order shown. */
export function studyLinesToSave(lines: readonly EditableStudyLine[]): StudyHistoryEntry[] {
  return lines.map((line) => ({
    fromMonth: line.fromMonth.trim(),
    toMonth: line.toMonth.trim(),
    school: line.school.trim(),
    role: line.role.trim(),
    witness: line.witness.trim(),
  }));
}

/** The list with one line moved up (-1) or down (+1); the same list when it cannot move. */
export function moveLine<T>(lines: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  const moved = [...lines];
  if (index < 0 || index >= lines.length || target < 0 || target >= lines.length) return moved;
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export const archiveLabel = (code: string): string => archiveItems.find((item) => item.code === code)?.label ?? code;

/** 已齐 9/12 项: how many applicable paper items the archive holds (SCH-3). */
export function archiveCompleteness(items: readonly Pick<ArchiveItemState, 'present'>[]): {
  readonly present: number;
  readonly total: number;
  readonly text: string;
} {
  const present = items.filter((item) => item.present).length;
  return { present, total: items.length, text: `已齐 ${present}/${items.length} 项` };
}

/** Who last checked an item and when, or 未核对. */
export function checkedText(item: Pick<ArchiveItemRecord, 'checkedAt' | 'checkedBy'>): string {
  return item.checkedAt ? `${item.checkedBy} ${formatDateMinute(item.checkedAt)}` : '未核对';
}

/** The items whose tick or note differs from what is stored: a save sends only these. */
export function changedArchiveItems(
  stored: readonly ArchiveItemState[],
  draft: readonly ArchiveItemState[],
): ArchiveItemState[] {
  const before = new Map(stored.map((item) => [item.item, item]));
  return draft
    .map((item) => ({ item: item.item, present: item.present, note: item.note.trim() }))
    .filter((item) => {
      const old = before.get(item.item);
      return !old || old.present !== item.present || old.note !== item.note;
    });
}
