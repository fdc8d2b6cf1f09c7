// A loopback stand-in for Bybit's public market REST, serving real recorded candles and funding, with fault switches for tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bybitInterval, timeframeMs } from '../../domain/timeframe.js';
import type { CandleSeries } from '../candle-series.js';
import type { FundingSeries } from '../funding-series.js';
import { loadCandleFile, loadFundingFile } from '../load-history.js';

/** The recorded files the server is usually started with (relative to ../shared/data). */
export const SOLUSDT_5M_CANDLES = 'candles/bybit-linear_SOLUSDT_5m_2024-05-01_2024-08-09.csv';
export const SOLUSDT_FUNDING = 'candles/bybit-linear_SOLUSDT_funding_2024-05-01_2024-08-09.csv';

export interface BybitHistoryServerOptions {
  readonly candlesFile: string;
  readonly fundingFile?: string;
  /** Default: what the candle file's name says, else SOLUSDT. */
  readonly symbol?: string;
  /** Server clock (ms). Default: the close of the last recorded candle, so every candle is closed. */
  readonly now?: number;
  /** instruments-info `launchTime`. Default: the first recorded candle (the server's world begins there). */
  readonly launchTime?: number;
}

/** rate-limit: retCode 10006; http-500 / http-429: a bare status; drop: the socket is destroyed; not-json: an HTML page; hang: no answer. */
export type FaultKind = 'rate-limit' | 'http-500' | 'http-429' | 'drop' | 'not-json' | 'hang';

export interface FaultSwitches {
  /** Applies `kind` to the next `count` requests (to `path` only, when given), after letting `after` of them through. */
  inject(kind: FaultKind, count: number, options?: { readonly path?: string; readonly after?: number }): void;
  clear(): void;
}

export interface LoggedRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

export interface RequestLog {
  /** Requests received (faulted ones included), to `path` only when given. */
  count(path?: string): number;
  readonly all: readonly LoggedRequest[];
  reset(): void;
}

export interface BybitHistoryServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly symbol: string;
  readonly intervalMs: number;
  /** The recorded data being served (every candle, whatever the clock says). */
  readonly candles: CandleSeries;
  readonly funding: FundingSeries;
  readonly faults: FaultSwitches;
  readonly requests: RequestLog;
  now(): number;
  /** Moves the server clock; a candle containing `now` is served as still forming, with close = open. */
  setNow(ms: number): void;
  close(): Promise<void>;
}

interface Fault {
  readonly kind: FaultKind;
  count: number;
  after: number;
  readonly path: string | undefined;
}

class ParamsError extends Error {}

