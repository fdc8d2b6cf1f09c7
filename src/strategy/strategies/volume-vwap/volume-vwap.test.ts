import { describe, expect, it } from 'vitest';
import { MIN, T0 } from '../../../engine/test-support/scripted.js';
import { resolveStrategyParams } from '../../registry.js';
import type { StrategyDefinition } from '../../api.js';
import { describeRealRun } from '../shared/test-support/real-data.js';
import { lastIntents, mirror, type Row } from '../shared/test-support/scenario.js';
import { volumeVwap } from './index.js';

const definition = volumeVwap as unknown as StrategyDefinition;

/** The trend read from the strategy's own 5m candles (EMA 5), so a short table can warm it up. */
const TEST_PARAMS = { trendTimeframe: '5m', trendEma: 5 } as const;

/**
 * Every candle spans exactly $1 and holds the previous close, so ATR is exactly 1. An hour around 99
 * (volumes 900 / 1100) then an hour around 100 puts the session VWAP near 99.55 with σ ≈ 0.47.
 * `lateHigher` lifts the last closes of the second hour to 100.5 / 100.25 (the 5m EMA then sits above 100).
 */
function session(lateHigher = false): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 12; i++) rows.push(i === 11 ? [99.25, 99.5, 98.5, 99.5, 1100] : i % 2 === 0 ? [99, 99.5, 98.5, 99.25, 900] : [99.25, 99.5, 98.5, 99, 1100]);
  for (let i = 0; i < 12; i++) rows.push(i % 2 === 0 ? [99.5, 100.5, 99.5, 100.25, 900] : [100.25, 100.5, 99.5, 99.75, 1100]);
  if (lateHigher) rows.splice(21, 3, [100.25, 100.75, 99.75, 100.5, 1100], [100.5, 100.75, 99.75, 100.5, 900], [100.5, 100.75, 99.75, 100.25, 1100]);
  return rows;
}

/** A bullish candle closing at 100 on 1500 (volume z-score 4.87 against the 20 before it). */
const SIGNAL: Row = [99.75, 100.5, 99.5, 100, 1500];

describe('volume-vwap parameters', () => {
  it('has defaults with the issue weights, declares its trend timeframe, and refuses unknown keys and values out of range', () => {
    const params = resolveStrategyParams(definition, {});
    expect(params).toEqual({
      vwapHours: 24,
      volumePeriod: 20,
      volumeZ: 2,
      maxStretchSigma: 1,
      trendTimeframe: '1h',
      trendEma: 50,
      minStrength: 0.75,
      atr: 14,
      stopAtr: 1.5,
      target1Atr: 1.5,
      target2Atr: 3,
      maxMinutes: 240,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(definition.needs?.(params as never)).toEqual({ timeframes: ['1h'] });
    expect(() => resolveStrategyParams(definition, { minStrength: 0.1 })).toThrow(/minStrength = 0.1/);
    expect(() => resolveStrategyParams(definition, { weights: 1 })).toThrow(/unknown parameter\(s\) weights/);
  });
});

describe('volume-vwap entries on hand-made candles', () => {
  it('goes long when all three factors agree: strength 1, stop 1.5 ATR under the close, half off at 1.5 and 3 ATR', () => {
    expect(lastIntents(volumeVwap, TEST_PARAMS, [...session(), SIGNAL])).toEqual([
      {
        kind: 'enter',
        side: 'long',
        // 1 % of 10,000 over a 1.5 stop: 66.7 SOL, within 100 % exposure.
        qty: 100 / 1.5,
        stopLoss: 98.5,
        targets: [
          { price: 101.5, fraction: 0.5 },
          { price: 103, fraction: 0.5 },
        ],
        reason: 'long volume-VWAP confluence',
        signal: {
          strategy: 'volume-vwap',
          symbol: 'SOLUSDT',
          time: T0 + 24 * 5 * MIN,
          side: 'long',
          strength: 1,
          // VWAP = Σ volume × typical price / Σ volume over the 25 candles.
          level: expect.closeTo(2_538_533.33333 / 25_500, 6),
          factors: [
            // (1500 − 1000) / (100 · √(20/19)): the 20 volumes before alternate 900 and 1100.
            { name: 'volume z-score', value: expect.closeTo(500 / (100 * Math.sqrt(20 / 19)), 9), threshold: 2, passed: true, weight: 0.4 },
            { name: 'close vs VWAP (σ)', value: expect.closeTo(0.94874, 5), threshold: 1, passed: true, weight: 0.35 },
            { name: '5m close vs EMA5', value: expect.closeTo(0.036844, 5), threshold: 0, passed: true, weight: 0.25 },
          ],
        },
      },
    ]);
  });

  it('goes short on the mirror image, with the same factor values', () => {
    const [intent] = lastIntents(volumeVwap, TEST_PARAMS, mirror([...session(), SIGNAL], 100));
    expect(intent).toMatchObject({
      side: 'short',
      qty: 100 / 1.5,
      stopLoss: 101.5,
      targets: [{ price: 98.5 }, { price: 97 }],
      signal: { side: 'short', strength: 1, factors: [{ value: expect.closeTo(4.8734, 4) }, { value: expect.closeTo(0.94874, 5) }, { value: expect.closeTo(0.036844, 5) }] },
    });
  });

  it('still enters against the short-term trend at strength 0.75 (volume and VWAP), but not when minStrength asks for all three', () => {
    const [intent] = lastIntents(volumeVwap, TEST_PARAMS, [...session(true), SIGNAL]);
    expect(intent).toMatchObject({
      side: 'long',
      signal: { strength: 0.75, factors: [{ passed: true }, { value: expect.closeTo(0.78535, 5), passed: true }, { value: expect.closeTo(-0.185378, 5), passed: false }] },
    });
    expect(lastIntents(volumeVwap, { ...TEST_PARAMS, minStrength: 1 }, [...session(true), SIGNAL])).toEqual([]);
  });

  it('does not enter when volume or the VWAP position fails, or the candle has no direction', () => {
    // Volume 1150: z-score 1.46 < 2, strength 0.6.
    expect(lastIntents(volumeVwap, TEST_PARAMS, [...session(), [99.75, 100.5, 99.5, 100, 1150]])).toEqual([]);
    // A close of 100.5 is 1.87σ above VWAP: overextended, strength 0.65.
    expect(lastIntents(volumeVwap, TEST_PARAMS, [...session(), [99.75, 100.75, 99.75, 100.5, 1500]])).toEqual([]);
    // A close at the open: neither side.
    expect(lastIntents(volumeVwap, TEST_PARAMS, [...session(), [100, 100.5, 99.5, 100, 1500]])).toEqual([]);
  });
});

describeRealRun(volumeVwap, {
  gates: [],
  minTrades: 50,
  exitReasons: ['stop-loss', 'take-profit'],
  maxMinutes: 240,
  more: ({ entries }) => {
    // Every entry reached the default 0.75 with its three factors, and both strengths it allows occur: with and without the 1h trend.
    expect(entries.every((e) => e.intent.signal!.factors.length === 3)).toBe(true);
    expect(new Set(entries.map((e) => e.intent.signal!.strength))).toEqual(new Set([0.75, 1]));
  },
});
