// The backtest kernel: candles in time order through the venue, the strategy and the order manager, one equity sample per candle.
import type { Candle } from '../domain/candle.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import type { VenueEvent } from '../domain/venue-events.js';
import type { CandleSeries } from '../data/candle-series.js';
import { CandleWindow } from '../data/candle-window.js';
import type { FundingSeries } from '../data/funding-series.js';
import type { OrderManager } from '../execution/order-manager.js';
import type { SimulatedVenue } from '../ports/simulated-venue.js';
import type { CandleView, Strategy, StrategyContext } from '../strategy/api.js';

export interface BacktestLoopInput {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candles: CandleSeries;
  /** Finer candles (1m inside 5m) that decide the order of events inside each candle. */
  readonly detail?: CandleSeries | undefined;
  readonly funding?: FundingSeries | undefined;
  readonly venue: SimulatedVenue;
  readonly strategy: Strategy;
  /** Turns intents into orders on `venue` (built by the caller, who may want its record of reasons). */
  readonly orders: OrderManager;
  /** Candles the strategy can look back on (the live engine keeps 500). */
  readonly lookback?: number;
  readonly onEvent?: (event: VenueEvent) => void;
  /** The replay clock the venue stamps commands with: set to each candle's close before the strategy acts. */
  readonly clock?: { set(time: number): void };
  /** Called every `progressEvery` candles with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface BacktestLoopOutput {
  /** Open time of each candle and the equity at its close. */
  readonly equityTime: Float64Array;
  readonly equity: Float64Array;
}

export function runBacktestLoop(input: BacktestLoopInput): BacktestLoopOutput {
  const { symbol, candles, venue, strategy, funding } = input;
  const n = candles.length;
  const c = candles.columns;
  const window = new CandleWindow(input.lookback ?? 500);
  const view: CandleView = {
    get length() {
      return window.length;
    },
    back: (steps) => window.fromEnd(steps),
  };
  const orders = input.orders;
  if (input.onEvent) venue.onEvent(input.onEvent);
  const equityTime = new Float64Array(n);
  const equity = new Float64Array(n);
  const marks: Record<string, number> = { [symbol]: NaN };
  const every = input.progressEvery ?? 10_000;
  let fundingIndex = 0;
  let previousClose = NaN;
  const detail = input.detail;
  const tfMs = timeframeMs(input.timeframe);
  let detailIndex = 0;

  for (let i = 0; i < n; i++) {
    const candle: Candle = { time: c.time[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]!, turnover: c.turnover[i]!, closed: true };
    // Funding settles at its timestamp on what is held then, marked at the last known price.
    if (funding) {
      while (fundingIndex < funding.length && funding.time[fundingIndex]! <= candle.time) {
        const mark = Number.isNaN(previousClose) ? candle.open : previousClose;
        venue.settleFunding(symbol, funding.time[fundingIndex]!, funding.rate[fundingIndex]!, mark);
        fundingIndex++;
      }
    }
    if (detail) {
      const inside: Candle[] = [];
      while (detailIndex < detail.length && detail.columns.time[detailIndex]! < candle.time) detailIndex++;
      while (detailIndex < detail.length && detail.columns.time[detailIndex]! < candle.time + tfMs) inside.push(detail.at(detailIndex++));
      venue.processCandle(symbol, candle, inside.length > 0 ? inside : undefined);
    } else {
      venue.processCandle(symbol, candle);
    }
    window.update(candle);
    input.clock?.set(candle.time + tfMs);
    marks[symbol] = candle.close;
    const position = venue.position(symbol);
    const context: StrategyContext = { time: candle.time, symbol, timeframe: input.timeframe, candles: view, position, equity: venue.equity(marks) };
    equityTime[i] = candle.time;
    equity[i] = context.equity;
    const intents = strategy.onCandle(context);
    if (intents && intents.length > 0) orders.apply(intents, position);
    previousClose = candle.close;
    if (input.onProgress && (i + 1) % every === 0) input.onProgress(i + 1, n);
  }
  // What is still open at the end is closed at the last close ("end of data"), so every trade is counted.
  if (n > 0 && venue.position(symbol).size !== 0) {
    venue.closePosition(symbol, c.close[n - 1]!, c.time[n - 1]!);
    equity[n - 1] = venue.equity(marks);
  }
  input.onProgress?.(n, n);
  return { equityTime, equity };
}
