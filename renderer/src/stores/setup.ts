/**
 * 设置向导: creates the installation and holds the recovery code until the
 * administrator confirms it is stored safely. The code exists only here, in
 * memory, and only until then: core keeps nothing but its key slot.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { SetupRequest } from '../../../shared/accounts';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { useSessionStore } from './session';

/** The recovery code to show and print (core lays out its 恢复码保管单 with the school and the administrator). */
export interface RecoverySheet {
  readonly code: string;
}

export const useSetupStore = defineStore('setup', () => {
  /** The recovery code of a setup just done, to show and print; null before setup and after confirmation. */
  const sheet = shallowRef<RecoverySheet | null>(null);
  /** The administrator has not yet confirmed that the code is stored safely. */
  const pending = computed(() => sheet.value !== null);
  /** Setup or the confirmation is in flight. */
  const busy = ref(false);

  /** Creates the installation; the administrator is signed in afterwards. */
  async function submit(request: SetupRequest): Promise<ApiFailure | null> {
    busy.value = true;
    try {
      const result = await api.setup(request);
      sheet.value = { code: result.recoveryCode };
      useSessionStore().adopt(result.session);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      busy.value = false;
    }
  }

  /** The administrator confirms the code is written down or printed; then it is forgotten here too. */
  async function confirmSaved(): Promise<ApiFailure | null> {
    busy.value = true;
    try {
      await api.confirmRecoveryCodeSaved();
      sheet.value = null;
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      busy.value = false;
    }
  }

  return { sheet, pending, busy, submit, confirmSaved };
});
