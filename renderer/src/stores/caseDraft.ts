/**
 * Opening a register case: core's rule check of the form as it stands
 * (checkCase saves nothing, so it runs as the clerk types), then the case
 * itself. Only the answer to the latest check is kept, with the input it
 * answers, so a slow answer never stands for a form that has changed since.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CaseInput, CaseRecord } from '../../../shared/changes/caseRecords';
import type { Refusal } from '../../../shared/changes/cases';
import type { ApiFailure } from '../../../shared/errors';
import { api, failureOf } from '../api';

/** The same input always gives the same key. */
export const inputKey = (input: CaseInput): string => JSON.stringify(input);

export const useCaseDraftStore = defineStore('caseDraft', () => {
  /** The refusals of the last input checked (empty: it may be opened), with that input's key. */
  const checked = shallowRef<{ readonly key: string; readonly refusals: readonly Refusal[] } | null>(null);
  /** Why the last check could not be made, with that input's key. */
  const checkFailure = shallowRef<{ readonly key: string; readonly failure: ApiFailure } | null>(null);
  const checking = ref(false);
  const opening = ref(false);
  let latest = 0;

  /** Asks core which rules refuse this input; resolves to them, or null when the check failed. */
  async function check(input: CaseInput): Promise<readonly Refusal[] | null> {
    const key = inputKey(input);
    const call = ++latest;
    checking.value = true;
    try {
      const refusals = await api.checkCase(input);
      if (call === latest) {
        checked.value = { key, refusals };
        checkFailure.value = null;
      }
      return refusals;
    } catch (caught) {
      if (call === latest) checkFailure.value = { key, failure: failureOf(caught) };
      return null;
    } finally {
      if (call === latest) checking.value = false;
    }
  }

  /** Opens the case (core checks every rule again): the new case, or the failure to show. */
  async function open(input: CaseInput): Promise<CaseRecord | ApiFailure> {
    opening.value = true;
    try {
      return await api.openCase(input);
    } catch (caught) {
      return failureOf(caught);
    } finally {
      opening.value = false;
    }
  }

  /** Forgets the checks of the previous form. */
  function reset(): void {
    latest += 1;
    checked.value = null;
    checkFailure.value = null;
    checking.value = false;
  }

  return { checked, checkFailure, checking, opening, check, open, reset };
});
