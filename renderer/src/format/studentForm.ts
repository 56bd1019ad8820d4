/**
 * The student form's layout as data: which fields go in which card, how
 * each is typed, and the hint under it. The form component renders it; the
 * labels follow `studentFieldLabels` (the national template's wording).
 */
import {
  boardingTypes,
  type CodeList,
  commuteModes,
  compulsoryEnrollmentMethods,
  disabilityTypes,
  enrollmentMethods,
  ethnicities,
  familyRelations,
  healthStatuses,
  householdTypes,
  idDocumentTypes,
  leftBehindStatuses,
  nationalities,
  overseasStatuses,
  politicalAffiliations,
  seniorEnrollmentMethods,
  sexes,
  studentSources,
  studyModes,
  yesNo,
} from '../../../shared/register/codes';
import type { SchoolProfile } from '../../../shared/register/school';
import { divisionFields, fieldCodeLists } from '../../../shared/register/fieldCodes';
import { studentFieldLabels } from '../../../shared/register/students';
import { codeText, divisionText, type EditableBasics, type EditableMember, familyMemberFieldLabels } from './register';

export type BasicsKey = Exclude<keyof EditableBasics, 'familyMembers'>;

export interface FieldSpec<K extends string> {
  readonly key: K;
  readonly label: string;
  /** A code list shown as a drop-down; a text box otherwise. */
  readonly options?: CodeList;
  /** A 6-digit county code picked from the GB/T 2260 divisions. */
  readonly division?: boolean;
  /** ★ in the national template: the label carries the required mark. */
  readonly required?: boolean;
  readonly placeholder?: string;
  /** One line under the field. */
  readonly hint?: string;
  /** Takes the whole row (addresses). */
  readonly wide?: boolean;
}

export interface FieldGroup {
  readonly title: string;
  readonly fields: readonly FieldSpec<BasicsKey>[];
  /** Optional fields seldom filled in: folded away until the clerk opens them. */
  readonly more?: readonly FieldSpec<BasicsKey>[];
  /** The card also holds the class (班级). */
  readonly withClass?: boolean;
  /** Only 中等职业学校 have it (专业, 学制, 学习形式 …). */
  readonly vocational?: boolean;
  /** Comes after the family members, as in the national template. */
  readonly afterMembers?: boolean;
}

/** Beside every key field in edit mode: key fields change through 申请变更基本信息 (a DAT-1 case). */
export const keyFieldNote = '关键数据须通过基本信息变更申请修改（DAT-1）';

const field = (key: BasicsKey, extra: Omit<FieldSpec<BasicsKey>, 'key' | 'label'> = {}): FieldSpec<BasicsKey> => ({
  key,
  label: studentFieldLabels[key] ?? key,
  ...extra,
});
const required = (key: BasicsKey, extra: Omit<FieldSpec<BasicsKey>, 'key' | 'label'> = {}) =>
  field(key, { required: true, ...extra });
const yesOrNo = (key: BasicsKey) => field(key, { options: yesNo });

/** 学制 of a 中职 major: three years usually, five for 五年一贯制. */
export const schoolingYearOptions: CodeList = ['2', '3', '4', '5'].map((years) => ({
  code: years,
  label: `${years} 年`,
}));

