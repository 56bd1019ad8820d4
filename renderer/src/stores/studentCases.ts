/**
 * The cases of the student whose record is open (学籍事项 tab, pending 奖惩
 * changes): every case of theirs, open ones by due date first, read when
 * the record opens and again after the clerk opens a 奖惩 change from it.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CaseRecord, CaseSummary } from '../../../shared/changes/caseRecords';
import type { ApiFailure } from '../../../shared/errors';
import { localDate } from '../../../shared/register/identity';
import type { RewardPunishment } from '../../../shared/register/studentRecords';
import { api, failureOf } from '../api';

/** The contract's largest page: far more cases than one student ever has. */
const allOfThem = 500;

export const useStudentCasesStore = defineStore('studentCases', () => {
  /** Whose cases `rows` are; null until read. */
  const studentId = ref<number | null>(null);
  const rows = shallowRef<readonly CaseSummary[]>([]);
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);

  /** 奖惩 changes still waiting for approval (DAT-1): shown beside the recorded entries. */
  const pendingRewardChanges = computed(() =>
    rows.value.filter((row) => row.kind === 'rewardPunishmentChange' && row.status === 'pending'),
  );

  async function load(id: number): Promise<void> {
    if (studentId.value !== id) {
      rows.value = [];
      error.value = null;
    }
    studentId.value = id;
    loading.value = true;
    try {
      const page = await api.listCases({ studentId: id, scope: 'all', limit: allOfThem, offset: 0 });
      if (studentId.value === id) {
        rows.value = page.rows;
        error.value = null;
      }
    } catch (caught) {
      if (studentId.value === id) error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /**
   * 奖惩记录变更 (DAT-1): opens the case that adds the entry, or changes the
   * one with its `id`, applied for today; the entry is recorded once approved.
   */
  async function proposeRewardChange(
    id: number,
    entry: RewardPunishment,
    reason: string,
  ): Promise<CaseRecord | ApiFailure> {
    try {
      const opened = await api.openCase({
        kind: 'rewardPunishmentChange',
        studentId: id,
        entry,
        appliedOn: localDate(new Date()),
        reason,
      });
      void load(id);
      return opened;
    } catch (caught) {
      return failureOf(caught);
    }
  }

  return { studentId, rows, error, loading, pendingRewardChanges, load, proposeRewardChange };
});
