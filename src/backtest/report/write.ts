// Writes the HTML report atomically: rendered first, then a temporary file beside the target renamed over it, so a failure leaves no partial report.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BacktestResult } from '../result.js';
import { renderHtmlReport } from './html.js';

let sequence = 0;

/**
 * Renders `result` and writes it to `path` (creating the folder). The whole report is rendered before the
 * file system is touched; on any error the temporary file is removed and the error rethrown, so `path`
 * holds either its previous content or the complete new report.
 */
export function writeHtmlReport(path: string, result: BacktestResult): void {
  writeTextAtomic(path, renderHtmlReport(result));
}

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
