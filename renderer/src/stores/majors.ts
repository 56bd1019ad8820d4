/** 中职专业: the majors a vocational school offers (and those it no longer does), kept by the administrator. */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { api } from '../api';
import { useSavedRecord } from '../composables/savedRecord';

export const useMajorsStore = defineStore('majors', () => {
  const { value, ...record } = useSavedRecord(api.listMajors, api.saveMajor);
  /** The majors as last read; kept during a refresh. */
  const majors = computed(() => value.value ?? []);
  /** The list has been read at least once. */
  const loaded = computed(() => value.value !== null);
  return { majors, loaded, ...record };
});
