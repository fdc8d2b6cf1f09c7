// Supertrend and parabolic SAR against the libraries on real SOLUSDT 5m bars, plus hand-worked cases.
import { describe, expect, it } from 'vitest';
import { PSAR as TiPSAR } from 'technicalindicators';
import { SuperTrend as TsSuperTrend } from 'trading-signals';
import { realBars } from '../test-support/bars.js';
import { ATR } from '../volatility/atr.js';
import { burnIn, relativeGap } from '../test-support/compare.js';
import { PSAR } from './psar.js';
import { Supertrend } from './supertrend.js';

const TOLERANCE = 1e-9;
const bars = realBars(3000);
const bar = (high: number, low: number, close = (high + low) / 2) => ({ time: 0, open: close, high, low, close, volume: 1 });

describe.skipIf(!bars)('on real SOLUSDT 5m bars', () => {
  it('Supertrend(10, 3) equals trading-signals once the ATR seeds agree', () => {
    // Same band and flip rules. trading-signals' ATR also averages bar 1's high − low (ours skips it, as TA-Lib),
    // so its first value is one bar earlier and its ATR differs by a gap that shrinks by 9/10 per bar; a band
    // carries a difference until it resets, so the comparison starts 50 bars after that gap is below 1e-12.
    const from = burnIn(1 / 10) + 50;
    const theirs = new TsSuperTrend({ interval: 10, multiplier: 3 });
    const ours = new Supertrend(10, 3);
    let compared = 0;
    const directions = new Set<number>();
    bars!.forEach((b, i) => {
      const r = theirs.add(b);
      ours.add(b);
      if (i < from || !r) return;
      expect(relativeGap(ours.value, r.supertrend), `value at ${i}`).toBeLessThan(TOLERANCE);
      expect(ours.direction, `direction at ${i}`).toBe(r.trend === 'BULLISH' ? 1 : -1);
      directions.add(ours.direction);
      compared++;
    });
    expect(compared).toBeGreaterThan(2000);
    expect(directions.size).toBe(2);
  });

  it('Supertrend starts on bar n + 1 at hl2 + m·ATR in a down trend, and its band only ratchets toward price within a trend', () => {
    const ours = new Supertrend(10, 3);
    const atr = new ATR(10);
    let last = { value: NaN, direction: 0 };
    bars!.forEach((b, i) => {
      ours.add(b);
      atr.add(b);
      if (i < 10) return expect(ours.isStable).toBe(false);
      const now = ours.getResultOrThrow();
      if (i === 10) expect(now).toEqual({ value: (b.high + b.low) / 2 + 3 * atr.value, direction: -1 });
      if (now.direction === last.direction) expect(now.direction * (now.value - last.value)).toBeGreaterThanOrEqual(0);
      if (now.direction === 1) expect(b.close).toBeGreaterThanOrEqual(now.value);
      last = now;
    });
  });

  it("PSAR with { reverseOnTouch: false } equals technicalindicators once both have reversed on the same bar", () => {
    // Definitional differences: technicalindicators starts long on bar 1 (SAR = bar 1's low) and raises the
    // acceleration on bar 2's new high, where TA-Lib (our rules) picks the first direction from bar 2's −DM and
    // gives its first value on bar 2; and it reverses only when price crosses the SAR, TA-Lib also on a touch.
    // A reversal resets the whole state (SAR = extreme, step, new extreme), so after the first shared
    // reversal the two agree on every bar.
    const theirs = TiPSAR.calculate({ high: bars!.map((b) => b.high), low: bars!.map((b) => b.low), step: 0.02, max: 0.2 });
    const ours = new PSAR(0.02, 0.2, { reverseOnTouch: false });
    let lastMismatch = -1;
    bars!.forEach((b, i) => {
      ours.add(b);
      if (!ours.isStable || relativeGap(ours.sar, theirs[i]!) >= TOLERANCE) lastMismatch = i;
    });
    expect(theirs).toHaveLength(bars!.length);
    expect(lastMismatch).toBeLessThan(50);
  });

  it('the default PSAR (TA-Lib: a touch reverses) differs from the strict-cross rule on tick prices, and never sits inside a bar', () => {
    const touch = new PSAR();
    const cross = new PSAR(0.02, 0.2, { reverseOnTouch: false });
    let differ = 0;
    for (const b of bars!) {
      touch.add(b);
      cross.add(b);
      if (!touch.isStable) continue;
      if (touch.direction !== cross.direction) differ++;
      // Strictly outside while a trend holds, at most on the bar's extreme on a reversal bar.
      if (touch.direction === 1) expect(touch.sar).toBeLessThanOrEqual(b.low);
      else expect(touch.sar).toBeGreaterThanOrEqual(b.high);
    }
    // Lows and highs on a 0.01 grid land exactly on a SAR pulled to an earlier bar's extreme often enough to matter.
    expect(differ).toBeGreaterThan(0);
  });
});

