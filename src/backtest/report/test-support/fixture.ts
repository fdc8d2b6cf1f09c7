// A BacktestResult for the report tests: real SOLUSDT 5m candles when ../shared/data is there (synthetic otherwise), ~30 hand-made trades, their equity curve and metrics,
// in Float64Array columns as the runner hands them over.
import { loadCandleFile } from '../../../data/load-history.js';
import { sharedDataPath } from '../../../data/test-support/shared-data.js';
import { computeMetrics, type ClosedTrade, type EquityCurve } from '../../metrics/index.js';
import { RESULT_SCHEMA_VERSION, type BacktestResult, type PriceSeries } from '../../result.js';

export const SOL_5M_FILE = 'candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv';
const FIVE_MINUTES = 300_000;
const EIGHT_HOURS = 8 * 3_600_000;
const TAKER = 0.00055;
const INITIAL_EQUITY = 10_000;

export interface FixtureOptions {
  /** 'shared' uses the recorded SOLUSDT file when present and falls back to synthetic candles. */
  readonly candles?: 'shared' | 'synthetic';
  /** Synthetic candle count (default 3,000: ten and a half days). */
  readonly syntheticCount?: number;
  readonly trades?: number;
}

export interface Fixture {
  readonly result: BacktestResult;
  /** Where the candles came from: the file, or 'synthetic'. */
  readonly source: string;
}

export function buildFixture(options: FixtureOptions = {}): Fixture {
  const file = options.candles === 'shared' ? sharedDataPath(SOL_5M_FILE) : undefined;
  const prices = file ? loadPrices(file) : syntheticPrices(options.syntheticCount ?? 3_000);
  return { result: resultFrom(prices, options.trades ?? 30), source: file ?? 'synthetic' };
}

function loadPrices(file: string): PriceSeries {
  const c = loadCandleFile(file).series.columns;
  return { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close };
}

/** Two slow waves and a deterministic wiggle around 150 USDT, from 2025-01-01 UTC. */
export function syntheticPrices(count: number): PriceSeries {
  const p: { time: number[]; open: number[]; high: number[]; low: number[]; close: number[] } = { time: [], open: [], high: [], low: [], close: [] };
  let previous = 150;
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = seed / 2147483648 - 0.5;
    const close = Math.round((150 + 20 * Math.sin(i / 700) + 5 * Math.sin(i / 90) + noise * 1.5) * 100) / 100;
    const open = previous;
    p.time.push(Date.UTC(2025, 0, 1) + i * FIVE_MINUTES);
    p.open.push(open);
    p.high.push(Math.round((Math.max(open, close) + Math.abs(noise) * 0.8) * 100) / 100);
    p.low.push(Math.round((Math.min(open, close) - Math.abs(noise) * 0.6) * 100) / 100);
    p.close.push(close);
    previous = close;
  }
  return { time: Float64Array.from(p.time), open: Float64Array.from(p.open), high: Float64Array.from(p.high), low: Float64Array.from(p.low), close: Float64Array.from(p.close) };
}

interface Leg {
  readonly trade: ClosedTrade;
  readonly entry: number;
  readonly exit: number;
}

/** Non-overlapping trades spread over the series: market entry at a candle's open, exit at a later close. */
function makeTrades(prices: PriceSeries, count: number): Leg[] {
  const n = prices.time.length;
  const segment = Math.floor(n / count);
  const legs: Leg[] = [];
  for (let i = 0; i < count && segment >= 4; i++) {
    const entry = i * segment + ((i * 7919) % Math.max(1, Math.floor(segment / 3)));
    const exit = Math.min(n - 1, entry + 3 + ((i * 37) % Math.max(1, Math.floor(segment / 2))));
    const side = i % 3 === 1 ? 'short' : 'long';
    const dir = side === 'long' ? 1 : -1;
    const entryPrice = prices.open[entry]!;
    const exitPrice = prices.close[exit]!;
    const quantity = Math.round((2_000 / entryPrice) * 10) / 10;
    const entryTime = prices.time[entry]!;
    const exitTime = prices.time[exit]! + FIVE_MINUTES;
    const fees = (entryPrice + exitPrice) * quantity * TAKER;
    const settlements = Math.floor(exitTime / EIGHT_HOURS) - Math.floor(entryTime / EIGHT_HOURS);
    const funding = dir * settlements * 0.0001 * entryPrice * quantity;
    const gross = (exitPrice - entryPrice) * quantity * dir;
    const pnl = gross - fees - funding;
    const exitReason = i === count - 1 ? 'end of data' : gross > 0 ? (i % 2 ? 'take-profit' : 'signal') : i % 4 === 0 ? 'trailing-stop' : i % 2 ? 'stop-loss' : 'signal';
    const trade: ClosedTrade = {
      side, entryTime, exitTime, entryPrice, exitPrice, quantity, fees, funding, pnl, exitReason,
      slippage: (entryPrice + exitPrice) * quantity * 0.0002,
      risk: 0.02 * entryPrice * quantity,
    };
    legs.push({ trade, entry, exit });
  }
  return legs;
}

/** Cash plus the open trade's unrealised PnL (less its entry fee), valued at each candle's close. */
function equityCurve(prices: PriceSeries, legs: readonly Leg[]): EquityCurve {
  const n = prices.time.length;
  const equity = new Float64Array(n);
  let cash = INITIAL_EQUITY;
  let k = 0;
  for (let i = 0; i < n; i++) {
    let open = 0;
    const leg = legs[k];
    if (leg && i >= leg.entry) {
      const t = leg.trade;
      if (i >= leg.exit) {
        cash += t.pnl;
        k++;
      } else {
        open = (prices.close[i]! - t.entryPrice) * t.quantity * (t.side === 'long' ? 1 : -1) - t.entryPrice * t.quantity * TAKER;
      }
    }
    equity[i] = cash + open;
  }
  return { time: Float64Array.from(prices.time), equity };
}

function resultFrom(prices: PriceSeries, tradeCount: number): BacktestResult {
  const legs = makeTrades(prices, tradeCount);
  const trades = legs.map((l) => l.trade);
  const equity = equityCurve(prices, legs);
  const n = prices.time.length;
  const start = prices.time[0] ?? 0;
  const end = (prices.time[n - 1] ?? 0) + FIVE_MINUTES;
  const metrics = computeMetrics({
    trades,
    equity,
    initialEquity: INITIAL_EQUITY,
    start,
    end,
    buyAndHold: { firstClose: prices.close[0] ?? 1, lastClose: prices.close[n - 1] ?? 1 },
  });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    strategy: { name: 'fixture-trades', params: { fast: 10, slow: 30, size: 0.1, trail: true } },
    symbol: 'SOLUSDT',
    timeframe: '5m',
    period: { start, end },
    candles: n,
    elapsedMs: 1_234,
    settings: { initialEquity: INITIAL_EQUITY, takerFee: TAKER, makerFee: 0.0002, slippage: 'fixed 2 bps' },
    metrics,
    trades,
    equity,
    prices,
  };
}

/** `result` as a run over no candles: empty equity and price columns. */
export function withoutCandles(result: BacktestResult): BacktestResult {
  return { ...result, equity: { time: [], equity: [] }, prices: { time: [], open: [], high: [], low: [], close: [] } };
}
