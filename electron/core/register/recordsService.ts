/**
 * What the school keeps per student besides the basic information (issue 4
 * item 8): study history, the graduation comment and the paper-archive
 * checklist (SCH-3, VOC-2, GRD-2); rewards and punishments change through an
 * approved case (DAT-1, rewardPunishments.ts). Each save is
 * checked by the shared rules, written in one transaction with readable
 * field history and an access-log event, and returns the whole record.
 *
 * Every status may be written, graduates too: GRD-2 has the study history
 * and the comment completed around graduation, and a leaver's archive is
 * still checked before it is handed on.
 */
import {
  type ArchiveItemState,
  archiveChecklistProblems,
  archiveStateText,
  type GraduationComment,
  graduationCommentProblems,
  graduationCommentText,
  type StudyHistoryEntry,
  studyHistoryProblems,
  studyHistoryText,
} from '../../../shared/register/studentRecords';
import type { FieldChange, StudentRecord } from '../../../shared/register/students';
import type { AuditAction } from '../../../shared/audit';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import {
  auditObjectId,
  readStudentRecord,
  refuseProblems,
  schoolIsVocational,
  trimmed,
  writeHistory,
} from './studentRecord';

export interface StudentRecordsServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
}

export function createStudentRecordsService({ sessions, now }: StudentRecordsServiceContext) {
  const db = () => sessions.require().storage.db;
  const actor = () => sessions.require().actor.userName;

  /**
   * One save of a change already known to be one: `write` runs inside the
   * transaction, with the field history and the access-log event.
   */
  function save(
    database: Database,
    student: StudentRecord,
    action: AuditAction,
    write: (stamp: string, by: string) => { changes: readonly FieldChange[]; details: Record<string, unknown> },
  ): StudentRecord {
    const at = now();
    const stamp = isoWithOffset(at);
    const by = actor();
    database.transaction(() => {
      const { changes, details } = write(stamp, by);
      writeHistory(database, student.id, changes, stamp, by);
      database.prepare('UPDATE student SET updated_at = ? WHERE id = ?').run(stamp, student.id);
      sessions.audit({
        at,
        action,
        objectType: 'student',
        objectId: auditObjectId(student),
        outcome: 'success',
        details: { studentId: student.id, ...details },
      });
    })();
    return readStudentRecord(database, student.id);
  }

  /** 学习简历: the whole list replaces the old one, oldest line first. */
  function saveStudyHistory(studentId: number, input: readonly StudyHistoryEntry[]): StudentRecord {
    const database = db();
    const student = readStudentRecord(database, studentId);
    const entries = input.map(trimmed);
    refuseProblems(studyHistoryProblems(entries, { today: now(), birthDate: student.birthDate }), '学习简历');
    const before = studyHistoryText(student.studyHistory);
    const after = studyHistoryText(entries);
    if (before === after) return student;
    return save(database, student, 'student.studyHistory', () => {
      database.prepare('DELETE FROM study_history WHERE student_id = ?').run(studentId);
      const insert = database.prepare(
        `INSERT INTO study_history (student_id, position, from_month, to_month, school, role, witness)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      entries.forEach((e, position) =>
        insert.run(studentId, position, e.fromMonth, e.toMonth, e.school, e.role, e.witness),
      );
      return { changes: [{ field: 'studyHistory', before, after }], details: { lines: entries.length } };
    });
  }

  /** 毕业评语 (GRD-2): written or rewritten. */
  function saveGraduationComment(studentId: number, input: GraduationComment): StudentRecord {
    const database = db();
    const student = readStudentRecord(database, studentId);
    const comment = trimmed(input);
    refuseProblems(graduationCommentProblems(comment, now()), '毕业评语');
    const before = graduationCommentText(student.graduationComment);
    const after = graduationCommentText(comment);
    if (before === after) return student;
    return save(database, student, 'student.graduationComment', (stamp, by) => {
      database
        .prepare(
          `INSERT INTO graduation_comment (student_id, text, author, date, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (student_id) DO UPDATE SET text = excluded.text, author = excluded.author,
             date = excluded.date, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(studentId, comment.text, comment.author, comment.date, stamp, by);
      return {
        changes: [{ field: 'graduationComment', before, after }],
        details: { author: comment.author, replaced: student.graduationComment !== null },
      };
    });
  }

  /**
   * 纸质档案 (SCH-3, VOC-2): the items given are set, the others kept; only
   * an item whose state changed is stamped with who checked it and when.
   */
  function saveArchiveChecklist(studentId: number, input: readonly ArchiveItemState[]): StudentRecord {
    const database = db();
    const student = readStudentRecord(database, studentId);
    const items = input.map(trimmed);
    refuseProblems(archiveChecklistProblems(items, schoolIsVocational(database)), '纸质档案清单');
    const current = new Map(student.archive.map((state) => [state.item, state]));
    const changed = items.filter((state) => {
      const old = current.get(state.item);
      return !old || old.present !== state.present || old.note !== state.note;
    });
    if (changed.length === 0) return student;
    return save(database, student, 'student.archive', (stamp, by) => {
      const upsert = database.prepare(
        `INSERT INTO archive_item (student_id, item, present, note, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (student_id, item) DO UPDATE SET present = excluded.present, note = excluded.note,
           checked_at = excluded.checked_at, checked_by = excluded.checked_by`,
      );
      for (const state of changed) upsert.run(studentId, state.item, state.present ? 1 : 0, state.note, stamp, by);
      return {
        changes: changed.map((state) => ({
          field: `archive.${state.item}`,
          before: archiveStateText(current.get(state.item) ?? { present: false, note: '' }),
          after: archiveStateText(state),
        })),
        details: { items: changed.map((state) => state.item) },
      };
    });
  }

  return { saveStudyHistory, saveGraduationComment, saveArchiveChecklist };
}
