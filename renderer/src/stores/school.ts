/** 学校信息 (SCH-1): the school profile, read by every role, changed by administrators. */
import { defineStore } from 'pinia';
import { api } from '../api';
import { useSavedRecord } from '../composables/savedRecord';

export const useSchoolStore = defineStore('school', () => {
  const { value: profile, ...record } = useSavedRecord(api.getSchoolProfile, api.updateSchoolProfile);
  return { profile, ...record };
});
