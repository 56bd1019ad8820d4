/**
 * 学籍异动: the list of cases (a filtered page, with the overdue count) and
 * the one case open on its screen. Opening a case or an evidence file is
 * logged by core, so each is read only when the clerk opens it; every
 * change answers with the whole new case.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApprovalDecision } from '../../../shared/changes/approvals';
import type { CaseRecord, CaseSummary, EvidenceFile, EvidenceUpload } from '../../../shared/changes/caseRecords';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { type CaseListFilter, caseQueryOf, defaultCaseListFilter } from '../format/cases';

export const useCaseListStore = defineStore('caseList', () => {
  /** The filter (and page) the rows were, or are being, read with. */
  const filter = shallowRef<CaseListFilter>(defaultCaseListFilter);
  const rows = shallowRef<readonly CaseSummary[]>([]);
  const total = ref(0);
  /** Open cases past their due date, whatever the filter. */
  const overdueCount = ref(0);
  /** The list has answered at least once. */
  const loaded = ref(false);
  const loading = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);

  /** Bumped by every read: an answer carrying an older number belongs to a filter no longer shown. */
  let latest = 0;

  /** Reads one page with this filter; an earlier read answering late is ignored. */
  async function load(next: CaseListFilter): Promise<void> {
    const ticket = ++latest;
    filter.value = next;
    loading.value = true;
    try {
      const page = await api.listCases(caseQueryOf(next));
      if (ticket !== latest) return;
      rows.value = page.rows;
      total.value = page.total;
      overdueCount.value = page.overdueCount;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (ticket !== latest) return;
      // The rows on screen belong to the previous filter: not shown under the new one.
      rows.value = [];
      total.value = 0;
      error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  const reload = (): Promise<void> => load(filter.value);

  /** Forgets what was read for the previous account. */
  function clear(): void {
    latest += 1;
    filter.value = defaultCaseListFilter;
    rows.value = [];
    total.value = 0;
    overdueCount.value = 0;
    loaded.value = false;
    loading.value = false;
    error.value = null;
  }

  return { filter, rows, total, overdueCount, loaded, loading, error, load, reload, clear };
});

export const useCaseStore = defineStore('case', () => {
  /** The case open on its screen; null until read. */
  const record = shallowRef<CaseRecord | null>(null);
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  /** A change of the case is on its way. */
  const saving = ref(false);

  /** Bumped by every opening: the clerk may have moved on to another case before the answer came. */
  let latest = 0;

  /** Opens one case (logged by core). */
  async function open(id: number): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    if (record.value?.id !== id) record.value = null;
    try {
      const read = await api.getCase(id);
      if (ticket !== latest) return;
      record.value = read;
      error.value = null;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** One change of the open case: keeps core's new case; returns the failure to show, or null. */
  async function change(action: () => Promise<CaseRecord>): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      record.value = await action();
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  /** OPS-3: the next approver's decision as the clerk copied it from the paper or the national system. */
  const recordDecision = (id: number, decision: ApprovalDecision) => change(() => api.recordDecision(id, decision));
  /** 撤销, with the reason. */
  const withdraw = (id: number, reason: string) => change(() => api.withdrawCase(id, reason));
  /** 佐证材料: one file under its kind. */
  const addEvidence = (id: number, upload: EvidenceUpload) => change(() => api.addEvidence(id, upload));
  const removeEvidence = (id: number, evidenceId: number) => change(() => api.removeEvidence(id, evidenceId));

  /** One evidence file for the viewer (logged by core), or the failure to show. */
  async function readEvidence(evidenceId: number): Promise<EvidenceFile | ApiFailure> {
    try {
      return await api.getEvidence(evidenceId);
    } catch (caught) {
      return failureOf(caught);
    }
  }

  function clear(): void {
    latest += 1;
    record.value = null;
    error.value = null;
    loading.value = false;
  }

  return {
    record,
    error,
    loading,
    saving,
    open,
    recordDecision,
    withdraw,
    addEvidence,
    removeEvidence,
    readEvidence,
    clear,
  };
});
