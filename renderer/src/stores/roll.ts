/**
 * 学生名册: every student matching the filters, read in blocks as the clerk
 * scrolls, so a school of 50 000 never crosses the bridge at once. The
 * first block of a search brings the total; the other blocks are read when
 * their rows come into view, each once, and kept until the next search.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiFailure } from '../../../shared/errors';
import type { StudentSummary } from '../../../shared/register/students';
import { api, failureOf } from '../api';
import { emptyRollFilter, type RollFilter, studentQueryOf } from '../format/roll';

/** Rows per `listStudents` call: a few screens' worth, well under the contract's 500. */
export const rollBlockSize = 200;
/** Rows below the screen read in advance, so steady scrolling rarely meets an unread row. */
const readAhead = 50;

/** One line of the roll: its position, and the student once its block has been read. */
export interface RollRow {
  readonly index: number;
  readonly student: StudentSummary | null;
}

export const useRollStore = defineStore('roll', () => {
  /** The filters the rows were (or are being) read with. */
  const filter = shallowRef<RollFilter>(emptyRollFilter);
  /** How many students match; from the first block of the search. */
  const total = ref(0);
  /** The current search has answered at least once. */
  const loaded = ref(false);
  /** The first block of a search is on its way; the previous rows stay on screen meanwhile. */
  const searching = ref(false);
  /** Why the last read failed; null after a success. */
  const error = shallowRef<ApiFailure | null>(null);

  /** Blocks read for the current search, by offset. */
  const blocks = shallowRef<ReadonlyMap<number, readonly StudentSummary[]>>(new Map());
  /** Offsets asked for and not answered yet, in the current search. */
  let pending = new Set<number>();
  /** Bumped by every search: an answer carrying an older number belongs to filters no longer shown. */
  let generation = 0;
  /** The rows last on screen, read again once a search's first block is in. */
  let shown = { start: 0, end: 0 };

  const rows = computed<readonly RollRow[]>(() => {
    const read = blocks.value;
    return Array.from({ length: total.value }, (_, index) => {
      const offset = index - (index % rollBlockSize);
      return { index, student: read.get(offset)?.[index - offset] ?? null };
    });
  });

  async function readBlock(offset: number): Promise<void> {
    const ticket = generation;
    const asked = pending;
    asked.add(offset);
    try {
      const result = await api.listStudents({ ...studentQueryOf(filter.value), limit: rollBlockSize, offset });
      if (ticket !== generation) return;
      blocks.value = new Map(blocks.value).set(offset, result.rows);
      error.value = null;
    } catch (caught) {
      // Not marked as read: scrolling to it again asks again.
      if (ticket === generation) error.value = failureOf(caught);
    } finally {
      asked.delete(offset);
    }
  }

  /** Reads the blocks holding rows `start`..`end` (inclusive) and a little beyond that are neither read nor on their way. */
  function show(start: number, end: number): void {
    shown = { start, end };
    if (searching.value || !loaded.value) return;
    const last = Math.min(end + readAhead, total.value - 1);
    for (let offset = start - (start % rollBlockSize); offset <= last; offset += rollBlockSize) {
      if (!blocks.value.has(offset) && !pending.has(offset)) void readBlock(offset);
    }
  }

  /** Starts the roll over with these filters; an older search answering late is ignored. */
  async function search(next: RollFilter): Promise<void> {
    const ticket = ++generation;
    filter.value = next;
    pending = new Set();
    searching.value = true;
    try {
      const result = await api.listStudents({ ...studentQueryOf(next), limit: rollBlockSize, offset: 0 });
      if (ticket !== generation) return;
      blocks.value = new Map([[0, result.rows]]);
      total.value = result.total;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (ticket !== generation) return;
      // The rows on screen belong to the previous filters: not shown under the new ones.
      forgetRows();
      error.value = failureOf(caught);
    } finally {
      if (ticket === generation) searching.value = false;
    }
    if (ticket === generation && loaded.value) show(shown.start, shown.end);
  }

  /** The same filters again, e.g. after a failure or when coming back to the page. */
  const reload = (): Promise<void> => search(filter.value);

  function forgetRows(): void {
    blocks.value = new Map();
    total.value = 0;
    loaded.value = false;
  }

  /** Forgets what was read for the previous account. */
  function clear(): void {
    generation += 1;
    filter.value = emptyRollFilter;
    pending = new Set();
    forgetRows();
    searching.value = false;
    error.value = null;
    shown = { start: 0, end: 0 };
  }

  return { filter, total, loaded, searching, error, rows, show, search, reload, clear };
});
