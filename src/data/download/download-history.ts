// Fills the history store from Bybit's public API: only what is missing, closed candles only, resumable after a failure.
import { systemClock, type Clock } from '../../core/clock.js';
import { InputError, RemoteRejectedError, describeValue } from '../../core/errors.js';
import { DEFAULT_FUNDING_INTERVAL_MS } from '../../domain/funding.js';
import { instrumentFromBybit, type Instrument } from '../../domain/instrument.js';
import { alignDown, bybitInterval, parseTimeframe, timeframeMs, type Timeframe } from '../../domain/timeframe.js';
import { CandleSeries } from '../candle-series.js';
import { DEFAULT_VENUE, type HistoryStore } from '../history-store.js';
import { describeRequest, UnknownSymbolError, type BybitPublicApi, type Query } from './bybit-public-client.js';

export interface DownloadProgress {
  readonly phase: 'instrument' | 'klines' | 'funding';
  /** Units of the phase: 1 for the instrument, candle slots for klines, expected settlements for funding. */
  readonly done: number;
  readonly total: number;
}

export interface DownloadHistoryOptions {
  readonly client: BybitPublicApi;
  readonly store: HistoryStore;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** Inclusive range of candle open times and funding settlement times, ms UTC. */
  readonly from: number;
  readonly to: number;
  /** Local "now": nothing later than its last closed candle is asked for. Default: the system clock. */
  readonly clock?: Clock;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly include?: { readonly funding?: boolean; readonly instrument?: boolean };
  readonly venue?: string;
  /** Kline pages held in memory before a merge into the store (each merge rewrites the file). Default 10. */
  readonly pagesPerMerge?: number;
}

export interface DownloadSummary {
  readonly candlesAdded: number;
  readonly fundingAdded: number;
  /** Logical API requests (a retried request counts once). */
  readonly requests: number;
  /** Open time of the first and last stored candle inside [from, to] after the run. */
  readonly first: number | undefined;
  readonly last: number | undefined;
}

const KLINE_LIMIT = 1000;
const FUNDING_LIMIT = 200;
const SYMBOL = /^[A-Z0-9]{2,30}$/;

/** A parsed kline row: [time, open, high, low, close, volume, turnover]. */
type Row = readonly number[];

