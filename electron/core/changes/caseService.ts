/**
 * Register cases (学籍异动, 毕业 lists, basic-information and 奖惩 change
 * requests; issue 5): opened after every rule check, decided step by step
 * as the paper or the national system says (OPS-3: the reviewer and the
 * account that entered it both kept), applied to the record in the
 * transaction of the last approval, withdrawn with a reason. Every step is
 * in the access log.
 */
import { type ApprovalDecision, caseState, decisionRefusals } from '../../../shared/changes/approvals';
import { isIsoDay } from '../../../shared/changes/calendar';
import {
  type CaseFilter,
  type CaseInput,
  type CasePage,
  type CaseRecord,
  caseStatusLabels,
} from '../../../shared/changes/caseRecords';
import type { Refusal } from '../../../shared/changes/cases';
import { caseDeadline } from '../../../shared/changes/deadlines';
import { localDate } from '../../../shared/register/identity';
import { isoWithOffset } from '../../../shared/time';
import type { Sessions } from '../auth/session';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { readProfile, readTerms } from '../register/schoolService';
import type { DataPaths } from '../storage';
import { applyCase } from './caseApply';
import { type CheckContext, prepareCase } from './caseChecks';
import { caseFieldErrors, ruleViolation } from './caseFacts';
import { insertCase, listCaseSummaries, readCase, readCaseNow } from './caseStore';
import { createEvidenceService } from './evidenceService';

export interface CaseServiceContext {
  readonly sessions: Sessions;
  readonly now: () => Date;
  readonly paths: DataPaths;
}

const trimmedDecision = (decision: ApprovalDecision): ApprovalDecision => ({
  ...decision,
  decidedBy: decision.decidedBy.trim(),
  opinion: decision.opinion.trim(),
  documentNumber: decision.documentNumber.trim(),
});

