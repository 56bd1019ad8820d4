/**
 * One row of the template checked as the student form checks a student:
 * every cell turned into the stored form (importValues.ts), the class found
 * (importClasses.ts), then the register's normalisation and
 * `validateStudentBasics`, so a row passes exactly when the form would
 * accept the same student. Each problem names the row, the column and the
 * field; a cell that could not be read reports that, not the form's
 * message about the value it would have had.
 */
import {
  boardingTypes,
  type CodeList,
  codeOf,
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
  toHalfWidth,
  yesNo,
} from '../register/codes';
import type { Major } from '../register/school';
import type { SchoolClass } from '../register/students';
import { type StudentBasics, type StudentField, validateStudentBasics } from '../register/studentValidation';
import { pickClass } from './importClasses';
import {
  type ColumnTarget,
  type HeaderLayout,
  type ImportColumn,
  maxImportedMembers,
  type MemberField,
  type StudentColumnField,
  targetLabel,
} from './importHeaders';
import {
  cellText,
  codeValue,
  type Converted,
  dateValue,
  divisionValue,
  identityValue,
  monthValue,
  phoneValue,
  postalCodeValue,
  type SheetCell,
  textValue,
} from './importValues';
import type { ImportIssue } from './studentImport';

/** A data row as read: cells by column number (index 0 unused). */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly (SheetCell | undefined)[];
}

export interface ImportContext {
  readonly today: Date;
  readonly layout: HeaderLayout;
  readonly classes: readonly SchoolClass[];
  /** The school's 中职 majors: a 专业 cell may hold the name instead of the code. */
  readonly majors: readonly Pick<Major, 'code' | 'name'>[];
  /** The class every row goes to; null: each row's 年级 and 班级 cells say. */
  readonly classId: number | null;
  /** The register's normalisation of typed values (core's `normalisedBasics`), applied before the checks. */
  readonly normalise: (basics: StudentBasics) => StudentBasics;
}

export interface CheckedRow {
  readonly row: number;
  /** Normalised, as it would be saved. */
  readonly basics: StudentBasics;
  /** Null when the class could not be found (an error says why). */
  readonly classId: number | null;
  readonly issues: readonly ImportIssue[];
}

type Converter = (cell: SheetCell | undefined, subject: string, grade: number | null) => Converted;

const code =
  (list: CodeList, byLabelOnly = false): Converter =>
  (cell, subject) =>
    codeValue(list, cell, subject, { byLabelOnly });

/** 入学方式's labels repeat across stages (其他), so the class's stage picks the list. */
const enrollmentMethod: Converter = (cell, subject, grade) => {
  if (grade !== null)
    return codeValue(grade >= 10 ? seniorEnrollmentMethods : compulsoryEnrollmentMethods, cell, subject);
  const converted = codeValue(enrollmentMethods, cell, subject);
  const text = cellText(cell);
  const inOneStage = [compulsoryEnrollmentMethods, seniorEnrollmentMethods].some((list) => codeOf(list, text));
  return converted.ok || !inOneStage
    ? converted
    : { ok: false, message: `${subject}「${text.trim()}」要按学生所在班级的学段识别，请先改正年级、班级` };
};

const text: Converter = textValue;
const yes = code(yesNo);

/** How each column's cells become the stored value; codes unconfirmed in codes.ts go by label only. */
const studentConverters: Readonly<Record<StudentColumnField, Converter>> = {
  name: text,
  sex: code(sexes),
  birthDate: dateValue,
  birthPlace: divisionValue,
  nativePlace: divisionValue,
  ethnicity: code(ethnicities),
  nationality: code(nationalities),
  idType: code(idDocumentTypes),
  idNumber: identityValue,
  overseasStatus: code(overseasStatuses),
  healthStatus: code(healthStatuses),
  householdLocation: divisionValue,
  householdType: code(householdTypes),
  enrollmentMonth: monthValue,
  enrollmentMethod,
  boardingType: code(boardingTypes),
  currentAddress: text,
  mailingAddress: text,
  homeAddress: text,
  phone: phoneValue,
  postalCode: postalCodeValue,
  email: text,
  studentNumber: identityValue,
  namePinyin: text,
  formerName: text,
  politicalAffiliation: code(politicalAffiliations),
  idValidUntil: dateValue,
  specialty: text,
  classSeatNumber: text,
  studentSource: code(studentSources),
  auxiliaryNumber: identityValue,
  onlyChild: yes,
  preschool: yes,
  leftBehind: code(leftBehindStatuses),
  migrantChild: yes,
  orphan: yes,
  martyrChild: yes,
  inclusiveEducation: yes,
  disabilityType: code(disabilityTypes),
  governmentFundedPlace: yes,
  needsAid: yes,
  receivesSubsidy: yes,
  commuteDistance: text,
  commuteMode: code(commuteModes, true),
  needsSchoolBus: yes,
  majorCode: text,
  schoolingYears: text,
  studyMode: code(studyModes, true),
  studentCategory: text,
  teachingSite: text,
};

const memberConverters: Readonly<Record<MemberField, Converter>> = {
  name: text,
  relationship: code(familyRelations, true),
  phone: phoneValue,
  isGuardian: yes,
  idType: code(idDocumentTypes),
  idNumber: identityValue,
  ethnicity: code(ethnicities),
  householdLocation: divisionValue,
  workplace: text,
  address: text,
  jobTitle: text,
};