export async function downloadHistory(options: DownloadHistoryOptions): Promise<DownloadSummary> {
  const { client, store, symbol, from, to } = options;
  const timeframe = parseTimeframe(options.timeframe, 'timeframe');
  checkRange(from, to);
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) {
    throw new InputError(`symbol: ${describeValue(symbol)} is not a Bybit symbol (upper-case letters and digits, e.g. SOLUSDT)`);
  }
  const venue = options.venue ?? DEFAULT_VENUE;
  const clock = options.clock ?? systemClock;
  const progress = options.onProgress ?? (() => {});
  const pagesPerMerge = Math.max(1, Math.floor(options.pagesPerMerge ?? 10));
  let requests = 0;
  const call = (path: string, query: Query) => {
    requests++;
    return client.reply(path, query);
  };

  // The instrument first: an unknown symbol fails here, before anything is written.
  let launchTime = -Infinity;
  let fundingIntervalMs = DEFAULT_FUNDING_INTERVAL_MS;
  if (options.include?.instrument !== false) {
    progress({ phase: 'instrument', done: 0, total: 1 });
    const { instrument, launch } = await fetchInstrument(call, symbol);
    store.writeInstrument(instrument, venue);
    launchTime = launch ?? -Infinity;
    fundingIntervalMs = instrument.fundingIntervalMinutes * 60_000;
    progress({ phase: 'instrument', done: 1, total: 1 });
  }

  const tf = timeframeMs(timeframe);
  const before = store.readCandles(symbol, timeframe, venue);
  // Nothing before the contract was listed, nothing that cannot have closed yet by the local clock.
  const first = Math.max(Math.ceil(from / tf) * tf, alignDown(launchTime, tf));
  const last = Math.min(alignDown(to, tf), alignDown(clock.now(), tf) - tf);
  const held = heldRange(before?.columns.time, first, last);
  // Ranges are fetched so the stored candles always stay one contiguous block: the head backwards from
  // what is held, the tail (or a fresh range) forwards, so an interrupted run leaves no interior hole.
  const head = held ? { from: first, to: held.first - tf } : undefined;
  const tail = held ? { from: held.last + tf, to: last } : { from: first, to: last };
  const slots = (r: { from: number; to: number } | undefined) => (r && r.to >= r.from ? (r.to - r.from) / tf + 1 : 0);
  const total = slots(head) + slots(tail);
  let done = 0;
  progress({ phase: 'klines', done, total });
  const onPage = (covered: number) => progress({ phase: 'klines', done: (done += covered), total });
  const save = (rows: Row[]) => store.mergeCandles(symbol, timeframe, toSeries(rows), venue);
  const pager = { call, symbol, timeframe, tf, from, to, pagesPerMerge, save, onPage };
  if (tail.to >= tail.from) await pageKlines(pager, tail.from, tail.to, 'forward');
  if (head && head.to >= head.from) await pageKlines(pager, head.from, head.to, 'backward');
  const after = store.readCandles(symbol, timeframe, venue);
  const candlesAdded = (after?.length ?? 0) - (before?.length ?? 0);
  const inRange = after?.sliceByTime(from, to);
  const firstHeld = inRange && inRange.length > 0 ? inRange.at(0).time : undefined;

  let fundingAdded = 0;
  if (options.include?.funding !== false) {
    const fundingBefore = store.readFunding(symbol, venue)?.length ?? 0;
    const end = Math.min(to, clock.now());
    await downloadFunding({ call, store, symbol, venue, from: Math.max(from, launchTime), to: end, intervalMs: fundingIntervalMs, progress });
    fundingAdded = (store.readFunding(symbol, venue)?.length ?? 0) - fundingBefore;
  }
  return { candlesAdded, fundingAdded, requests, first: firstHeld, last: inRange?.last()?.time };
}

type Call = (path: string, query: Query) => ReturnType<BybitPublicApi['reply']>;

async function fetchInstrument(call: Call, symbol: string): Promise<{ instrument: Instrument; launch: number | undefined }> {
  const query = { category: 'linear', symbol };
  const { result } = await call('/v5/market/instruments-info', query);
  const list = listOf(result, '/v5/market/instruments-info');
  const row = list.find((r) => (r as { symbol?: unknown } | null)?.symbol === symbol);
  if (row === undefined) {
    const request = describeRequest('/v5/market/instruments-info', query);
    throw new UnknownSymbolError(`unknown symbol ${symbol}: Bybit lists no trading linear contract by that name (${request} returned no such row)`, symbol, undefined);
  }
  const launch = Number((row as { launchTime?: unknown }).launchTime);
  return { instrument: instrumentFromBybit(row), launch: Number.isSafeInteger(launch) && launch > 0 ? launch : undefined };
}

interface KlinePager {
  readonly call: Call;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly tf: number;
  readonly from: number;
  readonly to: number;
  readonly pagesPerMerge: number;
  readonly save: (rows: Row[]) => void;
  readonly onPage: (covered: number) => void;
}

