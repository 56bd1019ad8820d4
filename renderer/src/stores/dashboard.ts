/**
 * 首页待办: the dashboard as core last reported it. Read afresh each time the
 * home page opens (cases, verifications and logins change during the day);
 * the previous answer stays on screen while the next one is on its way.
 */
import { defineStore } from 'pinia';
import { api } from '../api';
import { latestRead } from '../composables/latestRead';

export const useDashboardStore = defineStore('dashboard', () => {
  const { value: dashboard, error, loading, load, clear } = latestRead(() => api.getDashboard());
  return { dashboard, error, loading, load, clear };
});
