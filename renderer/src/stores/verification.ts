/**
 * 学籍核对 (VER-1): one class's students with this term's confirmations, the
 * clerk's ticks, and the bulk confirmation. After a confirmation the class is
 * read again, so the screen shows core's record of who confirmed what.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { VerificationList, VerificationResult } from '../../../shared/dashboard';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';

export const useVerificationStore = defineStore('verification', () => {
  /** The class shown; null until chosen. */
  const classId = ref<number | null>(null);
  /** Its list as last read; null until read. */
  const list = shallowRef<VerificationList | null>(null);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const loading = ref(false);
  const confirming = ref(false);
  /** Students ticked as checked (only those not yet confirmed this term). */
  const selected = shallowRef<ReadonlySet<number>>(new Set());

  /** Reads a class; another class starts a new selection, a refresh keeps the ticks still open. */
  async function load(next: number): Promise<void> {
    if (next !== classId.value) {
      classId.value = next;
      list.value = null;
      selected.value = new Set();
    }
    loading.value = true;
    try {
      const read = await api.listVerification(next);
      if (classId.value !== next) return; // the clerk chose another class meanwhile
      list.value = read;
      error.value = null;
      const open = new Set(read.students.filter((s) => s.verifiedAt === null).map((s) => s.studentId));
      selected.value = new Set([...selected.value].filter((id) => open.has(id)));
    } catch (caught) {
      if (classId.value === next) error.value = failureOf(caught);
    } finally {
      if (classId.value === next) loading.value = false;
    }
  }

  function select(ids: ReadonlySet<number>): void {
    selected.value = ids;
  }

  /** VER-1: confirms the ticked records, then reads the class again; the result, or the refusal to show. */
  async function confirm(): Promise<VerificationResult | ApiFailure> {
    confirming.value = true;
    try {
      const result = await api.confirmRecords([...selected.value]);
      selected.value = new Set();
      if (classId.value !== null) await load(classId.value);
      return result;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      confirming.value = false;
    }
  }

  /** Forgets what was read and ticked for the previous account. */
  function clear(): void {
    classId.value = null;
    list.value = null;
    error.value = null;
    loading.value = false;
    selected.value = new Set();
  }

  return { classId, list, error, loading, confirming, selected, load, select, confirm, clear };
});
