/**
 * Printable forms (issue 6, DESIGN.md §6): reads what a form prints, lays it
 * out, renders it, and issues it under a form number with a verification
 * code, both printed in the frame and kept in `form_issue` and the access
 * log. Printing and saving are logged with the number; the administrator's
 * fallback font for rare characters lives in fallbackFont.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { caseKindLabel } from '../../../shared/changes/cases';
import { formFor } from '../../../shared/changes/evidence';
import {
  type FormDocument,
  type FormKind,
  type FormOutput,
  type FormRequest,
  formKinds,
} from '../../../shared/forms/forms';
import { labelOf } from '../../../shared/register/codes';
import { localDate } from '../../../shared/register/identity';
import { chineseDateTime } from '../../../shared/time';
import { createAttachmentStore } from '../attachments/attachmentStore';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { normalizeRecoveryCode, unwrapSlot } from '../keyring/keyring';
import { readKeyring } from '../keyring/keyringFile';
import { readClass } from '../register/classes';
import { readProfile } from '../register/schoolService';
import { auditObjectId, readStudentRecord } from '../register/studentRecord';
import type { DataPaths } from '../storage';
import { createFallbackFonts } from './fallbackFont';
import type { FormFrame } from './formData';
import { dataDigest, insertIssue, isNumberTaken, nextFormNumber, readIssue } from './formNumbers';
import {
  readCaseFormData,
  readClassRosterData,
  readClassStudents,
  readGraduateRegistrationData,
  readStudentCardData,
} from './formReaders';
import {
  basicInfoChange,
  classRoster,
  graduateRegistration,
  movementApproval,
  recoveryCode,
  studentCard,
  suspensionResumption,
  transferContact,
} from './layouts';
import { pdfRenderer } from './pdfRenderer';
import { selfInspectionReport } from './layouts/selfInspection';
import { readSelfInspection } from '../inspection/inspectionService';
import { oneDocument } from './oneDocument';

export interface FormServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
  /** The packaged app's bundled fonts; absent: the npm font packages. */
  readonly fontFolder?: string | undefined;
}

