import { describe, expect, it } from 'vitest';
import { MIN, T0, runScenario } from '../../../engine/test-support/scripted.js';
import { resolveStrategyParams } from '../../registry.js';
import type { StrategyDefinition } from '../../api.js';
import { describeRealRun } from '../shared/test-support/real-data.js';
import { driveFlat, lastIntents, mirror, repeat, type Row } from '../shared/test-support/scenario.js';
import { meanReversion } from './index.js';

const definition = meanReversion as unknown as StrategyDefinition;
const GATES = ['close vs VWAP (σ)', 'RSI', 'candles since regular RSI divergence'];

/** A 2-hour profile, so a short table fills it. */
const TEST_PARAMS = { profileBars: 24 } as const;

/**
 * From midnight UTC: 2½ hours flat between 99.75 and 100.25 on heavy volume (3000), then a fall of
 * $3 in six candles (RSI 22.4 at 97), a bounce of $0.5, a slower fall to 96.5 (a lower low with a
 * higher RSI, 24.2) and two flat candles that confirm the RSI pivot: a regular bullish divergence on
 * the last candle, whose close lies 3.5σ under the session VWAP. `secondLeg` sets the slower fall's step.
 */
function selloff(secondLeg = -0.25): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 30; i++) rows.push(i % 2 === 0 ? [100, 100.25, 99.75, 100.25, 3000] : [100.25, 100.25, 99.75, 100, 3000]);
  let close = 100;
  const move = (step: number, candles: number): void => {
    for (let i = 0; i < candles; i++) {
      const open = close;
      close += step;
      rows.push([open, Math.max(open, close) + 0.05, Math.min(open, close) - 0.05, close]);
    }
  };
  move(-0.5, 6);
  move(0.25, 2);
  move(secondLeg, 4);
  move(0, 2);
  return rows;
}

