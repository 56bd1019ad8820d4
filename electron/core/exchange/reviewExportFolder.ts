/**
 * The folders of an export for bureau review (导出审查材料): the one the
 * clerk chose (a path that reached core only through `chooseFolder`, still
 * checked: the renderer is not trusted), and the new folder written inside
 * it. Nothing partial may look complete: files are written into
 * `<name>.partial`, flushed to the disk, and the folder is renamed to its
 * final name last; any failure removes the partial folder.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppError, fileSystemError } from '../errors';

/** The chosen folder: absolute, existing, a folder; refused in Chinese otherwise. */
export function chosenFolder(path: string): string {
  const refuse = (why: string, detail: string) =>
    new AppError('RULE_VIOLATION', `${why}请重新选择文件夹。`, `chosen folder ${JSON.stringify(path)}: ${detail}`);
  // A NUL byte cannot be in a real path; the file system calls would throw on it.
  if (!isAbsolute(path) || path.includes('\0')) throw refuse('所选位置不是完整的文件夹路径。', 'not absolute');
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw fileSystemError(error, '所选文件夹') ?? error;
  }
  if (!stats) throw refuse('所选文件夹不存在（U 盘可能已拔出）。', 'missing');
  if (!stats.isDirectory()) throw refuse('所选位置不是文件夹。', 'not a directory');
  return path;
}

/** Writes an open file's or folder's data to the disk. */
function flush(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file's data on the disk before the folder is renamed (Windows flushes only what is open for writing). */
const flushFile = (path: string): void => flush(path, 'r+');

/** Makes a rename inside the folder durable where the system allows it (Windows cannot open a folder). */
function flushFolder(path: string): void {
  try {
    flush(path, 'r');
  } catch {
    // The files themselves are flushed; only the rename's durability is left to the file system.
  }
}

export interface PartialFolder {
  /** Where the files are written now. */
  readonly path: string;
  /** Flushes the files, renames the folder to its final name (`_2`, `_3` … when taken) and returns that path. */
  finish(files: readonly string[]): string;
  /** Removes the partial folder and everything in it (after a failure). */
  discard(): void;
}

/** `<parent>/<name>.partial`, new and empty; a failure to create it is refused in Chinese. */
export function createPartialFolder(parent: string, name: string, what: string): PartialFolder {
  const path = join(parent, `${name}.partial`);
  try {
    // A leftover of an export that was cut off (power, a pulled stick) is ours to replace.
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path);
  } catch (error) {
    throw fileSystemError(error, what) ?? error;
  }
  return {
    path,
    finish(files) {
      files.forEach(flushFile);
      let final = join(parent, name);
      for (let n = 2; statSync(final, { throwIfNoEntry: false }); n += 1) final = join(parent, `${name}_${n}`);
      renameSync(path, final);
      flushFolder(parent);
      return final;
    },
    discard() {
      try {
        rmSync(path, { recursive: true, force: true });
      } catch {
        // A read-only or vanished stick: nothing there looks complete without the final name.
      }
    },
  };
}
