/** 账号管理 (administrators): the accounts of this installation; accounts are disabled, never deleted. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AccountSummary, NewAccountRequest, ResetPasswordRequest } from '../../../shared/accounts';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';

export const useAccountsStore = defineStore('accounts', () => {
  /** The accounts as last read; kept during a refresh. */
  const accounts = shallowRef<readonly AccountSummary[]>([]);
  /** The list has been read at least once. */
  const loaded = ref(false);
  const loading = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  /** A create, reset or enable/disable is in flight. */
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      accounts.value = await api.listAccounts();
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Puts core's answer for one account into the list (a new one goes to the end). */
  function replace(account: AccountSummary): void {
    const index = accounts.value.findIndex((a) => a.userName === account.userName);
    accounts.value =
      index < 0 ? [...accounts.value, account] : accounts.value.map((a, i) => (i === index ? account : a));
  }

  async function change(action: () => Promise<AccountSummary>): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      replace(await action());
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  const create = (request: NewAccountRequest) => change(() => api.createAccount(request));
  const resetPassword = (request: ResetPasswordRequest) => change(() => api.resetPassword(request));
  const setEnabled = (userName: string, enabled: boolean) => change(() => api.setAccountEnabled({ userName, enabled }));

  /** Forgets the list read for the previous account. */
  function clear(): void {
    accounts.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { accounts, loaded, loading, error, saving, load, create, resetPassword, setEnabled, clear };
});
