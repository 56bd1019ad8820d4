/**
 * One pointer drag followed over the whole window (the pointer may leave
 * the element it started on): `move` hears the distance from where the
 * drag started, in screen pixels.
 */
import { onBeforeUnmount } from 'vue';

export function usePointerDrag(start: () => void, move: (dx: number, dy: number) => void) {
  let origin: { readonly x: number; readonly y: number } | null = null;

  function follow(event: PointerEvent): void {
    if (origin) move(event.clientX - origin.x, event.clientY - origin.y);
  }

  function stop(): void {
    origin = null;
    window.removeEventListener('pointermove', follow);
    window.removeEventListener('pointerup', stop);
  }

  function begin(event: PointerEvent): void {
    event.preventDefault();
    origin = { x: event.clientX, y: event.clientY };
    start();
    window.addEventListener('pointermove', follow);
    window.addEventListener('pointerup', stop);
  }

  onBeforeUnmount(stop);
  return { begin, stop };
}
