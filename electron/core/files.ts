import { rmdirSync, rmSync, statSync } from 'node:fs';

/**
 * Removes a file, or an empty folder, that this program created: the undo
 * step of a failed multi-file write. Never removes a folder with contents.
 */
export function removeQuietly(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      rmdirSync(path);
    } else {
      rmSync(path, { force: true });
    }
  } catch {
    // On a read-only or full disk there was nothing written to undo.
  }
}
