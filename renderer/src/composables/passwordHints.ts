/**
 * Live hints while a new password is typed: the same `passwordProblems`
 * core runs (core checks again and also refuses the last N passwords). The
 * strength estimator carries large dictionaries, so it is loaded on first use.
 */
import { computed, type ComputedRef, onMounted, shallowRef } from 'vue';
import { passwordProblems, type PasswordPolicy, type StrengthEstimator } from '../../../shared/passwordPolicy';
import { passwordRequirements } from '../format/password';

export interface PasswordContext {
  readonly userName: string;
  readonly displayName?: string;
  readonly policy: PasswordPolicy;
}

export interface PasswordHints {
  /** Null while the field is empty; otherwise the problems, empty when the password is acceptable. */
  readonly problems: ComputedRef<string[] | null>;
  /** The other rules pass and the strength check is still loading. */
  readonly checking: ComputedRef<boolean>;
  /** Typed, checked, and no problem found. */
  readonly acceptable: ComputedRef<boolean>;
  /** The policy's rules, listed while the field is empty. */
  readonly requirements: ComputedRef<string[]>;
}

let estimatorModule: Promise<StrengthEstimator> | null = null;

/** The estimator, loaded once for the whole window. */
export function loadEstimator(): Promise<StrengthEstimator> {
  estimatorModule ??= import('../../../shared/passwordStrength').then((module) => module.estimateStrength);
  return estimatorModule;
}

export function usePasswordHints(password: () => string, context: () => PasswordContext): PasswordHints {
  const estimator = shallowRef<StrengthEstimator | null>(null);
  onMounted(() => {
    loadEstimator().then(
      (loaded) => (estimator.value = loaded),
      () => undefined, // without the estimator the other rules still show; core decides
    );
  });
  // Until the estimator is there, strength counts as fine and `checking` says so.
  const provisional: StrengthEstimator = () => 4;
  const problems = computed(() => {
    const typed = password();
    return typed ? passwordProblems(typed, context(), estimator.value ?? provisional) : null;
  });
  const checking = computed(() => estimator.value === null && problems.value?.length === 0);
  const acceptable = computed(() => !checking.value && problems.value?.length === 0);
  const requirements = computed(() => passwordRequirements(context().policy));
  return { problems, checking, acceptable, requirements };
}
