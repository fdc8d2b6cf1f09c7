// Exposure as the union of holding intervals: overlapping trades count once, the period clips the rest.
import { describe, expect, it } from 'vitest';
import { exposureMs, exposurePct } from './exposure.js';
import { trade } from './test-support/fixtures.js';

const held = (entryTime: number, exitTime: number) => trade({ entryTime, exitTime });

describe('exposure', () => {
  it('merges overlapping trades and adds separate ones', () => {
    // [10, 30] ∪ [20, 40] ∪ [12, 15] = [10, 40] → 30; [60, 70] → 10; total 40 of 100.
    const trades = [held(60, 70), held(10, 30), held(20, 40), held(12, 15)];
    expect(exposureMs(trades, 0, 100)).toBe(40);
    expect(exposurePct(trades, 0, 100)).toBe(40);
  });

  it('joins trades that touch end to start', () => {
    expect(exposureMs([held(10, 20), held(20, 30)], 0, 100)).toBe(20);
  });

  it('clips trades to the period and ignores zero-length ones', () => {
    // [−10, 5] → [0, 5]; [90, 120] → [90, 100]; [50, 50] holds nothing.
    expect(exposureMs([held(-10, 5), held(90, 120), held(50, 50)], 0, 100)).toBe(15);
  });

  it('is 0 without trades or for an empty period, and 100 when always in the market', () => {
    expect(exposurePct([], 0, 100)).toBe(0);
    expect(exposurePct([held(0, 10)], 5, 5)).toBe(0);
    expect(exposurePct([held(-5, 200)], 0, 100)).toBe(100);
  });
});
