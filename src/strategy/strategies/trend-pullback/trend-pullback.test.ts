import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MIN, T0, runScenario, type Row } from '../../../engine/test-support/scripted.js';
import type { StrategyDefinition } from '../../api.js';
import { resolveStrategyParams } from '../../registry.js';
import { rLadderParams } from '../multitf-volume/r-ladder.js';
import { closeOf, leg, nextCandle, scaled, valuesOf } from '../multitf-volume/test-support/candle-legs.js';
import { describeOnRealSol } from '../multitf-volume/test-support/real-sol-run.js';
import { driveFlat, lastIntents, mirror } from '../shared/test-support/scenario.js';
import { trendPullback } from './index.js';

/** The target ladder's defaults (tested with the ladder). */
const LADDER_DEFAULTS = z.strictObject(rLadderParams).parse({});
const definition = trendPullback as unknown as StrategyDefinition;
const GATES = ['ribbon stacked', 'ribbon spread', 'pullback to EMA 21/34', 'continuation', 'volume / average', 'target move'];

/** 80 candles rising 0.12 from 100 (true range 1): the ribbon stacked, the EMA 8 2.8 ATR above the EMA 55, no low near the EMA 21. */
const UPTREND = leg(100, 0.12, 80);
/** Three candles down 0.3: the second and third lows reach the EMA 21; the third, 108.35, is the deepest. */
const PULLBACK = leg(closeOf(UPTREND), -0.3, 3);
/** The continuation: up 0.8 to 109.5, past the last high (109.35), on 1.5× the average volume. */
const resume = (before: readonly Row[], step = 0.8, volume = 1500): Row => nextCandle(before, step, volume, 0.1);
const SETUP: Row[] = [...UPTREND, ...PULLBACK, resume(PULLBACK)];

