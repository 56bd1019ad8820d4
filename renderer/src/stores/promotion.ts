/**
 * 学年升级: what the year-end promotion would move and what stops it, and
 * the promotion itself (one transaction in core). Afterwards the preview is
 * read again: it then says the year is done.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { PromotionPreview, PromotionResult } from '../../../shared/changes/caseRecords';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { useClassesStore } from './classes';

export const usePromotionStore = defineStore('promotion', () => {
  /** What core last previewed; null until read. */
  const preview = shallowRef<PromotionPreview | null>(null);
  /** Why the last preview could not be read; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const promoting = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      preview.value = await api.previewPromotion();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Promotes the whole school for the confirmed school year; what was done, or the refusal to show. */
  async function promote(schoolYear: string): Promise<PromotionResult | ApiFailure> {
    promoting.value = true;
    let result: PromotionResult;
    try {
      result = await api.promoteSchool(schoolYear);
    } catch (caught) {
      return failureOf(caught);
    } finally {
      promoting.value = false;
    }
    // Classes were created and every class's count changed.
    const classes = useClassesStore();
    if (classes.loaded) void classes.load();
    await load();
    return result;
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    preview.value = null;
    error.value = null;
  }

  return { preview, error, loading, promoting, load, promote, clear };
});
