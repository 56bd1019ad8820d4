/**
 * 密码与安全策略: the policy core enforces, for the settings page and for
 * the live hints beside every new-password field.
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { defaultPasswordPolicy, type PasswordPolicy } from '../../../shared/passwordPolicy';
import { api } from '../api';
import { useSavedRecord } from '../composables/savedRecord';

export const usePasswordPolicyStore = defineStore('passwordPolicy', () => {
  const { value: policy, ...record } = useSavedRecord(api.getPasswordPolicy, api.updatePasswordPolicy);

  /**
   * What the live hints check against. Before setup there is no policy yet:
   * the defaults are the floor (bounds never go below them), and core
   * checks again anyway.
   */
  const forHints = computed<PasswordPolicy>(() => policy.value ?? defaultPasswordPolicy);

  return { policy, forHints, ...record };
});