/** The cards of the form, in the order a clerk copies them from the registration sheet. */
export const studentFieldGroups: readonly FieldGroup[] = [
  {
    title: '基本信息',
    fields: [
      required('name', { placeholder: '如 李思涵；少数民族姓名用「·」分隔' }),
      required('sex', { options: sexes }),
      required('birthDate', { placeholder: '如 2019-03-01' }),
      required('ethnicity', { options: ethnicities }),
      required('nationality', { options: nationalities }),
      required('overseasStatus', { options: overseasStatuses }),
      required('healthStatus', { options: healthStatuses }),
      field('politicalAffiliation', { options: politicalAffiliations, placeholder: '可不填' }),
      field('namePinyin', { placeholder: '如 li si han，可不填' }),
      field('formerName', { placeholder: '可不填' }),
      field('specialty', { placeholder: '可不填' }),
    ],
  },
  {
    title: '身份证件与户籍',
    fields: [
      required('idType', { options: idDocumentTypes }),
      field('idNumber', { placeholder: '18 位居民身份证号', hint: '填好后自动核对出生日期和性别' }),
      field('idValidUntil', { placeholder: '如 2030-05-01 或 长期，可不填' }),
      required('birthPlace', { division: true }),
      required('nativePlace', { division: true }),
      required('householdLocation', { division: true }),
      required('householdType', { options: householdTypes }),
    ],
  },
  {
    title: '学籍信息',
    withClass: true,
    fields: [
      field('studentNumber', { placeholder: '可暂不填写', hint: '全国学籍系统分配后填写，填入后不能直接修改' }),
      field('auxiliaryNumber', { placeholder: '可暂不填写', hint: '高中学生首次注册时按省里的规定编制（REG-2）' }),
      field('classSeatNumber', { placeholder: '如 12，可不填' }),
      required('enrollmentMonth', { placeholder: '如 202509', hint: '6 位年月' }),
      required('enrollmentMethod', { options: enrollmentMethods }),
      required('boardingType', { options: boardingTypes }),
      field('studentSource', { options: studentSources }),
    ],
  },
  {
    title: '中职信息',
    vocational: true,
    fields: [
      field('majorCode', { hint: '专业在“学校信息”中维护' }),
      field('schoolingYears', { options: schoolingYearOptions }),
      field('studyMode', { options: studyModes }),
      field('studentCategory', { placeholder: '如 应届初中毕业生' }),
      field('teachingSite', { placeholder: '在校本部就读可不填' }),
    ],
  },
  {
    title: '联系方式',
    fields: [
      required('phone', { placeholder: '手机或固定电话' }),
      required('postalCode', { placeholder: '如 045000' }),
      field('email', { placeholder: '可不填' }),
      required('currentAddress', { wide: true }),
      required('mailingAddress', { wide: true }),
      required('homeAddress', { wide: true }),
    ],
  },
  {
    title: '扩展信息',
    afterMembers: true,
    fields: [
      required('onlyChild', { options: yesNo }),
      required('preschool', { options: yesNo }),
      field('leftBehind', { options: leftBehindStatuses }),
      yesOrNo('migrantChild'),
      yesOrNo('orphan'),
      field('disabilityType', { options: disabilityTypes }),
    ],
    more: [
      yesOrNo('martyrChild'),
      yesOrNo('inclusiveEducation'),
      yesOrNo('governmentFundedPlace'),
      yesOrNo('needsAid'),
      yesOrNo('receivesSubsidy'),
      field('commuteDistance', { placeholder: '如 2.5' }),
      field('commuteMode', { options: commuteModes }),
      yesOrNo('needsSchoolBus'),
    ],
  },
];

export type MemberKey = Exclude<keyof EditableMember, symbol>;

export const familyMemberFields: readonly FieldSpec<MemberKey>[] = [
  { key: 'name', label: familyMemberFieldLabels.name },
  { key: 'relationship', label: familyMemberFieldLabels.relationship, options: familyRelations },
  { key: 'isGuardian', label: familyMemberFieldLabels.isGuardian, options: yesNo },
  { key: 'phone', label: familyMemberFieldLabels.phone },
  { key: 'idType', label: familyMemberFieldLabels.idType, options: idDocumentTypes, placeholder: '可不填' },
  { key: 'idNumber', label: familyMemberFieldLabels.idNumber, placeholder: '可不填' },
  { key: 'ethnicity', label: familyMemberFieldLabels.ethnicity, options: ethnicities, placeholder: '可不填' },
  { key: 'workplace', label: familyMemberFieldLabels.workplace, placeholder: '可不填' },
  { key: 'jobTitle', label: familyMemberFieldLabels.jobTitle, placeholder: '可不填' },
  { key: 'householdLocation', label: familyMemberFieldLabels.householdLocation, division: true },
  { key: 'address', label: familyMemberFieldLabels.address, placeholder: '可不填' },
];

/** School types without senior-high grades, whose students have no 学籍辅号 (REG-2). */
const compulsoryOnlyTypes: ReadonlySet<string> = new Set(['211', '311', '312']);

/** Whether the form asks for 学籍辅号: not in 小学、初中 (an unset school type shows it). */
export function hasAuxiliaryNumber(school: Pick<SchoolProfile, 'type'> | null): boolean {
  return !(school?.type && compulsoryOnlyTypes.has(school.type));
}

/** 入学方式 of the class's stage: 小学、初中 (grades 1-9) or 高中. */
export function enrollmentMethodsFor(grade: number | null): CodeList {
  if (grade === null) return enrollmentMethods;
  return grade <= 9 ? compulsoryEnrollmentMethods : seniorEnrollmentMethods;
}

/** A stored value as the clerk reads it: the label for codes, the name for divisions, a dash for blanks. */
export function valueText(field: string, value: string | undefined): string {
  if (!value) return '—';
  const key = /^familyMembers\.\d+\.(\w+)$/.exec(field)?.[1] ?? field;
  if (divisionFields.has(key)) return divisionText(value);
  const list = fieldCodeLists[key];
  return list ? codeText(list, value) : value;
}
