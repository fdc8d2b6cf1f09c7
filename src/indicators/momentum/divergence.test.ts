// RSI divergence: hand-worked pivot examples for every kind, the range and tie rules, and a plain-array model on real bars.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { syntheticBars } from '../test-support/bars.js';
import { DivergenceDetector, RSIDivergence, type DivergenceOptions } from './divergence.js';
import { RSI } from './rsi.js';
import { bars, ours } from './test-support/compare.js';

const KINDS = ['regularBullish', 'regularBearish', 'hiddenBullish', 'hiddenBearish'] as const;
type Kind = (typeof KINDS)[number];

/** Feeds oscillator values with bar lows and highs; returns, per kind, the bars whose flag is 1. */
function flagged(options: DivergenceOptions, osc: number[], lows: number[], highs: number[]): Record<Kind, number[]> {
  const detector = new DivergenceDetector(options);
  const found: Record<Kind, number[]> = { regularBullish: [], regularBearish: [], hiddenBullish: [], hiddenBearish: [] };
  osc.forEach((x, i) => {
    detector.add(x, lows[i]!, highs[i]!);
    for (const kind of KINDS) if (detector[kind] === 1) found[kind].push(i);
  });
  return found;
}

const none: Record<Kind, number[]> = { regularBullish: [], regularBearish: [], hiddenBullish: [], hiddenBearish: [] };
const opts = (rangeMin = 3, rangeMax = 10): DivergenceOptions => ({ left: 2, right: 2, rangeMin, rangeMax });
const mirror = (values: number[], around: number) => values.map((v) => around - v);

// Pivot lows (left 2, right 2) of this oscillator: bar 2 (30; confirmed at bar 4) and bar 7 (35; confirmed at
// bar 9), 5 bars apart. Its one pivot high, bar 5 (50), has no earlier high to compare with.
const OSC = [50, 40, 30, 35, 45, 50, 40, 35, 38, 42, 48];
const lowsWith = (atPivot2: number, atPivot7: number) => OSC.map((_, i) => (i === 2 ? atPivot2 : i === 7 ? atPivot7 : 120));
const HIGHS = OSC.map(() => 130);

describe('DivergenceDetector, hand-worked (left 2, right 2)', () => {
  it('regular bullish: price lower low (100 → 95) with oscillator higher low (30 → 35), flagged on the confirming bar 9', () => {
    expect(flagged(opts(), OSC, lowsWith(100, 95), HIGHS)).toEqual({ ...none, regularBullish: [9] });
  });

  it('hidden bullish: price higher low (100 → 105) with oscillator lower low (30 → 25)', () => {
    const osc = OSC.map((v, i) => (i === 7 ? 25 : v));
    expect(flagged(opts(), osc, lowsWith(100, 105), HIGHS)).toEqual({ ...none, hiddenBullish: [9] });
  });

  it('no divergence when price and oscillator agree (both make a higher low)', () => {
    expect(flagged(opts(), OSC, lowsWith(100, 105), HIGHS)).toEqual(none);
  });

  it('regular and hidden bearish are the mirror images: pivot highs of the oscillator against bar highs', () => {
    const osc = mirror(OSC, 100);
    const lows = osc.map(() => 10);
    // Oscillator highs 70 → 65 (lower high); price highs 100 → 105 is regular, 100 → 95 with 70 → 75 hidden.
    expect(flagged(opts(), osc, lows, mirror(lowsWith(100, 95), 200))).toEqual({ ...none, regularBearish: [9] });
    const hidden = mirror(OSC.map((v, i) => (i === 7 ? 25 : v)), 100);
    expect(flagged(opts(), hidden, lows, mirror(lowsWith(100, 105), 200))).toEqual({ ...none, hiddenBearish: [9] });
  });

  it('compares pivots only when they lie rangeMin to rangeMax bars apart (here 5, bounds inclusive)', () => {
    const lows = lowsWith(100, 95);
    expect(flagged(opts(5, 5), OSC, lows, HIGHS).regularBullish).toEqual([9]);
    expect(flagged(opts(6, 10), OSC, lows, HIGHS).regularBullish).toEqual([]);
    expect(flagged(opts(1, 4), OSC, lows, HIGHS).regularBullish).toEqual([]);
  });

  it('takes the first bar of a flat bottom as the pivot, so the flag comes right bars after it', () => {
    // Flat bottom at bars 7 and 8 (32, 32): bar 7 is the pivot (confirmed at 9), bar 8 is not (its left neighbour ties).
    const osc = [50, 40, 30, 35, 45, 50, 40, 32, 32, 40, 48, 50];
    const lows = osc.map((_, i) => (i === 2 ? 100 : i === 7 ? 95 : i === 8 ? 90 : 120));
    expect(flagged(opts(), osc, lows, osc.map(() => 130))).toEqual({ ...none, regularBullish: [9] });
  });

  it('an out-of-range pivot still becomes the one the next pivot is compared with', () => {
    // Pivot lows at bars 2 (30), 9 (35) and 14 (40): 2 → 9 is 7 apart, out of range 3..6; 9 → 14 is 5 apart.
    // Lows 80, 100, 95: bar 14 against bar 9 is a lower low on a higher RSI low (flag at 14 + 2 = 16); against
    // bar 2 it would have been a higher low, no divergence.
    const osc = [50, 40, 30, 35, 45, 50, 55, 50, 45, 35, 45, 50, 55, 45, 40, 45, 50];
    const lows = osc.map((_, i) => (i === 2 ? 80 : i === 9 ? 100 : i === 14 ? 95 : 120));
    expect(flagged(opts(3, 6), osc, lows, osc.map(() => 130))).toEqual({ ...none, regularBullish: [16] });
  });

  it('replace() redoes the latest bar exactly', () => {
    const detector = new DivergenceDetector(opts());
    const lows = lowsWith(100, 95);
    OSC.slice(0, 9).forEach((x, i) => detector.add(x, lows[i]!, 130));
    detector.add(30, 1, 130); // a forming bar 9 that breaks the pivot at 7 (30 < 35)
    expect(detector.regularBullish).toBe(0);
    detector.replace(OSC[9]!, lows[9]!, 130);
    expect(detector.regularBullish).toBe(1);
  });

  it('rejects bad options', () => {
    expect(() => new DivergenceDetector({ left: 0, right: 5, rangeMin: 5, rangeMax: 60 })).toThrow(/left/);
    expect(() => new DivergenceDetector({ left: 5, right: 5, rangeMin: 9, rangeMax: 8 })).toThrow(/rangeMin/);
  });
});

