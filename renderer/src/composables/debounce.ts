/** Calls that wait for a pause: the roll is searched once the clerk stops typing, not on every key. */
import { onUnmounted } from 'vue';

export interface Debounced {
  /** Runs the action after `delayMs` without another call. */
  schedule(): void;
  /** Runs it now, dropping any scheduled run. */
  now(): void;
}

export function useDebounced(action: () => void, delayMs: number): Debounced {
  let timer: number | undefined;
  const cancel = () => window.clearTimeout(timer);
  onUnmounted(cancel);
  return {
    schedule: () => {
      cancel();
      timer = window.setTimeout(action, delayMs);
    },
    now: () => {
      cancel();
      action();
    },
  };
}
