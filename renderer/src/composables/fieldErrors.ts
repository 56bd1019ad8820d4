/**
 * Field messages that appear once the clerk has left a field (or tried to
 * go on), not while the first characters are being typed.
 */
import { reactive } from 'vue';

export interface FieldErrors<K extends string> {
  /** The message to show under a field: '' until it was left or submitted. */
  error(field: K): string;
  /** The clerk left the field. */
  touch(field: K): void;
  /** The clerk tries to go on: shows every message; true when there is none. */
  check(fields?: readonly K[]): boolean;
  /** Forgets what was touched (a form opened afresh). */
  reset(): void;
}

export function useFieldErrors<K extends string>(checks: Readonly<Record<K, () => string>>): FieldErrors<K> {
  const touched = reactive(new Set<string>());
  const all = Object.keys(checks) as K[];
  return {
    error: (field) => (touched.has(field) ? checks[field]() : ''),
    touch: (field) => void touched.add(field),
    check: (fields = all) => {
      for (const field of fields) touched.add(field);
      return fields.every((field) => checks[field]() === '');
    },
    reset: () => touched.clear(),
  };
}
