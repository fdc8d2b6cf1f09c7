// MACD, ADX and the EMA ribbon against technicalindicators on real SOLUSDT 5m bars, plus hand-worked cases.
import { describe, expect, it } from 'vitest';
import { ADX as TiADX, EMA as TiEMA, MACD as TiMACD } from 'technicalindicators';
import { realBars } from '../test-support/bars.js';
import { alignEnd, maxGap, run } from '../test-support/compare.js';
import { ADX } from './adx.js';
import { EMA } from './ema.js';
import { MACD } from './macd.js';
import { EmaRibbon } from './ribbon.js';

const TOLERANCE = 1e-9;
const bars = realBars(3000);
const closes = bars?.map((b) => b.close) ?? [];
const bar = (high: number, low: number, close: number) => ({ time: 0, open: close, high, low, close, volume: 1 });

function expectSame(ours: Float64Array, theirs: ArrayLike<number>, floor = 0): void {
  const { gap, compared } = maxGap(ours, theirs, 0, floor);
  expect(compared).toBeGreaterThan(2000);
  expect(gap).toBeLessThan(TOLERANCE);
}

describe.skipIf(!bars)('on real SOLUSDT 5m bars', () => {
  it('MACD(12, 26, 9) equals technicalindicators with EMA line and signal, from the first value', () => {
    // technicalindicators seeds every EMA with the SMA as we do; its defaults (SimpleMAOscillator/Signal) use SMAs instead.
    // trading-signals seeds its EMAs with the first input, so it differs early; not compared here.
    const theirs = TiMACD.calculate({ values: closes, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false });
    const line = alignEnd(theirs.map((r) => r.MACD ?? NaN), closes.length);
    const signal = alignEnd(theirs.map((r) => r.signal ?? NaN), closes.length);
    const hist = alignEnd(theirs.map((r) => r.histogram ?? NaN), closes.length);
    expect(line.findIndex((v) => !Number.isNaN(v))).toBe(25);
    expect(run(new MACD(), closes, (i) => i.signal).findIndex((v) => !Number.isNaN(v))).toBe(33);
    // MACD values are differences of two EMAs of the price and cross zero, where a relative gap is
    // ill-conditioned: they are compared relative to the price scale (we weight the previous EMA by
    // 1 − k, technicalindicators steps by (value − previous) · k; both exact to ~1e-16 of the price).
    const priceScale = Math.max(...closes);
    expectSame(run(new MACD(), closes, (i) => i.macd), line, priceScale);
    expectSame(run(new MACD(), closes, (i) => i.signal), signal, priceScale);
    expectSame(run(new MACD(), closes, (i) => i.hist), hist, priceScale);
  });

  it('the MACD line is readable from bar 26, before the signal is', () => {
    const macd = new MACD();
    closes.slice(0, 26).forEach((c) => macd.add(c));
    const fast = new EMA(12);
    const slow = new EMA(26);
    closes.slice(0, 26).forEach((c) => (fast.add(c), slow.add(c)));
    expect(macd.macd).toBe(fast.value - slow.value);
    expect(macd.isStable).toBe(false);
    expect(() => macd.signal).toThrow(/not stable/);
  });

  it('ADX(14), +DI and −DI equal technicalindicators from the first ADX (bar 28)', () => {
    // technicalindicators keeps Wilder's running sums (S − S/n + x) where we keep averages (RMA); the DI ratios are the same.
    // trading-signals differs by definition: it feeds the first bar into its averages as a zero move and a high − low range,
    // and when the up move equals the down move it counts both as directional movement (Wilder and TA-Lib count neither).
    const theirs = TiADX.calculate({ high: bars!.map((b) => b.high), low: bars!.map((b) => b.low), close: closes, period: 14 });
    const ours = run(new ADX(14), bars!, (i) => i.adx);
    expect(ours.findIndex((v) => !Number.isNaN(v))).toBe(27);
    expectSame(ours, alignEnd(theirs.map((r) => r.adx), bars!.length));
    expectSame(run(new ADX(14), bars!, (i) => i.plusDi), alignEnd(theirs.map((r) => r.pdi), bars!.length));
    expectSame(run(new ADX(14), bars!, (i) => i.minusDi), alignEnd(theirs.map((r) => r.mdi), bars!.length));
  });

  it('the EMA ribbon reads its EMAs (equal to technicalindicators) as stack and spread, and sees all three stack states', () => {
    const periods = [8, 13, 21, 34, 55];
    const emas = periods.map((p) => alignEnd(TiEMA.calculate({ period: p, values: closes }), closes.length));
    const ribbon = new EmaRibbon(periods);
    const seen = new Set<number>();
    let compared = 0;
    closes.forEach((c, i) => {
      ribbon.add(c);
      if (!ribbon.isStable) return expect(i).toBeLessThan(54);
      const e = emas.map((series) => series[i]!);
      periods.forEach((_, k) => expect(Math.abs(ribbon.ema(k) - e[k]!) / e[k]!).toBeLessThan(TOLERANCE));
      const up = e.every((v, k) => k === 0 || e[k - 1]! > v);
      const down = e.every((v, k) => k === 0 || e[k - 1]! < v);
      expect(ribbon.stack).toBe(up ? 1 : down ? -1 : 0);
      expect(ribbon.spread).toBeCloseTo((e[0]! - e[4]!) / e[4]!, 12);
      seen.add(ribbon.stack);
      compared++;
    });
    expect(compared).toBeGreaterThan(2000);
    expect([...seen].sort()).toEqual([-1, 0, 1]);
  });
});