describe('trend-pullback parameters', () => {
  it('has defaults and refuses values out of range or out of order', () => {
    expect(resolveStrategyParams(definition, {})).toEqual({
      minRibbonSpreadAtr: 2,
      pullbackBars: 6,
      touchAtr: 0.1,
      volumePeriod: 20,
      minRelativeVolume: 1.2,
      atr: 14,
      stopBufferAtr: 0.3,
      ...LADDER_DEFAULTS,
      maxMinutes: 240,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(definition.needs).toBeUndefined();
    expect(() => resolveStrategyParams(definition, { pullbackBars: 51 })).toThrow(/pullbackBars = 51/);
    expect(() => resolveStrategyParams(definition, { target1R: 3 })).toThrow(/target1R must not exceed target2R/);
    expect(() => resolveStrategyParams(definition, { ribbon: 8 })).toThrow(/unknown parameter/);
  });
});

describe('trend-pullback entries on hand-made candles', () => {
  it('goes long when the pullback to the EMA 21 resumes on volume: stop 0.3 ATR under the pullback low, half at 1R and 2R', () => {
    const close = closeOf(SETUP);
    expect(close).toBeCloseTo(109.5, 9);
    // Stop: the pullback low 108.35 − 0.3 ATR = 108.05, 1.45 under the close.
    expect(lastIntents(trendPullback, {}, SETUP)).toEqual([
      {
        kind: 'enter',
        side: 'long',
        qty: expect.closeTo(100 / 1.45, 9),
        stopLoss: expect.closeTo(108.05, 9),
        targets: [
          { price: expect.closeTo(109.5 + 1.45, 9), fraction: 0.5 },
          { price: expect.closeTo(109.5 + 2.9, 9), fraction: 0.5 },
        ],
        reason: 'long: pullback to the EMA 21/34 resumed',
        signal: {
          strategy: 'trend-pullback',
          symbol: 'SOLUSDT',
          time: T0 + 83 * 5 * MIN,
          side: 'long',
          strength: 1,
          level: expect.closeTo(108.35, 9),
          factors: [
            { name: 'ribbon stacked', value: 1, threshold: 1, passed: true, weight: 0.15 },
            // (EMA 8 − EMA 55) / ATR of the closes, after the pullback narrowed it from 2.8.
            { name: 'ribbon spread', value: expect.closeTo(2.4219, 4), threshold: 2, passed: true, weight: 0.1 },
            // The signal candle's own low (108.5) reaches the EMA 21 again: 0 candles since the touch.
            { name: 'pullback to EMA 21/34', value: 0, threshold: 6, passed: true, weight: 0.2 },
            // 109.5 over the previous high 109.35, in ATRs.
            { name: 'continuation', value: expect.closeTo(0.15, 9), threshold: 0, passed: true, weight: 0.2 },
            { name: 'volume / average', value: 1.5, threshold: 1.2, passed: true, weight: 0.15 },
            { name: 'target move', value: expect.closeTo(2.9, 9), threshold: 2, passed: true, weight: 0.1 },
            // The pullback's candles kept at least 0.51 above the EMA 34 of their time.
            { name: 'pullback held EMA 34', value: expect.closeTo(0.5086, 4), threshold: 0, passed: true, weight: 0.1 },
          ],
        },
      },
    ]);
  });

  it('loses the EMA 34 bonus (0.1 of strength) when the pullback went through it', () => {
    // Five candles down reach under the EMA 34; a zero spread floor keeps the narrowed ribbon tradable.
    const deep = leg(closeOf(UPTREND), -0.3, 5);
    const [intent] = lastIntents(trendPullback, { minRibbonSpreadAtr: 0 }, [...UPTREND, ...deep, resume(deep)]);
    expect(intent).toMatchObject({ side: 'long', signal: { strength: 0.9 } });
    expect(valuesOf(intent)['pullback held EMA 34']).toBeLessThan(0);
  });

  it('goes short on the mirrored chart, stop above the pullback high and targets below', () => {
    const [intent] = lastIntents(trendPullback, {}, mirror(SETUP, 100));
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: expect.closeTo(200 - 108.05, 9),
      targets: [{ price: expect.closeTo(90.5 - 1.45, 9) }, { price: expect.closeTo(90.5 - 2.9, 9) }],
      signal: { side: 'short', strength: 1, level: expect.closeTo(200 - 108.35, 9) },
    });
    expect(valuesOf(intent)['ribbon spread']).toBeCloseTo(2.4219, 4);
  });

  it('does not enter when any one condition fails', () => {
    // The ribbon: six candles down pull the EMA 8 under the EMA 13 (the spread floor is lifted to isolate it).
    const deeper = leg(closeOf(UPTREND), -0.3, 6);
    expect(lastIntents(trendPullback, { minRibbonSpreadAtr: 0 }, [...UPTREND, ...deeper, resume(deeper)])).toEqual([]);
    // The spread: a rise of 0.07 a candle leaves the EMA 8 only 1.3 ATR above the EMA 55.
    const slow = leg(100, 0.07, 80);
    const slowPullback = leg(closeOf(slow), -0.3, 3);
    expect(lastIntents(trendPullback, {}, [...slow, ...slowPullback, resume(slowPullback)])).toEqual([]);
    // The pullback: the last touch was 7 candles before the signal (9 candles rising 0.2 in between).
    const away = leg(closeOf(PULLBACK), 0.2, 9);
    expect(lastIntents(trendPullback, {}, [...UPTREND, ...PULLBACK, ...away, resume(away)])).toEqual([]);
    // The continuation: a close of 109.2, under the previous high.
    expect(lastIntents(trendPullback, {}, [...UPTREND, ...PULLBACK, resume(PULLBACK, 0.5)])).toEqual([]);
    // The volume: 1.15× the average.
    expect(lastIntents(trendPullback, {}, [...UPTREND, ...PULLBACK, resume(PULLBACK, 0.8, 1150)])).toEqual([]);
    // The target move: at half the price the far target is 1.45 away, short of SOL's $2.
    expect(lastIntents(trendPullback, {}, scaled(SETUP, 0.5))).toEqual([]);
  });

  it('takes one trade per pullback: another continuation candle right after does not enter again', () => {
    const acted = driveFlat(trendPullback, {}, [...SETUP, resume(SETUP, 0.5)]).map((intents) => intents.length);
    expect(acted.slice(-2)).toEqual([1, 0]);
  });
});

describe('trend-pullback through the engine', () => {
  it('loses 1 % of equity when the stop under the pullback is hit', () => {
    const entry = closeOf(SETUP);
    const fall: Row = [entry, entry + 0.2, entry - 1.8, entry - 1.6];
    const run = runScenario([...SETUP, fall], trendPullback.create(trendPullback.params.parse({})));
    expect(run.trades).toHaveLength(1);
    // 68.9 SOL (rounded down to the 0.1 lot) from 109.5 to the 108.05 stop, no fees in the scenario.
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: entry, exitPrice: 108.05, quantity: 68.9, exitReason: 'stop-loss' });
    expect(run.trades[0]!.pnl).toBeCloseTo(-68.9 * 1.45, 6);
  });
});

describeOnRealSol(trendPullback, { minTrades: 30, gates: GATES, exitReasons: ['stop-loss', 'take-profit', 'time limit'], maxMinutes: 240 });
