// `bybot lookahead-check`: runs a strategy on the full series and on truncated ones; any signal that differs saw the future.
import type { CandleSeries } from '../data/candle-series.js';
import type { Instrument } from '../domain/instrument.js';
import type { Timeframe } from '../domain/timeframe.js';
import { runBacktestLoop } from '../engine/backtest-loop.js';
import type { ContextSeries } from '../engine/context-views.js';
import { OrderManager } from '../execution/order-manager.js';
import type { SimulatedVenue } from '../ports/simulated-venue.js';
import type { Strategy, StrategyDefinition } from '../strategy/api.js';

export interface LookaheadInput {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candles: CandleSeries;
  readonly instrument: Instrument;
  readonly strategy: StrategyDefinition;
  readonly params: Record<string, unknown>;
  /** A fresh venue (and its replay clock) for each run, told which candles the run covers. */
  readonly makeVenue: (candles: CandleSeries) => { venue: SimulatedVenue; clock: { set(time: number): void } };
  /** Candles of the other symbols the strategy reads as context. */
  readonly context?: readonly ContextSeries[];
  /** How many truncated runs, their ends spread evenly over the series. */
  readonly cuts?: number;
}

export interface LookaheadDifference {
  /** Open time of the candle whose signal differs. */
  readonly time: number;
  /** Candles in the truncated run that disagreed. */
  readonly truncatedAt: number;
  readonly full: string;
  readonly truncated: string;
}

export interface LookaheadReport {
  readonly runs: number;
  readonly signalsCompared: number;
  readonly differences: LookaheadDifference[];
}

/** Signals (the intents, as JSON) by candle index of one run over `candles`. */
function signals(input: LookaheadInput, candles: CandleSeries): string[] {
  const inner = input.strategy.create(input.params as never);
  const seen: string[] = [];
  const recording: Strategy = {
    onCandle(ctx) {
      const intents = inner.onCandle(ctx) ?? [];
      seen.push(JSON.stringify(intents));
      return intents;
    },
  };
  const { venue, clock } = input.makeVenue(candles);
  runBacktestLoop({
    symbol: input.symbol,
    timeframe: input.timeframe,
    candles,
    venue,
    strategy: recording,
    orders: new OrderManager(venue, input.instrument),
    clock,
    needs: input.strategy.needs?.(input.params as never),
    ...(input.context ? { context: input.context } : {}),
    ...(input.strategy.lookback ? { lookback: input.strategy.lookback } : {}),
  });
  return seen;
}

export function lookaheadCheck(input: LookaheadInput): LookaheadReport {
  const n = input.candles.length;
  const full = signals(input, input.candles);
  const cuts = Math.max(1, Math.min(input.cuts ?? 10, n - 1));
  const differences: LookaheadDifference[] = [];
  let compared = 0;
  for (let k = 1; k <= cuts; k++) {
    const length = Math.max(1, Math.floor((n * k) / (cuts + 1)));
    const truncated = signals(input, input.candles.slice(0, length));
    // The last candle of a truncated run is also its end: only the candles before it are compared
    // (a strategy may legitimately act differently on the final candle of a run, e.g. not enter).
    for (let i = 0; i < length - 1; i++) {
      compared++;
      if (truncated[i] !== full[i]) differences.push({ time: input.candles.columns.time[i]!, truncatedAt: length, full: full[i]!, truncated: truncated[i]! });
    }
  }
  return { runs: cuts + 1, signalsCompared: compared, differences };
}
