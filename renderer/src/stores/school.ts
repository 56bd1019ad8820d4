/** 学校信息 (SCH-1): the school profile, read by every role, changed by administrators. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { SchoolProfile } from '../../../shared/register/school';
import { api, failureOf } from '../api';

export const useSchoolStore = defineStore('school', () => {
  /** The profile as core last reported it; null until read. */
  const profile = shallowRef<SchoolProfile | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      profile.value = await api.getSchoolProfile();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Saves the profile (administrators); returns the failure to show, or null. */
  async function save(next: SchoolProfile): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      profile.value = await api.updateSchoolProfile(next);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  function clear(): void {
    profile.value = null;
    error.value = null;
  }

  return { profile, error, loading, saving, load, save, clear };
});
