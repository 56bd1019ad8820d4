/**
 * Which paper items a student's archive must hold (SCH-3, VOC-2), as the
 * self-inspection checks them (INS-1). Every current student has the
 * registration items; the papers of movements, basic-information changes
 * and 奖惩 only once there were any; a 中职 student the VOC-2 items, and a
 * graduate the 毕业生信息登记表. Pure.
 */
import { archiveItems } from '../register/studentRecords';

/** What the register shows happened to a student, deciding the conditional items. */
export interface ArchiveContext {
  /** An approved 学籍异动 (any movement but 毕业). */
  readonly moved: boolean;
  /** An approved basic-information change (DAT-2 keeps its proof in the archive). */
  readonly changed: boolean;
  /** A 奖惩 entry. */
  readonly rewarded: boolean;
}

type ArchiveCode = (typeof archiveItems)[number]['code'];

/** Items whose paper exists only after the event they record. */
const conditional: Readonly<Partial<Record<ArchiveCode, keyof ArchiveContext>>> = {
  movementForms: 'moved',
  changeForms: 'changed',
  rewardsPunishments: 'rewarded',
};

/** SCH-3: the items of the 中小学 checklist that apply to a current student, in checklist order. */
export function requiredSchoolItems(context: ArchiveContext): ArchiveCode[] {
  return archiveItems
    .filter((entry) => !('vocationalOnly' in entry))
    .map((entry) => entry.code)
    .filter((code) => {
      const condition = conditional[code];
      return condition === undefined || context[condition];
    });
}

/** VOC-2: a current 中职 student's vocational items; a graduate's 毕业生信息登记表 only. */
export function requiredVocationalItems(graduate: boolean): ArchiveCode[] {
  if (graduate) return ['graduateRegistration'];
  return archiveItems
    .filter((entry) => 'vocationalOnly' in entry && entry.code !== 'graduateRegistration')
    .map((entry) => entry.code);
}

/** The required items not ticked as present, in checklist order. */
export const missingItems = (required: readonly string[], present: ReadonlySet<string>): string[] =>
  required.filter((code) => !present.has(code));
