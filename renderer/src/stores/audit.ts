/** 访问日志 (administrators, auditors): a filtered page of the log, the chain check, and exports. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AuditChainStatus, AuditEvent, AuditExportFormat } from '../../../shared/audit';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { saveFile } from '../composables/download';
import { auditQuery, type AuditFilterDraft, emptyAuditFilter } from '../format/audit';

export const pageSizes = [20, 50, 100] as const;

export const useAuditStore = defineStore('audit', () => {
  /** The filter the rows were read with (the export uses the same). */
  const filter = shallowRef<AuditFilterDraft>(emptyAuditFilter);
  /** 1-based page number. */
  const page = ref(1);
  const pageSize = ref<number>(pageSizes[0]);
  const rows = shallowRef<readonly AuditEvent[]>([]);
  const total = ref(0);
  const loading = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);

  /** The last chain verification; null until verified. */
  const chain = shallowRef<AuditChainStatus | null>(null);
  const verifying = ref(false);
  const chainError = shallowRef<ApiFailure | null>(null);

  /** The export being written, if any. */
  const exporting = ref<AuditExportFormat | null>(null);

  let latest = 0;

  /** Reads the current page with the current filter; only the newest of overlapping reads is kept. */
  async function load(): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const result = await api.listAuditEvents({
        ...auditQuery(filter.value),
        limit: pageSize.value,
        offset: (page.value - 1) * pageSize.value,
      });
      if (request !== latest) return;
      rows.value = result.rows;
      total.value = result.total;
      error.value = null;
    } catch (caught) {
      if (request === latest) error.value = failureOf(caught);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** A new filter starts again at the first page. */
  function search(next: AuditFilterDraft): Promise<void> {
    filter.value = next;
    page.value = 1;
    return load();
  }

  function goTo(nextPage: number, nextSize = pageSize.value): Promise<void> {
    if (nextSize !== pageSize.value) {
      pageSize.value = nextSize;
      page.value = 1;
    } else {
      page.value = nextPage;
    }
    return load();
  }

  /** Walks the whole chain in core (the check itself is logged there). */
  async function verify(): Promise<void> {
    verifying.value = true;
    try {
      chain.value = await api.verifyAuditLog();
      chainError.value = null;
    } catch (caught) {
      chainError.value = failureOf(caught);
    } finally {
      verifying.value = false;
    }
  }

  /** Exports the filtered log and hands the file to the browser's save; returns the failure to show, or null. */
  async function exportLog(format: AuditExportFormat): Promise<ApiFailure | null> {
    exporting.value = format;
    try {
      saveFile(await api.exportAuditLog(auditQuery(filter.value), format));
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      exporting.value = null;
    }
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    filter.value = emptyAuditFilter;
    page.value = 1;
    rows.value = [];
    total.value = 0;
    error.value = null;
    chain.value = null;
    chainError.value = null;
  }

  return {
    filter,
    page,
    pageSize,
    rows,
    total,
    loading,
    error,
    chain,
    verifying,
    chainError,
    exporting,
    load,
    search,
    goTo,
    verify,
    exportLog,
    clear,
  };
});
