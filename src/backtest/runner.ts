// One backtest from history to result: the kernel over the candles, trades from venue events, metrics, the documented result.
import { monotonicNow } from '../core/clock.js';
import type { CandleSeries } from '../data/candle-series.js';
import type { History } from '../data/history-source.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import { runBacktestLoop } from '../engine/backtest-loop.js';
import type { ContextSeries } from '../engine/context-views.js';
import { RiskGate, type IntentDenied } from '../engine/risk-gate.js';
import { InstrumentRules, type Instrument } from '../domain/instrument.js';
import type { RiskEngine, RiskEvent } from '../risk/index.js';
import { OrderManager } from '../execution/order-manager.js';
import type { SimulatedVenue } from '../ports/simulated-venue.js';
import type { StrategyDefinition } from '../strategy/api.js';
import { computeMetrics, type EquityCurve } from './metrics/index.js';
import { RESULT_SCHEMA_VERSION, type BacktestResult } from './result.js';

export interface BacktestRunInput {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly history: History;
  /** 1m candles covering the main series, deciding the order of events inside each candle. */
  readonly detail?: CandleSeries;
  readonly instrument: Instrument;
  readonly strategy: StrategyDefinition;
  /** Parameters already validated against the strategy's schema. */
  readonly params: Record<string, unknown>;
  readonly venue: SimulatedVenue;
  /** The replay clock the venue was built with. */
  readonly clock?: { set(time: number): void };
  readonly settings: BacktestResult['settings'];
  readonly onProgress?: (done: number, total: number) => void;
  /** Candles of other symbols the strategy reads as context. */
  readonly context?: readonly ContextSeries[];
  /** The risk engine every intent passes (sizing, protections, validation); none: intents go straight to the orders. */
  readonly risk?: RiskEngine;
}

export function runBacktest(input: BacktestRunInput): BacktestResult {
  const started = monotonicNow();
  const { candles } = input.history;
  const strategy = input.strategy.create(input.params as never);
  const orders = new OrderManager(input.venue, input.instrument);
  const loop = runBacktestLoop({
    symbol: input.symbol,
    timeframe: input.timeframe,
    candles,
    funding: input.history.funding,
    detail: input.detail,
    venue: input.venue,
    strategy,
    orders,
    ...(input.clock ? { clock: input.clock } : {}),
    ...(input.strategy.lookback ? { lookback: input.strategy.lookback } : {}),
    initialEquity: input.settings.initialEquity,
    needs: input.strategy.needs?.(input.params as never),
    ...(input.context ? { context: input.context } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.risk ? { risk: (portfolio) => new RiskGate(input.risk!, input.strategy.name, input.symbol, new InstrumentRules(input.instrument), portfolio, timeframeMs(input.timeframe)) } : {}),
  });

  // Views over the series' columns trimmed to its length (its buffers may be larger), and the loop's own
  // equity arrays: a million-candle run copies nothing into the result.
  const c = candles.columns;
  const n = candles.length;
  const equity: EquityCurve = { time: loop.equityTime, equity: loop.equity };
  const start = c.time[0]!;
  const end = c.time[n - 1]! + timeframeMs(input.timeframe);
  const metrics = computeMetrics({
    trades: loop.trades,
    ...(input.risk ? { risk: riskSummary(loop.denied, loop.faults.length, loop.riskEvents) } : {}),
    equity,
    initialEquity: input.settings.initialEquity,
    start,
    end,
    buyAndHold: { firstClose: c.open[0]!, lastClose: c.close[n - 1]! },
  });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    strategy: { name: input.strategy.name, params: input.params as BacktestResult['strategy']['params'] },
    symbol: input.symbol,
    timeframe: input.timeframe,
    period: { start, end },
    candles: n,
    elapsedMs: monotonicNow() - started,
    settings: input.settings,
    metrics,
    trades: loop.trades,
    ...(input.risk ? { risk: riskSummary(loop.denied, loop.faults.length, loop.riskEvents) } : {}),
    equity,
    prices: { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close },
  };
}

/** How many entries the risk engine refused, and by which rule; how many strategy calls failed. */
function riskSummary(denied: readonly IntentDenied[], faults: number, events: readonly RiskEvent[]): NonNullable<BacktestResult['risk']> {
  const byRule: Record<string, number> = {};
  for (const d of denied) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  const stateChanges = events.flatMap((e) => (e.type === 'tradingStateChanged' ? [{ time: e.time, from: e.from, to: e.to, reason: e.reason }] : []));
  return { denied: denied.length, byRule, strategyErrors: faults, stateChanges };
}
