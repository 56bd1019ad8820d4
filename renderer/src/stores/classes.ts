/** 班级管理: the school's classes with how many students each holds now, and their photos as the national zip. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';
import { useSavedRecord } from '../composables/savedRecord';
import { saveFile } from '../composables/download';

export const useClassesStore = defineStore('classes', () => {
  const { value, ...record } = useSavedRecord(api.listClasses, api.saveClass);
  /** The classes as last read; kept during a refresh. */
  const classes = computed(() => value.value ?? []);
  /** The list has been read at least once. */
  const loaded = computed(() => value.value !== null);
  /** The class whose photos are being exported, if any. */
  const exportingPhotos = ref<number | null>(null);

  /** The class's photos as the national zip, handed to the browser's save; returns the failure to show, or null. */
  async function exportPhotos(classId: number): Promise<ApiFailure | null> {
    exportingPhotos.value = classId;
    try {
      saveFile(await api.exportClassPhotos(classId));
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      exportingPhotos.value = null;
    }
  }

  return { classes, loaded, exportingPhotos, exportPhotos, ...record };
});
