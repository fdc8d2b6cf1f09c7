// Volume z-score by hand and against trading-signals getZScore (population σ, rescaled to sample σ) on SOLUSDT 5m.
import { getZScore } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { bar, maxGap, run, solBars } from '../test-support/compare.js';
import { VolumeZScore } from './volz.js';

const bars = solBars();

describe('volume z-score by hand', () => {
  it('scores the bar against the previous n volumes with the sample standard deviation', () => {
    const z = new VolumeZScore(3);
    [10, 20, 30].forEach((v, i) => z.add(bar(i, { volume: v })));
    expect(z.isStable).toBe(false);
    z.add(bar(3, { volume: 50 }));
    expect(z.value).toBe(3); // mean 20, s = 10
    z.replace(bar(3, { volume: 5 }));
    expect(z.value).toBe(-1.5); // same baseline
    z.add(bar(4, { volume: 20 }));
    // baseline 20, 30, 5: mean 55/3, s² = ((5/3)² + (35/3)² + (40/3)²) / 2 = 475/3
    expect(z.value).toBeCloseTo((20 - 55 / 3) / Math.sqrt(475 / 3), 12);
  });

  it('reads 0 against a baseline without spread', () => {
    const z = new VolumeZScore(2);
    [0, 0, 7].forEach((v, i) => z.add(bar(i, { volume: v })));
    expect(z.value).toBe(0);
  });
});

describe.skipIf(!bars)('volume z-score on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const volumes = all.map((b) => b.volume);

  it('equals getZScore(previous 20, volume) × √(19/20) to 1e-9 (z crosses 0: gap against max(|a|, |b|, 1))', () => {
    const ours = run(new VolumeZScore(20), all, (i) => i.value);
    const reference = Float64Array.from(volumes, (v, i) => (i < 20 ? NaN : getZScore(volumes.slice(i - 20, i), v) * Math.sqrt(19 / 20)));
    const { gap, compared } = maxGap(ours, reference, 0, 1);
    expect(compared).toBe(all.length - 20);
    expect(gap).toBeLessThan(1e-9);
  });
});
