/**
 * 密码与安全策略: the policy core enforces, for the settings page and for
 * the live hints beside every new-password field.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import { defaultPasswordPolicy, type PasswordPolicy } from '../../../shared/passwordPolicy';
import { api, failureOf } from '../api';

export const usePasswordPolicyStore = defineStore('passwordPolicy', () => {
  /** The policy as core last reported it; null until read. */
  const policy = shallowRef<PasswordPolicy | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const saving = ref(false);

  /**
   * What the live hints check against. Before setup there is no policy yet:
   * the defaults are the floor (bounds never go below them), and core
   * checks again anyway.
   */
  const forHints = computed<PasswordPolicy>(() => policy.value ?? defaultPasswordPolicy);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      policy.value = await api.getPasswordPolicy();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Saves a new policy (administrators); returns the failure to show, or null. */
  async function save(next: PasswordPolicy): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      policy.value = await api.updatePasswordPolicy(next);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  /** Forgets the policy read for the previous account. */
  function clear(): void {
    policy.value = null;
    error.value = null;
  }

  return { policy, error, loading, saving, forHints, load, save, clear };
});