/** Pages candle open times [lo, hi] in windows of at most KLINE_LIMIT candles, merging every few pages. */
async function pageKlines(p: KlinePager, lo: number, hi: number, direction: 'forward' | 'backward'): Promise<void> {
  const span = (KLINE_LIMIT - 1) * p.tf;
  let pending: Row[] = [];
  let pages = 0;
  const flush = () => {
    if (pending.length > 0) p.save(pending);
    pending = [];
  };
  try {
    for (let cursor = direction === 'forward' ? lo : hi; direction === 'forward' ? cursor <= hi : cursor >= lo; ) {
      const start = direction === 'forward' ? cursor : Math.max(lo, cursor - span);
      const end = direction === 'forward' ? Math.min(hi, cursor + span) : cursor;
      const query = { category: 'linear', symbol: p.symbol, interval: bybitInterval(p.timeframe), start, end, limit: KLINE_LIMIT };
      const reply = await p.call('/v5/market/kline', query);
      pending.push(...closedRows(reply.result, reply.time, p, start, end, describeRequest('/v5/market/kline', query)));
      if (++pages % p.pagesPerMerge === 0) flush();
      p.onPage((end - start) / p.tf + 1);
      cursor = direction === 'forward' ? end + p.tf : start - p.tf;
    }
  } catch (error) {
    // Every page received so far adjoins the stored block, so keep it even though a later request failed.
    try {
      flush();
    } catch {
      /* the original failure is the one to report */
    }
    throw error;
  }
  flush();
}

/** A page's rows in [start, end] ∩ [from, to], closed by the server's clock, one per open time. */
function closedRows(result: unknown, serverTime: number | undefined, p: KlinePager, start: number, end: number, request: string): Row[] {
  const rows = new Map<number, Row>();
  for (const raw of listOf(result, request)) {
    const row = parseKline(raw, p.tf, request);
    const time = row[0]!;
    if (time < start || time > end || time < p.from || time > p.to) continue;
    if (serverTime !== undefined && time + p.tf > serverTime) continue; // Still forming: its close is not final.
    if (!rows.has(time)) rows.set(time, row);
  }
  return [...rows.values()];
}

function parseKline(raw: unknown, tf: number, request: string): Row {
  const bad = (why: string) => new RemoteRejectedError(`${request}: kline row ${describeValue(raw)} ${why}`, 'invalid-reply');
  if (!Array.isArray(raw) || raw.length < 6) throw bad('is not an array of at least 6 values');
  const values = raw.slice(0, 7).map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN));
  if (values.slice(0, 6).some((v) => !Number.isFinite(v))) throw bad('has a value that is not a decimal string');
  const time = values[0]!;
  if (!Number.isSafeInteger(time) || time % tf !== 0) throw bad(`has a start time not aligned to ${tf} ms`);
  return [...values.slice(0, 6), raw.length >= 7 && Number.isFinite(values[6]) ? values[6]! : NaN];
}

function toSeries(rows: Row[]): CandleSeries {
  const sorted = [...rows].sort((a, b) => a[0]! - b[0]!);
  const series = new CandleSeries(sorted.length);
  for (const r of sorted) series.append(r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!, r[6]!);
  return series;
}

interface FundingJob {
  readonly call: Call;
  readonly store: HistoryStore;
  readonly symbol: string;
  readonly venue: string;
  readonly from: number;
  readonly to: number;
  readonly intervalMs: number;
  readonly progress: (p: DownloadProgress) => void;
}

/** Funding settlements in [from, to] not already held, paged backwards with endTime as Bybit requires. */
async function downloadFunding(job: FundingJob): Promise<void> {
  const { from, to, intervalMs } = job;
  const time = job.store.readFunding(job.symbol, job.venue)?.time;
  const held = heldRange(time, from, to);
  // A settlement is missing only when the grid has room for one beyond what is held.
  const head = held && held.first - intervalMs >= from ? { from, to: held.first - 1 } : undefined;
  const tail = held ? (held.last + intervalMs <= to ? { from: held.last + 1, to } : undefined) : to >= from ? { from, to } : undefined;
  const expected = (r: { from: number; to: number } | undefined) => (r ? Math.ceil((r.to - r.from + 1) / intervalMs) : 0);
  const total = expected(head) + expected(tail);
  let done = 0;
  job.progress({ phase: 'funding', done, total });
  const onPage = (covered: number) => job.progress({ phase: 'funding', done: (done = Math.min(total, done + covered)), total });
  // A tail paged backwards would leave a hole above what is held if cut short, so it is merged once, when complete.
  if (tail) await pageFunding(job, tail.from, tail.to, held === undefined, onPage);
  if (head) await pageFunding(job, head.from, head.to, true, onPage);
  job.progress({ phase: 'funding', done: total, total });
}