/** The ★ fields every record holds, blank until a column fills them. */
const blankBasics = (): Record<string, string> => ({
  name: '',
  sex: '',
  birthDate: '',
  birthPlace: '',
  nativePlace: '',
  ethnicity: '',
  nationality: '',
  idType: '',
  idNumber: '',
  overseasStatus: '',
  healthStatus: '',
  householdLocation: '',
  householdType: '',
  enrollmentMonth: '',
  enrollmentMethod: '',
  boardingType: '',
  currentAddress: '',
  mailingAddress: '',
  homeAddress: '',
  phone: '',
  postalCode: '',
});

/** The `StudentField` a column fills, as `validateStudentBasics` names its errors. */
function fieldOf(target: ColumnTarget): StudentField | null {
  if (target.kind === 'student') return target.field;
  if (target.kind === 'member') return `familyMembers.${target.member}.${target.field}`;
  return null;
}

/** The name of a field the file has no column for (a rule across fields reported it). */
function fieldLabel(field: StudentField): string {
  if (field === 'familyMembers') return '家庭成员';
  const member = /^familyMembers\.(\d+)\.(\w+)$/.exec(field);
  return targetLabel(
    member
      ? { kind: 'member', member: Number(member[1]), field: member[2] as MemberField }
      : { kind: 'student', field: field as StudentColumnField },
  );
}

/** A 专业 cell may hold the school's major by name: it is stored by code. */
function majorCodeOf(value: string, majors: ImportContext['majors']): string {
  const key = toHalfWidth(value).replace(/\s+/g, '');
  return majors.find((major) => major.code === key || major.name.replace(/\s+/g, '') === key)?.code ?? value;
}

interface RowIssue {
  readonly column: ImportColumn | null;
  readonly field: string;
  readonly message: string;
}

/** A column that fills a field of the record, with what a row's check needs of it. */
interface FieldColumn {
  readonly column: ImportColumn;
  readonly target: Extract<ColumnTarget, { kind: 'student' | 'member' }>;
  readonly field: StudentField;
  readonly label: string;
  readonly convert: Converter;
}

/** What a header means for every row, worked out once per file (thousands of rows share it). */
interface LayoutPlan {
  readonly fields: readonly FieldColumn[];
  readonly byField: ReadonlyMap<StudentField, FieldColumn>;
  readonly gradeColumn: ImportColumn | undefined;
  readonly classColumn: ImportColumn | undefined;
  /** Every member the header has, blank ones too, so that errors keep the file's member numbers. */
  readonly memberCount: number;
}

const plans = new WeakMap<HeaderLayout, LayoutPlan>();

function planOf(layout: HeaderLayout): LayoutPlan {
  const known = plans.get(layout);
  if (known) return known;
  const fields = layout.columns.flatMap((column): FieldColumn[] => {
    const target = column.target;
    if (target?.kind !== 'student' && target?.kind !== 'member') return [];
    const convert = target.kind === 'student' ? studentConverters[target.field] : memberConverters[target.field];
    return [{ column, target, field: fieldOf(target)!, label: targetLabel(target), convert }];
  });
  const kindColumn = (kind: 'grade' | 'class') => layout.columns.find((column) => column.target?.kind === kind);
  const plan: LayoutPlan = {
    fields,
    byField: new Map(fields.map((entry) => [entry.field, entry])),
    gradeColumn: kindColumn('grade'),
    classColumn: kindColumn('class'),
    memberCount: Math.min(
      maxImportedMembers,
      Math.max(0, ...fields.map(({ target }) => (target.kind === 'member' ? target.member + 1 : 0))),
    ),
  };
  plans.set(layout, plan);
  return plan;
}

/** Checks one data row; issues come in column order, those of the row as a whole last. */
export function checkRow(row: SheetRow, context: ImportContext): CheckedRow {
  const plan = planOf(context.layout);
  const problems: RowIssue[] = [];

  let classId = context.classId;
  if (classId === null) {
    const { gradeColumn, classColumn } = plan;
    const picked = pickClass(row.cells[gradeColumn?.index ?? -1], row.cells[classColumn?.index ?? -1], context.classes);
    if (picked.ok) classId = picked.classId;
    else problems.push({ column: classColumn ?? null, field: '班级', message: picked.message });
  }
  const grade = context.classes.find((entry) => entry.id === classId)?.grade ?? null;

  const values = blankBasics();
  const members = Array.from({ length: plan.memberCount }, (): Record<string, string> => ({
    name: '',
    relationship: '',
    phone: '',
    isGuardian: '',
  }));
  const unreadable = new Set<StudentField>();
  for (const { column, target, field, label, convert } of plan.fields) {
    const cell = row.cells[column.index];
    const converted = convert(cell, label, grade);
    const value = converted.ok ? converted.value : cellText(cell).trim();
    if (!converted.ok) {
      unreadable.add(field);
      problems.push({ column, field: label, message: converted.message });
    }
    if (target.kind === 'member') members[target.member]![target.field] = value;
    else values[target.field] = target.field === 'majorCode' ? majorCodeOf(value, context.majors) : value;
  }
  const basics = context.normalise({ ...values, familyMembers: members } as unknown as StudentBasics);

  const errors = validateStudentBasics(basics, { today: context.today });
  for (const [field, message] of Object.entries(errors) as [StudentField, string][]) {
    if (unreadable.has(field)) continue;
    const entry = plan.byField.get(field);
    problems.push({ column: entry?.column ?? null, field: entry?.label ?? fieldLabel(field), message });
  }
  problems.sort((a, b) => (a.column?.index ?? Infinity) - (b.column?.index ?? Infinity));
  return {
    row: row.number,
    basics,
    classId,
    issues: problems.map((problem) => ({
      row: row.number,
      name: basics.name,
      column: problem.column?.letter ?? '',
      field: problem.field,
      level: 'error',
      message: problem.message,
    })),
  };
}
