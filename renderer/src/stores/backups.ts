/**
 * 备份与恢复: the automatic backups, backups on demand, and the check and
 * restore of a backup folder. Folders come from the system's folder dialog
 * (core's `chooseFolder`); the clerk never types a path.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { BackupCheck, BackupInfo, BackupOverview } from '../../../shared/exchange/backups';
import { api, failureOf } from '../api';
import { useSessionStore } from './session';

/** Where a backup goes: the automatic store in the data folder, or a folder the clerk chooses. */
export type BackupTarget = 'dataFolder' | 'chosenFolder';

/** A backup that was written, or why not; both null when the clerk cancelled the folder dialog. */
export interface BackupOutcome {
  readonly backup: BackupInfo | null;
  readonly failure: ApiFailure | null;
}

export const useBackupsStore = defineStore('backups', () => {
  /** The automatic backups as last read. */
  const overview = shallowRef<BackupOverview | null>(null);
  const loading = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  /** The backup being written, if any. */
  const backingUp = ref<BackupTarget | null>(null);
  /** The last check of a backup folder: shown until the clerk restores it or closes the dialog. */
  const check = shallowRef<BackupCheck | null>(null);
  const checking = ref(false);
  const restoring = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      overview.value = await api.listBackups();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  async function backUp(target: BackupTarget): Promise<BackupOutcome> {
    backingUp.value = target;
    try {
      const folder = target === 'chosenFolder' ? await api.chooseFolder('backup') : null;
      if (target === 'chosenFolder' && folder === null) return { backup: null, failure: null };
      const backup = await api.backupNow(folder);
      if (target === 'dataFolder') await load();
      return { backup, failure: null };
    } catch (caught) {
      return { backup: null, failure: failureOf(caught) };
    } finally {
      backingUp.value = null;
    }
  }

  /** Checks a backup folder (one of the list, or null to choose one in the folder dialog). */
  async function checkFolder(folder: string | null): Promise<ApiFailure | null> {
    checking.value = true;
    try {
      const chosen = folder ?? (await api.chooseFolder('restore'));
      if (chosen !== null) check.value = await api.checkBackup(chosen);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      checking.value = false;
    }
  }

  /** Restores the checked backup; core ends the session, so the window goes back to the login page. */
  async function restore(): Promise<ApiFailure | null> {
    if (!check.value) return null;
    restoring.value = true;
    try {
      await api.restoreBackup(check.value.folder);
      clear();
      useSessionStore().adopt(null);
      return null;
    } catch (caught) {
      // A refused backup keeps the session; a swap that failed and was undone has ended it.
      void useSessionStore().refresh();
      return failureOf(caught);
    } finally {
      restoring.value = false;
    }
  }

  function closeCheck(): void {
    check.value = null;
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    overview.value = null;
    error.value = null;
    check.value = null;
  }

  return {
    overview,
    loading,
    error,
    backingUp,
    check,
    checking,
    restoring,
    load,
    backUp,
    checkFolder,
    restore,
    closeCheck,
    clear,
  };
});
