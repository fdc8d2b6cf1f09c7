// Volume delta and CVD on hand-worked trade sequences: candle boundaries, late trades, clock closes, CVD resets.
import { describe, expect, it } from 'vitest';
import { candleOpenTime } from './candle-buckets.js';
import { CumulativeDelta, VolumeDelta, type DeltaCandle } from './delta.js';
import { trade } from './test-support/trades.js';

const MINUTE = 60_000;

describe('candleOpenTime', () => {
  it('floors to the UTC-aligned candle', () => {
    expect(candleOpenTime(0, MINUTE)).toBe(0);
    expect(candleOpenTime(59_999, MINUTE)).toBe(0);
    expect(candleOpenTime(60_000, MINUTE)).toBe(60_000);
    expect(candleOpenTime(Date.UTC(2024, 7, 8, 23, 54, 16, 322), 5 * MINUTE)).toBe(Date.UTC(2024, 7, 8, 23, 50));
  });
});

describe('VolumeDelta', () => {
  it('sums buy and sell taker volume per candle and closes a candle on the first trade of a later one', () => {
    const delta = new VolumeDelta(MINUTE);
    expect(delta.add(trade(0, 'buy', 1))).toBeUndefined();
    expect(delta.add(trade(10_000, 'sell', 0.4))).toBeUndefined();
    expect(delta.add(trade(59_999, 'buy', 0.5))).toBeUndefined();
    expect(delta.formingDelta).toBeCloseTo(1.1, 12);
    // Running delta inside candle 0: 1, 0.6, 1.1.
    const first = delta.add(trade(60_000, 'sell', 2));
    expect(first).toEqual<DeltaCandle>({ openTime: 0, buyVolume: 1.5, sellVolume: 0.4, delta: 1.5 - 0.4, minDelta: 1 - 0.4, maxDelta: 1 - 0.4 + 0.5, trades: 3, cvd: 1 - 0.4 + 0.5 });
    // The minute from 120 000 has no trade: no candle for it.
    const second = delta.add(trade(185_000, 'buy', 0.3));
    expect(second).toMatchObject({ openTime: 60_000, buyVolume: 0, sellVolume: 2, delta: -2, minDelta: -2, maxDelta: -2, trades: 1 });
    expect(second?.cvd).toBeCloseTo(-0.9, 12);
    const last = delta.flush();
    expect(last).toMatchObject({ openTime: 180_000, buyVolume: 0.3, delta: 0.3, trades: 1 });
    expect(last?.cvd).toBeCloseTo(-0.6, 12);
    expect(delta.flush()).toBeUndefined();
    expect(delta.count).toBe(5);
    expect(delta.lateTrades).toBe(0);
  });

  it('counts a late trade in the forming candle, never in a closed one', () => {
    const delta = new VolumeDelta(MINUTE);
    delta.add(trade(5_000, 'buy', 1));
    delta.add(trade(65_000, 'buy', 1));
    delta.add(trade(30_000, 'sell', 4)); // belongs to minute 0, which is closed
    expect(delta.lateTrades).toBe(1);
    expect(delta.flush()).toMatchObject({ openTime: 60_000, buyVolume: 1, sellVolume: 4, delta: -3, trades: 2 });
  });

  it('closes the forming candle when the clock passes its end, and a straggler opens the next one', () => {
    const delta = new VolumeDelta(MINUTE);
    delta.add(trade(70_000, 'sell', 1));
    expect(delta.advanceTo(119_999)).toBeUndefined();
    expect(delta.advanceTo(120_000)).toMatchObject({ openTime: 60_000, delta: -1 });
    expect(Number.isNaN(delta.formingOpenTime)).toBe(true);
    delta.add(trade(110_000, 'buy', 2)); // late: minute 60 000 is closed
    expect(delta.formingOpenTime).toBe(120_000);
    expect(delta.lateTrades).toBe(1);
    expect(delta.flush()).toMatchObject({ openTime: 120_000, delta: 2, cvd: 1 });
  });

  it('rejects a timeframe that is not a positive integer of ms', () => {
    expect(() => new VolumeDelta(0)).toThrow(/timeframeMs/);
    expect(() => new VolumeDelta(1.5)).toThrow(/timeframeMs/);
  });
});

describe('CumulativeDelta', () => {
  it('is the running sum of signed taker size', () => {
    const cvd = new CumulativeDelta();
    for (const [side, size] of [['buy', 2], ['sell', 0.5], ['sell', 3], ['buy', 1]] as const) cvd.add(trade(0, side, size));
    expect(cvd.value).toBe(2 - 0.5 - 3 + 1);
    expect(cvd.count).toBe(4);
  });

  it('restarts at each UTC day when anchored', () => {
    const day = 86_400_000;
    const cvd = new CumulativeDelta(day);
    cvd.add(trade(day - 1, 'buy', 5));
    expect(cvd.value).toBe(5);
    cvd.add(trade(day, 'sell', 2));
    expect(cvd.value).toBe(-2);
    cvd.add(trade(day + 1000, 'buy', 1));
    expect(cvd.value).toBe(-1);
  });
});
