/**
 * One record or list that core keeps and a screen reads and saves (学校信息,
 * 学年学期, 密码策略, 班级, 招生计划, 专业): the value, why the last read
 * failed, and the busy flags. Stores built on it differ only in which contract methods they call.
 */
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import { failureOf } from '../api';

export function useSavedRecord<T, Input extends unknown[]>(
  read: () => Promise<T>,
  write: (...input: Input) => Promise<T>,
) {
  /** What core last reported; null until read. */
  const value = shallowRef<T | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      value.value = await read();
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Saves and keeps core's answer; returns the failure to show, or null. */
  async function save(...input: Input): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      value.value = await write(...input);
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    value.value = null;
    error.value = null;
  }

  return { value, error, loading, saving, load, save, clear };
}
