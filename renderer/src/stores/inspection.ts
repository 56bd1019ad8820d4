/**
 * 自查报告 (INS-1): the report as core last wrote it. Read afresh each time
 * the page opens or the clerk asks (the data changes during the day); the
 * previous answer stays on screen while the next one is on its way. The
 * page clears it when left: it names students.
 */
import { defineStore } from 'pinia';
import { api } from '../api';
import { latestRead } from '../composables/latestRead';

export const useInspectionStore = defineStore('inspection', () => {
  const { value: report, error, loading, load, clear } = latestRead(() => api.getSelfInspection());
  return { report, error, loading, load, clear };
});
