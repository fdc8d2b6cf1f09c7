import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../core/clock.js';
import { CandleSeries } from '../data/candle-series.js';
import { SOLUSDT_DEFAULT } from '../domain/instrument.js';
import type { StrategyDefinition } from '../strategy/api.js';
import { findStrategy } from '../strategy/registry.js';
import { SimVenue } from '../venues/sim/sim-venue.js';
import { lookaheadCheck } from './lookahead.js';

const candles = CandleSeries.fromCandles(
  Array.from({ length: 400 }, (_, i) => {
    const p = 100 + 5 * Math.sin(i / 15);
    return { time: i * 300_000, open: p, high: p + 0.5, low: p - 0.5, close: p + 0.1, volume: 10, turnover: NaN, closed: true };
  }),
);
const makeVenue = () => {
  const clock = new ManualClock(0);
  return { venue: new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock }), clock };
};

describe('lookaheadCheck', () => {
  it('finds nothing for sma-cross, which only looks back', () => {
    const report = lookaheadCheck({ symbol: 'SOLUSDT', timeframe: '5m', candles, instrument: SOLUSDT_DEFAULT, strategy: findStrategy('sma-cross'), params: { fast: 5, slow: 20, size: 1 }, makeVenue, cuts: 5 });
    expect(report.runs).toBe(6);
    expect(report.signalsCompared).toBeGreaterThan(900);
    expect(report.differences).toEqual([]);
  });

  it('catches a strategy whose signals depend on where the data ends', () => {
    // A typical lookahead bug: something computed over the whole data set (here its final close)
    // leaks into each decision. The runs are told their candles, and so is the cheat.
    let finalClose = NaN;
    const cheat: StrategyDefinition = {
      name: 'cheat',
      description: 'buys when the data will end higher',
      params: z.strictObject({}),
      create: () => ({ onCandle: (ctx) => (ctx.candles.back(0).close < finalClose ? [{ kind: 'enter', side: 'long', qty: 1 }] : [{ kind: 'exit', reason: 'above the end' }]) }),
    };
    const report = lookaheadCheck({
      symbol: 'SOLUSDT',
      timeframe: '5m',
      candles,
      instrument: SOLUSDT_DEFAULT,
      strategy: cheat,
      params: {},
      makeVenue: (run) => {
        finalClose = run.columns.close[run.length - 1]!;
        return makeVenue();
      },
      cuts: 3,
    });
    expect(report.differences.length).toBeGreaterThan(0);
    expect(report.differences[0]).toEqual(expect.objectContaining({ time: expect.any(Number), truncatedAt: expect.any(Number) }));
  });
});
