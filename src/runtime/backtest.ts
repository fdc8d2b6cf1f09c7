// Composition for `bybot backtest`: history, data checks, instrument, a SimVenue, the strategy; the result and its files.
import { ManualClock } from '../core/clock.js';
import { InputError, describeValue } from '../core/errors.js';
import { loadHistory } from '../data/history-source.js';
import { validateCandles } from '../data/quality/candle-checks.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import { resultToJson, type BacktestResult } from '../backtest/result.js';
import { lookaheadCheck, type LookaheadReport } from '../backtest/lookahead.js';
import { runBacktest } from '../backtest/runner.js';
import { writeHtmlReport } from '../backtest/report/write.js';
import { writeTextAtomic } from '../core/atomic-write.js';
import { findStrategy, parseParamText, resolveStrategyParams } from '../strategy/registry.js';
import { BYBIT_DEFAULT_FEES, parseSlippage, type FeeSchedule } from '../venues/sim/costs.js';
import { SimVenue, type LimitFillRule } from '../venues/sim/sim-venue.js';
import type { ContextSeries } from '../engine/context-views.js';
import type { StrategyNeeds } from '../strategy/api.js';
import { RiskEngine } from '../risk/index.js';
import { historyStore, type DataContext } from './data-files.js';
import { instrumentFor } from './instruments.js';

export interface BacktestRequest {
  readonly strategy: string;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly data?: string;
  readonly detail?: string;
  readonly from?: number;
  readonly to?: number;
  readonly params?: string;
  readonly fees?: string;
  readonly slippage?: string;
  readonly initialEquity: number;
  readonly leverage: number;
  /** Decision-to-venue delay in ms (0 by default). */
  readonly latencyMs?: number;
  /** `through` (default), `touch` or `ticks:<n>`. */
  readonly limitFill?: string;
  /** Put the risk engine (default settings, the run's leverage) between the strategy and the orders. */
  readonly risk?: boolean;
  readonly json?: string;
  readonly report?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** `--fees`: `0`, or taker and maker in percent of notional, e.g. `0.055,0.02`; each from 0 to 1 %. */
export function parseFees(text: string | undefined): FeeSchedule {
  if (text === undefined) return BYBIT_DEFAULT_FEES;
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length === 1 && values[0] === 0) return { taker: 0, maker: 0 };
  if (parts.length !== 2 || values.some((v) => !Number.isFinite(v) || v < 0 || v > 1)) {
    throw new InputError(`--fees: ${describeValue(text)} is not "taker,maker" in percent, each from 0 to 1 (e.g. 0.055,0.02), or 0`);
  }
  return { taker: values[0]! / 100, maker: values[1]! / 100 };
}

export function backtestFromRequest(ctx: DataContext, request: BacktestRequest): BacktestResult {
  const definition = findStrategy(request.strategy);
  const params = resolveStrategyParams(definition, parseParamText(request.params));
  const fees = parseFees(request.fees);
  const slippage = parseSlippage(request.slippage ?? '0');
  if (!(request.initialEquity > 0)) throw new InputError(`--equity: ${request.initialEquity} must be a positive amount of USDT`);
  const store = historyStore(ctx);
  const history = historyFor(ctx, request);
  const checked = validateCandles(history.candles, { timeframeMs: timeframeMs(request.timeframe), ...(ctx.policy ? { policy: ctx.policy } : {}), ...(ctx.thresholds ? { thresholds: ctx.thresholds } : {}) });
  if (!checked.ok) {
    const rejected = checked.findings.filter((f) => f.action === 'reject').slice(0, 5);
    throw new InputError(`the ${request.symbol} ${request.timeframe} history failed the data checks: ${rejected.map((f) => `${f.check} at ${new Date(f.timestamp).toISOString()} (${f.message})`).join('; ')}`);
  }
  const instrument = instrumentFor(request.symbol, store);
  const clock = new ManualClock(history.candles.columns.time[0]!);
  const limitFill = parseLimitFill(request.limitFill);
  if (request.latencyMs !== undefined && !(request.latencyMs >= 0 && request.latencyMs <= 60_000)) {
    throw new InputError(`--latency: ${describeValue(request.latencyMs)} must be milliseconds from 0 to 60000`);
  }
  const venue = new SimVenue({ instruments: [instrument], fees, slippage, initialEquity: request.initialEquity, leverage: request.leverage, clock, latencyMs: request.latencyMs ?? 0, ...(limitFill ? { limitFill } : {}) });
  const detail = request.detail ? loadDetail(ctx, request, history.candles.columns.time) : undefined;
  const context = contextFor(ctx, request, definition.name, definition.needs?.(params as never));
  const result = runBacktest({
    context,
    symbol: request.symbol,
    timeframe: request.timeframe,
    history: { ...history, candles: checked.series },
    ...(detail ? { detail } : {}),
    instrument,
    strategy: definition,
    params,
    venue,
    clock,
    settings: { initialEquity: request.initialEquity, takerFee: fees.taker, makerFee: fees.maker, slippage: describeSlippage(request.slippage ?? '0') },
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.risk ? { risk: new RiskEngine({ sizing: { leverage: request.leverage } }) } : {}),
  });
  // Files only once everything computed: a failure above leaves no partial report behind.
  if (request.json) writeTextAtomic(request.json, `${resultToJson(result)}\n`);
  if (request.report) writeHtmlReport(request.report, result);
  return result;
}

