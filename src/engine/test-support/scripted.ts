// Engine scenarios as small tables: candles written as [open, high, low, close] rows and a strategy scripted by candle index.
import { ManualClock } from '../../core/clock.js';
import { CandleSeries } from '../../data/candle-series.js';
import type { FundingSeries } from '../../data/funding-series.js';
import type { Candle } from '../../domain/candle.js';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import type { VenueEvent } from '../../domain/venue-events.js';
import { OrderManager } from '../../execution/order-manager.js';
import type { Intent, Strategy, StrategyContext, StrategyNeeds } from '../../strategy/api.js';
import { SimVenue, type SimVenueOptions } from '../../venues/sim/sim-venue.js';
import { runBacktestLoop, type BacktestLoopInput, type BacktestLoopOutput } from '../backtest-loop.js';

export type Row = readonly [open: number, high: number, low: number, close: number, volume?: number];

export const T0 = Date.UTC(2025, 0, 1);
export const MIN = 60_000;

/** Candles `stepMs` apart from `start`, volume 1000 unless the row gives one. */
export function series(rows: readonly Row[], stepMs = 5 * MIN, start = T0): CandleSeries {
  return CandleSeries.fromCandles(
    rows.map(([open, high, low, close, volume], i): Candle => ({ time: start + i * stepMs, open, high, low, close, volume: volume ?? 1000, turnover: Number.NaN, closed: true })),
  );
}

export function funding(points: ReadonlyArray<readonly [time: number, rate: number]>): FundingSeries {
  return { symbol: 'SOLUSDT', time: Float64Array.from(points.map((p) => p[0])), rate: Float64Array.from(points.map((p) => p[1])), length: points.length };
}

/** A strategy that returns `script[i]` on the close of candle i; `observe` reads the context first (it is only valid during the call). */
export function scripted(
  script: Readonly<Record<number, readonly Intent[]>>,
  hooks: Partial<Omit<Strategy, 'onCandle'>> = {},
  observe?: (ctx: StrategyContext, index: number) => void,
): Strategy {
  let index = 0;
  return {
    ...hooks,
    onCandle(ctx) {
      observe?.(ctx, index);
      return script[index++] ?? [];
    },
  };
}

export interface EngineRun extends BacktestLoopOutput {
  readonly venue: SimVenue;
  readonly events: VenueEvent[];
  readonly trades: readonly RoundTrip[];
}

/** Runs `strategy` (or the one made for the venue) over 5m `rows` on a fresh SOLUSDT venue (10,000 USDT, no fees unless given). */
export function runScenario(
  rows: readonly Row[] | CandleSeries,
  strategyOrFactory: Strategy | ((venue: SimVenue) => Strategy),
  options: Partial<SimVenueOptions> & Partial<Pick<BacktestLoopInput, 'detail' | 'funding' | 'context' | 'trades' | 'book' | 'risk'>> & { needs?: StrategyNeeds } = {},
): EngineRun {
  const candles = rows instanceof CandleSeries ? rows : series(rows);
  const clock = new ManualClock(candles.columns.time[0] ?? T0);
  const { detail, funding: fundingSeries, context, trades, book, needs, risk, ...venueOptions } = options;
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, fees: { taker: 0, maker: 0 }, ...venueOptions });
  const events: VenueEvent[] = [];
  const strategy = typeof strategyOrFactory === 'function' ? strategyOrFactory(venue) : strategyOrFactory;
  const output = runBacktestLoop({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    candles,
    venue,
    strategy,
    orders: new OrderManager(venue, SOLUSDT_DEFAULT),
    clock,
    onEvent: (event) => events.push(event),
    ...(detail ? { detail } : {}),
    ...(fundingSeries ? { funding: fundingSeries } : {}),
    ...(context ? { context } : {}),
    ...(trades ? { trades } : {}),
    ...(book ? { book } : {}),
    ...(needs ? { needs } : {}),
    ...(risk ? { risk } : {}),
  });
  return { ...output, venue, events };
}

/** Trades rounded to cents for comparison with hand-written tables. */
export function tradeRows(trades: readonly RoundTrip[]) {
  const cents = (x: number): number => Math.round(x * 100) / 100;
  return trades.map((t) => ({
    side: t.side,
    entry: t.entryPrice,
    exit: t.exitPrice,
    qty: t.quantity,
    fees: cents(t.fees),
    funding: cents(t.funding),
    pnl: cents(t.pnl),
    reason: t.exitReason,
  }));
}
