/**
 * 导出审查材料: the export for bureau review into a folder the clerk chooses
 * in the system's dialog (the renderer never types a path), and the check
 * of an export folder against its manifest (校验审查材料).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { ExportVerification, ReviewExport } from '../../../shared/exchange/reviewExport';
import { api, failureOf } from '../api';

export const useReviewExportStore = defineStore('reviewExport', () => {
  /** 学籍照片 as the national zip per class: the clerk's choice, kept for the next export. */
  const includePhotos = ref(false);
  /** An export is being written (it takes seconds for a large school). */
  const exporting = ref(false);
  /** The last export written for this account; null before one. */
  const result = shallowRef<ReviewExport | null>(null);
  /** Why the last export failed; null after a success or a cancelled dialog. */
  const exportError = shallowRef<ApiFailure | null>(null);
  const verifying = ref(false);
  /** The last check of an export folder. */
  const verification = shallowRef<ExportVerification | null>(null);
  const verifyError = shallowRef<ApiFailure | null>(null);

  /** Asks for a folder and exports into a new folder inside it; false when the clerk cancelled or it failed. */
  async function exportToChosenFolder(): Promise<boolean> {
    exporting.value = true;
    exportError.value = null;
    try {
      const folder = await api.chooseFolder('export');
      if (folder === null) return false;
      result.value = await api.exportForReview(folder, { includePhotos: includePhotos.value });
      return true;
    } catch (caught) {
      exportError.value = failureOf(caught);
      return false;
    } finally {
      exporting.value = false;
    }
  }

  /** Checks a folder: the one just exported, or (null) one the clerk chooses in the dialog. */
  async function verifyFolder(folder: string | null): Promise<void> {
    verifying.value = true;
    verifyError.value = null;
    try {
      const chosen = folder ?? (await api.chooseFolder('verifyExport'));
      if (chosen !== null) verification.value = await api.verifyExport(chosen);
    } catch (caught) {
      verifyError.value = failureOf(caught);
    } finally {
      verifying.value = false;
    }
  }

  /** Forgets what was exported and checked for the previous account. */
  function clear(): void {
    includePhotos.value = false;
    result.value = null;
    exportError.value = null;
    verification.value = null;
    verifyError.value = null;
  }

  return {
    includePhotos,
    exporting,
    result,
    exportError,
    verifying,
    verification,
    verifyError,
    exportToChosenFolder,
    verifyFolder,
    clear,
  };
});
