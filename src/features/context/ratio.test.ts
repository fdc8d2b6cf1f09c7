import { describe, expect, it } from 'vitest';
import { NotStableError } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { alignByTime } from './align.js';
import type { PricePair } from './correlation.js';
import { PriceRatio } from './ratio.js';

const pair = (time: number, a: number, b: number): PricePair => ({ time, a, b });

describe('PriceRatio by hand', () => {
  it('ratios 2, 4, 6 over 3: mean 4, std √(8/3), z √1.5; then 4 slides in: z = −1/√2', () => {
    const r = new PriceRatio(3);
    r.add(pair(0, 20, 10));
    r.add(pair(1, 40, 10));
    expect(r.isStable).toBe(false);
    expect(() => r.zscore).toThrow(NotStableError);
    r.add(pair(2, 60, 10));
    expect(r.ratio).toBe(6);
    expect(r.mean).toBe(4);
    expect(r.std).toBeCloseTo(Math.sqrt(8 / 3), 14);
    expect(r.zscore).toBeCloseTo(Math.sqrt(1.5), 14);
    r.add(pair(3, 80, 20)); // window 4, 6, 4
    expect(r.mean).toBeCloseTo(14 / 3, 14);
    expect(r.zscore).toBeCloseTo(-1 / Math.SQRT2, 14);
  });

  it('a ratio that does not move has z-score 0', () => {
    const r = new PriceRatio(2);
    r.add(pair(0, 30, 15));
    r.add(pair(1, 60, 30));
    expect(r.getResultOrThrow()).toEqual({ ratio: 2, mean: 2, std: 0, zscore: 0 });
  });

  it('replace() restores the slot it overwrote', () => {
    const straight = new PriceRatio(3);
    const replaced = new PriceRatio(3);
    const pairs = [pair(0, 5, 1), pair(1, 7, 2), pair(2, 9, 4), pair(3, 11, 3), pair(4, 2, 1)];
    for (const p of pairs) {
      straight.add(p);
      replaced.add({ ...p, a: p.a + 100 });
      replaced.replace({ ...p, b: p.b + 3 });
      replaced.replace(p);
      expect(replaced.getResult()).toEqual(straight.getResult());
    }
  });
});

const ETH = realBars(Infinity, 'candles/bybit-linear_ETHUSDT_5m_2025-09-24_2026-03-31.csv');
const SOL = realBars(Infinity, 'candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');

describe.skipIf(!ETH || !SOL)('ETH/SOL, 5m, 2025-09-24 → 2026-03-31', () => {
  it('z-score over a day (288 bars) equals a direct computation, and stays in a sane range', () => {
    const pairs = alignByTime(ETH!, SOL!);
    const w = 288;
    const r = new PriceRatio(w);
    let worst = 0;
    let maxAbs = 0;
    let ratioMin = Infinity;
    let ratioMax = -Infinity;
    for (let i = 0; i < pairs.length; i++) {
      r.add(pairs[i]!);
      if (i < w - 1) continue;
      const window = pairs.slice(i - w + 1, i + 1).map((p) => p.a / p.b);
      const mean = window.reduce((s, x) => s + x, 0) / w;
      const std = Math.sqrt(window.reduce((s, x) => s + (x - mean) ** 2, 0) / w);
      worst = Math.max(worst, Math.abs(r.zscore - (window[w - 1]! - mean) / std));
      maxAbs = Math.max(maxAbs, Math.abs(r.zscore));
      ratioMin = Math.min(ratioMin, r.ratio);
      ratioMax = Math.max(ratioMax, r.ratio);
    }
    expect(worst).toBeLessThan(1e-9);
    // A z-score over n values is bounded by (n − 1)/√n ≈ 16.9 for n = 288.
    expect(maxAbs).toBeLessThan((w - 1) / Math.sqrt(w));
    expect(maxAbs).toBeGreaterThan(3);
    // ETH/SOL moved between 19.06 and 25.86 over the span.
    expect(ratioMin).toBeGreaterThan(19);
    expect(ratioMax).toBeLessThan(26);
  });
});
