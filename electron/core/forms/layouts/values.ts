/**
 * Register values as a printed form writes them: the label of a code, the
 * name of a division, dates as 2026年11月27日, the guardian, the identity
 * document. A value the register does not hold prints as a dash, so that
 * nobody mistakes the cell for one to fill in by hand.
 */
import { chineseDay, isIsoDay } from '../../../../shared/changes/calendar';
import { type CodeList, familyRelations, idDocumentTypes, labelOf } from '../../../../shared/register/codes';
import { divisionFields, fieldCodeLists } from '../../../../shared/register/fieldCodes';
import { divisionName } from '../../../../shared/register/divisions';
import type { FamilyMember, StudentBasics } from '../../../../shared/register/studentValidation';

/** What a form prints for a value the register does not hold. */
export const noValue = '—';

/** Two ideographic spaces: what separates items written on one line of a Chinese form. */
export const gap = '\u3000\u3000';

/** Fields holding a `YYYY-MM-DD` day (身份证件有效期 may also say 长期). */
const dayFields: ReadonlySet<string> = new Set(['birthDate', 'idValidUntil']);

/** The label of a code; the code itself when the list lacks it; a dash when blank. */
export function codeText(list: CodeList, code: string | null | undefined): string {
  const value = (code ?? '').trim();
  if (value === '') return noValue;
  return labelOf(list, value) ?? value;
}

/** `2026-11-27` → 2026年11月27日; other text (长期) as it is; a dash when blank. */
export function dayText(day: string | null | undefined): string {
  const value = (day ?? '').trim();
  if (value === '') return noValue;
  return isIsoDay(value) ? chineseDay(value) : value;
}

/** `202509` → 2025年9月; a dash when blank. */
export function monthText(month: string | null | undefined): string {
  const match = /^(\d{4})(\d{2})$/.exec((month ?? '').trim());
  if (!match) return (month ?? '').trim() || noValue;
  return `${match[1]}年${Number(match[2])}月`;
}

/** A division as an address starts (山西省阳泉市城区); the bare code when the table lacks it. */
function divisionText(code: string | null | undefined): string {
  const value = (code ?? '').trim();
  if (value === '') return noValue;
  return divisionName(value) ?? value;
}

/** Any field of `StudentBasics`, of a family member, or 学籍状态, as the form prints it. */
export function fieldText(field: string, value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return noValue;
  if (divisionFields.has(field)) return divisionText(text);
  if (dayFields.has(field)) return dayText(text);
  if (field === 'enrollmentMonth') return monthText(text);
  if (field === 'schoolingYears') return `${text}年`;
  const list = fieldCodeLists[field];
  return list ? codeText(list, text) : text;
}

/** 专业 as printed: `710201 计算机应用`, the bare code when the school has no such major, a dash when blank. */
export function majorText(code: string | null | undefined, names: Readonly<Record<string, string>>): string {
  const value = (code ?? '').trim();
  if (value === '') return noValue;
  const name = names[value];
  return name ? `${value} ${name}` : value;
}

/** The value of a top-level field of the basics, as printed. */
export function basicsText(basics: StudentBasics, field: keyof StudentBasics): string {
  const value = basics[field];
  return fieldText(field, typeof value === 'string' ? value : undefined);
}

/** 身份证件类型和号码, e.g. 居民身份证 140302200903011124. */
export function idDocumentText(type: string, number: string): string {
  const label = codeText(idDocumentTypes, type);
  return number.trim() === '' ? label : `${label} ${number.trim()}`;
}

/** An ID number in a column headed 身份证件号: a 居民身份证 number bare, any other document with its type. */
export function idNumberText(type: string | undefined, number: string | undefined): string {
  const value = (number ?? '').trim();
  if (value === '') return noValue;
  return !type || type === '1' ? value : idDocumentText(type, value);
}

/** 监护人: the family member marked as guardian, else the first one listed; null without family members. */
export function guardianOf(members: readonly FamilyMember[]): FamilyMember | null {
  return members.find((member) => member.isGuardian === '1') ?? members[0] ?? null;
}

/** A family member as 李建国（父亲）. */
export function memberText(member: FamilyMember | null): string {
  if (!member || member.name.trim() === '') return noValue;
  const relation = labelOf(familyRelations, member.relationship);
  return relation ? `${member.name}（${relation}）` : member.name;
}

/** 是 / 否 of a flag the case holds as a boolean. */
export const yesNoText = (value: boolean): string => (value ? '是' : '否');
