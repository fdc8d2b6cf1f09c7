// One entry point to load a candle or funding file: detect the format, use the binary cache, remember what the name says.
import { InputError, describeValue } from '../core/errors.js';
import { timeframeFromMs, timeframeMs, type Timeframe } from '../domain/timeframe.js';
import { fingerprint, readCachedCandles, readCachedFunding, writeCachedCandles, writeCachedFunding } from './candle-cache.js';
import type { CandleSeries } from './candle-series.js';
import type { FundingSeries } from './funding-series.js';
import { CANDLE_FORMATS, detectCandleFormat, parseCandles, type CandleFormat } from './loaders/candle-formats.js';
import { hintsFromName } from './loaders/file-name.js';
import { isFundingHeader, parseFundingCsv } from './loaders/funding-csv.js';
import { readSourceBytes, readSourceHead } from './loaders/source-bytes.js';

export interface LoadOptions {
  /** 'auto' (default) detects the format from the content. */
  readonly format?: CandleFormat | 'auto';
  /** Where the binary cache lives; no caching when absent. */
  readonly cacheDir?: string;
  /** Overrides what the file name says. */
  readonly symbol?: string;
  readonly timeframe?: Timeframe;
  /** Told when the cache could not be written (the load itself still succeeds). */
  readonly onWarning?: (message: string) => void;
}

export interface LoadedCandles {
  readonly file: string;
  readonly series: CandleSeries;
  readonly format: CandleFormat;
  readonly symbol: string | undefined;
  readonly venue: string | undefined;
  /** From the options, the file name, or the most common spacing of the rows. */
  readonly timeframe: Timeframe | undefined;
  readonly fromCache: boolean;
}

export function loadCandleFile(file: string, options: LoadOptions = {}): LoadedCandles {
  const requested = options.format ?? 'auto';
  if (requested !== 'auto' && !CANDLE_FORMATS.includes(requested)) {
    throw new InputError(`format: unknown candle format ${describeValue(requested)}; expected auto, ${CANDLE_FORMATS.join(', ')}`);
  }
  const hints = hintsFromName(file);
  const symbol = options.symbol ?? hints.symbol;
  const source = options.cacheDir ? safeFingerprint(file) : undefined;
  if (options.cacheDir && source) {
    const cached = readCachedCandles(options.cacheDir, source);
    if (cached && (requested === 'auto' || cached.meta.format === requested)) {
      const format = cached.meta.format as CandleFormat;
      const timeframe = options.timeframe ?? hints.timeframe ?? inferTimeframe(cached.series);
      return { file, series: cached.series, format, symbol, venue: hints.venue, timeframe, fromCache: true };
    }
  }
  const bytes = readSourceBytes(file);
  const format = requested === 'auto' ? detectCandleFormat(bytes, file) : requested;
  const hinted = options.timeframe ?? hints.timeframe;
  const { series } = parseCandles(bytes, file, format, hinted === undefined ? undefined : timeframeMs(hinted));
  const timeframe = hinted ?? inferTimeframe(series);
  if (options.cacheDir && source) {
    try {
      writeCachedCandles(options.cacheDir, source, series, { format });
    } catch (error) {
      options.onWarning?.(`could not write the cache for ${file}: ${(error as Error).message}`);
    }
  }
  return { file, series, format, symbol, venue: hints.venue, timeframe, fromCache: false };
}

export function loadFundingFile(file: string, options: Pick<LoadOptions, 'cacheDir' | 'symbol' | 'onWarning'> = {}): FundingSeries {
  const symbol = options.symbol ?? hintsFromName(file).symbol;
  const source = options.cacheDir ? safeFingerprint(file) : undefined;
  if (options.cacheDir && source) {
    const cached = readCachedFunding(options.cacheDir, source);
    if (cached) return { ...cached, ...(symbol ? { symbol } : {}) };
  }
  const funding = parseFundingCsv(readSourceBytes(file), file, symbol);
  if (options.cacheDir && source) {
    try {
      writeCachedFunding(options.cacheDir, source, funding);
    } catch (error) {
      options.onWarning?.(`could not write the cache for ${file}: ${(error as Error).message}`);
    }
  }
  return funding;
}

export type DataFileKind = 'candles' | 'funding';

/** Tells a funding file from a candle file by its header (falls back to the name). */
export function dataFileKind(file: string): DataFileKind {
  const hints = hintsFromName(file);
  if (hints.funding) return 'funding';
  if (hints.timeframe) return 'candles';
  return isFundingHeader(readSourceHead(file)) ? 'funding' : 'candles';
}

/** The timeframe matching the most common spacing between consecutive candles, if it is a known one. */
export function inferTimeframe(series: CandleSeries): Timeframe | undefined {
  const time = series.columns.time;
  const counts = new Map<number, number>();
  const limit = Math.min(time.length, 5001);
  for (let i = 1; i < limit; i++) {
    const step = time[i]! - time[i - 1]!;
    if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount) [best, bestCount] = [step, count];
  return best === undefined ? undefined : timeframeFromMs(best);
}

function safeFingerprint(file: string) {
  try {
    return fingerprint(file);
  } catch {
    return undefined; // Missing file: the read below reports it properly.
  }
}
