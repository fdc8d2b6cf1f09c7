// Historical volatility by hand and against a brute-force sample standard deviation of log returns on SOLUSDT 5m.
import { getStandardDeviation } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { maxGap, run, solBars } from '../test-support/compare.js';
import { HistoricalVolatility } from './hv.js';

const bars = solBars();

describe('historical volatility by hand', () => {
  it('annualises the sample standard deviation of log returns, in percent', () => {
    // Closes 100, 110, 99 → log returns ln 1.1 and ln 0.9; their sample σ is |ln 1.1 − ln 0.9| / √2.
    const hv = new HistoricalVolatility(2, 365, 1);
    [100, 110, 99].forEach((c) => hv.add(c));
    expect(hv.hvReady).toBe(true);
    expect(hv.isStable).toBe(false);
    expect(hv.hv).toBeCloseTo((100 * Math.abs(Math.log(1.1) - Math.log(0.9)) * Math.sqrt(365)) / Math.SQRT2, 10);
  });

  it('ranks hv against the previous `lookback` readings, strictly below', () => {
    // period 2: each hv reading is driven by the last two returns. Returns alternate widening then calm.
    const hv = new HistoricalVolatility(2, 1, 3);
    const closes = [100, 101, 100, 102, 100, 100.5, 100.5, 100.5];
    const readings: number[] = [];
    const ranks: number[] = [];
    for (const c of closes) {
      hv.add(c);
      if (hv.hvReady) readings.push(hv.hv);
      if (hv.isStable) ranks.push(hv.percentile);
    }
    expect(readings).toHaveLength(6);
    const expected = readings.slice(3).map((r, k) => (100 * readings.slice(k, k + 3).filter((p) => p < r).length) / 3);
    expect(ranks).toEqual(expected);
    // The last window is flat (100.5 three times): two zero returns, hv 0, nothing below it.
    expect(readings.at(-1)).toBe(0);
    expect(ranks.at(-1)).toBe(0);
  });
});

describe.skipIf(!bars)('historical volatility on SOLUSDT 5m', () => {
  const closes = (bars ?? []).map((b) => b.close);

  it('hv(20) equals √(n/(n−1)) × trading-signals population σ of the same returns × 100 × √105120', () => {
    const ours = run(new HistoricalVolatility(20, 105_120, 100), closes, (i) => i.hv);
    const reference = Float64Array.from(closes, (_, i) => {
      if (i < 20 + 100) return NaN;
      const returns = closes.slice(i - 20, i + 1).map((c, k, w) => (k === 0 ? NaN : Math.log(c / w[k - 1]!))).slice(1);
      return 100 * Math.sqrt(105_120) * getStandardDeviation(returns) * Math.sqrt(20 / 19);
    });
    const { gap, compared } = maxGap(ours, reference);
    expect(compared).toBe(closes.length - 120);
    expect(gap).toBeLessThan(1e-9);
  });

  it('percentile matches a brute-force rank of the previous 100 readings', () => {
    const hv = new HistoricalVolatility(20, 105_120, 100);
    const readings: number[] = [];
    let checked = 0;
    for (const c of closes) {
      hv.add(c);
      if (!hv.hvReady) continue;
      const current = hv.hv;
      if (hv.isStable) {
        const previous = readings.slice(-100);
        expect(hv.percentile).toBe((100 * previous.filter((p) => p < current).length) / 100);
        checked++;
      }
      readings.push(current);
    }
    expect(checked).toBe(closes.length - 120); // stable from the 121st close
  });
});