/** `--limit-fill`: through, touch or ticks:<n>. */
export function parseLimitFill(text: string | undefined): LimitFillRule | undefined {
  if (text === undefined) return undefined;
  if (text === 'through' || text === 'touch') return text;
  const m = /^ticks:(\d{1,5})$/.exec(text);
  if (m && Number(m[1]) <= 10_000) return { throughTicks: Number(m[1]) };
  throw new InputError(`--limit-fill: ${describeValue(text)} is not through, touch or ticks:<n> (n from 0 to 10000)`);
}

function describeSlippage(text: string): string {
  const model = parseSlippage(text);
  return model.kind === 'fixed' ? `fixed ${model.bps} bps` : model.kind === 'volatility' ? `${model.rangeFraction} × candle range` : `impact ${model.coefficient} × √participation, cap ${model.maxParticipation}`;
}

function loadDetail(ctx: DataContext, request: BacktestRequest, mainTimes: Float64Array) {
  const store = historyStore(ctx);
  const detail = loadHistory({ symbol: request.symbol, timeframe: '1m', data: request.detail!, cacheDir: ctx.cacheDir, historyRoot: store.root }).candles;
  const first = mainTimes[0]!;
  const last = mainTimes[mainTimes.length - 1]!;
  const d = detail.columns.time;
  if (detail.length === 0 || d[0]! > first || d[detail.length - 1]! < last) {
    throw new InputError(`--detail: ${request.detail} covers ${detail.length ? `${new Date(d[0]!).toISOString()} to ${new Date(d[detail.length - 1]!).toISOString()}` : 'nothing'}, not the main series ${new Date(first).toISOString()} to ${new Date(last).toISOString()}`);
  }
  return detail.sliceByTime(first, last + timeframeMs(request.timeframe) - 1);
}

export interface LookaheadRequest {
  readonly strategy: string;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly data?: string;
  readonly from?: number;
  readonly to?: number;
  readonly params?: string;
  readonly cuts?: number;
}

export function lookaheadFromRequest(ctx: DataContext, request: LookaheadRequest): LookaheadReport {
  const definition = findStrategy(request.strategy);
  const params = resolveStrategyParams(definition, parseParamText(request.params));
  const store = historyStore(ctx);
  const history = historyFor(ctx, request);
  const instrument = instrumentFor(request.symbol, store);
  return lookaheadCheck({
    symbol: request.symbol,
    timeframe: request.timeframe,
    candles: history.candles,
    instrument,
    strategy: definition,
    params,
    ...(request.cuts ? { cuts: request.cuts } : {}),
    context: contextFor(ctx, request, definition.name, definition.needs?.(params as never)),
    makeVenue: (run) => {
      const clock = new ManualClock(run.columns.time[0] ?? 0);
      return { venue: new SimVenue({ instruments: [instrument], initialEquity: 1_000_000, clock }), clock };
    },
  });
}

/** Candles of the other symbols a strategy reads as context, from the same place as the traded symbol's. */
function contextFor(ctx: DataContext, request: Pick<BacktestRequest, 'data' | 'from' | 'to'>, strategy: string, needs: StrategyNeeds | undefined): ContextSeries[] {
  return (needs?.symbols ?? []).map((need) => {
    try {
      return { ...need, candles: historyFor(ctx, { ...request, symbol: need.symbol, timeframe: need.timeframe }).candles };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(`${strategy} reads ${need.symbol} ${need.timeframe} candles as context: ${error.message} (point --data at a folder that holds them too, or switch that check off: see bybot strategies)`, { cause: error });
    }
  });
}

/** The candles (and funding) a run asks for: --data, or the download cache. */
export function historyFor(ctx: DataContext, request: Pick<BacktestRequest, 'symbol' | 'timeframe' | 'data' | 'from' | 'to'>) {
  return loadHistory({
    symbol: request.symbol,
    timeframe: request.timeframe,
    ...(request.data ? { data: request.data } : {}),
    ...(request.from === undefined ? {} : { from: request.from }),
    ...(request.to === undefined ? {} : { to: request.to }),
    cacheDir: ctx.cacheDir,
    historyRoot: historyStore(ctx).root,
  });
}
