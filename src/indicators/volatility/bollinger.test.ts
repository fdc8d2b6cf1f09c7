// Bollinger Bands against trading-signals and technicalindicators on real SOLUSDT 5m bars, plus a worked example.
import { BollingerBands as TiBB } from 'technicalindicators';
import { BollingerBands as TsBB, BollingerBandsWidth as TsBBW, PercentB as TsPB } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { NotStableError } from '../contract.js';
import { BollingerBands } from './bollinger.js';
import { alignEnd, maxGap, run, runLib, solBars } from '../test-support/compare.js';

const bars = solBars();

describe('Bollinger Bands by hand', () => {
  it('uses the population standard deviation: closes 1, 2, 3, 4 with k = 2', () => {
    const bb = new BollingerBands(4, 2);
    [1, 2, 3].forEach((c) => bb.add(c));
    expect(() => bb.upper).toThrow(NotStableError);
    bb.add(4);
    // mean 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
    expect(bb.middle).toBe(2.5);
    expect(bb.upper).toBeCloseTo(2.5 + 2 * Math.sqrt(1.25), 14);
    expect(bb.lower).toBeCloseTo(2.5 - 2 * Math.sqrt(1.25), 14);
    expect(bb.bandwidth).toBeCloseTo((4 * Math.sqrt(1.25)) / 2.5, 14);
    expect(bb.percentB).toBeCloseTo((4 - bb.lower) / (4 * Math.sqrt(1.25)), 14);
  });

  it('collapses onto a flat window exactly: σ = 0, bandwidth 0, %B 0.5', () => {
    const bb = new BollingerBands(3, 2);
    [5, 7, 7.1, 7.1, 7.1].forEach((c) => bb.add(c));
    expect(bb.getResultOrThrow()).toEqual({ upper: 7.1, middle: 7.1, lower: 7.1, bandwidth: 0, percentB: 0.5 });
  });

  it('replace() swaps the forming close for another', () => {
    const a = new BollingerBands(3, 2);
    const b = new BollingerBands(3, 2);
    [1, 5, 2, 8].forEach((c) => a.add(c));
    [1, 5, 2, 3].forEach((c) => b.add(c));
    b.replace(100);
    b.replace(8);
    expect(b.getResultOrThrow()).toEqual(a.getResultOrThrow());
  });
});

describe.skipIf(!bars)('Bollinger Bands against the libraries on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const closes = all.map((b) => b.close);
  const n = closes.length;
  const ours = {
    upper: run(new BollingerBands(20, 2), closes, (i) => i.upper),
    middle: run(new BollingerBands(20, 2), closes, (i) => i.middle),
    lower: run(new BollingerBands(20, 2), closes, (i) => i.lower),
    bandwidth: run(new BollingerBands(20, 2), closes, (i) => i.bandwidth),
    percentB: run(new BollingerBands(20, 2), closes, (i) => i.percentB),
  };

  it('bands equal trading-signals BollingerBands (both population σ) to 1e-9 relative', () => {
    const ts = new TsBB(20, 2);
    const results = closes.map((c) => ts.add(c));
    for (const key of ['upper', 'middle', 'lower'] as const) {
      const theirs = runLib(results, (r) => r, (r) => r[key]);
      const { gap, compared } = maxGap(ours[key], theirs);
      expect(compared, key).toBe(n - 19);
      expect(gap, key).toBeLessThan(1e-9);
    }
  });

  it('bandwidth equals trading-signals BollingerBandsWidth and %B equals its PercentB', () => {
    const bbw = new TsBBW(new TsBB(20, 2));
    const pb = new TsPB({ interval: 20, deviationMultiplier: 2 });
    const width = runLib(closes, (c) => bbw.add(c), (r) => r);
    const percent = runLib(closes, (c) => pb.add(c), (r) => r);
    expect(maxGap(ours.bandwidth, width).gap).toBeLessThan(1e-9);
    // %B crosses 0, so its gap is taken against max(|a|, |b|, 1): 1e-9 absolute near 0.
    expect(maxGap(ours.percentB, percent, 0, 1)).toMatchObject({ compared: n - 19 });
    expect(maxGap(ours.percentB, percent, 0, 1).gap).toBeLessThan(1e-9);
  });

  it('bands and %B equal technicalindicators BollingerBands', () => {
    const ti = TiBB.calculate({ period: 20, stdDev: 2, values: closes });
    for (const key of ['upper', 'middle', 'lower'] as const) {
      const theirs = alignEnd(ti.map((r) => r[key]), n);
      expect(maxGap(ours[key], theirs).gap, key).toBeLessThan(1e-9);
    }
    expect(maxGap(ours.percentB, alignEnd(ti.map((r) => r.pb), n), 0, 1).gap).toBeLessThan(1e-9);
  });
});
