/**
 * One value read from core that a page shows and reads again when asked:
 * the previous answer stays on screen while the next one is on its way, an
 * answer overtaken by a newer read is dropped, and a failure is kept beside
 * the last good value. For setup stores (the 首页 dashboard, the 自查报告).
 */
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import { failureOf } from '../api';

export function latestRead<T>(read: () => Promise<T>) {
  /** The last answer; null until read. */
  const value = shallowRef<T | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);

  /** Bumped by every read: only the newest answer is kept. */
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const answer = await read();
      if (ticket !== latest) return;
      value.value = answer;
      error.value = null;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Forgets what was read (for the previous account, or a page that lists students and was left). */
  function clear(): void {
    latest += 1;
    value.value = null;
    error.value = null;
    loading.value = false;
  }

  return { value, error, loading, load, clear };
}
