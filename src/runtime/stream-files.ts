// Validation of recorded market streams (Bybit WS archives, Binance USDT-M captures): trades and order books.
import { basename } from 'node:path';
import { loadBinanceStream } from '../data/loaders/binance-stream.js';
import { loadBybitWsArchive } from '../data/loaders/bybit-ws-archive.js';
import { readSourceHead } from '../data/loaders/source-bytes.js';
import { checkBookMessages } from '../data/quality/book-checks.js';
import { severityOf, type Finding } from '../data/quality/finding.js';
import { checkTrades } from '../data/quality/trade-checks.js';

export type StreamKind = 'bybit-ws' | 'binance-stream';

/** Stream captures are told apart from candle files by name: archives, JSON lines, or gzip that is not CSV/JSON. */
export function streamKind(file: string): StreamKind | undefined {
  const name = basename(file).toLowerCase();
  if (name.endsWith('.zip') || name.endsWith('.jsonl') || name.endsWith('.data')) return 'bybit-ws';
  if (name.endsWith('.gz') && !/\.(csv|json)\.gz$/.test(name)) {
    const first = Buffer.from(readSourceHead(file, 200)).toString('utf8');
    return /^\d+ \{/.test(first) ? 'binance-stream' : undefined;
  }
  return undefined;
}

export interface StreamValidation {
  readonly kind: StreamKind;
  readonly rows: number;
  readonly findings: Finding[];
}

export function validateStreamFile(file: string, kind: StreamKind): StreamValidation {
  if (kind === 'bybit-ws') {
    const archive = loadBybitWsArchive(file);
    const findings = [
      ...(archive.book.length > 0 ? checkBookMessages(archive.book) : []),
      ...(archive.trades.length > 0 ? checkTrades(archive.trades) : []),
    ];
    return { kind, rows: archive.book.length + archive.trades.length, findings };
  }
  const stream = loadBinanceStream(file);
  const findings = checkTrades(stream.trades);
  // Binance chains depth diffs: each diff's pu must equal the previous diff's u.
  for (let i = 1; i < stream.depthDiffs.length; i++) {
    const previous = stream.depthDiffs[i - 1]!;
    const diff = stream.depthDiffs[i]!;
    if (diff.prevFinalUpdateId !== previous.finalUpdateId) {
      findings.push({ check: 'gap', timestamp: diff.time, value: diff.prevFinalUpdateId, severity: severityOf('reject'), action: 'reject', message: `depth diff pu ${diff.prevFinalUpdateId} does not follow u ${previous.finalUpdateId}` });
    }
  }
  return { kind, rows: stream.trades.length + stream.depthDiffs.length, findings };
}