export async function startBybitHistoryServer(options: BybitHistoryServerOptions): Promise<BybitHistoryServer> {
  const loaded = loadCandleFile(options.candlesFile);
  const candles = loaded.series;
  if (candles.length === 0 || loaded.timeframe === undefined) throw new Error(`${options.candlesFile}: no candles or no recognisable interval`);
  const symbol = options.symbol ?? loaded.symbol ?? 'SOLUSDT';
  const funding: FundingSeries = options.fundingFile
    ? loadFundingFile(options.fundingFile, { symbol })
    : { symbol, time: new Float64Array(0), rate: new Float64Array(0), length: 0 };
  const tf = timeframeMs(loaded.timeframe);
  const interval = bybitInterval(loaded.timeframe);
  const times = candles.columns.time;
  const launchTime = options.launchTime ?? times[0]!;
  let now = options.now ?? times[times.length - 1]! + tf;
  let faults: Fault[] = [];
  const log: LoggedRequest[] = [];

  const routes: Record<string, (q: URLSearchParams) => unknown> = {
    '/v5/market/time': () => ({ timeSecond: String(Math.floor(now / 1000)), timeNano: `${BigInt(now) * 1_000_000n}` }),
    '/v5/market/kline': (q) => kline(q),
    '/v5/market/instruments-info': (q) => instruments(q),
    '/v5/market/funding/history': (q) => fundingHistory(q),
  };

  function kline(q: URLSearchParams): unknown {
    const category = q.get('category') ?? 'linear';
    if (category !== 'linear') throw new ParamsError(`params error: category ${category} is not served here (linear only)`);
    requireSymbol(q.get('symbol'));
    const asked = q.get('interval');
    if (asked === null || !/^(1|3|5|15|30|60|120|240|360|720|D|W|M)$/.test(asked)) throw new ParamsError('params error: interval invalid');
    if (asked !== interval) throw new ParamsError(`params error: interval ${asked} is not served here (only ${interval})`);
    const limit = integerParam(q, 'limit', 1, 1000) ?? 200;
    const start = integerParam(q, 'start', 0);
    const end = Math.min(integerParam(q, 'end', 0) ?? now, now);
    // Candles overlapping [start, end] that have opened by now.
    let lo = start === undefined ? 0 : candles.lowerBound(start - tf + 1);
    let hi = candles.lowerBound(end + 1);
    // The oldest `limit` when start is given, else the newest (../shared/reference/bybit-v5.md §5.2).
    if (hi - lo > limit) [lo, hi] = start === undefined ? [hi - limit, hi] : [lo, lo + limit];
    const list: string[][] = [];
    for (let i = hi - 1; i >= lo; i--) {
      const c = candles.at(i);
      const forming = c.time + tf > now;
      // A forming candle has traded only part of its volume, and its close is the last price so far.
      const [high, low, close, volume] = forming ? [c.open, c.open, c.open, c.volume / 2] : [c.high, c.low, c.close, c.volume];
      list.push([String(c.time), plain(c.open), plain(high), plain(low), plain(close), plain(volume), plain(volume * close)]);
    }
    return { symbol, category: 'linear', list };
  }

  function instruments(q: URLSearchParams): unknown {
    const category = q.get('category');
    if (category === null || !['spot', 'linear', 'inverse', 'option'].includes(category)) throw new ParamsError('params error: category invalid');
    const asked = q.get('symbol');
    // Like Bybit: an unknown symbol is an empty list, not an error.
    const list = category === 'linear' && (asked === null || asked === symbol) ? [instrumentRow(symbol, launchTime)] : [];
    return { category, list, nextPageCursor: '' };
  }

  function fundingHistory(q: URLSearchParams): unknown {
    const category = q.get('category');
    if (category !== 'linear') throw new ParamsError(`params error: category ${category ?? '(missing)'} invalid (linear only)`);
    requireSymbol(q.get('symbol'));
    const limit = integerParam(q, 'limit', 1, 200) ?? 200;
    const startTime = integerParam(q, 'startTime', 0);
    const endParam = integerParam(q, 'endTime', 0);
    if (startTime !== undefined && endParam === undefined) throw new ParamsError('params error: endTime is required when startTime is passed');
    const endTime = Math.min(endParam ?? now, now);
    const list: unknown[] = [];
    for (let i = funding.length - 1; i >= 0 && list.length < limit; i--) {
      const t = funding.time[i]!;
      if (t > endTime) continue;
      if (startTime !== undefined && t < startTime) break;
      list.push({ symbol, fundingRate: plain(funding.rate[i]!), fundingRateTimestamp: String(t) });
    }
    return { category: 'linear', list };
  }

  function requireSymbol(asked: string | null): void {
    if (asked === null || asked === '') throw new ParamsError('params error: symbol is required');
    if (asked !== symbol) throw new ParamsError('params error: symbol invalid');
  }

  function takeFault(path: string): Fault | undefined {
    const fault = faults.find((f) => f.count > 0 && (f.path === undefined || f.path === path));
    if (!fault) return undefined;
    if (fault.after > 0) {
      fault.after--;
      return undefined;
    }
    fault.count--;
    return fault;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    log.push({ path, query: Object.fromEntries(url.searchParams) });
    const fault = takeFault(path);
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'http-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (fault?.kind === 'http-429') return void res.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
    if (fault?.kind === 'not-json') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Service temporarily unavailable</body></html>');
    if (fault?.kind === 'rate-limit') return reply(res, 10006, 'Too many visits!', {});
    const route = routes[path];
    if (req.method !== 'GET') return void res.writeHead(400, { 'content-type': 'text/plain' }).end('GET only');
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    try {
      reply(res, 0, 'OK', route(url.searchParams));
    } catch (error) {
      if (!(error instanceof ParamsError)) throw error;
      reply(res, 10001, error.message, {});
    }
  }

  function reply(res: ServerResponse, retCode: number, retMsg: string, result: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ retCode, retMsg, result, retExtInfo: {}, time: now }));
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test server bug: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    symbol,
    intervalMs: tf,
    candles,
    funding,
    faults: {
      inject(kind, count, opts = {}) {
        faults.push({ kind, count, after: opts.after ?? 0, path: opts.path });
      },
      clear() {
        faults = [];
      },
    },
    requests: {
      count: (path) => (path === undefined ? log.length : log.filter((r) => r.path === path).length),
      all: log,
      reset() {
        log.length = 0;
      },
    },
    now: () => now,
    setNow(ms) {
      now = ms;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The official linear instruments-info row shape (../shared/reference/bybit-v5.md §5.3) with Bybit's SOLUSDT rules. */
function instrumentRow(symbol: string, launchTime: number): Record<string, unknown> {
  return {
    symbol,
    symbolId: 71,
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: symbol.replace(/USDT$/, ''),
    quoteCoin: 'USDT',
    launchTime: String(launchTime),
    deliveryTime: '0',
    deliveryFeeRate: '',
    priceScale: '2',
    leverageFilter: { minLeverage: '1', maxLeverage: '100.00', leverageStep: '0.01' },
    priceFilter: { minPrice: '0.01', maxPrice: '19999.98', tickSize: '0.01' },
    lotSizeFilter: {
      maxOrderQty: '79770.1',
      minOrderQty: '0.1',
      qtyStep: '0.1',
      postOnlyMaxOrderQty: '79770.1',
      maxMktOrderQty: '15954',
      minNotionalValue: '5',
    },
    unifiedMarginTrade: true,
    fundingInterval: 480,
    settleCoin: 'USDT',
    copyTrading: 'both',
    upperFundingRate: '0.03',
    lowerFundingRate: '-0.03',
    isPreListing: false,
    preListingInfo: null,
    riskParameters: { priceLimitRatioX: '0.05', priceLimitRatioY: '0.1' },
    symbolType: '',
  };
}

/** Reads an optional integer parameter, answering 10001 when it is malformed or out of range. */
function integerParam(q: URLSearchParams, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new ParamsError(`params error: ${name} invalid`);
  return value;
}

/** A number as Bybit writes decimals: plain digits, never exponent notation (5e-7 → "0.0000005"). */
export function plain(x: number): string {
  const text = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  return m ? `${m[1]}0.${'0'.repeat(Number(m[4]) - 1)}${m[2]}${m[3] ?? ''}` : text;
}
