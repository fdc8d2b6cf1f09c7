// Composition for `bybot exchange`: history files → candles and funding per symbol, instruments, API keys → a running local Bybit exchange.
import { InputError } from '../core/errors.js';
import { candleAt, type CandleSeries } from '../data/candle-series.js';
import { fundingAt, type FundingSeries } from '../data/funding-series.js';
import type { Candle } from '../domain/candle.js';
import type { FundingRate } from '../domain/funding.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import { startLocalExchange, type LocalExchange, type ReplaySpeed, type SymbolReplay } from '../venues/bybit-server/index.js';
import { historyFor } from './backtest.js';
import { historyStore, type DataContext } from './data-files.js';
import { exchangeKeys, type ExchangeKeys } from './exchange-keys.js';
import { instrumentFor } from './instruments.js';

export interface ExchangeRequest {
  /** At least one; each loaded from `data` (or the download cache). */
  readonly symbols: readonly string[];
  readonly timeframe: Timeframe;
  readonly data?: string;
  /** Inclusive bounds on candle open times (ms). */
  readonly from?: number;
  readonly to?: number;
  /** Plays the replay by itself; without it the replay moves only when told (advance). */
  readonly speed?: ReplaySpeed;
  readonly port?: number;
  readonly seed?: number;
  readonly initialEquity?: number;
  /** A JSON secret file of keys (`--keys`). */
  readonly keysFile?: string;
  /** Where BYBOT_EXCHANGE_API_KEY / _SECRET are read (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningExchange {
  readonly exchange: LocalExchange;
  readonly keys: ExchangeKeys;
  /** Open time of the first candle and close time of the last, over every symbol. */
  readonly span: { readonly from: number; readonly to: number };
  readonly candles: Readonly<Record<string, number>>;
}

/** Loads every symbol's history and starts the exchange on 127.0.0.1; close it with `exchange.close()`. */
export async function startExchange(ctx: DataContext, request: ExchangeRequest): Promise<RunningExchange> {
  if (request.symbols.length === 0) throw new InputError('--symbol: give at least one symbol');
  const duplicate = request.symbols.find((s, i) => request.symbols.indexOf(s) !== i);
  if (duplicate) throw new InputError(`--symbol: ${duplicate} is given twice`);
  const keys = exchangeKeys(request.keysFile, request.env ?? process.env);
  const store = historyStore(ctx);
  const instruments = request.symbols.map((symbol) => instrumentFor(symbol, store));
  const symbols: Record<string, SymbolReplay> = {};
  for (const symbol of request.symbols) symbols[symbol] = symbolReplay(ctx, request, symbol);
  const replays = Object.values(symbols);
  const span = {
    from: Math.min(...replays.map((r) => r.candles[0]!.time)),
    to: Math.max(...replays.map((r) => r.candles[r.candles.length - 1]!.time)) + timeframeMs(request.timeframe),
  };
  const exchange = await startLocalExchange({
    instruments,
    history: { timeframe: request.timeframe, symbols },
    apiKeys: keys.keys,
    ...(request.speed === undefined ? {} : { speed: request.speed }),
    ...(request.port === undefined ? {} : { port: request.port }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(request.initialEquity === undefined ? {} : { account: { initialEquity: request.initialEquity } }),
  });
  return { exchange, keys, span, candles: Object.fromEntries(Object.entries(symbols).map(([s, r]) => [s, r.candles.length])) };
}

/** One symbol's closed candles, and the funding settled while they run. */
function symbolReplay(ctx: DataContext, request: ExchangeRequest, symbol: string): SymbolReplay {
  const history = historyFor(ctx, { ...request, symbol });
  const candles = closedCandles(history.candles);
  if (candles.length === 0) throw new InputError(`no closed ${symbol} ${request.timeframe} candles to replay in ${request.data ?? 'the download cache'}`);
  const end = candles[candles.length - 1]!.time + timeframeMs(request.timeframe);
  const funding = history.funding ? fundingBetween(history.funding, symbol, candles[0]!.time, end) : [];
  return { candles, ...(funding.length ? { funding } : {}) };
}

function closedCandles(series: CandleSeries): Candle[] {
  const candles: Candle[] = [];
  for (let i = 0; i < series.length; i++) {
    const candle = candleAt(series.columns, i);
    if (candle.closed) candles.push(candle);
  }
  return candles;
}

function fundingBetween(series: FundingSeries, symbol: string, from: number, to: number): FundingRate[] {
  const rates: FundingRate[] = [];
  for (let i = 0; i < series.length; i++) {
    const rate = fundingAt(series, i);
    if (rate.time >= from && rate.time <= to) rates.push({ ...rate, symbol });
  }
  return rates;
}
