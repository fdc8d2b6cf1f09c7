import { describe, expect, it } from 'vitest';
import { testContext } from '../../test-support/context.js';
import { toCandles } from './test-support/scenario.js';
import { closeLocation, factor, gatesPass, makeSignal, weightedStrength } from './signal.js';

describe('signal factors', () => {
  const factors = [factor('a', 1, true, 0.4, 0.5), factor('b', 0, false, 0.35), factor('c', 2, true, 0.25, 1)];

  it('weighs the factors that passed, and names the gates that must', () => {
    expect(weightedStrength(factors)).toBe(0.65);
    expect(weightedStrength([])).toBe(0);
    expect(gatesPass(factors, ['a', 'c'])).toBe(true);
    expect(gatesPass(factors, ['a', 'b'])).toBe(false);
    expect(gatesPass(factors, ['missing'])).toBe(false);
  });

  it('records a threshold only when there is one, and the level only when given', () => {
    expect(factors[1]).toEqual({ name: 'b', value: 0, passed: false, weight: 0.35 });
    const ctx = { symbol: 'SOLUSDT', time: 7 };
    expect(makeSignal('s', ctx, 'long', factors)).toEqual({ strategy: 's', symbol: 'SOLUSDT', time: 7, side: 'long', strength: 0.65, factors });
    expect(makeSignal('s', ctx, 'short', factors, 99).level).toBe(99);
  });

  it('places the close in its candle from the trade side', () => {
    const candles = testContext({ candles: toCandles([[100, 104, 100, 103]]) }).candles;
    expect(closeLocation(candles, 'long')).toBe(0.75);
    expect(closeLocation(candles, 'short')).toBe(0.25);
    expect(closeLocation(testContext({ candles: toCandles([[100, 100, 100, 100]]) }).candles, 'long')).toBe(0.5);
  });
});
