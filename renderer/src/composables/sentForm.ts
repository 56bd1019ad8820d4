/**
 * What a form last sent to core. Core's answer to it (a refusal, its field
 * messages) stands while the form still holds exactly that, and gives way to
 * the live checks as soon as the clerk changes something.
 */
import { computed, shallowRef } from 'vue';

export function useSentForm(current: () => unknown) {
  const sent = shallowRef('');
  return {
    /** Something was sent since the form was opened. */
    wasSent: computed(() => sent.value !== ''),
    /** The form holds what was last sent. */
    unchanged: computed(() => sent.value !== '' && sent.value === JSON.stringify(current())),
    markSent: (): void => {
      sent.value = JSON.stringify(current());
    },
    forget: (): void => {
      sent.value = '';
    },
  };
}
