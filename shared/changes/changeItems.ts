/**
 * 基本信息变更 items (rules DAT-1, DAT-2): which fields one request may
 * change, the checks of its items against the record as it is when the
 * request is made, and again when it is approved (an item whose field
 * changed in between does not take effect). Pure: core reads the record
 * and the other open requests and passes them in.
 */
import { studentFieldLabels } from '../register/students';
import { extendedStudentFields, type StudentBasics, type StudentFieldErrors } from '../register/studentValidation';
import type { ChangeItem, ChangeItemInput } from './caseRecords';
import type { Refusal } from './cases';

/** The national template's top-level fields, in form order (家庭成员 are edited on the record directly). */
export const changeableFields = [
  'name',
  'sex',
  'birthDate',
  'birthPlace',
  'nativePlace',
  'ethnicity',
  'nationality',
  'idType',
  'idNumber',
  'overseasStatus',
  'healthStatus',
  'householdLocation',
  'householdType',
  'enrollmentMonth',
  'enrollmentMethod',
  'boardingType',
  'currentAddress',
  'mailingAddress',
  'homeAddress',
  'phone',
  'postalCode',
  'email',
  'studentNumber',
  ...extendedStudentFields,
] as const satisfies readonly (keyof StudentBasics)[];

export type ChangeableField = (typeof changeableFields)[number];

/** 专业 changes through 转专业, a movement with its own rules (VOC-5), never through a change request. */
const movementFields: ReadonlySet<string> = new Set(['majorCode']);

export function isChangeableField(field: string): field is ChangeableField {
  return (changeableFields as readonly string[]).includes(field) && !movementFields.has(field);
}

/** 变更项目 as the form names it, e.g. 姓名. */
export const changeItemLabel = (field: string): string => studentFieldLabels[field] ?? field;

/** A field's value on the record as the change table shows it ('' when never filled in). */
export function fieldValue(basics: StudentBasics, field: string): string {
  const value = (basics as unknown as Readonly<Record<string, unknown>>)[field];
  return typeof value === 'string' ? value : '';
}

/** The basics with every changeable item's new value put in (the rest are refused by `changeItemRefusals`). */
export function withItems(basics: StudentBasics, items: readonly ChangeItemInput[]): StudentBasics {
  const changed: Record<string, unknown> = { ...basics };
  for (const item of items) if (isChangeableField(item.field)) changed[item.field] = item.after.trim();
  return changed as unknown as StudentBasics;
}

/** The items as recorded: the value each field has now, and the one it will have (`applied`, normalised). */
export function recordedItems(
  current: StudentBasics,
  applied: StudentBasics,
  items: readonly ChangeItemInput[],
): ChangeItem[] {
  return items
    .filter((item) => isChangeableField(item.field))
    .map(({ field }) => ({
      field,
      label: changeItemLabel(field),
      before: fieldValue(current, field),
      after: fieldValue(applied, field),
    }));
}

const dat1 = (message: string): Refusal => ({ rule: 'DAT-1', message });

/**
 * DAT-1: each item a changeable field, once, to a value other than the
 * current one. `applied` is the record with the items put in, normalised
 * as core stores it (so “ 张三 ” is no change of 张三).
 */
export function changeItemRefusals(
  items: readonly ChangeItemInput[],
  current: StudentBasics,
  applied: StudentBasics,
): Refusal[] {
  const refusals: Refusal[] = [];
  const seen = new Set<string>();
  for (const { field } of items) {
    const label = changeItemLabel(field);
    if (field === 'familyMembers') {
      refusals.push(dat1('家庭成员的信息不通过变更申请修改（规则 DAT-1），请在学生档案中直接修改。'));
    } else if (movementFields.has(field)) {
      refusals.push({ rule: 'VOC-5', message: '专业不能通过基本信息变更修改，请办理转专业（规则 VOC-5）。' });
    } else if (!isChangeableField(field)) {
      refusals.push(dat1(`「${field}」不是可以变更的基本信息项目（规则 DAT-1），请从变更项目列表中选择。`));
    } else if (seen.has(field)) {
      refusals.push(dat1(`变更项目“${label}”填了两次（规则 DAT-1），每个项目只能填一次。`));
    } else if (fieldValue(current, field) === fieldValue(applied, field)) {
      refusals.push(
        dat1(
          `变更项目“${label}”变更后与现在相同（“${fieldValue(current, field)}”），不需要变更（规则 DAT-1）。请删去这一项，或填写新的内容。`,
        ),
      );
    }
    seen.add(field);
  }
  return refusals;
}

const sentence = (message: string): string => message.replace(/[。；;]+$/, '');
/** `familyMembers.0.idNumber` is one of the 家庭成员. */
const groupLabel = (field: string): string => (field.startsWith('familyMembers') ? '家庭成员' : changeItemLabel(field));

/**
 * DAT-1: what the national rules find wrong with the record once the items
 * are put in. Problems of a changed field name the item; a problem the
 * change causes elsewhere (e.g. a new ID number that no longer matches the
 * birth date) is named too; problems the record already had are not this
 * request's business.
 */
export function itemValidationRefusals(
  errorsBefore: StudentFieldErrors,
  errorsAfter: StudentFieldErrors,
  items: readonly ChangeItemInput[],
): Refusal[] {
  const fields = new Set(items.map((item) => item.field));
  return (Object.entries(errorsAfter) as [string, string][])
    .filter(([field, message]) => fields.has(field) || (errorsBefore as Record<string, string>)[field] !== message)
    .map(([field, message]) =>
      fields.has(field)
        ? dat1(
            `变更项目“${changeItemLabel(field)}”：${sentence(message)}（规则 DAT-1）。请按证件或证明材料上的内容填写。`,
          )
        : dat1(
            `变更后${groupLabel(field)}与其他信息不符：${sentence(message)}（规则 DAT-1）。请一并变更相关项目，或核对变更内容。`,
          ),
    );
}

/** A field another open request of the same student is changing. */
export interface PendingItem {
  readonly caseId: number;
  readonly field: string;
}

/** DAT-1: two open requests may not change the same field; the refusal names the other request. */
export function pendingItemRefusals(items: readonly ChangeItemInput[], pending: readonly PendingItem[]): Refusal[] {
  const fields = new Set(items.map((item) => item.field));
  return pending
    .filter((other) => fields.has(other.field))
    .map((other) =>
      dat1(
        `事项 #${other.caseId} 正在变更“${changeItemLabel(other.field)}”，尚未办结（规则 DAT-1）。请等该事项办结或撤销后再申请变更这一项。`,
      ),
    );
}

/**
 * DAT-1 at approval: an item takes effect only while its field still has
 * the value recorded when the request was made (`valueNow` reads the record
 * as it is), so a request never applies twice nor over a change made in
 * between.
 */
export function staleItemRefusals(items: readonly ChangeItem[], valueNow: (field: string) => string): Refusal[] {
  return items
    .filter((item) => valueNow(item.field) !== item.before)
    .map((item) =>
      dat1(
        `“${item.label}”已从申请时的“${item.before}”变为“${valueNow(item.field)}”，本事项不能生效（规则 DAT-1）。请撤销本事项，按档案现在的内容重新申请。`,
      ),
    );
}
