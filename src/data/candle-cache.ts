// The binary cache of parsed data files: loading the same history again costs one file read, not a CSV parse.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CandleSeries, ColumnSet } from './candle-series.js';
import { readColumnFile, writeColumnFile } from './column-file.js';
import type { FundingSeries } from './funding-series.js';

/** Bumped whenever a loader's output for the same bytes could change, so old entries are ignored. */
const LOADER_VERSION = 1;

export interface SourceFingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly loaderVersion: number;
}

export function fingerprint(path: string): SourceFingerprint {
  const absolute = resolve(path);
  const stat = statSync(absolute);
  return { path: absolute, size: stat.size, mtimeMs: stat.mtimeMs, loaderVersion: LOADER_VERSION };
}

function sameSource(a: unknown, b: SourceFingerprint): boolean {
  const s = a as Partial<SourceFingerprint> | undefined;
  return !!s && s.path === b.path && s.size === b.size && s.mtimeMs === b.mtimeMs && s.loaderVersion === b.loaderVersion;
}

export function cacheEntryPath(cacheDir: string, source: SourceFingerprint, kind: 'candles' | 'funding'): string {
  const key = createHash('sha1').update(source.path).digest('hex').slice(0, 20);
  return join(cacheDir, 'files', `${key}.${kind}.bin`);
}

export interface CachedCandles {
  readonly series: CandleSeries;
  readonly meta: Record<string, unknown>;
}

/** Returns the cached candles when the entry exists and the source has not changed since it was written. */
export function readCachedCandles(cacheDir: string, source: SourceFingerprint): CachedCandles | undefined {
  const path = cacheEntryPath(cacheDir, source, 'candles');
  if (!existsSync(path)) return undefined;
  try {
    const file = readColumnFile(path);
    if (!sameSource(file.header.meta.source, source)) return undefined;
    return { series: seriesFromColumnFile(file.float64, file.uint8, file.header.rows), meta: file.header.meta };
  } catch {
    return undefined; // A damaged entry is a cache miss; it will be rewritten.
  }
}

export function writeCachedCandles(cacheDir: string, source: SourceFingerprint, series: CandleSeries, meta: Record<string, unknown>): void {
  writeCandleColumns(cacheEntryPath(cacheDir, source, 'candles'), series, { ...meta, source });
}

export function readCachedFunding(cacheDir: string, source: SourceFingerprint): FundingSeries | undefined {
  const path = cacheEntryPath(cacheDir, source, 'funding');
  if (!existsSync(path)) return undefined;
  try {
    const file = readColumnFile(path);
    if (!sameSource(file.header.meta.source, source)) return undefined;
    return fundingFromColumns(file.float64, file.header.rows, file.header.meta);
  } catch {
    return undefined;
  }
}

export function writeCachedFunding(cacheDir: string, source: SourceFingerprint, funding: FundingSeries): void {
  writeFundingColumns(cacheEntryPath(cacheDir, source, 'funding'), funding, { source });
}

// Shared by the file cache and the history store: one on-disk shape for candles and for funding.

export function writeCandleColumns(path: string, series: CandleSeries, meta: Record<string, unknown>): void {
  const c = series.columns;
  writeColumnFile(
    path,
    series.length,
    { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, turnover: c.turnover },
    { flags: c.flags },
    meta,
  );
}

export function seriesFromColumnFile(f: Record<string, Float64Array>, u: Record<string, Uint8Array>, rows: number): CandleSeries {
  return CandleSeries.fromColumns(new ColumnSet(f.time!, f.open!, f.high!, f.low!, f.close!, f.volume!, f.turnover!, u.flags!), rows);
}

export function writeFundingColumns(path: string, funding: FundingSeries, meta: Record<string, unknown>): void {
  writeColumnFile(path, funding.length, { time: funding.time, rate: funding.rate }, {}, { ...meta, ...(funding.symbol ? { symbol: funding.symbol } : {}) });
}

export function fundingFromColumns(f: Record<string, Float64Array>, rows: number, meta: Record<string, unknown>): FundingSeries {
  const symbol = typeof meta.symbol === 'string' ? meta.symbol : undefined;
  return { ...(symbol ? { symbol } : {}), time: f.time!, rate: f.rate!, length: rows };
}
