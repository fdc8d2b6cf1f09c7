// Writes a file so that readers see the old content or the complete new one, never a half-written file.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

let sequence = 0;

/**
 * Writes `text` to a temporary file beside `path` (creating the folder), syncs it and renames it over
 * `path`; on any error the temporary file is removed and the error rethrown.
 */
export function writeTextAtomic(path: string, text: string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++sequence}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeFileSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    rmSync(temp, { force: true });
    throw error;
  }
}
