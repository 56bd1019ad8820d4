/**
 * One student's record (the roll is `roll.ts`): the record being viewed, registered (with its ENR-2 check) or changed (basic
 * information, 调班, 学习简历, 毕业评语, 纸质档案, 照片; 奖惩 go through approval as cases, DAT-1). Opening a
 * record is logged by core (every `getStudent`), so it is read only when a
 * clerk opens it; every change answers with the whole new record.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { EnrollmentWarning, EnrollmentWarningKind } from '../../../shared/register/enrollment';
import type { PhotoUpload } from '../../../shared/register/photos';
import type {
  ClassChangeRequest,
  RegistrationResult,
  StudentRecord,
  StudentSummary,
} from '../../../shared/register/students';
import type { ArchiveItemState, GraduationComment, StudyHistoryEntry } from '../../../shared/register/studentRecords';
import type { StudentBasics } from '../../../shared/register/studentValidation';
import { api, failureOf } from '../api';

export const useStudentsStore = defineStore('students', () => {
  /** The record open on the detail page; null until read. */
  const record = shallowRef<StudentRecord | null>(null);
  const recordError = shallowRef<ApiFailure | null>(null);
  const recordLoading = ref(false);
  const saving = ref(false);
  /** Records the last registration resembles (same name, birth date and sex: OPS-2), for its record page. */
  const duplicates = shallowRef<{ readonly studentId: number; readonly rows: readonly StudentSummary[] } | null>(null);
  /** The open record's photo as a data URL (null when it could not be read), with the student and picture it is of. */
  const photo = shallowRef<{ readonly studentId: number; readonly sha256: string; readonly url: string | null } | null>(
    null,
  );

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

  /** ENR-2: what the clerk must acknowledge before this student is registered in this class, or the failure. */
  function checkEnrollment(
    targetClassId: number,
    basics: StudentBasics,
  ): Promise<readonly EnrollmentWarning[] | ApiFailure> {
    return withSaving(() => api.checkEnrollment(targetClassId, basics));
  }

  /**
   * 学生登记 with the ENR-2 warnings the clerk confirmed: the new record and
   * any possible duplicates (OPS-2), or the failure to show.
   */
  async function register(
    targetClassId: number,
    basics: StudentBasics,
    acknowledged: readonly EnrollmentWarningKind[] = [],
  ): Promise<RegistrationResult | ApiFailure> {
    const result = await withSaving(() => api.registerStudent(targetClassId, basics, acknowledged));
    if ('student' in result) {
      record.value = result.student;
      duplicates.value = { studentId: result.student.id, rows: result.possibleDuplicates };
    }
    return result;
  }

  /** One change of the open record: keeps core's new record; returns the failure to show, or null. */
  async function change(action: () => Promise<StudentRecord>): Promise<ApiFailure | null> {
    const result = await withSaving(action);
    if ('basics' in result) {
      record.value = result;
      return null;
    }
    return result;
  }

  /** Saves non-key fields of the open record. */
  const update = (id: number, basics: StudentBasics) => change(() => api.updateStudent(id, basics));
  /** 调班, with its reason. */
  const changeClass = (request: ClassChangeRequest) => change(() => api.changeClass(request));
  /** Replaces the whole 学习简历. */
  const saveStudyHistory = (id: number, entries: readonly StudyHistoryEntry[]) =>
    change(() => api.saveStudyHistory(id, entries));
  const saveGraduationComment = (id: number, comment: GraduationComment) =>
    change(() => api.saveGraduationComment(id, comment));
  /** Sets the 纸质档案 items given; the others are kept. */
  const saveArchiveChecklist = (id: number, items: readonly ArchiveItemState[]) =>
    change(() => api.saveArchiveChecklist(id, items));
  /** Imports a 学籍照片 with the clerk's crop; core scales and compresses it. */
  const setPhoto = (id: number, upload: PhotoUpload) => change(() => api.setStudentPhoto(id, upload));

  /**
   * Reads the open record's photo when it has one not read yet. A failure
   * only marks the picture unreadable: the rest of the record still shows.
   */
  async function loadPhoto(): Promise<void> {
    const current = record.value;
    if (!current?.photo) {
      photo.value = null;
      return;
    }
    const { id, photo: info } = current;
    if (photo.value?.studentId === id && photo.value.sha256 === info.sha256) return;
    try {
      const read = await api.getStudentPhoto(id);
      if (record.value?.id !== id) return;
      photo.value = { studentId: id, sha256: info.sha256, url: `data:${read.mimeType};base64,${read.base64}` };
    } catch {
      if (record.value?.id === id) photo.value = { studentId: id, sha256: info.sha256, url: null };
    }
  }

  function clear(): void {
    record.value = null;
    recordError.value = null;
    duplicates.value = null;
    photo.value = null;
  }

  return {
    record,
    recordError,
    recordLoading,
    saving,
    duplicates,
    photo,
    open,
    checkEnrollment,
    register,
    update,
    changeClass,
    saveStudyHistory,
    saveGraduationComment,
    saveArchiveChecklist,
    setPhoto,
    loadPhoto,
    clear,
  };
});
