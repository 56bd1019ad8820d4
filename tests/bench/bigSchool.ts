/**
 * The installation most figures share (issue 8): a generated school of
 * 50,000 students (all 在读) with 5,000 open cases and an access log of
 * 200,000 rows, set up through core once per bench run and written straight
 * into the database with the tables' own columns. The search, opening,
 * chain-verification, open-case and export figures all run on it.
 */
import { writeAnchor } from '../../electron/core/audit/anchor';
import { appendAudit, type AuditEntry, auditHead } from '../../electron/core/audit/auditLog';
import type { Database } from '../../electron/core/db/database';
import { dataPaths, openStorage } from '../../electron/core/storage';
import { addDays } from '../../shared/changes/calendar';
import type { CaseInput } from '../../shared/changes/caseRecords';
import { classLabel } from '../../shared/register/students';
import { isoWithOffset } from '../../shared/time';
import { generateSchool, type GeneratedSchool } from '../support/schoolGenerator';
import { benchInstallation, benchSlot, seedSchool, storageOptions } from './benchKit';

export const bigSchoolSize = { students: 50_000, openCases: 5_000, auditRows: 200_000 } as const;

export interface BigSchool {
  /** Its data folder (keyring, database, anchor); the administrator is `bench`. */
  readonly folder: string;
  readonly school: GeneratedSchool;
  /** The day the open cases' due dates were computed from. */
  readonly today: string;
}

/** One access-log event of the kind a clerk's day writes most: a student record read. */
export function auditEvent(i: number): AuditEntry {
  return {
    at: new Date(),
    userName: 'bench',
    role: 'clerk',
    action: 'student.read',
    objectType: 'student',
    objectId: `G1401022015090${String(i).padStart(5, '0')}`,
    outcome: 'success',
    details: { note: '基准' },
  };
}

/** A case about `students[i]`: kinds and application days spread so that part of them is overdue. */
function caseFor(i: number, studentId: number, appliedOn: string): { input: CaseInput; dueDays: number } {
  const base = { appliedOn, reason: '家长申请，材料齐全' };
  switch (i % 4) {
    case 0:
      return {
        input: {
          ...base,
          kind: 'suspension',
          studentId,
          ground: 'illness',
          prescribedLeaveDays: 90,
          period: { startDate: appliedOn, endDate: addDays(appliedOn, 180) },
        },
        dueDays: 7,
      };
    case 1:
      return {
        input: {
          ...base,
          kind: 'transferOut',
          studentId,
          transfer: {
            reason: { ground: 'familyMoved', scope: 'province', hukouMoved: true },
            otherSchool: {
              name: '石家庄市第二中学',
              type: '311',
              ownership: '1',
              provincialModel: false,
              enrollmentZone: '长安区',
              inCity: false,
            },
          },
        },
        dueDays: 30,
      };
    case 2:
      return { input: { ...base, kind: 'goingAbroad', studentId }, dueDays: 7 };
    default:
      return {
        input: { ...base, kind: 'basicInfoChange', studentId, items: [{ field: 'phone', after: '13900000000' }] },
        dueDays: 7,
      };
  }
}

/** The open cases, one per student from the first, written as the case service stores them. */
function seedOpenCases(db: Database, school: GeneratedSchool, studentIds: readonly number[], today: string): void {
  const openedAt = isoWithOffset(new Date());
  const insertCase = db.prepare(
    `INSERT INTO register_case (kind, subject, input, applied_on, due_date, due_rule, opened_at, opened_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')`,
  );
  const insertStudent = db.prepare('INSERT INTO case_student (case_id, student_id) VALUES (?, ?)');
  const insertItem = db.prepare(
    `INSERT INTO case_item (case_id, position, field, before, after) VALUES (?, 0, 'phone', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < bigSchoolSize.openCases; i++) {
      const { basics, classIndex } = school.students[i]!;
      const schoolClass = school.classes[classIndex]!;
      const appliedOn = addDays(today, -(i % 40));
      const { input, dueDays } = caseFor(i, studentIds[i]!, appliedOn);
      const dueRule = input.kind === 'transferOut' ? 'CHG-1' : input.kind === 'basicInfoChange' ? 'DAT-1' : 'CHG-2';
      const subject = `${basics.name}（${classLabel(schoolClass.grade, schoolClass.number)}）`;
      const caseId = insertCase.run(
        input.kind,
        subject,
        JSON.stringify(input),
        appliedOn,
        addDays(appliedOn, dueDays),
        dueRule,
        openedAt,
      ).lastInsertRowid;
      insertStudent.run(caseId, studentIds[i]!);
      if (input.kind === 'basicInfoChange') insertItem.run(caseId, basics.phone, input.items[0]!.after);
    }
  })();
}

async function makeBigSchool(): Promise<BigSchool> {
  const folder = await benchInstallation();
  const school = generateSchool({ seed: 2026, studentCount: bigSchoolSize.students });
  const today = isoWithOffset(new Date()).slice(0, 10);
  const paths = dataPaths(folder);
  const storage = await openStorage(paths, benchSlot, storageOptions);
  const { db } = storage;
  try {
    seedOpenCases(db, school, seedSchool(db, school), today);
    db.transaction(() => {
      for (let i = auditHead(db).seq; i < bigSchoolSize.auditRows; i++) appendAudit(db, auditEvent(i));
    })();
    // The anchor core checks the log's tail against at login.
    writeAnchor(paths.auditAnchor, storage.dataKey, storage.keyring.installationId, auditHead(db));
  } finally {
    db.close();
  }
  return { folder, school, today };
}

let made: Promise<BigSchool> | undefined;

/** The shared installation, made at the first call of the run. */
export function bigSchool(): Promise<BigSchool> {
  made ??= makeBigSchool();
  return made;
}
