/**
 * 学生名册 and one student's record: the searched page of the roll, and the
 * record being viewed, registered or edited. Opening a record is logged by
 * core (every `getStudent`), so it is read only when a clerk opens it.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { RegistrationResult, StudentRecord, StudentSummary } from '../../../shared/register/students';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import { api, failureOf } from '../api';

export const pageSizes = [20, 50, 100] as const;

export const useStudentsStore = defineStore('students', () => {
  /** The roll's search: part of a name, or the start of an ID number or 学籍号. */
  const text = ref('');
  /** Only this class; null for the whole school. */
  const classId = ref<number | null>(null);
  const page = ref(1);
  const pageSize = ref<number>(pageSizes[0]);

  /** The rows of the current page and how many match in all. */
  const rows = shallowRef<readonly StudentSummary[]>([]);
  const total = ref(0);
  const loaded = ref(false);
  const loading = ref(false);
  /** Why the last list read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);

  /** The record open on the detail page; null until read. */
  const record = shallowRef<StudentRecord | null>(null);
  const recordError = shallowRef<ApiFailure | null>(null);
  const recordLoading = ref(false);
  const saving = ref(false);
  /** Records the last registration resembles (same name, birth date and sex: OPS-2), for its record page. */
  const duplicates = shallowRef<{ readonly studentId: number; readonly rows: readonly StudentSummary[] } | null>(null);

  let latest = 0;

  /** Reads the current page of the roll; an older answer arriving late is dropped. */
  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const trimmed = text.value.trim();
      const result = await api.listStudents({
        ...(trimmed ? { text: trimmed } : {}),
        ...(classId.value !== null ? { classId: classId.value } : {}),
        limit: pageSize.value,
        offset: (page.value - 1) * pageSize.value,
      });
      if (ticket !== latest) return;
      rows.value = result.rows;
      total.value = result.total;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  /** Opens one record (logged by core). */
  async function open(id: number): Promise<void> {
    recordLoading.value = true;
    if (record.value?.id !== id) record.value = null;
    try {
      record.value = await api.getStudent(id);
      recordError.value = null;
    } catch (caught) {
      recordError.value = failureOf(caught);
    } finally {
      recordLoading.value = false;
    }
  }

  async function withSaving<T>(action: () => Promise<T>): Promise<T | ApiFailure> {
    saving.value = true;
    try {
      return await action();
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  /** 学生登记: the new record and any possible duplicates (OPS-2), or the failure to show. */
  async function register(targetClassId: number, basics: StudentBasics): Promise<RegistrationResult | ApiFailure> {
    const result = await withSaving(() => api.registerStudent(targetClassId, basics));
    if ('student' in result) {
      record.value = result.student;
      duplicates.value = { studentId: result.student.id, rows: result.possibleDuplicates };
    }
    return result;
  }

  /** Saves non-key fields of the open record; returns the failure to show, or null. */
  async function update(id: number, basics: StudentBasics): Promise<ApiFailure | null> {
    const result = await withSaving(() => api.updateStudent(id, basics));
    if ('basics' in result) {
      record.value = result;
      return null;
    }
    return result;
  }

  function clear(): void {
    rows.value = [];
    total.value = 0;
    loaded.value = false;
    error.value = null;
    record.value = null;
    recordError.value = null;
    duplicates.value = null;
    text.value = '';
    classId.value = null;
    page.value = 1;
  }

  return {
    text,
    classId,
    page,
    pageSize,
    rows,
    total,
    loaded,
    loading,
    error,
    record,
    recordError,
    recordLoading,
    saving,
    duplicates,
    load,
    open,
    register,
    update,
    clear,
  };
});
