/**
 * The student form's layout as data: which fields go in which card, how
 * each is typed, and the hint under it. The form component renders it; the
 * labels follow `studentFieldLabels` (the national template's wording).
 */
import {
  boardingTypes,
  type CodeList,
  compulsoryEnrollmentMethods,
  enrollmentMethods,
  ethnicities,
  familyRelations,
  healthStatuses,
  householdTypes,
  idDocumentTypes,
  nationalities,
  overseasStatuses,
  seniorEnrollmentMethods,
  sexes,
  yesNo,
} from '../../../shared/register/codes';
import { studentFieldLabels } from '../../../shared/register/students';
import { codeText, type EditableBasics, familyMemberFieldLabels } from './register';

export type BasicsKey = Exclude<keyof EditableBasics, 'familyMembers'>;

export interface FieldSpec<K extends string> {
  readonly key: K;
  readonly label: string;
  /** A code list shown as a drop-down; a text box otherwise. */
  readonly options?: CodeList;
  readonly placeholder?: string;
  /** One line under the field. */
  readonly hint?: string;
  /** Takes the whole row (addresses). */
  readonly wide?: boolean;
}

export interface FieldGroup {
  readonly title: string;
  readonly fields: readonly FieldSpec<BasicsKey>[];
}

/** Beside every key field in edit mode: the change-request screen comes with a later issue. */
export const keyFieldNote = '关键数据须通过基本信息变更申请修改（DAT-1）';

const divisionHint = '6 位行政区划代码，如 140302 阳泉市城区';

const field = (key: BasicsKey, extra: Omit<FieldSpec<BasicsKey>, 'key' | 'label'> = {}): FieldSpec<BasicsKey> => ({
  key,
  label: studentFieldLabels[key] ?? key,
  ...extra,
});

/** The cards of the form, in the order a clerk copies them from the registration sheet. */
export const studentFieldGroups: readonly FieldGroup[] = [
  {
    title: '基本信息',
    fields: [
      field('name', { placeholder: '如 李思涵；少数民族姓名用「·」分隔' }),
      field('sex', { options: sexes }),
      field('birthDate', { placeholder: '如 2019-03-01' }),
      field('ethnicity', { options: ethnicities }),
      field('nationality', { options: nationalities }),
      field('overseasStatus', { options: overseasStatuses }),
      field('healthStatus', { options: healthStatuses }),
    ],
  },
  {
    title: '身份证件',
    fields: [
      field('idType', { options: idDocumentTypes }),
      field('idNumber', { placeholder: '18 位居民身份证号', hint: '填好后自动核对出生日期和性别' }),
      field('studentNumber', {
        placeholder: '可暂不填写',
        hint: '全国学籍系统分配后填写，填入后不能直接修改',
      }),
    ],
  },
  {
    title: '户籍与入学',
    fields: [
      field('birthPlace', { placeholder: '如 140302', hint: divisionHint }),
      field('nativePlace', { placeholder: '如 140302', hint: divisionHint }),
      field('householdLocation', { placeholder: '如 140302', hint: divisionHint }),
      field('householdType', { options: householdTypes }),
      field('enrollmentMonth', { placeholder: '如 202509', hint: '6 位年月' }),
      field('enrollmentMethod', { options: enrollmentMethods }),
      field('boardingType', { options: boardingTypes }),
    ],
  },
  {
    title: '联系方式',
    fields: [
      field('phone', { placeholder: '手机或固定电话' }),
      field('postalCode', { placeholder: '如 045000' }),
      field('email', { placeholder: '可不填' }),
      field('currentAddress', { wide: true }),
      field('mailingAddress', { wide: true }),
      field('homeAddress', { wide: true }),
    ],
  },
];

export type MemberKey = 'name' | 'relationship' | 'isGuardian' | 'phone' | 'idNumber' | 'workplace';

export const familyMemberFields: readonly FieldSpec<MemberKey>[] = [
  { key: 'name', label: familyMemberFieldLabels.name },
  { key: 'relationship', label: familyMemberFieldLabels.relationship, options: familyRelations },
  { key: 'isGuardian', label: familyMemberFieldLabels.isGuardian, options: yesNo },
  { key: 'phone', label: familyMemberFieldLabels.phone },
  { key: 'idNumber', label: familyMemberFieldLabels.idNumber, placeholder: '可不填' },
  { key: 'workplace', label: familyMemberFieldLabels.workplace, placeholder: '可不填' },
];

/** 入学方式 of the class's stage: 小学、初中 (grades 1-9) or 高中. */
export function enrollmentMethodsFor(grade: number | null): CodeList {
  if (grade === null) return enrollmentMethods;
  return grade <= 9 ? compulsoryEnrollmentMethods : seniorEnrollmentMethods;
}

/** Code lists by field, so stored codes read as labels (history, read-only view). */
const codeLists: Readonly<Record<string, CodeList>> = Object.fromEntries([
  ...studentFieldGroups.flatMap((group) => group.fields.flatMap((f) => (f.options ? [[f.key, f.options]] : []))),
  ...familyMemberFields.flatMap((f) => (f.options ? [[`member.${f.key}`, f.options]] : [])),
]);

/** A stored value as the clerk reads it: the label for codes, a dash for blanks. */
export function valueText(field: string, value: string | undefined): string {
  if (!value) return '—';
  const member = /^familyMembers\.\d+\.(\w+)$/.exec(field);
  const list = codeLists[member ? `member.${member[1]}` : field];
  return list ? codeText(list, value) : value;
}
