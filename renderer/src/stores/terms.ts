/** 学年学期设置 (SCH-2): the terms, the current one, and the reminder when today is in none. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { TermInput, TermsOverview } from '../../../shared/register/terms';
import { api, failureOf } from '../api';

export const useTermsStore = defineStore('terms', () => {
  /** What core last reported; null until read. */
  const overview = shallowRef<TermsOverview | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      overview.value = await api.listTerms();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Adds a term or changes the one with `id`; returns the failure to show, or null. */
  async function save(term: TermInput): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      overview.value = await api.saveTerm(term);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  function clear(): void {
    overview.value = null;
    error.value = null;
  }

  return { overview, error, loading, saving, load, save, clear };
});
