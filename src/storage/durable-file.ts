// Puts a finished temporary file in place for good: fsync it, rename it over the target, fsync the folder.
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/** A fresh temporary path beside `target` (same folder, so the final rename is atomic). */
export function tempBeside(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}.${pid}.${++sequence}.tmp`);
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Readers of `target` see the old file or the whole new one, and after a crash the new one stays. */
export function commitTemp(temp: string, target: string): void {
  fsyncPath(temp, 'r+');
  renameSync(temp, target);
  try {
    fsyncPath(dirname(target), 'r');
  } catch {
    // Some platforms cannot open a folder to sync it; the rename itself is still atomic there.
  }
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}
