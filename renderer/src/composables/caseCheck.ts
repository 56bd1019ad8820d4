/**
 * A case form between the clerk and core: what is still missing (live), the
 * `CaseInput` once the form is complete, core's rule check of it once the
 * clerk pauses (checkCase saves nothing), the message each field shows (the
 * live one once left or after a try; core's while the form still holds what
 * was sent), and the submission, which checks first when the check of this
 * very form has not answered yet.
 */
import { ElMessage } from 'element-plus';
import { computed, type ComputedRef, reactive, ref, shallowRef, watch } from 'vue';
import type { CaseRecord } from '../../../shared/changes/caseRecords';
import type { ApiFailure } from '../../../shared/errors';
import { type CaseContext, type CaseDraft, caseInputOf, caseProblems } from '../format/caseForms';
import { inputKey, useCaseDraftStore } from '../stores/caseDraft';
import { useDebounced } from './debounce';
import { showFirstFieldError } from './scroll';
import { useSentForm } from './sentForm';

/** How long the clerk pauses before the form is checked. */
const checkDelayMs = 400;

export function useCaseCheck(draft: CaseDraft, context: ComputedRef<CaseContext | null>, container: string) {
  const drafts = useCaseDraftStore();

  const problems = computed(() => (context.value ? caseProblems(draft, context.value) : {}));
  /** What would be sent: null until the form is complete. */
  const input = computed(() =>
    context.value && Object.keys(problems.value).length === 0 ? caseInputOf(draft, context.value) : null,
  );
  const key = computed(() => (input.value ? inputKey(input.value) : ''));

  const checkLater = useDebounced(() => {
    if (input.value) void drafts.check(input.value);
  }, checkDelayMs);
  watch(key, (next) => {
    if (next) checkLater.schedule();
  });

  const checkState = computed(() => {
    if (!input.value) return 'incomplete';
    if (drafts.checked?.key === key.value) return 'checked';
    return drafts.checkFailure?.key === key.value ? 'failed' : 'checking';
  });
  const refusals = computed(() => (checkState.value === 'checked' ? (drafts.checked?.refusals ?? []) : []));
  const checkFailure = computed(() => drafts.checkFailure?.failure ?? null);

  const touched = reactive(new Set<string>());
  const tried = ref(false);
  /** Why the last submission was refused. */
  const failure = shallowRef<ApiFailure | null>(null);
  const { unchanged, markSent, forget } = useSentForm(() => input.value);

  /** Field (the CaseInput's path, `basics.name` for a new student's) → the message to show. */
  const errors = computed<Readonly<Record<string, string>>>(() => {
    const shown: Record<string, string> = {};
    for (const [field, message] of Object.entries(problems.value)) {
      if (tried.value || touched.has(field)) shown[field] = message;
    }
    return unchanged.value ? { ...shown, ...failure.value?.fields } : shown;
  });

  /** The clerk left a field: its live message may show now. */
  const touch = (field: string): void => void touched.add(field);

  /** A fresh form: nothing touched, tried, sent or checked. */
  function reset(): void {
    touched.clear();
    tried.value = false;
    failure.value = null;
    forget();
    drafts.reset();
  }

  /** Checks and opens the case; resolves to it, or null when something stands in the way (shown on the form). */
  async function submit(): Promise<CaseRecord | null> {
    tried.value = true;
    const sending = input.value;
    if (!sending) {
      ElMessage.warning('有栏目需要填写或改正，请看标红的提示。');
      await showFirstFieldError(container);
      return null;
    }
    const found = drafts.checked?.key === key.value ? drafts.checked.refusals : await drafts.check(sending);
    if (found && found.length > 0) return null;
    markSent();
    failure.value = null;
    const result = await drafts.open(sending);
    if ('code' in result) {
      failure.value = result;
      await showFirstFieldError(container);
      return null;
    }
    return result;
  }

  return {
    errors,
    checkState,
    refusals,
    checkFailure,
    failure,
    opening: computed(() => drafts.opening),
    touch,
    reset,
    submit,
  };
}
