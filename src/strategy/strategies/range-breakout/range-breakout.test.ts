import { describe, expect, it } from 'vitest';
import { MIN, T0, runScenario } from '../../../engine/test-support/scripted.js';
import { resolveStrategyParams } from '../../registry.js';
import type { StrategyDefinition } from '../../api.js';
import { describeRealRun } from '../shared/test-support/real-data.js';
import { lastIntents, repeat, type Row } from '../shared/test-support/scenario.js';
import { rangeBreakout } from './index.js';

const definition = rangeBreakout as unknown as StrategyDefinition;
const GATES = ['range width', 'late / early range volume', 'breakout volume / range volume', 'extension beyond edge (ranges)'];

/**
 * Two hours (24 candles) between 99.5 and 100.5, a $1 range: volume 1200 in the first hour and 800 in
 * the second (falling), 1000 on average. `early` / `late` override the two halves' volumes.
 */
const range = (early = 1200, late = 800): Row[] =>
  Array.from({ length: 24 }, (_, i): Row => {
    const volume = i < 12 ? early : late;
    return i % 2 === 0 ? [99.75, 100.5, 99.75, 100.25, volume] : [100.25, 100.25, 99.5, 99.75, volume];
  });

/** A close of 100.75 above the range on twice its mean volume, in the top fifth of the candle. */
const BREAKOUT: Row = [99.75, 101, 99.75, 100.75, 2000];

describe('range-breakout parameters', () => {
  it('has the issue defaults, takes no unknown key, and keeps its bounds in order', () => {
    expect(resolveStrategyParams(definition, {})).toEqual({
      rangeMinutes: 120,
      maxWidthUsd: 1.5,
      minWidthUsd: 0,
      volumeFade: 1,
      breakoutVolume: 1.5,
      target1Range: 1.5,
      target2Range: 2.5,
      stopRange: 0.5,
      maxMinutes: 240,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(() => resolveStrategyParams(definition, { rangeMinutes: 10 })).toThrow(/rangeMinutes = 10/);
    expect(() => resolveStrategyParams(definition, { width: 1 })).toThrow(/unknown parameter\(s\) width/);
    expect(() => resolveStrategyParams(definition, { minWidthUsd: 2 })).toThrow(/minWidthUsd must be below maxWidthUsd/);
  });
});

describe('range-breakout entries on hand-made candles', () => {
  it('goes long on the breakout: stop mid-range, half off 1.5× and 2.5× the range above its top, the factors recorded', () => {
    expect(lastIntents(rangeBreakout, {}, [...range(), BREAKOUT])).toEqual([
      {
        kind: 'enter',
        side: 'long',
        qty: 10_000 / 100.75,
        stopLoss: 100,
        targets: [
          { price: 102, fraction: 0.5 },
          { price: 103, fraction: 0.5 },
        ],
        reason: 'long range breakout',
        signal: {
          strategy: 'range-breakout',
          symbol: 'SOLUSDT',
          time: T0 + 24 * 5 * MIN,
          side: 'long',
          strength: 1,
          level: 100.5,
          factors: [
            { name: 'range width', value: 1, threshold: 1.5, passed: true, weight: 0.25 },
            { name: 'late / early range volume', value: expect.closeTo(800 / 1200, 12), threshold: 1, passed: true, weight: 0.2 },
            { name: 'breakout volume / range volume', value: 2, threshold: 1.5, passed: true, weight: 0.3 },
            { name: 'extension beyond edge (ranges)', value: 0.25, threshold: 1.5, passed: true, weight: 0.1 },
            { name: 'close location in candle', value: 0.8, threshold: expect.closeTo(2 / 3, 12), passed: true, weight: 0.15 },
          ],
        },
      },
    ]);
  });

  it('goes short on a breakout below: stop mid-range, targets 1.5× and 2.5× the range below its bottom', () => {
    const [intent] = lastIntents(rangeBreakout, {}, [...range(), [99.75, 99.75, 98.5, 98.75, 2000]]);
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: 100,
      targets: [
        { price: 98, fraction: 0.5 },
        { price: 97, fraction: 0.5 },
      ],
      signal: { side: 'short', strength: 1, level: 99.5, factors: [{ value: 1 }, { passed: true }, { value: 2 }, { value: 0.75 }, { value: 0.8 }] },
    });
  });

  it('loses the close-location share of its strength on a breakout candle closing low in its range', () => {
    const [intent] = lastIntents(rangeBreakout, {}, [...range(), [99.75, 101.5, 99.75, 100.75, 2000]]);
    expect(intent).toMatchObject({ side: 'long', signal: { strength: 0.85 } });
  });

  it('needs the range to have lasted the full two hours', () => {
    const broken = (rows: Row[], at: number): Row[] => rows.map((row, i): Row => (i === at ? [row[0], row[1], 98.75, row[3], row[4]] : row));
    // 25 candles: one at 98.75 two hours and five minutes back is outside the range, which holds.
    expect(lastIntents(rangeBreakout, {}, [...broken([[99.75, 100.5, 99.75, 100.25, 1200], ...range()], 0), BREAKOUT])).toHaveLength(1);
    // Two hours back: the range has held only 1 h 55 min.
    expect(lastIntents(rangeBreakout, {}, [...broken(range(), 0), BREAKOUT])).toEqual([]);
  });

  it('does not enter when any one condition fails', () => {
    // Wider than $1.5: 99.5 down to 98.75 in the middle of the range.
    const wide = range().map((row, i): Row => (i === 12 ? [row[0], row[1], 98.75, row[3], row[4]] : row));
    expect(lastIntents(rangeBreakout, {}, [...wide, BREAKOUT])).toEqual([]);
    // Volume rising inside the range.
    expect(lastIntents(rangeBreakout, {}, [...range(800, 1200), BREAKOUT])).toEqual([]);
    // The breakout on 1.4× the range volume.
    expect(lastIntents(rangeBreakout, {}, [...range(), [99.75, 101, 99.75, 100.75, 1400]])).toEqual([]);
    // A close at the range top, not beyond it.
    expect(lastIntents(rangeBreakout, {}, [...range(), [99.75, 101, 99.75, 100.5, 2000]])).toEqual([]);
    // A close already past the first target (1.75 ranges out): too late.
    expect(lastIntents(rangeBreakout, {}, [...range(), [99.75, 102.5, 99.75, 102.25, 2000]])).toEqual([]);
  });
});

describe('range-breakout through the engine', () => {
  it('closes at its time limit when the breakout stalls', () => {
    const strategy = rangeBreakout.create(rangeBreakout.params.parse({ maxMinutes: 30 }));
    const run = runScenario([...range(), BREAKOUT, ...repeat([100.75, 101, 100.5, 100.75], 8)], strategy);
    expect(run.trades).toHaveLength(1);
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: 100.75, exitReason: 'time limit' });
    expect(run.trades[0]!.exitTime - run.trades[0]!.entryTime).toBe(30 * MIN);
  });
});

describeRealRun(rangeBreakout, { gates: GATES, minTrades: 30, exitReasons: ['stop-loss', 'take-profit', 'time limit'], maxMinutes: 240 });
