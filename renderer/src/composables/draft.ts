/**
 * An editable copy of a saved record (学校信息, 密码策略): follows the saved
 * value whenever core reports a new one, knows whether it differs, and can
 * go back to it.
 */
import { computed, type Ref, ref, watch } from 'vue';

export function useDraft<T extends object>(saved: () => T | null, initial: T) {
  const draft = ref({ ...initial }) as Ref<T>;
  watch(saved, (value) => value && (draft.value = { ...value }), { immediate: true });

  const changed = computed(() => {
    const value = saved();
    return value !== null && (Object.keys(draft.value) as (keyof T)[]).some((key) => draft.value[key] !== value[key]);
  });

  function revert(): void {
    const value = saved();
    if (value) draft.value = { ...value };
  }

  return { draft, changed, revert };
}
