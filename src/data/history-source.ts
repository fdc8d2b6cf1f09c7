// Finds the history a run asks for: a file, a folder of files joined span after span, or the download cache.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { timeframeMs, TIMEFRAMES, type Timeframe } from '../domain/timeframe.js';
import { aggregateSeries } from './aggregate.js';
import type { CandleSeries } from './candle-series.js';
import { mergeFundingSeries, type FundingSeries } from './funding-series.js';
import { HistoryStore, mergeByTime } from './history-store.js';
import { loadCandleFile, loadFundingFile } from './load-history.js';
import { hintsFromName } from './loaders/file-name.js';

export interface HistoryRequest {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** A candle file or a folder of them; the download cache when absent. */
  readonly data?: string;
  /** Inclusive bounds on candle open times (ms). */
  readonly from?: number;
  readonly to?: number;
  readonly cacheDir?: string;
  /** Root of the download cache (`<dataDir>/history`). */
  readonly historyRoot: string;
}

export interface History {
  readonly candles: CandleSeries;
  readonly funding: FundingSeries | undefined;
  /** Files (or the cache entry) the candles came from, oldest span first. */
  readonly sources: string[];
  /** The timeframe of the sources, when they were aggregated up to the one asked for. */
  readonly aggregatedFrom?: Timeframe;
}

/** Smaller timeframes that divide `tf`, largest first: what can be aggregated up to it. */
function finerTimeframes(tf: Timeframe): Timeframe[] {
  const ms = timeframeMs(tf);
  return TIMEFRAMES.filter((t) => timeframeMs(t) < ms && ms % timeframeMs(t) === 0).reverse();
}

export function loadHistory(request: HistoryRequest): History {
  const history = request.data ? fromPath(request, request.data) : fromCache(request);
  const from = request.from ?? -Infinity;
  const to = request.to ?? Infinity;
  const candles = Number.isFinite(from) || Number.isFinite(to) ? history.candles.sliceByTime(from, to) : history.candles;
  if (candles.length === 0) {
    const c = history.candles.columns.time;
    const span = history.candles.length ? `${new Date(c[0]!).toISOString()} to ${new Date(c[history.candles.length - 1]!).toISOString()}` : 'nothing';
    throw new InputError(`no ${request.symbol} ${request.timeframe} candles between --from and --to; the history holds ${span}`);
  }
  return { ...history, candles };
}

function fromPath(request: HistoryRequest, path: string): History {
  if (!existsSync(path)) throw new InputError(`--data: ${path} does not exist`);
  if (!statSync(path).isDirectory()) {
    const hints = hintsFromName(path);
    if (hints.symbol && hints.symbol !== request.symbol) throw new InputError(`--data: ${path} holds ${hints.symbol}, not ${request.symbol}`);
    const loaded = loadCandleFile(path, request.cacheDir ? { cacheDir: request.cacheDir } : {});
    return withTimeframe(request, loaded.timeframe, loaded.series, [path], undefined, path);
  }
  const files = readdirSync(path).filter((name) => /\.(csv|json)(\.gz)?$/i.test(name)).map((name) => ({ file: join(path, name), hints: hintsFromName(name) }));
  const ofSymbol = files.filter((f) => f.hints.symbol === request.symbol);
  const fundingFiles = ofSymbol.filter((f) => f.hints.funding).map((f) => f.file).sort();
  for (const timeframe of [request.timeframe, ...finerTimeframes(request.timeframe)]) {
    const matching = ofSymbol.filter((f) => f.hints.timeframe === timeframe).map((f) => f.file).sort();
    if (matching.length === 0) continue;
    const venues = new Set(matching.map((file) => hintsFromName(file).venue));
    if (venues.size > 1) throw new InputError(`--data: ${path} has ${request.symbol} ${timeframe} files from several venues (${[...venues].join(', ')}); point --data at one file`);
    const options = request.cacheDir ? { cacheDir: request.cacheDir } : {};
    const series = matching.map((file) => loadCandleFile(file, { ...options, timeframe }).series);
    // Spans are joined in time order; where they overlap the later file wins (mergeByTime).
    series.sort((a, b) => a.columns.time[0]! - b.columns.time[0]!);
    const joined = series.reduce<CandleSeries | undefined>((all, next) => mergeByTime(all, next), undefined)!;
    const funding = fundingFiles.length ? mergeFundingSeries(fundingFiles.map((f) => loadFundingFile(f, { ...options, symbol: request.symbol })), request.symbol) : undefined;
    return withTimeframe(request, timeframe, joined, matching, funding, path);
  }
  const available = [...new Set(ofSymbol.filter((f) => f.hints.timeframe).map((f) => f.hints.timeframe))].join(', ') || 'none';
  throw new InputError(`--data: no ${request.symbol} candles at ${request.timeframe} or a finer timeframe in ${path} (timeframes found: ${available})`);
}

function fromCache(request: HistoryRequest): History {
  const store = new HistoryStore(request.historyRoot);
  for (const timeframe of [request.timeframe, ...finerTimeframes(request.timeframe)]) {
    const candles = store.readCandles(request.symbol, timeframe);
    if (candles && candles.length > 0) return withTimeframe(request, timeframe, candles, [store.candlesPath(request.symbol, timeframe)], store.readFunding(request.symbol), 'the download cache');
  }
  throw new InputError(
    `no ${request.symbol} ${request.timeframe} history in ${request.historyRoot}; fetch it with \`bybot download --symbol ${request.symbol} --interval ${request.timeframe} --from YYYY-MM-DD --to YYYY-MM-DD\` or pass --data <file|folder>`,
  );
}

function withTimeframe(request: HistoryRequest, found: Timeframe | undefined, candles: CandleSeries, sources: string[], funding: FundingSeries | undefined, where: string): History {
  if (found === request.timeframe) return { candles, funding, sources };
  if (found && finerTimeframes(request.timeframe).includes(found)) {
    return { candles: aggregateSeries(candles, timeframeMs(found), timeframeMs(request.timeframe)), funding, sources, aggregatedFrom: found };
  }
  throw new InputError(`${where}: candles are ${found ?? 'of an unknown interval'}, which cannot make ${request.timeframe} candles`);
}
