/**
 * 数据损坏时的恢复: whether a file of the data folder is damaged, read at the
 * start screen before anyone logs in, and the restore of the newest whole
 * automatic backup that core offers for it.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DataDamage, RestoreAtStartRequest } from '../../../shared/damagedData';
import type { ApiFailure, ErrorCode } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { useSessionStore } from './session';

/** Login failures that mean a file is damaged or missing: worth asking core which one. */
export const damageCodes: readonly ErrorCode[] = [
  'KEYRING_MISSING',
  'KEYRING_CORRUPT',
  'DATABASE_MISSING',
  'DATABASE_UNREADABLE',
];

export const useDamagedDataStore = defineStore('damagedData', () => {
  /** The damage core reported; null when the files are fine (or not read yet). */
  const damage = shallowRef<DataDamage | null>(null);
  const restoring = ref(false);
  /** Why the last restore failed; null after a success. */
  const restoreError = shallowRef<ApiFailure | null>(null);

  async function check(): Promise<void> {
    try {
      damage.value = await api.checkDataFiles();
    } catch {
      damage.value = null; // the login form still works, and shows core's own message
    }
  }

  /** Restores the offered backup; true when done (the login form comes back). */
  async function restore(request: RestoreAtStartRequest): Promise<boolean> {
    restoring.value = true;
    try {
      await api.restoreAtStart(request);
      restoreError.value = null;
      damage.value = null;
      await useSessionStore().refresh();
      return true;
    } catch (caught) {
      restoreError.value = failureOf(caught);
      return false;
    } finally {
      restoring.value = false;
    }
  }

  return { damage, restoring, restoreError, check, restore };
});
