/**
 * How register data reads on screen: code labels, masked ID numbers, the
 * labels of history fields, and the empty forms the screens start from.
 */
import { type CodeList, labelOf, studentStatuses } from '../../../shared/register/codes';
import { divisionName } from '../../../shared/register/divisions';
import type { SchoolProfile } from '../../../shared/register/school';
import { studentFieldLabels } from '../../../shared/register/students';
import {
  extendedStudentFields,
  type FamilyMember,
  type StudentBasics,
} from '../../../shared/register/studentValidation';

/** The label of a code, the code itself when the list lacks it, a dash when blank. */
export function codeText(list: CodeList, code: string | null | undefined): string {
  if (!code) return '—';
  return labelOf(list, code) ?? code;
}

export const statusText = (status: string): string => codeText(studentStatuses, status);

/** A division code as the clerk reads it: 山西省阳泉市城区（140302）; the bare code when the table lacks it. */
export function divisionText(code: string | null | undefined): string {
  if (!code) return '—';
  const name = divisionName(code);
  return name ? `${name}（${code}）` : code;
}

/**
 * An ID number with its middle hidden (140302********1129): lists show
 * enough to tell students apart; the full number only in the record, whose
 * every opening is logged.
 */
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 8) return s.length <= 2 ? s : `${s.slice(0, 1)}${'*'.repeat(s.length - 2)}${s.slice(-1)}`;
  const head = s.length >= 15 ? 6 : 2;
  const tail = 4;
  return `${s.slice(0, head)}${'*'.repeat(s.length - head - tail)}${s.slice(-tail)}`;
}

/**
 * A 学籍号 with its birth date hidden (G140302********1129): a G number is
 * the student's ID number behind a letter, and L and J numbers hold the
 * birth date at the same place, so lists mask it like the ID number.
 */
export function maskStudentNumber(studentNumber: string): string {
  const s = studentNumber.trim();
  return s.length === 19 ? `${s.slice(0, 7)}${'*'.repeat(8)}${s.slice(15)}` : maskIdNumber(s);
}

/** Labels of a family member's fields, as the history shows them. */
export const familyMemberFieldLabels: Readonly<Record<keyof FamilyMember, string>> = {
  name: '姓名',
  relationship: '关系',
  phone: '联系电话',
  isGuardian: '是否监护人',
  idType: '身份证件类型',
  idNumber: '身份证件号',
  ethnicity: '民族',
  householdLocation: '户口所在地',
  workplace: '工作单位',
  address: '现住址',
  jobTitle: '职务',
};

/** `phone` → 联系电话, `familyMembers.0.phone` → 家庭成员1 联系电话. */
export function historyFieldLabel(field: string): string {
  const member = /^familyMembers\.(\d+)\.(\w+)$/.exec(field);
  if (member) {
    const label = familyMemberFieldLabels[member[2] as keyof FamilyMember] ?? member[2];
    return `家庭成员${Number(member[1]) + 1} ${label}`;
  }
  return studentFieldLabels[field] ?? field;
}

/** A family member as the form edits it: every field present and writable. */
export type EditableMember = { -readonly [K in keyof FamilyMember]-?: string };

/** Student basics as the form edits them. */
export type EditableBasics = { -readonly [K in Exclude<keyof StudentBasics, 'familyMembers'>]-?: string } & {
  familyMembers: EditableMember[];
};

export const emptyFamilyMember = (): EditableMember => ({
  name: '',
  relationship: '',
  phone: '',
  isGuardian: '',
  idType: '',
  idNumber: '',
  ethnicity: '',
  householdLocation: '',
  workplace: '',
  address: '',
  jobTitle: '',
});

type ExtendedField = (typeof extendedStudentFields)[number];

/** The template's optional fields, all blank: what a record saved before they existed reads as. */
const blankExtendedFields = (): Record<ExtendedField, string> =>
  Object.fromEntries(extendedStudentFields.map((key) => [key, ''])) as Record<ExtendedField, string>;

/** A new student's form: blank, with the values nearly every pupil of a Yangquan school has. */
export function emptyStudentBasics(): EditableBasics {
  return {
    ...blankExtendedFields(),
    studentSource: '1',
    name: '',
    sex: '',
    birthDate: '',
    birthPlace: '',
    nativePlace: '',
    ethnicity: '01',
    nationality: 'CHN',
    idType: '1',
    idNumber: '',
    overseasStatus: '00',
    healthStatus: '10',
    householdLocation: '',
    householdType: '',
    enrollmentMonth: '',
    enrollmentMethod: '',
    boardingType: '1',
    currentAddress: '',
    mailingAddress: '',
    homeAddress: '',
    phone: '',
    postalCode: '',
    email: '',
    studentNumber: '',
    familyMembers: [emptyFamilyMember(), emptyFamilyMember()],
  };
}

/**
 * A record's basics as an editable copy, always with two family-member
 * slots. Optional fields the record lacks start blank, not with a new
 * student's defaults: opening and saving a record must not change it.
 */
export function editableBasics(basics: StudentBasics): EditableBasics {
  const members: EditableMember[] = basics.familyMembers.map((member) => ({ ...emptyFamilyMember(), ...member }));
  while (members.length < 2) members.push(emptyFamilyMember());
  return { ...emptyStudentBasics(), ...blankExtendedFields(), ...basics, familyMembers: members };
}

const isBlankMember = (member: EditableMember): boolean => Object.values(member).every((value) => value.trim() === '');

const extendedFieldSet: ReadonlySet<string> = new Set(extendedStudentFields);

/**
 * What is sent: trailing family-member slots left wholly blank are dropped
 * (only trailing ones, so core's `familyMembers.N.…` messages still point
 * at the slot the clerk sees), and so are the optional template fields left
 * blank (core's history reads a missing field as blank, so nothing changes).
 */
export function basicsToSave(basics: EditableBasics): StudentBasics {
  const familyMembers = basics.familyMembers.map((member) => ({ ...member }));
  while (familyMembers.length > 0 && isBlankMember(familyMembers[familyMembers.length - 1]!)) familyMembers.pop();
  const fields = Object.entries(basics).filter(
    ([key, value]) => key !== 'familyMembers' && !(extendedFieldSet.has(key) && (value as string).trim() === ''),
  );
  return { ...(Object.fromEntries(fields) as Omit<StudentBasics, 'familyMembers'>), familyMembers };
}

/** A field's value by its message key (`phone`, `familyMembers.0.phone`). */
export function valueAt(basics: StudentBasics | EditableBasics, field: string): string | undefined {
  const member = /^familyMembers\.(\d+)\.(\w+)$/.exec(field);
  if (member) {
    const found = basics.familyMembers[Number(member[1])] as Readonly<Record<string, string | undefined>> | undefined;
    return found?.[member[2]!];
  }
  const value = (basics as unknown as Readonly<Record<string, unknown>>)[field];
  return typeof value === 'string' ? value : undefined;
}

export const emptySchoolProfile: SchoolProfile = {
  name: '',
  code: '',
  type: null,
  ownership: null,
  provincialModel: false,
  enrollmentZone: '',
  registerOffice: '',
  registerOfficer: '',
  officerPhone: '',
};