/** The same rules written over whole arrays (RSI pivots, previous pivot of a kind, range), as a model. */
function model(rows: readonly Bar[], period: number, { left, right, rangeMin, rangeMax }: DivergenceOptions): Record<Kind, number[]> {
  const rsi = new RSI(period);
  const osc = rows.map((b) => {
    rsi.add(b.close);
    return rsi.isStable ? rsi.value : NaN;
  });
  const found: Record<Kind, number[]> = { regularBullish: [], regularBearish: [], hiddenBullish: [], hiddenBearish: [] };
  let lastLow = -1;
  let lastHigh = -1;
  for (let t = 0; t < rows.length; t++) {
    const p = t - right;
    if (p - left < 0 || Number.isNaN(osc[p - left]!)) continue;
    const x = osc[p]!;
    const before = osc.slice(p - left, p);
    const after = osc.slice(p + 1, t + 1);
    if (before.every((v) => v > x) && after.every((v) => v >= x)) {
      if (lastLow >= 0 && p - lastLow >= rangeMin && p - lastLow <= rangeMax) {
        if (rows[p]!.low < rows[lastLow]!.low && x > osc[lastLow]!) found.regularBullish.push(t);
        if (rows[p]!.low > rows[lastLow]!.low && x < osc[lastLow]!) found.hiddenBullish.push(t);
      }
      lastLow = p;
    }
    if (before.every((v) => v < x) && after.every((v) => v <= x)) {
      if (lastHigh >= 0 && p - lastHigh >= rangeMin && p - lastHigh <= rangeMax) {
        if (rows[p]!.high > rows[lastHigh]!.high && x < osc[lastHigh]!) found.regularBearish.push(t);
        if (rows[p]!.high < rows[lastHigh]!.high && x > osc[lastHigh]!) found.hiddenBearish.push(t);
      }
      lastHigh = p;
    }
  }
  return found;
}

describe('rsidiv against the plain-array model', () => {
  const cases: Array<[string, Bar[] | undefined]> = [
    ['real SOLUSDT 5m bars', bars],
    ['synthetic bars', syntheticBars(3000)],
  ];
  for (const [label, rows] of cases) {
    it.skipIf(!rows)(`flags the same bars on ${label}, with every kind present`, () => {
      const params = [14, 5, 5, 5, 60];
      const outputs = ours('rsidiv', params, rows!);
      const expected = model(rows!, 14, { left: 5, right: 5, rangeMin: 5, rangeMax: 60 });
      KINDS.forEach((kind, k) => {
        const got = [...outputs[k]!].flatMap((v, i) => (v === 1 ? [i] : []));
        expect(got, kind).toEqual(expected[kind]);
        expect(got.length, kind).toBeGreaterThan(5);
      });
      expect(new RSIDivergence().getResult()).toBeUndefined();
    });
  }
});
