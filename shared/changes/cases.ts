/**
 * What a register case (学籍异动 or change request) is, and the shape of a
 * refusal: every rule check of this folder answers with the rule's id and a
 * Chinese message that says what would make the case allowed.
 */
import { labelOf, movementTypes, type MovementType } from '../register/codes';

/** The DOMAIN.md rules this folder enforces, plus SCH-2 where a check needs the terms. */
export type RuleId =
  | 'CHG-1'
  | 'CHG-2'
  | 'CHG-3'
  | 'CHG-4'
  | 'TRF-1'
  | 'TRF-2'
  | 'TRF-3'
  | 'DAT-1'
  | 'DAT-2'
  | 'GRD-1'
  | 'GRD-2'
  | 'REG-2'
  | 'VOC-3'
  | 'VOC-5'
  | 'OPS-2'
  | 'OPS-3'
  | 'SCH-2';

export interface Refusal {
  readonly rule: RuleId;
  /** Chinese, for the clerk: names the rule (“（规则 TRF-1）”) and what would make the case allowed. */
  readonly message: string;
}

/** A movement of a student's status (学籍异动), or 毕业. */
export type Transition = MovementType | 'graduation';

/** Every kind of case a clerk opens: a movement, 毕业, or a change request (rule DAT-1). */
export type CaseKind =
  | Transition
  /** 基本信息变更 */
  | 'basicInfoChange'
  /** 奖惩记录变更 */
  | 'rewardPunishmentChange';

const otherKindLabels: Readonly<Record<Exclude<CaseKind, MovementType>, string>> = {
  graduation: '毕业',
  basicInfoChange: '基本信息变更',
  rewardPunishmentChange: '奖惩记录变更',
};

/** The Chinese name of a case kind, e.g. 转出, 毕业, 基本信息变更. */
export function caseKindLabel(kind: CaseKind): string {
  return kind in otherKindLabels
    ? otherKindLabels[kind as keyof typeof otherKindLabels]
    : (labelOf(movementTypes, kind) ?? kind);
}

/** Whether a case kind moves the student's status or place (everything but the change requests). */
export function isTransition(kind: CaseKind): kind is Transition {
  return kind !== 'basicInfoChange' && kind !== 'rewardPunishmentChange';
}
