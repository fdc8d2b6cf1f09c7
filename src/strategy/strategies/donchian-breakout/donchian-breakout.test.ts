import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { loadCandleFile } from '../../../data/load-history.js';
import { describeWithData } from '../../../data/test-support/shared-data.js';
import { SOLUSDT_DEFAULT } from '../../../domain/instrument.js';
import { runBacktest } from '../../../backtest/runner.js';
import { lookaheadCheck } from '../../../backtest/lookahead.js';
import { BYBIT_DEFAULT_FEES } from '../../../venues/sim/costs.js';
import { SimVenue } from '../../../venues/sim/sim-venue.js';
import { findStrategy, resolveStrategyParams } from '../../registry.js';

const definition = findStrategy('donchian-breakout');

describe('donchian-breakout parameters', () => {
  it('has defaults, declares its trend timeframe, and refuses values out of range', () => {
    const params = resolveStrategyParams(definition, {});
    expect(params).toMatchObject({ channel: 20, stopAtr: 1.5, target1Atr: 1.5, target2Atr: 3, trendTimeframe: '1h' });
    expect(definition.needs?.(params as never)).toEqual({ timeframes: ['1h'] });
    expect(() => resolveStrategyParams(definition, { channel: 2 })).toThrow(/channel = 2/);
    expect(() => resolveStrategyParams(definition, { trendTimeframe: '7m' })).toThrow(/trendTimeframe/);
  });
});

describeWithData('candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv', 'donchian-breakout on real SOLUSDT 5m', (file) => {
  const candles = loadCandleFile(file).series.slice(0, 20_000);
  const params = resolveStrategyParams(definition, {});

  it('trades with its ladder: half at the first target, the rest at the second, the stop or breakeven, or the time stop', () => {
    const clock = new ManualClock(candles.columns.time[0]!);
    const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, fees: BYBIT_DEFAULT_FEES });
    const fills: Array<{ cause: string | undefined; qty: number }> = [];
    venue.onEvent((e) => {
      if (e.type === 'orderFilled') fills.push({ cause: e.fill.cause, qty: e.fill.qty });
    });
    const result = runBacktest({
      symbol: 'SOLUSDT',
      timeframe: '5m',
      history: { candles, funding: undefined, sources: [file] },
      instrument: SOLUSDT_DEFAULT,
      strategy: definition,
      params,
      venue,
      clock,
      settings: { initialEquity: 10_000, takerFee: BYBIT_DEFAULT_FEES.taker, makerFee: BYBIT_DEFAULT_FEES.maker, slippage: 'none' },
    });
    expect(result.trades.length).toBeGreaterThan(20);
    const reasons = new Set(result.trades.map((t) => t.exitReason));
    expect(reasons).toContain('stop-loss');
    expect(reasons).toContain('take-profit');
    // Partial take-profits: some take-profit fills close only part of a position.
    const partial = fills.filter((f) => f.cause === 'takeProfit');
    expect(partial.length).toBeGreaterThan(result.trades.filter((t) => t.exitReason === 'take-profit').length);
    // Risk sizing: no trade loses much more than 1 % of the equity at its stop (gaps and fees aside).
    for (const t of result.trades) expect(t.pnl).toBeGreaterThan(-0.03 * 10_000);
  });

  it('does not look ahead', () => {
    const report = lookaheadCheck({
      symbol: 'SOLUSDT',
      timeframe: '5m',
      candles: candles.slice(0, 4000),
      instrument: SOLUSDT_DEFAULT,
      strategy: definition,
      params,
      cuts: 4,
      makeVenue: (run) => {
        const clock = new ManualClock(run.columns.time[0]!);
        return { venue: new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock }), clock };
      },
    });
    expect(report.signalsCompared).toBeGreaterThan(5000);
    expect(report.differences).toEqual([]);
  });
});
