// Real-data checks shared by the strategies' tests: a SOLUSDT 5m backtest with fees that records every entry, the soundness of those entries, and the lookahead check.
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { lookaheadCheck, type LookaheadReport } from '../../../../backtest/lookahead.js';
import type { BacktestResult } from '../../../../backtest/result.js';
import { runBacktest } from '../../../../backtest/runner.js';
import { ManualClock } from '../../../../core/clock.js';
import type { CandleSeries } from '../../../../data/candle-series.js';
import { loadCandleFile } from '../../../../data/load-history.js';
import { describeWithData } from '../../../../data/test-support/shared-data.js';
import { SOLUSDT_DEFAULT } from '../../../../domain/instrument.js';
import { BYBIT_DEFAULT_FEES } from '../../../../venues/sim/costs.js';
import { SimVenue } from '../../../../venues/sim/sim-venue.js';
import type { StrategyDefinition } from '../../../api.js';
import type { EnterIntent } from './scenario.js';

/** The shared SOLUSDT 5m history, relative to ../shared/data. */
export const SOL_5M = 'candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv';

export interface RecordedEntry {
  readonly intent: EnterIntent;
  /** The signal candle's open time and close (the reference the stop and targets were set from). */
  readonly time: number;
  readonly close: number;
}

/** An exit the strategy asked for, at the close of the candle opened at `time`. */
export interface RecordedExit {
  readonly time: number;
  readonly reason: string;
}

/** A definition as the backtest runner takes it (the registry erases the parameter type the same way). */
const erased = <S extends z.ZodObject>(definition: StrategyDefinition<S>): StrategyDefinition => definition as unknown as StrategyDefinition;

export interface RecordedRun {
  readonly result: BacktestResult;
  readonly entries: RecordedEntry[];
  readonly exits: RecordedExit[];
}

/** Backtests `definition` over `candles` on SOLUSDT with Bybit's fees, recording every enter and exit intent it returned. */
export function backtestWithEntries<S extends z.ZodObject>(definition: StrategyDefinition<S>, params: Record<string, unknown>, candles: CandleSeries, file: string): RecordedRun {
  const entries: RecordedEntry[] = [];
  const exits: RecordedExit[] = [];
  const recording: StrategyDefinition = {
    ...erased(definition),
    create(p) {
      const inner = erased(definition).create(p);
      return {
        onCandle(ctx) {
          const intents = inner.onCandle(ctx) ?? [];
          for (const intent of intents) {
            if (intent.kind === 'enter') entries.push({ intent, time: ctx.time, close: ctx.candles.close(0) });
            if (intent.kind === 'exit') exits.push({ time: ctx.time, reason: intent.reason });
          }
          return intents;
        },
      };
    },
  };
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, fees: BYBIT_DEFAULT_FEES });
  const result = runBacktest({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    history: { candles, funding: undefined, sources: [file] },
    instrument: SOLUSDT_DEFAULT,
    strategy: recording,
    params,
    venue,
    clock,
    settings: { initialEquity: 10_000, takerFee: BYBIT_DEFAULT_FEES.taker, makerFee: BYBIT_DEFAULT_FEES.maker, slippage: 'none' },
  });
  return { result, entries, exits };
}

/**
 * What is wrong with the recorded entries, as readable lines (none: all sound): each carries a signal
 * of its own side, time and strategy with a strength in [0, 1] and weighted factors, the gates among
 * them passed, the stop lies behind the signal close and every target beyond it.
 */
export function entryProblems(strategy: string, entries: readonly RecordedEntry[], gates: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { intent, time, close } of entries) {
    const at = `entry at ${new Date(time).toISOString()}`;
    const sign = intent.side === 'long' ? 1 : -1;
    const signal = intent.signal;
    if (!signal) {
      problems.push(`${at}: no signal`);
      continue;
    }
    if (signal.side !== intent.side || signal.time !== time || signal.strategy !== strategy) problems.push(`${at}: signal of another side, time or strategy`);
    if (!(signal.strength >= 0 && signal.strength <= 1)) problems.push(`${at}: strength ${signal.strength}`);
    if (signal.factors.length === 0 || signal.factors.some((f) => f.weight === undefined || !Number.isFinite(f.value))) problems.push(`${at}: factors without weight or value`);
    for (const gate of gates) if (!signal.factors.some((f) => f.name === gate && f.passed)) problems.push(`${at}: gate ${gate} did not pass`);
    if (!(intent.stopLoss !== undefined && sign * (close - intent.stopLoss) > 0)) problems.push(`${at}: stop ${intent.stopLoss} not behind ${close}`);
    for (const rung of intent.targets ?? []) if (!(sign * (rung.price - close) > 0)) problems.push(`${at}: target ${rung.price} not beyond ${close}`);
  }
  return problems;
}

