// Volume divergence by hand and against a brute-force reading of the rule on SOLUSDT 5m (no library has it).
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { bar, solBars } from '../test-support/compare.js';
import { VolumeDivergence } from './voldiv.js';

const bars = solBars();

function feed(period: number, input: readonly Bar[]): number[] {
  const div = new VolumeDivergence(period);
  return input.map((b) => (div.add(b), div.isStable ? div.value : NaN));
}

describe('volume divergence by hand', () => {
  const base = [bar(0, { high: 10, low: 8, volume: 100 }), bar(1, { high: 11, low: 9, volume: 100 }), bar(2, { high: 10.5, low: 8.5, volume: 100 })];

  it('+1 for a new high on volume below the average of the previous n bars', () => {
    expect(feed(3, [...base, bar(3, { high: 12, low: 10, volume: 60 })]).at(-1)).toBe(1);
  });

  it('0 for a new high on volume at or above the average, or a high that only equals the old one', () => {
    expect(feed(3, [...base, bar(3, { high: 12, low: 10, volume: 100 })]).at(-1)).toBe(0);
    expect(feed(3, [...base, bar(3, { high: 11, low: 10, volume: 10 })]).at(-1)).toBe(0);
  });

  it('−1 for a new low on weak volume; 0 for an outside bar that makes both', () => {
    expect(feed(3, [...base, bar(3, { high: 9, low: 7, volume: 50 })]).at(-1)).toBe(-1);
    expect(feed(3, [...base, bar(3, { high: 12, low: 7, volume: 50 })]).at(-1)).toBe(0);
  });

  it('is unstable for the first n bars and compares with the previous n only', () => {
    const input = [...base, bar(3, { high: 10.8, low: 9, volume: 50 })];
    const out = feed(2, input);
    expect(out.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(out[2]).toBe(0);
    expect(out[3]).toBe(0); // 10.8 is below 11, the higher of the previous two highs
    expect(feed(1, input)[3]).toBe(1); // but above 10.5, the previous bar's high
  });
});

describe.skipIf(!bars)('volume divergence on SOLUSDT 5m', () => {
  it('equals the rule applied by brute force, and fires both ways', () => {
    const all = bars ?? [];
    const ours = feed(20, all);
    let highs = 0;
    let lows = 0;
    for (let i = 20; i < all.length; i++) {
      const previous = all.slice(i - 20, i);
      const b = all[i]!;
      const weak = b.volume < previous.reduce((s, p) => s + p.volume, 0) / 20;
      const newHigh = b.high > Math.max(...previous.map((p) => p.high));
      const newLow = b.low < Math.min(...previous.map((p) => p.low));
      const expected = weak && newHigh && !newLow ? 1 : weak && newLow && !newHigh ? -1 : 0;
      expect(ours[i], `bar ${i}`).toBe(expected);
      if (expected === 1) highs++;
      if (expected === -1) lows++;
    }
    expect(highs).toBeGreaterThan(10);
    expect(lows).toBeGreaterThan(10);
  });
});
