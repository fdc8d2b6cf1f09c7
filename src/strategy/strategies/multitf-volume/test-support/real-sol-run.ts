// The real-data block the MultiTF Volume, Liquidity Sweep and Trend Pullback tests share: a sound SOLUSDT 5m backtest, then the lookahead check.
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { loadCandleFile } from '../../../../data/load-history.js';
import { describeWithData } from '../../../../data/test-support/shared-data.js';
import type { StrategyDefinition } from '../../../api.js';
import { resolveStrategyParams } from '../../../registry.js';
import { SOL_5M, backtestWithEntries, entryProblems, lookahead, timeLimitMisses, type RecordedRun } from '../../shared/test-support/real-data.js';

export interface RealRunExpectations {
  /** Fewest round trips over the first 20,000 candles. */
  readonly minTrades: number;
  /** Factors every entry's signal must have passed. */
  readonly gates: readonly string[];
  /** Exit reasons that must all occur. */
  readonly exitReasons: readonly string[];
  /** The strategy's time limit (its `maxMinutes` default). */
  readonly maxMinutes: number;
  /** Further checks on the run. */
  readonly alsoCheck?: (run: RecordedRun) => void;
}

/**
 * A describe block (skipped without ../shared/data) that backtests `definition` with its defaults on
 * 20,000 SOLUSDT 5m candles with fees, checks that it trades, that every entry is sound (a signal
 * whose gates passed, the stop behind the close, the targets beyond it) and that the time limit
 * holds; then runs the lookahead check on the first 4,000 candles.
 */
export function describeOnRealSol<S extends z.ZodObject>(definition: StrategyDefinition<S>, expected: RealRunExpectations): void {
  describeWithData(SOL_5M, `${definition.name} on real SOLUSDT 5m`, (file) => {
    const load = () => loadCandleFile(file).series.slice(0, 20_000);
    const params = resolveStrategyParams(definition as unknown as StrategyDefinition, {});

    it(`trades with sound entries, meets ${expected.exitReasons.join(' and ')}, and keeps its ${expected.maxMinutes}-minute limit`, () => {
      const run = backtestWithEntries(definition, params, load(), file);
      const { result, entries } = run;
      expect(result.trades.length).toBeGreaterThanOrEqual(expected.minTrades);
      expect(entries.length).toBeGreaterThanOrEqual(result.trades.length);
      expect(entryProblems(definition.name, entries, expected.gates)).toEqual([]);
      const reasons = new Set(result.trades.map((t) => t.exitReason));
      for (const reason of expected.exitReasons) expect(reasons).toContain(reason);
      expect(timeLimitMisses(run, expected.maxMinutes)).toEqual([]);
      expected.alsoCheck?.(run);
    });

    it('does not look ahead', () => {
      const report = lookahead(definition, params, load().slice(0, 4000));
      expect(report.signalsCompared).toBeGreaterThan(5000);
      expect(report.differences).toEqual([]);
    });
  });
}
