/**
 * Printed forms (DOMAIN.md “Forms”): the one form in the preview dialog, as
 * core generated it with its number and verification code, and what the
 * clerk did with it (每次打印和保存都记入访问日志); and the fonts forms are set in,
 * with the administrator's fallback for rare characters (生僻字).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { FormDocument, FormOutput } from '../../../shared/forms/forms';
import { api, failureOf } from '../api';
import { useSavedRecord } from '../composables/savedRecord';
import type { FormChoice } from '../format/forms';

export const useFormPreviewStore = defineStore('formPreview', () => {
  /** The dialog is open: a form is being generated, is shown, or could not be generated. */
  const open = ref(false);
  /** What the clerk chose (e.g. 学籍卡), shown while the form is generated and if it is refused. */
  const label = ref('');
  /** The generated form; null while generating or after a refusal. */
  const document = shallowRef<FormDocument | null>(null);
  const generating = ref(false);
  /** Why the form could not be generated (e.g. characters no font has, 生僻字). */
  const error = shallowRef<ApiFailure | null>(null);
  /** Saving it to disk is offered: never for the recovery code, which must not be kept on a computer. */
  const savable = computed(() => document.value !== null && document.value.form !== 'recoveryCode');

  /** Bumped by every generation and by closing: a form answering after the clerk moved on is not shown. */
  let latest = 0;

  async function show(chosen: string, generate: () => Promise<FormDocument>): Promise<void> {
    const ticket = ++latest;
    open.value = true;
    label.value = chosen;
    document.value = null;
    error.value = null;
    generating.value = true;
    try {
      const generated = await generate();
      if (ticket === latest) document.value = generated;
    } catch (caught) {
      if (ticket === latest) error.value = failureOf(caught);
    } finally {
      if (ticket === latest) generating.value = false;
    }
  }

  /** Generates a form from the records and opens it in the preview (core logs the generation). */
  const preview = (choice: FormChoice): Promise<void> => show(choice.label, () => api.generateForm(choice.request));

  /** 恢复码保管单, right after setup: core checks the code opens the recovery slot. */
  const previewRecoverySheet = (recoveryCode: string): Promise<void> =>
    show('恢复码保管单', () => api.recoveryCodeSheet(recoveryCode));

  /** Logs that the shown form is printed or saved, with its number; returns the failure to show, or null. */
  async function recordOutput(output: FormOutput): Promise<ApiFailure | null> {
    const shown = document.value;
    if (!shown) return null;
    try {
      await api.recordFormOutput(shown.formNumber, output);
      return null;
    } catch (caught) {
      return failureOf(caught);
    }
  }

  /** Closes the preview and forgets the form (a recovery code, a student's data: nothing is kept). */
  function close(): void {
    latest += 1;
    open.value = false;
    label.value = '';
    document.value = null;
    error.value = null;
    generating.value = false;
  }

  return { open, label, document, generating, error, savable, preview, previewRecoverySheet, recordOutput, close };
});

export const useFormFontsStore = defineStore('formFonts', () => {
  const { value: fonts, save: setFallback, ...record } = useSavedRecord(api.getFormFonts, api.setFallbackFont);
  return { fonts, setFallback, ...record };
});