describe('hand-worked trend readings', () => {
  it('ADX(2): DM ties count as no movement, DIs from bar 3, ADX from bar 4', () => {
    // TR from bar 2: 2, 4, 4, 5.  +DM: 1, 0 (up 1 = down 1: a tie), 0, 2.  −DM: 0, 0, 1, 0.
    // Bar 3: +DM 0.5, −DM 0, ATR 3 → +DI 50/3, −DI 0, DX 100.  Bar 4: +DM 0.25, −DM 0.5, ATR 3.5 → DX 100/3; ADX (100 + 100/3)/2.
    // Bar 5: +DM 1.125, −DM 0.25, ATR 4.25 → DX 700/11; ADX = (200/3 + 700/11)/2 = 2150/33.
    const adx = new ADX(2);
    const bars5 = [bar(10, 8, 9), bar(11, 9, 10), bar(12, 8, 9), bar(11, 7, 8), bar(13, 8, 12)];
    bars5.slice(0, 3).forEach((b) => adx.add(b));
    expect(adx.plusDi).toBeCloseTo(50 / 3, 12);
    expect(adx.minusDi).toBe(0);
    expect(() => adx.adx).toThrow(/not stable/);
    adx.add(bars5[3]!);
    expect(adx.plusDi).toBeCloseTo(25 / 3.5, 12);
    expect(adx.minusDi).toBeCloseTo(50 / 3.5, 12);
    expect(adx.adx).toBeCloseTo((100 + 100 / 3) / 2, 12);
    adx.add(bars5[4]!);
    expect(adx.getResultOrThrow().adx).toBeCloseTo(2150 / 33, 12);
    expect(adx.plusDi).toBeCloseTo(112.5 / 4.25, 12);
  });

  it('ADX of bars that never move is 0, not NaN', () => {
    const adx = new ADX(3);
    for (let i = 0; i < 10; i++) adx.add(bar(5, 5, 5));
    expect(adx.getResultOrThrow()).toEqual({ adx: 0, plusDi: 0, minusDi: 0 });
  });

  it('MACD(2, 3, 2) of 1, 2, 3, 5, 8 by hand', () => {
    // Fast EMA (k 2/3): 1.5, 1.5 + 1.5·2/3 = 2.5, 2.5 + 2.5·2/3 = 25/6, 25/6 + (23/6)·2/3 = 121/18.
    // Slow EMA (k 1/2): 2 at bar 3, 3.5, 5.75.  Line: 0.5, 2/3, 121/18 − 5.75 = 35/36.  Signal: (0.5 + 2/3)/2 = 7/12 at bar 4, then 7/12 + (35/36 − 7/12)·2/3.
    const macd = new MACD(2, 3, 2);
    [1, 2, 3, 5, 8].forEach((c) => macd.add(c));
    const signal = 7 / 12 + (35 / 36 - 7 / 12) * (2 / 3);
    expect(macd.macd).toBeCloseTo(35 / 36, 12);
    expect(macd.signal).toBeCloseTo(signal, 12);
    expect(macd.hist).toBeCloseTo(35 / 36 - signal, 12);
  });

  it('the ribbon stacks +1 on a steady rise, −1 on a steady fall, 0 when the fast EMA turns first', () => {
    const rise = new EmaRibbon([2, 3, 5]);
    for (let i = 1; i <= 20; i++) rise.add(i);
    expect(rise.stack).toBe(1);
    expect(rise.spread).toBeGreaterThan(0);
    const fall = new EmaRibbon([2, 3, 5]);
    for (let i = 20; i >= 1; i--) fall.add(i);
    expect(fall.stack).toBe(-1);
    fall.add(4); // EMAs about 1.5, 2, 3 before; after: 1.5 + 2.5·2/3 ≈ 3.17 > 2 + 2·1/2 = 3 < 3 + 1/3 ≈ 3.33
    expect(fall.stack).toBe(0);
    expect(() => new EmaRibbon([5, 3])).toThrow(/increase/);
  });
});
