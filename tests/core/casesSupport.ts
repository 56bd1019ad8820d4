/** Set-up shared by the register-case tests: a school with terms and classes, students of any grade, evidence, approvals. */
import type { Approver, ApprovalDecision } from '../../shared/changes/approvals';
import type { CaseInput, CaseRecord, TransferDetails } from '../../shared/changes/caseRecords';
import type { OtherSchool } from '../../shared/changes/transferRules';
import { residentIdCheckChar } from '../../shared/register/identity';
import type { SchoolProfile } from '../../shared/register/school';
import type { StudentBasics } from '../../shared/register/studentValidation';
import { adminPassword, samplePupil, school, setUpCore } from './fixtures';

export type CaseCore = Awaited<ReturnType<typeof setUpCore>>;

/** Our school: a public ordinary senior high school (高级中学) in 城区 unless told otherwise. */
export const ourSchool = (changes: Partial<SchoolProfile> = {}): SchoolProfile => ({
  name: '阳泉市第一中学',
  code: school.schoolCode,
  type: '342',
  ownership: '1',
  provincialModel: false,
  enrollmentZone: '城区',
  registerOffice: '学籍室',
  registerOfficer: '王丽',
  officerPhone: '0353-1234567',
  ...changes,
});

/**
 * A set-up core (clock 2026-09-01 08:00) with the school, the terms 2026-2027 (autumn from 1 September,
 * spring from 20 February) and one class per grade given (班号 1, 班额 45).
 */
export async function caseCore(grades: readonly number[], profile: Partial<SchoolProfile> = {}) {
  const t = await setUpCore();
  await t.call('updateSchoolProfile', ourSchool(profile));
  await t.call('saveTerm', { schoolYear: '2026-2027', semester: 1, startDate: '2026-09-01', endDate: '2027-01-20' });
  await t.call('saveTerm', { schoolYear: '2026-2027', semester: 2, startDate: '2027-02-20', endDate: '2027-07-10' });
  const classes: Record<number, number> = {};
  for (const grade of grades) {
    const saved = await t.call('saveClass', { grade, number: 1, headTeacher: '赵老师', capacity: 45 });
    classes[grade] = saved.find((c) => c.grade === grade && c.number === 1)!.id;
  }
  return { ...t, classes };
}

/** Birth years that suit each grade in autumn 2026 (a first-grader was born in 2019). */
const birthYear = (grade: number): number => 2020 - grade;

/** A student of this grade with a valid ID number; `sequence` (1-499) makes each one distinct. */
export function studentOf(grade: number, sequence: number, changes: Partial<StudentBasics> = {}): StudentBasics {
  const birthDate = `${birthYear(grade)}-03-01`;
  const first17 = `140302${birthDate.replaceAll('-', '')}${String(100 + sequence * 2).padStart(3, '0')}`;
  return samplePupil(sequence, {
    birthDate,
    idNumber: `${first17}${residentIdCheckChar(first17)}`,
    enrollmentMonth: '202609',
    ...changes,
  });
}

/** The administrator's password now, per core (moving the clock may have renewed it). */
const passwords = new WeakMap<object, string>();

/**
 * Moves the clock to another day: the idle lock that follows is unlocked again, and a password the
 * move made expire (SEC-2, 90 days) is changed, as the clerk would.
 */
export async function moveTo(t: CaseCore, isoTime: string): Promise<void> {
  t.setClock(new Date(isoTime));
  const password = passwords.get(t.core) ?? adminPassword;
  const session = await t.call('unlock', password);
  if (session.mustChangePassword) {
    const renewed = `Taohe-River-${isoTime.slice(0, 10)}`;
    await t.call('changePassword', { currentPassword: password, newPassword: renewed });
    passwords.set(t.core, renewed);
  }
}

export async function register(t: CaseCore, classId: number, basics: StudentBasics) {
  return (await t.call('registerStudent', classId, basics)).student;
}

/** Another school of the city, as on the 转学联系表: a public ordinary high school of 郊区. */
export const otherSchool = (changes: Partial<OtherSchool> = {}): OtherSchool => ({
  name: '阳泉市第二中学',
  type: '342',
  ownership: '1',
  provincialModel: false,
  enrollmentZone: '郊区',
  inCity: true,
  ...changes,
});

/** CHG-1 grounds that allow a transfer: the family moved to another county with its hukou. */
export const transfer = (changes: Partial<OtherSchool> = {}): TransferDetails => ({
  reason: { ground: 'familyMoved', scope: 'county', hukouMoved: true },
  otherSchool: otherSchool(changes),
});

export const base = { appliedOn: '2026-09-01', reason: '家长提出申请，材料齐全' } as const;

/** A small file of this kind whose bytes differ per `tag` (each upload its own hash). */
export function fileBytes(kind: 'jpeg' | 'png' | 'pdf', tag: string): Buffer {
  const magic = {
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pdf: [...Buffer.from('%PDF-1.7\n')],
  }[kind];
  return Buffer.concat([Buffer.from(magic), Buffer.from(`evidence ${tag}`)]);
}

/** Uploads one file for every required item and the first one-of item of the case that is not there yet. */
export async function completeEvidence(t: CaseCore, record: CaseRecord): Promise<CaseRecord> {
  let current = record;
  const needed = [
    ...record.requirements.filter((item) => item.need === 'required'),
    ...record.requirements.filter((item) => item.need === 'oneOf').slice(0, 1),
  ].filter((item) => !record.evidence.some((file) => file.kind === item.kind));
  for (const item of needed) {
    current = await t.call('addEvidence', record.id, {
      kind: item.kind,
      fileName: `${item.kind}.pdf`,
      base64: fileBytes('pdf', `${record.id} ${item.kind}`).toString('base64'),
    });
  }
  return current;
}

export const decision = (approver: Approver, changes: Partial<ApprovalDecision> = {}): ApprovalDecision => ({
  approver,
  outcome: 'approved',
  decidedOn: '2026-09-01',
  decidedBy: '李校长',
  opinion: '同意',
  documentNumber: '',
  ...changes,
});

/** Every remaining step approves, in order, on the application day; the evidence is completed first. */
export async function approveAll(t: CaseCore, record: CaseRecord): Promise<CaseRecord> {
  let current = await completeEvidence(t, record);
  for (const approver of current.steps.slice(current.decisions.length)) {
    current = await t.call('recordDecision', record.id, decision(approver, { decidedOn: record.appliedOn }));
  }
  return current;
}

/** Opens the case and approves every step. */
export async function openAndApprove(t: CaseCore, input: CaseInput): Promise<CaseRecord> {
  return approveAll(t, await t.call('openCase', input));
}