/** One form to issue: what it is about, the data its code certifies, and its layout. */
interface FormJob {
  readonly form: FormKind;
  readonly objectType: 'case' | 'student' | 'class' | 'installation' | 'school';
  readonly objectId: string;
  /** What the verification code is the hash of. */
  readonly data: unknown;
  readonly layout: (frame: FormFrame) => TDocumentDefinitions;
  /** The file name before the form number, e.g. `基本信息变更申请表_王晓雨`. */
  readonly fileStem: string;
  /** More facts for the access log. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Short names for file names. */
const fileLabels: Readonly<Record<FormKind, string>> = {
  basicInfoChange: '基本信息变更申请表',
  transferContact: '转学联系表',
  suspensionResumption: '休学复学申请表',
  movementApproval: '学籍异动审批表',
  studentCard: '学籍卡',
  classRoster: '花名册',
  graduateRegistration: '毕业生信息登记表',
  recoveryCode: '恢复码保管单',
  selfInspection: '学籍管理工作自查报告',
};

const caseLayouts = { basicInfoChange, transferContact, suspensionResumption, movementApproval } as const;

/** A file name part of at most 60 characters, without anything a file system reads as a path or forbids (Windows included). */
const fileNamePart = (text: string): string =>
  [...text.replace(/[\\/:*?"<>|\p{Cc}]/gu, '').replace(/^[\s.]+|[\s.]+$/g, '')].slice(0, 60).join('');

const wrongRecoveryCode = (cause?: unknown) =>
  new AppError(
    'WRONG_SECRET',
    '恢复码不正确：它打不开本机数据的恢复密钥。请核对初始化时显示的恢复码（30 位，每 5 位一组）后重新输入。',
    'recovery code does not open the recovery slot',
    { cause },
  );

export function createFormService({ sessions, now, paths, fontFolder }: FormServiceContext) {
  const db = () => sessions.require().storage.db;
  const store = createAttachmentStore({ sessions, now, folder: paths.attachments });
  const fallbackFonts = createFallbackFonts({ sessions, now, paths });
  const renderer = pdfRenderer(fontFolder);

  function caseJob(database: Database, caseId: number): FormJob {
    const data = readCaseFormData(database, caseId, now());
    const form = formFor(data.case.kind);
    if (!form) {
      const rule = data.case.kind === 'graduation' ? 'GRD-1' : 'DAT-1';
      throw new AppError(
        'RULE_VIOLATION',
        `“${caseKindLabel(data.case.kind)}”事项没有要打印的申请表（规则 ${rule}）：只有基本信息变更、转学、休学复学和学籍异动事项打印申请表。` +
          '如需存档，可打印学生的学籍卡。',
        `case ${caseId} of kind ${data.case.kind} prints no form`,
      );
    }
    const name = data.student?.name ?? data.newStudent?.name ?? data.case.subject;
    return {
      form,
      objectType: 'case',
      objectId: String(caseId),
      data,
      layout: (frame) => caseLayouts[form](data, frame),
      fileStem: `${fileLabels[form]}_${name}`,
      details: { caseId, kind: data.case.kind },
    };
  }

  function studentCardJob(database: Database, studentId: number): FormJob {
    const student = readStudentRecord(database, studentId);
    const data = readStudentCardData(database, store, student, now());
    return {
      form: 'studentCard',
      objectType: 'student',
      objectId: auditObjectId(student),
      data,
      layout: (frame) => studentCard(data, frame),
      fileStem: `学籍卡_${student.classLabel}_${student.name}`,
      details: { studentId },
    };
  }

  /** Every current student's card in one PDF, one after the other, each from a new page. */
  function classCardsJob(database: Database, classId: number): FormJob {
    const schoolClass = readClass(database, classId);
    const students = readClassStudents(database, classId);
    if (students.length === 0) {
      throw new AppError(
        'RULE_VIOLATION',
        `${schoolClass.label}没有在读或休学的学生，没有可打印的学籍卡。请先在该班登记学生。`,
        `class ${classId} has no current students`,
      );
    }
    const cards = students.map((student) => readStudentCardData(database, store, student, now()));
    return {
      form: 'studentCard',
      objectType: 'class',
      objectId: String(classId),
      data: cards,
      layout: (frame) => oneDocument(cards.map((card) => studentCard(card, frame))),
      fileStem: `学籍卡_${schoolClass.label}_${students.length}人`,
      details: { classId, class: schoolClass.label, studentCount: students.length },
    };
  }

  function jobOf(database: Database, request: FormRequest): FormJob {
    switch (request.form) {
      case 'case':
        return caseJob(database, request.caseId);
      case 'studentCard':
        return studentCardJob(database, request.studentId);
      case 'classStudentCards':
        return classCardsJob(database, request.classId);
      case 'classRoster': {
        const data = readClassRosterData(database, request.classId);
        return {
          form: 'classRoster',
          objectType: 'class',
          objectId: String(request.classId),
          data,
          layout: (frame) => classRoster(data, frame),
          fileStem: `花名册_${data.schoolClass.label}`,
          details: { classId: request.classId, class: data.schoolClass.label, studentCount: data.students.length },
        };
      }
      case 'selfInspection': {
        const data = readSelfInspection(sessions, paths.auditAnchor, now());
        return {
          form: 'selfInspection',
          objectType: 'school',
          objectId: data.schoolCode,
          data,
          layout: (frame) => selfInspectionReport(data, frame),
          fileStem: `学籍管理工作自查报告_${data.today}`,
          details: { summary: data.summary },
        };
      }
      case 'graduateRegistration': {
        const data = readGraduateRegistrationData(database, store, request.studentId);
        return {
          form: 'graduateRegistration',
          objectType: 'student',
          objectId: auditObjectId(data.student),
          data,
          layout: (frame) => graduateRegistration(data, frame),
          fileStem: `毕业生信息登记表_${data.student.name}`,
          details: { studentId: request.studentId },
        };
      }
    }
  }

  /**
   * Renders the job under the next free number and records the issue. The number is taken in the
   * transaction that records it, after rendering succeeded; a number issued meanwhile (rendering
   * awaits) makes it render once more under the next one.
   */
  async function issue(job: FormJob): Promise<FormDocument> {
    const at = now();
    const digest = dataDigest(job.data);
    const title = labelOf(formKinds, job.form) ?? job.form;
    for (let attempt = 1; ; attempt += 1) {
      const { actor } = sessions.require();
      const school = readProfile(db());
      const number = nextFormNumber(db(), school.code, at.getFullYear());
      const frame: FormFrame = {
        title,
        schoolName: school.name,
        schoolCode: school.code,
        formNumber: number.formNumber,
        verificationCode: digest.verificationCode,
        issuedOn: localDate(at),
        operator: actor.displayName,
        generatedAt: chineseDateTime(at),
      };
      const { pdf, pages } = await renderer.render(job.layout(frame), fallbackFonts.current());
      const database = db(); // the session may have been locked or closed while rendering
      try {
        database.transaction(() => {
          insertIssue(database, { ...job, number, digest, pages, issuedAt: at, issuedBy: actor.userName });
          sessions.audit({
            at,
            action: 'form.generate',
            objectType: job.objectType,
            objectId: job.objectId,
            outcome: 'success',
            details: {
              form: job.form,
              formNumber: number.formNumber,
              verificationCode: digest.verificationCode,
              pages,
              ...job.details,
            },
          });
        })();
      } catch (error) {
        if (attempt < 2 && isNumberTaken(error)) continue;
        throw error;
      }
      return {
        form: job.form,
        title,
        fileName: `${fileNamePart(job.fileStem)}_${number.formNumber}.pdf`,
        base64: pdf.toString('base64'),
        formNumber: number.formNumber,
        verificationCode: digest.verificationCode,
        pages,
      };
    }
  }

  async function generateForm(request: FormRequest): Promise<FormDocument> {
    return issue(jobOf(db(), request));
  }

  /** 恢复码保管单: only for the code that opens this installation's recovery slot; the code is never logged. */
  async function recoveryCodeSheet(code: string): Promise<FormDocument> {
    const { storage, actor } = sessions.require();
    const keyring = readKeyring(paths.keyring);
    const typed = normalizeRecoveryCode(code);
    let opens = false;
    try {
      opens = timingSafeEqual(await unwrapSlot(keyring, 'recovery', typed), storage.dataKey);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'WRONG_SECRET')) throw error;
    }
    if (!opens) {
      const database = db();
      database.transaction(() =>
        sessions.audit({
          at: now(),
          action: 'form.generate',
          objectType: 'installation',
          objectId: keyring.installationId,
          outcome: 'failure',
          details: { form: 'recoveryCode', reason: 'wrong recovery code' },
        }),
      )();
      throw wrongRecoveryCode();
    }
    const school = readProfile(db());
    const data = { recoveryCode: typed, administrator: actor.displayName, school };
    return issue({
      form: 'recoveryCode',
      objectType: 'installation',
      objectId: keyring.installationId,
      // The code stays out of the hash kept in form_issue: the sheet's code certifies who and where.
      data: { administrator: data.administrator, school },
      layout: (frame) => recoveryCode(data, frame),
      fileStem: `恢复码保管单_${school.name}`,
      details: {},
    });
  }

  /** The clerk printed or saved an issued form: logged with its number. */
  function recordFormOutput(formNumber: string, output: FormOutput): void {
    const database = db();
    const issued = readIssue(database, formNumber);
    if (!issued) {
      throw new AppError(
        'NOT_FOUND',
        `找不到表格编号 ${formNumber} 的生成记录，无法登记打印或保存。请重新生成表格后再打印或保存。`,
        `form ${formNumber} was never issued`,
      );
    }
    database.transaction(() =>
      sessions.audit({
        at: now(),
        action: output === 'print' ? 'form.print' : 'form.save',
        objectType: issued.objectType,
        objectId: issued.objectId,
        outcome: 'success',
        details: { form: issued.form, formNumber },
      }),
    )();
  }

  return {
    generateForm,
    recoveryCodeSheet,
    recordFormOutput,
    getFormFonts: fallbackFonts.getFormFonts,
    setFallbackFont: fallbackFonts.setFallbackFont,
  };
}
