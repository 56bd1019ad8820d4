/** 系统信息: what core reports about the installation and the runtime, for the diagnostics page. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { AppStatus, SystemInfo } from '../../../shared/system';
import { api, failureOf } from '../api';

export const useSystemStore = defineStore('system', () => {
  /** The last successful read; kept during a refresh and after a failed one, so the page does not go blank. */
  const info = shallowRef<SystemInfo | null>(null);
  /** Installation and session state, read together with `info`. */
  const status = shallowRef<AppStatus | null>(null);
  /** When `info` was read. */
  const readAt = shallowRef<Date | null>(null);
  /** A read is in flight. */
  const loading = ref(false);
  /** Why the last read failed (Chinese message for the page); null after a success. */
  const error = shallowRef<ApiFailure | null>(null);

  let latest = 0;

  /** Reads 系统信息 and the status afresh; only the newest of overlapping reads is kept. */
  async function load(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const [nextInfo, nextStatus] = await Promise.all([api.systemInfo(), api.status()]);
      if (request !== latest) return;
      info.value = nextInfo;
      status.value = nextStatus;
      readAt.value = new Date();
      error.value = null;
    } catch (caught) {
      if (request === latest) error.value = failureOf(caught);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  return { info, status, readAt, loading, error, load };
});
