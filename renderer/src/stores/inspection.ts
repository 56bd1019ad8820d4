/**
 * 自查报告 (INS-1): the report as core last wrote it. Read afresh each time
 * the page opens or the clerk asks (the data changes during the day); the
 * previous answer stays on screen while the next one is on its way.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { SelfInspection } from '../../../shared/inspection/report';
import { api, failureOf } from '../api';

export const useInspectionStore = defineStore('inspection', () => {
  /** The last report; null until read. */
  const report = shallowRef<SelfInspection | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);

  /** Bumped by every read: only the newest answer is kept. */
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const read = await api.getSelfInspection();
      if (ticket !== latest) return;
      report.value = read;
      error.value = null;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Forgets the report (it names students) when the page is left or the account changes. */
  function clear(): void {
    latest += 1;
    report.value = null;
    error.value = null;
    loading.value = false;
  }

  return { report, error, loading, load, clear };
});