describe('hand-worked parabolic SAR (TA-Lib rules, step 0.02, max 0.2)', () => {
  // Bar 2: +DM 1 > −DM → long; SAR bar 1's low 9; EP bar 2's high 11.
  // Bar 2 out 9; next 9 + 0.02·2 = 9.04.  Bar 3 out 9.04; new high 12 → AF 0.04; next 9.04 + 0.04·2.96 = 9.1584.
  // Bar 4 out 9.1584; new high 12.5 → AF 0.06; next 9.1584 + 0.06·3.3416 = 9.358896.
  // Bar 5 out 9.358896; next 9.54736224 would sit inside bar 5, so it is pulled down to bar 5's low 9.4.
  // Bar 6 low 9.4 touches 9.4 → short: out = EP 12.5; AF 0.02, EP 9.4; next 12.5 − 0.02·3.1 = 12.438.
  // Bar 7 out 12.438; new low 9 → AF 0.04; next 12.438 − 0.04·3.438 = 12.30048.
  const table = [bar(10, 9), bar(11, 9.5), bar(12, 10.5), bar(12.5, 11), bar(12.4, 9.4), bar(10, 9.4), bar(9.8, 9), bar(9.7, 9.1)];

  it('trails a long trend, accelerates on new highs, and reverses when a low touches the SAR', () => {
    const psar = new PSAR();
    const out: Array<[number, number]> = [];
    for (const b of table) {
      psar.add(b);
      if (psar.isStable) out.push([psar.sar, psar.direction]);
    }
    const expected: Array<[number, number]> = [[9, 1], [9.04, 1], [9.1584, 1], [9.358896, 1], [12.5, -1], [12.438, -1], [12.30048, -1]];
    expect(out).toHaveLength(expected.length);
    out.forEach(([sar, direction], k) => {
      expect(sar).toBeCloseTo(expected[k]![0], 12);
      expect(direction).toBe(expected[k]![1]);
    });
  });

  it('with reverseOnTouch: false the touch holds; the cross on bar 7 reverses at the EP', () => {
    const psar = new PSAR(0.02, 0.2, { reverseOnTouch: false });
    table.slice(0, 6).forEach((b) => psar.add(b));
    expect(psar.getResultOrThrow()).toEqual({ sar: 9.4, direction: 1 });
    psar.add(table[6]!);
    expect(psar.getResultOrThrow()).toEqual({ sar: 12.5, direction: -1 });
  });

  it('starts short when bar 2 falls more than it rises, at bar 1 high', () => {
    const psar = new PSAR();
    psar.add(bar(10, 9));
    expect(() => psar.sar).toThrow(/not stable/);
    psar.add(bar(9.9, 8));
    expect(psar.getResultOrThrow()).toEqual({ sar: 10, direction: -1 });
  });

  it('the acceleration stops at the maximum', () => {
    // A straight rise: a new high every bar raises AF by 0.02 up to 0.2, then the SAR climbs 1 per bar like the price.
    const rising = Array.from({ length: 200 }, (_, i) => bar(100 + i + 1, 100 + i));
    const psar = new PSAR(0.02, 0.2);
    const sars: number[] = [];
    for (const b of rising) {
      psar.add(b);
      if (psar.isStable) sars.push(psar.sar);
    }
    const tail = sars.slice(-5);
    // With AF capped and EP rising 1 per bar, c = EP(t−1) − SAR(t) settles where c = 0.8·(c + 1): c = 4, so high − SAR = 5.
    for (let k = 1; k < tail.length; k++) expect(tail[k]! - tail[k - 1]!).toBeCloseTo(1, 9);
    expect(rising[rising.length - 1]!.high - tail[tail.length - 1]!).toBeCloseTo(5, 9);
  });
});