/**
 * Trades held past `maxMinutes` although the strategy did not ask, at the close that reached the limit,
 * to exit for it (the exit fills at the next open, so the limit rounds up to whole 5m candles). A
 * trade can outlast a time-limit exit asked for in time when the venue refuses the exit order; that
 * is the engine's business, not the strategy's.
 */
export function timeLimitMisses(run: RecordedRun, maxMinutes: number): string[] {
  const limit = Math.ceil(maxMinutes / 5) * 5 * 60_000;
  const askedAt = new Set(run.exits.filter((e) => e.reason === 'time limit').map((e) => e.time + 5 * 60_000));
  return run.result.trades
    .filter((t) => t.exitReason !== 'end of data' && t.exitTime - t.entryTime > limit && !askedAt.has(t.entryTime + limit))
    .map((t) => `${t.side} from ${new Date(t.entryTime).toISOString()} to ${new Date(t.exitTime).toISOString()}`);
}

/** Full run against truncated ones over `candles` on SOLUSDT. */
export function lookahead<S extends z.ZodObject>(definition: StrategyDefinition<S>, params: Record<string, unknown>, candles: CandleSeries): LookaheadReport {
  return lookaheadCheck({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    candles,
    instrument: SOLUSDT_DEFAULT,
    strategy: erased(definition),
    params,
    cuts: 4,
    makeVenue: (run) => {
      const clock = new ManualClock(run.columns.time[0]!);
      return { venue: new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock }), clock };
    },
  });
}

export interface RealRunExpectations {
  /** Gates every entry's signal must have passed. */
  readonly gates: readonly string[];
  /** Fewest round trips the default parameters make on the 20,000 candles. */
  readonly minTrades: number;
  /** Exit reasons that must all occur. */
  readonly exitReasons: readonly string[];
  readonly maxMinutes: number;
  /** Checks of the strategy's own on the run. */
  readonly more?: (run: RecordedRun) => void;
}

/**
 * The real-data block of a strategy test here, skipped without ../shared/data: the default parameters
 * over the first 20,000 SOLUSDT 5m candles with fees (it trades, every entry is sound, the exit reasons
 * occur, the time limit holds), and the lookahead check over the first 4,000.
 */
export function describeRealRun<S extends z.ZodObject>(definition: StrategyDefinition<S>, expected: RealRunExpectations): void {
  describeWithData(SOL_5M, `${definition.name} on real SOLUSDT 5m`, (file) => {
    const load = (): CandleSeries => loadCandleFile(file).series.slice(0, 20_000);
    const params = (): Record<string, unknown> => definition.params.parse({}) as Record<string, unknown>;

    it(`trades with sound entries, exits by ${expected.exitReasons.join(', ')}, and keeps its ${expected.maxMinutes}-minute limit`, () => {
      const run = backtestWithEntries(definition, params(), load(), file);
      expect(run.result.trades.length).toBeGreaterThanOrEqual(expected.minTrades);
      expect(run.entries.length).toBeGreaterThanOrEqual(run.result.trades.length);
      expect(entryProblems(definition.name, run.entries, expected.gates)).toEqual([]);
      const reasons = new Set(run.result.trades.map((t) => t.exitReason));
      for (const reason of expected.exitReasons) expect(reasons).toContain(reason);
      expect(timeLimitMisses(run, expected.maxMinutes)).toEqual([]);
      expected.more?.(run);
    });

    it('does not look ahead', () => {
      const report = lookahead(definition, params(), load().slice(0, 4000));
      expect(report.signalsCompared).toBeGreaterThan(5000);
      expect(report.differences).toEqual([]);
    });
  });
}
