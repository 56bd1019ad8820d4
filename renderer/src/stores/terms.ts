/** 学年学期设置 (SCH-2): the terms, the current one, and the reminder when today is in none. */
import { defineStore } from 'pinia';
import { api } from '../api';
import { useSavedRecord } from '../composables/savedRecord';

export const useTermsStore = defineStore('terms', () => {
  const { value: overview, ...record } = useSavedRecord(api.listTerms, api.saveTerm);
  return { overview, ...record };
});
