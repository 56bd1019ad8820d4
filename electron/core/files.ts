import { closeSync, fsyncSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { fileSystemError } from './errors';

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

/**
 * Replaces a small file (text or bytes) atomically: write a temporary
 * file, flush it to disk, rename it over the old one. A crash leaves the
 * old or the new file.
 */
export function writeFileAtomically(file: string, content: string | Uint8Array, what = '数据文件'): void {
  const temporary = `${file}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw fileSystemError(error, what) ?? error;
  }
}