export function createCaseService({ sessions, now, paths }: CaseServiceContext) {
  const db = () => sessions.require().storage.db;
  const actor = () => sessions.require().actor.userName;
  const evidence = createEvidenceService({ sessions, now, paths });

  const checkContext = (database: Database): CheckContext => ({
    database,
    school: readProfile(database),
    terms: readTerms(database),
    now: now(),
  });

  /** Open cases first, by due date, with their deadline state today. */
  function listCases(filter: CaseFilter): CasePage {
    const database = db();
    return listCaseSummaries(database, filter, readProfile(database), localDate(now()));
  }

  /** One case; every opening is in the access log. */
  function getCase(caseId: number): CaseRecord {
    const database = db();
    const at = now();
    const record = readCaseNow(database, caseId, at);
    database.transaction(() =>
      sessions.audit({
        at,
        action: 'case.read',
        objectType: 'case',
        objectId: String(caseId),
        outcome: 'success',
        details: { caseId, kind: record.kind },
      }),
    )();
    return record;
  }

  /** The rule refusals the case would meet now; saves nothing. */
  function checkCase(input: CaseInput): readonly Refusal[] {
    return prepareCase(checkContext(db()), input).refusals;
  }

  function openCase(input: CaseInput): CaseRecord {
    const database = db();
    const context = checkContext(database);
    const caseId = database.transaction(() => {
      const prepared = prepareCase(context, input);
      if (prepared.refusals.length > 0) throw ruleViolation(prepared.refusals, `${input.kind} case`);
      const deadline = caseDeadline(input.kind, prepared.input.appliedOn, context.terms);
      const id = insertCase(database, { prepared, deadline, openedAt: isoWithOffset(context.now), openedBy: actor() });
      sessions.audit({
        at: context.now,
        action: 'case.open',
        objectType: 'case',
        objectId: String(id),
        outcome: 'success',
        details: {
          caseId: id,
          kind: input.kind,
          studentIds: prepared.students.map((student) => student.studentId),
          appliedOn: prepared.input.appliedOn,
          dueDate: deadline?.dueDate ?? null,
        },
      });
      return id;
    })();
    return readCaseNow(database, caseId, context.now);
  }

  /**
   * OPS-3: the next approver's decision, in order, by the reviewer named,
   * entered by the signed-in account. An approval needs the evidence
   * complete; the last approval applies the case in the same transaction; a
   * rejection closes it and leaves the record as it was.
   */
  function recordDecision(caseId: number, input: ApprovalDecision): CaseRecord {
    const decision = trimmedDecision(input);
    if (!isIsoDay(decision.decidedOn)) {
      throw caseFieldErrors({ decidedOn: '请按“年-月-日”填写审核日期，如 2026-09-08。' }, 'decision date');
    }
    const database = db();
    const at = now();
    const school = readProfile(database);
    const today = localDate(at);
    database.transaction(() => {
      const record = readCase(database, caseId, school, today);
      if (record.status === 'withdrawn') {
        throw new AppError(
          'RULE_VIOLATION',
          '本事项已撤销，不能再录入审核结果（规则 OPS-3）。如需重新办理，请新建一个事项。',
          `case ${caseId} withdrawn`,
        );
      }
      const refusals = decisionRefusals(record.steps, record.decisions, decision, {
        appliedOn: record.appliedOn,
        today,
      });
      if (refusals.length === 0 && decision.outcome === 'approved' && record.missingEvidence) {
        refusals.push(record.missingEvidence);
      }
      if (refusals.length > 0) throw ruleViolation(refusals, `decision on case ${caseId}`);
      const stamp = isoWithOffset(at);
      const by = actor();
      database
        .prepare(
          `INSERT INTO case_decision (case_id, position, approver, outcome, decided_on, decided_by, opinion,
             document_number, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          caseId,
          record.decisions.length,
          decision.approver,
          decision.outcome,
          decision.decidedOn,
          decision.decidedBy,
          decision.opinion,
          decision.documentNumber,
          stamp,
          by,
        );
      sessions.audit({
        at,
        action: 'case.decision',
        objectType: 'case',
        objectId: String(caseId),
        outcome: 'success',
        details: { caseId, kind: record.kind, step: record.decisions.length + 1, ...decision },
      });
      const state = caseState(record.steps, [...record.decisions, decision]);
      if (state === 'pending') return;
      if (state === 'approved') {
        const applied = applyCase({ database, school, now: at, stamp, by }, record);
        sessions.audit({
          at,
          action: 'case.apply',
          objectType: 'case',
          objectId: String(caseId),
          outcome: 'success',
          details: { caseId, kind: record.kind, ...applied },
        });
      }
      database.prepare('UPDATE register_case SET status = ?, closed_at = ? WHERE id = ?').run(state, stamp, caseId);
    })();
    return readCase(database, caseId, school, today);
  }

  /** 撤销 an open case, with the reason (2-200 characters). */
  function withdrawCase(caseId: number, input: string): CaseRecord {
    const reason = input.trim();
    const length = [...reason].length;
    if (length < 2 || length > 200) {
      throw caseFieldErrors({ reason: `撤销原因应为 2 至 200 个字（现为 ${length} 个）。` }, 'withdraw reason');
    }
    const database = db();
    const at = now();
    database.transaction(() => {
      const record = readCaseNow(database, caseId, at);
      if (record.status !== 'pending') {
        throw new AppError(
          'RULE_VIOLATION',
          `本事项${caseStatusLabels[record.status]}，不能撤销。`,
          `case ${caseId} is ${record.status}`,
        );
      }
      database
        .prepare("UPDATE register_case SET status = 'withdrawn', withdrawn_reason = ?, closed_at = ? WHERE id = ?")
        .run(reason, isoWithOffset(at), caseId);
      sessions.audit({
        at,
        action: 'case.withdraw',
        objectType: 'case',
        objectId: String(caseId),
        outcome: 'success',
        details: { caseId, kind: record.kind, reason },
      });
    })();
    return readCaseNow(database, caseId, at);
  }

  return { listCases, getCase, checkCase, openCase, recordDecision, withdrawCase, ...evidence };
}
