/** 班级管理: the school's classes with how many students each holds now. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { ClassInput, SchoolClass } from '../../../shared/register/students';
import { api, failureOf } from '../api';

export const useClassesStore = defineStore('classes', () => {
  /** The classes as last read; kept during a refresh. */
  const classes = shallowRef<readonly SchoolClass[]>([]);
  /** The list has been read at least once. */
  const loaded = ref(false);
  const loading = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      classes.value = await api.listClasses();
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      error.value = failureOf(caught);
    } finally {
      loading.value = false;
    }
  }

  /** Adds a class or changes the one with `id`; returns the failure to show, or null. */
  async function save(input: ClassInput): Promise<ApiFailure | null> {
    saving.value = true;
    try {
      classes.value = await api.saveClass(input);
      loaded.value = true;
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      saving.value = false;
    }
  }

  function clear(): void {
    classes.value = [];
    loaded.value = false;
    error.value = null;
  }

  return { classes, loaded, loading, error, saving, load, save, clear };
});
