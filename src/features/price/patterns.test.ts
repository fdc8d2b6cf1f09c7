// Candle patterns on textbook examples (and near misses), and every real SOLUSDT detection checked against the written rule.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { CandlePatterns, type PatternResult } from './patterns.js';
import { table } from './test-support/candles.js';

/** Patterns on the last row, after two quiet lead-in bars so the detector is stable. */
function last(rows: Array<[number, number, number, number]>): PatternResult {
  const patterns = new CandlePatterns();
  const lead: Array<[number, number, number, number]> = [
    [50, 50.5, 49.5, 50.2],
    [50.2, 50.6, 49.9, 50],
  ];
  for (const bar of table([...lead, ...rows])) patterns.add(bar);
  return patterns.getResultOrThrow();
}

describe('CandlePatterns', () => {
  it('engulfing: an opposite body that covers the previous one and is longer', () => {
    expect(last([[10, 10.2, 8.8, 9], [8.9, 10.4, 8.8, 10.3]]).engulfing).toBe(1);
    expect(last([[9, 10.2, 8.8, 10], [10.1, 10.2, 8.6, 8.7]]).engulfing).toBe(-1);
    expect(last([[10, 10.2, 8.8, 9], [9, 10.1, 8.9, 10]]).engulfing).toBe(0); // same body length
    expect(last([[10, 10.2, 8.8, 9], [9.2, 10.6, 9.1, 10.5]]).engulfing).toBe(0); // opens inside the body
    expect(last([[9, 10.2, 8.8, 10], [9.5, 11, 8, 10.8]]).engulfing).toBe(0); // same colour
  });

  it('pin bar: a wick of at least 2/3 of the range and twice the body (hammer +1, shooting star −1)', () => {
    expect(last([[10, 10.15, 9, 10.1]]).pinBar).toBe(1); // hammer: lower wick 1.0 of 1.15
    expect(last([[10, 11, 9.85, 9.9]]).pinBar).toBe(-1); // shooting star: upper wick 1.0 of 1.15
    expect(last([[10, 10, 9, 10]]).pinBar).toBe(1); // dragonfly doji
    expect(last([[10, 10.6, 9, 10.3]]).pinBar).toBe(0); // lower wick 1.0 of 1.6 is under 2/3
    expect(last([[10, 10, 10, 10]]).pinBar).toBe(0); // no range
  });

  it('inside bar: within the mother bar, signed by where it closes in the mother bar', () => {
    expect(last([[8, 12, 8, 11.5], [10, 11, 9, 10.5]]).insideBar).toBe(1); // closes above the mother's middle (10)
    expect(last([[8, 12, 8, 11.5], [10, 11, 9, 9.5]]).insideBar).toBe(-1);
    expect(last([[8, 12, 8, 11.5], [10, 12, 8, 10.5]]).insideBar).toBe(0); // same range: not inside
    expect(last([[8, 12, 8, 11.5], [10, 12.5, 9, 10.5]]).insideBar).toBe(0); // breaks the mother's high
  });

  it('three white soldiers and three black crows', () => {
    const soldiers: Array<[number, number, number, number]> = [
      [10, 11.05, 9.95, 11],
      [10.5, 12.05, 10.4, 12],
      [11.5, 13.05, 11.4, 13],
    ];
    expect(last(soldiers).three).toBe(1);
    const crows = soldiers.map(([o, h, l, c]): [number, number, number, number] => [30 - o, 30 - l, 30 - h, 30 - c]);
    expect(last(crows).three).toBe(-1);
    // A long upper wick on the last soldier (closing far from its high) breaks the pattern.
    expect(last([...soldiers.slice(0, 2), [11.5, 14.5, 11.4, 13]]).three).toBe(0);
    // Opening above the previous close (a gap) breaks it too.
    expect(last([...soldiers.slice(0, 2), [12.1, 13.05, 12.05, 13]]).three).toBe(0);
  });

  it('is stable from the third bar and replaces exactly', () => {
    const patterns = new CandlePatterns();
    const bars = table([[10, 10.2, 8.8, 9], [10, 10.2, 8.8, 9], [8.9, 10.4, 8.8, 10.3]]);
    patterns.add(bars[0]!);
    patterns.add(bars[1]!);
    expect(patterns.getResult()).toBeUndefined();
    patterns.add({ ...bars[2]!, close: 9 });
    patterns.replace(bars[2]!);
    expect(patterns.getResultOrThrow()).toEqual({ engulfing: 1, pinBar: 0, insideBar: 0, three: 0 });
  });
});

const real = realBars(20_000);

describe.skipIf(!real)('CandlePatterns on real SOLUSDT 5m bars', () => {
  it('flags exactly the bars a direct check of each rule flags', () => {
    const body = (b: Bar) => b.close - b.open;
    const counts = { engulfing: 0, pinBar: 0, insideBar: 0, three: 0 };
    const patterns = new CandlePatterns();
    real!.forEach((bar, t) => {
      patterns.add(bar);
      const r = patterns.getResult();
      if (!r) return;
      const prev = real![t - 1]!;
      const engulfs = Math.abs(body(bar)) > Math.abs(body(prev)) && Math.min(bar.open, bar.close) <= Math.min(prev.open, prev.close) && Math.max(bar.open, bar.close) >= Math.max(prev.open, prev.close);
      expect(r.engulfing).toBe(engulfs && body(prev) < 0 && body(bar) > 0 ? 1 : engulfs && body(prev) > 0 && body(bar) < 0 ? -1 : 0);
      const range = bar.high - bar.low;
      const lower = Math.min(bar.open, bar.close) - bar.low;
      const upper = bar.high - Math.max(bar.open, bar.close);
      const hammer = range > 0 && lower >= (2 / 3) * range && lower >= 2 * Math.abs(body(bar));
      const star = range > 0 && upper >= (2 / 3) * range && upper >= 2 * Math.abs(body(bar));
      expect(r.pinBar).toBe(hammer ? 1 : star ? -1 : 0);
      const inside = bar.high <= prev.high && bar.low >= prev.low && range < prev.high - prev.low;
      expect(r.insideBar).toBe(inside ? (bar.close >= (prev.high + prev.low) / 2 ? 1 : -1) : 0);
      if (r.three !== 0) {
        const run = real!.slice(t - 2, t + 1);
        expect(run.every((b) => Math.sign(body(b)) === r.three)).toBe(true);
        expect(run.every((b, i) => i === 0 || Math.sign(b.close - run[i - 1]!.close) === r.three)).toBe(true);
      }
      for (const key of Object.keys(counts) as Array<keyof typeof counts>) if (r[key] !== 0) counts[key]++;
    });
    // Counts over the first 20 000 bars (2025-09-24 → 2025-12-02).
    expect(counts).toEqual({ engulfing: 4738, pinBar: 2248, insideBar: 3153, three: 173 });
  });
});
