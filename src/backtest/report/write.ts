// Writes the HTML report atomically: rendered first, then a temporary file beside the target renamed over it, so a failure leaves no partial report.
import { writeTextAtomic } from '../../core/atomic-write.js';
import type { BacktestResult } from '../result.js';
import { renderHtmlReport } from './html.js';

/**
 * Renders `result` and writes it to `path` (creating the folder). The whole report is rendered before the
 * file system is touched; on any error the temporary file is removed and the error rethrown, so `path`
 * holds either its previous content or the complete new report.
 */
export function writeHtmlReport(path: string, result: BacktestResult): void {
  writeTextAtomic(path, renderHtmlReport(result));
}

export { writeTextAtomic };