describe('mean-reversion parameters', () => {
  it('has defaults, takes no unknown key, and keeps the RSI levels in order', () => {
    expect(resolveStrategyParams(definition, {})).toEqual({
      vwapHours: 24,
      warmupMinutes: 60,
      bandSigma: 2,
      rsi: 14,
      rsiLow: 30,
      rsiHigh: 70,
      pivotLeft: 5,
      pivotRight: 2,
      divergenceBars: 12,
      requireDivergence: true,
      profileBars: 288,
      binUsd: 0.05,
      atr: 14,
      stopAtr: 1,
      maxMinutes: 180,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(() => resolveStrategyParams(definition, { bandSigma: 0.2 })).toThrow(/bandSigma = 0.2/);
    expect(() => resolveStrategyParams(definition, { sigma: 2 })).toThrow(/unknown parameter\(s\) sigma/);
    expect(() => resolveStrategyParams(definition, { rsiLow: 50, rsiHigh: 50 })).toThrow(/rsiLow must be below rsiHigh/);
  });
});

describe('mean-reversion entries on hand-made candles', () => {
  it('buys the divergence under VWAP − 2σ: stop one ATR under the low, half off at VWAP, the rest at the POC', () => {
    expect(lastIntents(meanReversion, TEST_PARAMS, selloff())).toEqual([
      {
        kind: 'enter',
        side: 'long',
        // Risk sizing asks for 213 SOL over a 0.47 stop; 100 % exposure allows 10,000 / 96.5.
        qty: 10_000 / 96.5,
        // The signal candle's low (96.45) less ATR(14) = 0.41831.
        stopLoss: expect.closeTo(96.45 - 0.41831, 5),
        targets: [
          { price: expect.closeTo(99.708333, 6), fraction: 0.5 },
          // The lowest of the busiest bins (99.75 to 99.80), where the flat hours and the first fall overlap.
          { price: expect.closeTo(99.775, 9), fraction: 0.5 },
        ],
        reason: 'long fade of the lower VWAP band',
        signal: {
          strategy: 'mean-reversion',
          symbol: 'SOLUSDT',
          time: T0 + 43 * 5 * MIN,
          side: 'long',
          strength: 1,
          level: expect.closeTo(99.708333, 6),
          factors: [
            { name: 'close vs VWAP (σ)', value: expect.closeTo(-3.49972, 5), threshold: -2, passed: true, weight: 0.35 },
            { name: 'RSI', value: expect.closeTo(24.20727, 5), threshold: 30, passed: true, weight: 0.3 },
            { name: 'candles since regular RSI divergence', value: 0, threshold: 12, passed: true, weight: 0.35 },
          ],
        },
      },
    ]);
  });

  it('sells the mirror image: VWAP first, then the POC (the lowest bin of a tie, so not quite the mirror)', () => {
    const [intent] = lastIntents(meanReversion, TEST_PARAMS, mirror(selloff(), 100));
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: expect.closeTo(103.55 + 0.41831, 5),
      targets: [
        { price: expect.closeTo(100.291667, 6), fraction: 0.5 },
        { price: expect.closeTo(99.975, 9), fraction: 0.5 },
      ],
      signal: { side: 'short', strength: 1, factors: [{ value: expect.closeTo(3.49972, 5), threshold: 2 }, { value: expect.closeTo(75.79273, 5), threshold: 70 }, { value: 0 }] },
    });
  });

  it('does not enter without the divergence, unless told divergence only adds strength', () => {
    // A second fall as fast as the first: price and RSI both make lower lows.
    expect(lastIntents(meanReversion, TEST_PARAMS, selloff(-0.5))).toEqual([]);
    // Without the requirement it fades the first close under the band with RSI under 30 (candle 33, in the
    // first fall), at 0.65; there the POC is nearer than VWAP and takes the first half.
    const all = driveFlat(meanReversion, { ...TEST_PARAMS, requireDivergence: false }, selloff(-0.5));
    expect(all.findIndex((intents) => intents.length > 0)).toBe(33);
    expect(all[33]![0]).toMatchObject({
      side: 'long',
      targets: [{ price: expect.closeTo(99.775, 9) }, { price: expect.closeTo(99.993794, 6) }],
      signal: { strength: 0.65, factors: [{ passed: true }, { value: expect.closeTo(28.1278, 4), passed: true }, { value: -1, passed: false }] },
    });
  });

  it('does not enter when the close is inside the band, RSI is not extreme enough, or the session is too young', () => {
    // The same candles against stricter thresholds, each just past the value the scenario reaches.
    expect(lastIntents(meanReversion, { ...TEST_PARAMS, bandSigma: 3.6 }, selloff())).toEqual([]);
    expect(lastIntents(meanReversion, { ...TEST_PARAMS, rsiLow: 24 }, selloff())).toEqual([]);
    // The signal comes 3 h 35 min after midnight.
    expect(lastIntents(meanReversion, { ...TEST_PARAMS, warmupMinutes: 240 }, selloff())).toEqual([]);
  });
});

describe('mean-reversion through the engine', () => {
  const strategy = () => meanReversion.create(meanReversion.params.parse(TEST_PARAMS));

  it('takes half at VWAP and the rest at the POC', () => {
    const run = runScenario([...selloff(), [96.5, 96.6, 96.4, 96.5], [96.5, 99.85, 96.5, 99.8]], strategy());
    expect(run.trades).toHaveLength(1);
    // 103.6 SOL from 96.5: 51.8 at VWAP, 51.8 at the POC, both on the tick grid (0.01).
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: 96.5, quantity: 103.6, exitReason: 'take-profit' });
    expect(run.trades[0]!.pnl).toBeCloseTo(51.8 * (99.7 - 96.5) + 51.8 * (99.77 - 96.5), 6);
  });

  it('leaves when the close is back at the VWAP as it stands, below the targets set at entry', () => {
    // Heavy trading at 96.5 drags the VWAP down to about 98.2; a close of 98.4 is back above it.
    const low = repeat([96.5, 96.6, 96.4, 96.5, 20_000], 4);
    const run = runScenario([...selloff(), ...low, [96.5, 98.5, 96.5, 98.4], [98.4, 98.5, 98.3, 98.4]], strategy());
    expect(run.trades).toHaveLength(1);
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: 96.5, exitPrice: 98.4, exitReason: 'reached VWAP' });
  });
});

describeRealRun(meanReversion, { gates: GATES, minTrades: 20, exitReasons: ['stop-loss', 'take-profit', 'reached VWAP', 'time limit'], maxMinutes: 180 });
