/**
 * 学籍卡: one student's record on one page (SCH-3 keeps it in the paper
 * archive): every field of the national template under its label, the
 * photo (a 26 × 32 mm box to glue one in when the register has none), the
 * family members, the approved movements, 奖惩 and 学习简历. The card's
 * content is one block, so that the form service can put a class's cards
 * one after another, each from a new page.
 */
import type { Content } from 'pdfmake/interfaces';
import { caseStatusLabels, type CaseSummary } from '../../../../shared/changes/caseRecords';
import { caseKindLabel } from '../../../../shared/changes/cases';
import { isVocational } from '../../../../shared/register/school';
import { studentFieldLabels } from '../../../../shared/register/students';
import type { StudentBasics } from '../../../../shared/register/studentValidation';
import type { FormLayout, StudentCardData } from '../formData';
import { type Field, fieldRows, type ListColumn, listSection, section } from './cells';
import { formDocument, formTitle } from './frame';
import { handDate, signature } from './handwriting';
import {
  familyColumns,
  familyRows,
  photoCell,
  photoColumnWidth,
  rewardColumns,
  rewardRows,
  studyColumns,
  studyRows,
} from './recordTables';
import { basicsText, dayText, fieldText, majorText } from './values';

/** The card is set a size smaller than the case forms, so that a whole record fits a page. */
const cardFontSize = 9;

/** Label columns of the card's grids. */
const labelWidth = 64;

/** A field of the basics under its template label. */
const basicsField = (basics: StudentBasics, key: keyof StudentBasics, span?: number): Field => ({
  label: studentFieldLabels[key] ?? key,
  value: basicsText(basics, key),
  ...(span ? { span } : {}),
});

/** Beside the photo: who the student is and where in the register. */
function identityFields(data: StudentCardData): Field[] {
  const { basics } = data.student;
  return [
    basicsField(basics, 'name'),
    basicsField(basics, 'sex'),
    basicsField(basics, 'birthDate'),
    basicsField(basics, 'ethnicity'),
    basicsField(basics, 'idType'),
    basicsField(basics, 'idNumber'),
    basicsField(basics, 'studentNumber'),
    basicsField(basics, 'auxiliaryNumber'),
    { label: studentFieldLabels['classId'] ?? '班级', value: data.student.classLabel },
    { label: studentFieldLabels['status'] ?? '学籍状态', value: fieldText('status', data.student.status) },
  ];
}

const personalKeys = [
  'namePinyin',
  'formerName',
  'nationality',
  'overseasStatus',
  'politicalAffiliation',
  'healthStatus',
  'idValidUntil',
  'specialty',
  'householdType',
  'birthPlace',
  'nativePlace',
  'householdLocation',
] as const satisfies readonly (keyof StudentBasics)[];

const schoolKeys = [
  'classSeatNumber',
  'enrollmentMonth',
  'enrollmentMethod',
  'boardingType',
  'studentSource',
] as const satisfies readonly (keyof StudentBasics)[];

/** 中职 fields (VOC-2); 专业 prints its code from the national catalogue and its name. */
const vocationalKeys = [
  'majorCode',
  'schoolingYears',
  'studyMode',
  'studentCategory',
  'teachingSite',
] as const satisfies readonly (keyof StudentBasics)[];

const contactKeys = ['phone', 'postalCode', 'email'] as const satisfies readonly (keyof StudentBasics)[];
const addressKeys = [
  'currentAddress',
  'mailingAddress',
  'homeAddress',
] as const satisfies readonly (keyof StudentBasics)[];

/** 扩展信息: the template's yes/no flags and the like, set as one paragraph of 标签：值 pairs. */
const extendedKeys = [
  'onlyChild',
  'preschool',
  'leftBehind',
  'migrantChild',
  'orphan',
  'martyrChild',
  'inclusiveEducation',
  'disabilityType',
  'governmentFundedPlace',
  'needsAid',
  'receivesSubsidy',
  'commuteDistance',
  'commuteMode',
  'needsSchoolBus',
] as const satisfies readonly (keyof StudentBasics)[];

function extendedParagraph(basics: StudentBasics): Content {
  return {
    // Lines break between the pairs, never inside a label or a value.
    text: extendedKeys.flatMap((key, index) => [
      ...(index === 0 ? [] : ['　　']),
      { text: `${studentFieldLabels[key] ?? key}：`, style: 'label', noWrap: true },
      { text: basicsText(basics, key), style: 'value', noWrap: true },
    ]),
    lineHeight: 1.15,
  };
}

const movementColumns: readonly ListColumn[] = [
  { head: '序号', width: 30, alignment: 'center' },
  { head: '异动类型', width: '*', alignment: 'center' },
  { head: '申请日期', width: '*', alignment: 'center' },
  { head: '办理状态', width: '*', alignment: 'center' },
];

const movementRows = (movements: readonly CaseSummary[]): string[][] =>
  movements.map((movement, index) => [
    String(index + 1),
    caseKindLabel(movement.kind),
    dayText(movement.appliedOn),
    caseStatusLabels[movement.status],
  ]);

const threePairs = [labelWidth, '*', labelWidth, '*', labelWidth, '*'] as const;

/** The card of one student: a single block of content. */
function cardContent(data: StudentCardData): Content[] {
  const { basics } = data.student;
  const compact = { compact: true } as const;
  const keyed = (keys: readonly (keyof StudentBasics)[]) =>
    keys.map((key) =>
      key === 'majorCode'
        ? { label: studentFieldLabels[key] ?? key, value: majorText(basics.majorCode, data.majorNames), span: 2 }
        : basicsField(basics, key),
    );
  const schoolFields = keyed([...schoolKeys, ...(isVocational(data.school) ? vocationalKeys : [])]);
  return [
    section(
      '基本信息',
      [labelWidth, '*', labelWidth, '*', photoColumnWidth],
      fieldRows(identityFields(data), 2, { cell: photoCell(data.photoJpeg), rows: 5 }),
      { first: true, compact: true },
    ),
    section('个人信息', threePairs, fieldRows(keyed(personalKeys), 3), compact),
    section('学籍', threePairs, fieldRows(schoolFields, 3), compact),
    section(
      '联系方式',
      threePairs,
      fieldRows([...keyed(contactKeys), ...addressKeys.map((key) => basicsField(basics, key, 3))], 3),
      compact,
    ),
    section('扩展信息', ['*'], [[extendedParagraph(basics)]], compact),
    listSection('家庭成员', familyColumns, familyRows(basics.familyMembers), compact),
    listSection('学籍异动', movementColumns, movementRows(data.movements), compact),
    listSection('奖惩', rewardColumns, rewardRows(data.student.rewardsPunishments), compact),
    listSection('学习简历', studyColumns, studyRows(data.student.studyHistory), compact),
    {
      margin: [0, 10, 0, 0],
      columns: [
        ...signature('学籍管理员签字', 90),
        { text: '学校（公章）', width: '*', alignment: 'center' },
        { text: handDate, width: 'auto' },
      ],
    },
  ];
}

export const studentCard: FormLayout<StudentCardData> = (data, frame) =>
  formDocument(frame, {
    content: [{ stack: [formTitle(frame), ...cardContent(data)], fontSize: cardFontSize }],
  });
