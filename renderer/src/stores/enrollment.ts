/** 招生计划 (ENR-1): the county bureau's plan for each year, with how many new students each year has. */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { api } from '../api';
import { useSavedRecord } from '../composables/savedRecord';

export const useEnrollmentStore = defineStore('enrollment', () => {
  const { value, ...record } = useSavedRecord(api.listEnrollmentPlans, api.saveEnrollmentPlan);
  /** The plans as last read, newest year first; kept during a refresh. */
  const plans = computed(() => value.value ?? []);
  /** The list has been read at least once. */
  const loaded = computed(() => value.value !== null);
  return { plans, loaded, ...record };
});
