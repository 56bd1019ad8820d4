/**
 * 毕业办理 (GRD-1, GRD-2): the graduating list of one grade with what blocks
 * each student, the clerk's selection and outcomes, and the case it opens.
 * The selection and the draft outlive a visit to a student's record (the
 * clerk completes a 学习简历 there and comes back to the same list).
 */
import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import type { CaseRecord, GraduateCandidate } from '../../../shared/changes/caseRecords';
import type { GraduationOutcome } from '../../../shared/changes/statusMachine';
import type { ApiFailure } from '../../../shared/errors';
import { localDate } from '../../../shared/register/identity';
import { api, failureOf } from '../api';
import { type GraduationDraft, graduationInput, mayGraduate } from '../format/graduation';

export const useGraduationStore = defineStore('graduation', () => {
  /** The graduating grade shown (6, 9 or 12); null until chosen. */
  const grade = ref<number | null>(null);
  /** The grade's list as last read; null until read. */
  const candidates = shallowRef<readonly GraduateCandidate[] | null>(null);
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const submitting = ref(false);
  /** Students ticked for the graduating list (only those who may graduate). */
  const selected = shallowRef<ReadonlySet<number>>(new Set());
  /** 结业 or 肄业 where the clerk chose it; everyone else 毕业. */
  const outcomes = shallowRef<ReadonlyMap<number, GraduationOutcome>>(new Map());
  /** 申请日期 and 说明. */
  const draft = reactive<GraduationDraft>({ appliedOn: localDate(new Date()), reason: '' });

  /** Reads a grade's list; a new grade starts a new selection, a refresh keeps the ticks still allowed. */
  async function load(next: number): Promise<void> {
    if (next !== grade.value) {
      grade.value = next;
      candidates.value = null;
      selected.value = new Set();
      outcomes.value = new Map();
    }
    loading.value = true;
    try {
      const rows = await api.listGraduateCandidates(next);
      if (grade.value !== next) return; // the clerk chose another grade meanwhile
      candidates.value = rows;
      error.value = null;
      const allowed = new Set(rows.filter(mayGraduate).map((row) => row.studentId));
      selected.value = new Set([...selected.value].filter((id) => allowed.has(id)));
    } catch (caught) {
      if (grade.value === next) error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  function select(ids: ReadonlySet<number>): void {
    selected.value = ids;
  }

  function setOutcome(studentId: number, outcome: GraduationOutcome): void {
    const next = new Map(outcomes.value);
    next.set(studentId, outcome);
    outcomes.value = next;
  }

  /** Opens the graduating list as one case; the new case, or the refusal to show. */
  async function submit(): Promise<CaseRecord | ApiFailure> {
    const input = graduationInput(draft, candidates.value ?? [], selected.value, outcomes.value);
    submitting.value = true;
    try {
      const opened = await api.openCase(input);
      selected.value = new Set();
      outcomes.value = new Map();
      draft.reason = '';
      return opened;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      submitting.value = false;
    }
  }

  /** Forgets what was read and chosen for the previous account. */
  function clear(): void {
    grade.value = null;
    candidates.value = null;
    error.value = null;
    selected.value = new Set();
    outcomes.value = new Map();
    Object.assign(draft, { appliedOn: localDate(new Date()), reason: '' });
  }

  return {
    grade,
    candidates,
    error,
    loading,
    submitting,
    selected,
    outcomes,
    draft,
    load,
    select,
    setOutcome,
    submit,
    clear,
  };
});
