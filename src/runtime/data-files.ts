// The data commands' work, composed from data/: describe, validate and export history, list what is on disk.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeTextAtomic } from '../core/atomic-write.js';
import { InputError } from '../core/errors.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import type { CandleSeries } from '../data/candle-series.js';
import { HistoryStore, type StoreEntry } from '../data/history-store.js';
import { dataFileKind, loadCandleFile, loadFundingFile, type LoadedCandles } from '../data/load-history.js';
import { validateCandles, type CandleValidationOptions } from '../data/quality/candle-checks.js';
import type { Finding } from '../data/quality/finding.js';
import { validateFunding } from '../data/quality/funding-checks.js';
import type { CandlePolicy, CandleThresholds } from '../data/quality/policy.js';
import { streamKind, validateStreamFile } from './stream-files.js';

const DATA_FILE = /\.((csv|json)(\.gz)?|gz|zip|jsonl)$/i;

export interface DataContext {
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly policy?: Partial<CandlePolicy>;
  readonly thresholds?: Partial<CandleThresholds>;
}

export function historyStore(ctx: DataContext): HistoryStore {
  return new HistoryStore(join(ctx.dataDir, 'history'));
}

/** Data files (candles or funding) directly in `dir` or below it, sorted by path. */
export function findDataFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(`${dir}: no such file or directory`);
  if (!statSync(dir).isDirectory()) return [dir];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findDataFiles(path));
    else if (DATA_FILE.test(entry.name)) found.push(path);
  }
  return found.sort();
}

export interface FileInfo {
  readonly file: string;
  readonly kind: 'candles' | 'funding';
  readonly format?: string;
  readonly symbol?: string;
  readonly timeframe?: Timeframe;
  readonly rows: number;
  readonly from?: number;
  readonly to?: number;
  /** Number of holes and the candles (or settlements) missing in them. */
  readonly gaps: number;
  readonly missing: number;
  readonly priceMin?: number;
  readonly priceMax?: number;
  readonly fundingMin?: number;
  readonly fundingMax?: number;
  readonly fromCache?: boolean;
}

function countGaps(time: Float64Array, step: number): { gaps: number; missing: number } {
  let gaps = 0;
  let missing = 0;
  for (let i = 1; i < time.length; i++) {
    const d = time[i]! - time[i - 1]!;
    if (d > step) {
      gaps++;
      missing += Math.round(d / step) - 1;
    }
  }
  return { gaps, missing };
}

export function describeFile(ctx: DataContext, file: string): FileInfo {
  if (dataFileKind(file) === 'funding') {
    const funding = loadFundingFile(file, { cacheDir: ctx.cacheDir });
    const { gaps, missing } = countGaps(funding.time, 8 * 3_600_000);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < funding.length; i++) ((lo = Math.min(lo, funding.rate[i]!)), (hi = Math.max(hi, funding.rate[i]!)));
    return { file, kind: 'funding', ...(funding.symbol ? { symbol: funding.symbol } : {}), rows: funding.length, from: funding.time[0], to: funding.time[funding.length - 1], gaps, missing, ...(funding.length ? { fundingMin: lo, fundingMax: hi } : {}) };
  }
  const loaded = loadCandleFile(file, { cacheDir: ctx.cacheDir });
  return candleInfo(file, loaded);
}

function candleInfo(file: string, loaded: LoadedCandles): FileInfo {
  const c = loaded.series.columns;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < loaded.series.length; i++) {
    if (c.low[i]! < lo) lo = c.low[i]!;
    if (c.high[i]! > hi) hi = c.high[i]!;
  }
  const { gaps, missing } = loaded.timeframe ? countGaps(c.time, timeframeMs(loaded.timeframe)) : { gaps: 0, missing: 0 };
  return {
    file,
    kind: 'candles',
    format: loaded.format,
    ...(loaded.symbol ? { symbol: loaded.symbol } : {}),
    ...(loaded.timeframe ? { timeframe: loaded.timeframe } : {}),
    rows: loaded.series.length,
    from: c.time[0],
    to: c.time[loaded.series.length - 1],
    gaps,
    missing,
    ...(loaded.series.length ? { priceMin: lo, priceMax: hi } : {}),
    fromCache: loaded.fromCache,
  };
}

export interface FileValidation {
  readonly file: string;
  readonly kind: 'candles' | 'funding' | 'bybit-ws' | 'binance-stream';
  readonly rows: number;
  readonly ok: boolean;
  readonly findings: Finding[];
}

export function validateFile(ctx: DataContext, file: string, extra: Pick<CandleValidationOptions, 'now'> & { timeframe?: Timeframe } = {}): FileValidation {
  const stream = streamKind(file);
  if (stream) {
    const result = validateStreamFile(file, stream);
    return { file, kind: result.kind, rows: result.rows, ok: !result.findings.some((f) => f.action === 'reject'), findings: result.findings };
  }
  if (dataFileKind(file) === 'funding') {
    const funding = loadFundingFile(file, { cacheDir: ctx.cacheDir });
    const result = validateFunding(funding, extra.now === undefined ? {} : { now: extra.now });
    return { file, kind: 'funding', rows: funding.length, ok: result.ok, findings: result.findings };
  }
  const loaded = loadCandleFile(file, { cacheDir: ctx.cacheDir, ...(extra.timeframe ? { timeframe: extra.timeframe } : {}) });
  if (!loaded.timeframe) {
    throw new InputError(`${file}: cannot tell the candle interval from the name or the rows; pass --timeframe`);
  }
  const result = validateCandles(loaded.series, {
    timeframeMs: timeframeMs(loaded.timeframe),
    ...(ctx.policy ? { policy: ctx.policy } : {}),
    ...(ctx.thresholds ? { thresholds: ctx.thresholds } : {}),
    ...(extra.now === undefined ? {} : { now: extra.now }),
  });
  return { file, kind: 'candles', rows: loaded.series.length, ok: result.ok, findings: result.findings };
}

export function listStore(ctx: DataContext): StoreEntry[] {
  return historyStore(ctx).list();
}

/** Canonical CSV text of candles (`timestamp,open,high,low,close,volume`), closed candles only. */
export function toCanonicalCsv(series: CandleSeries): string {
  const c = series.columns;
  const lines = ['timestamp,open,high,low,close,volume'];
  for (let i = 0; i < series.length; i++) {
    if (c.flags[i]! & 1) continue;
    lines.push(`${c.time[i]},${c.open[i]},${c.high[i]},${c.low[i]},${c.close[i]},${c.volume[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface ExportRequest {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly from: number;
  readonly to: number;
  readonly out: string;
  readonly venue?: string;
}

export function exportHistory(ctx: DataContext, request: ExportRequest): { rows: number; out: string } {
  const stored = historyStore(ctx).readCandles(request.symbol, request.timeframe, request.venue);
  if (!stored || stored.length === 0) {
    throw new InputError(`no cached ${request.timeframe} history for ${request.symbol}; run \`bybot download --symbol ${request.symbol} --interval ${request.timeframe} ...\` first (see \`bybot data list\`)`);
  }
  const slice = stored.sliceByTime(request.from, request.to);
  if (slice.length === 0) {
    const first = new Date(stored.columns.time[0]!).toISOString();
    const last = new Date(stored.columns.time[stored.length - 1]!).toISOString();
    throw new InputError(`no ${request.symbol} ${request.timeframe} candles between --from and --to; the cache holds ${first} to ${last}`);
  }
  writeTextAtomic(request.out, toCanonicalCsv(slice));
  return { rows: slice.length, out: resolve(request.out) };
}