async function pageFunding(job: FundingJob, lo: number, hi: number, mergeEachPage: boolean, onPage: (n: number) => void): Promise<void> {
  const rates = new Map<number, number>();
  const flush = () => {
    if (rates.size === 0) return;
    const times = [...rates.keys()].sort((a, b) => a - b);
    job.store.mergeFunding(job.symbol, { symbol: job.symbol, time: Float64Array.from(times), rate: Float64Array.from(times, (t) => rates.get(t)!), length: times.length }, job.venue);
    rates.clear();
  };
  for (let endTime = hi; endTime >= lo; ) {
    const query = { category: 'linear', symbol: job.symbol, startTime: lo, endTime, limit: FUNDING_LIMIT };
    const request = describeRequest('/v5/market/funding/history', query);
    const list = listOf((await job.call('/v5/market/funding/history', query)).result, request);
    let oldest = Infinity;
    for (const raw of list) {
      const [t, rate] = parseFunding(raw, job.symbol, request);
      oldest = Math.min(oldest, t);
      if (t >= lo && t <= endTime) rates.set(t, rate);
    }
    if (mergeEachPage) flush();
    // Bybit returns the newest `limit` rows up to endTime: a short page means the range is exhausted.
    const exhausted = list.length < FUNDING_LIMIT || oldest <= lo;
    onPage(Math.ceil((endTime - (exhausted ? lo : Math.max(lo, oldest)) + 1) / job.intervalMs));
    if (exhausted) break;
    if (oldest > endTime) throw new RemoteRejectedError(`${request}: the page holds no row at or before endTime; paging would not progress`, 'invalid-reply');
    endTime = oldest - 1;
  }
  flush();
}

function parseFunding(raw: unknown, symbol: string, request: string): [number, number] {
  const row = (raw ?? {}) as { symbol?: unknown; fundingRate?: unknown; fundingRateTimestamp?: unknown };
  const time = typeof row.fundingRateTimestamp === 'string' ? Number(row.fundingRateTimestamp) : NaN;
  const rate = typeof row.fundingRate === 'string' && row.fundingRate.trim() !== '' ? Number(row.fundingRate) : NaN;
  if (row.symbol !== undefined && row.symbol !== symbol) {
    throw new RemoteRejectedError(`${request}: funding row for ${describeValue(row.symbol)}, expected ${symbol}`, 'invalid-reply');
  }
  if (!Number.isSafeInteger(time) || !Number.isFinite(rate)) {
    throw new RemoteRejectedError(`${request}: funding row ${describeValue(raw)} lacks a numeric fundingRate or fundingRateTimestamp`, 'invalid-reply');
  }
  return [time, rate];
}

/** First and last of the sorted `times` inside [lo, hi], if any. */
function heldRange(times: Float64Array | undefined, lo: number, hi: number): { first: number; last: number } | undefined {
  if (!times) return undefined;
  let first: number | undefined;
  let last: number | undefined;
  for (const t of times) {
    if (t < lo || t > hi) continue;
    first ??= t;
    last = t;
  }
  return first === undefined || last === undefined ? undefined : { first, last };
}

function listOf(result: unknown, request: string): unknown[] {
  const list = (result as { list?: unknown } | null | undefined)?.list;
  if (!Array.isArray(list)) throw new RemoteRejectedError(`${request}: result.list is missing or not an array (got ${describeValue(result)})`, 'invalid-reply');
  return list;
}

function checkRange(from: number, to: number): void {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new InputError(`${name}: expected a time in ms since the epoch, got ${describeValue(value)}`);
  }
  if (from >= to) {
    throw new InputError(`from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()})`);
  }
}
