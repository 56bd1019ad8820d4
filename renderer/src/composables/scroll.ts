/** Brings a form's first field message into view after a refused save, so a long form does not hide it. */
import { nextTick } from 'vue';

export async function showFirstFieldError(container: string): Promise<void> {
  await nextTick();
  document.querySelector(`${container} .is-error`)?.scrollIntoView({ block: 'center' });
}
