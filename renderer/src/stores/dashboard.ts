/**
 * 首页待办: the dashboard as core last reported it. Read afresh each time the
 * home page opens (cases, verifications and logins change during the day);
 * the previous answer stays on screen while the next one is on its way.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Dashboard } from '../../../shared/dashboard';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';

export const useDashboardStore = defineStore('dashboard', () => {
  /** The last answer; null until read. */
  const dashboard = shallowRef<Dashboard | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);

  /** Bumped by every read: only the newest answer is kept. */
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const read = await api.getDashboard();
      if (ticket !== latest) return;
      dashboard.value = read;
      error.value = null;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    latest += 1;
    dashboard.value = null;
    error.value = null;
    loading.value = false;
  }

  return { dashboard, error, loading, load, clear };
});
