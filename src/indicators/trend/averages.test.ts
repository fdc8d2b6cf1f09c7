// Moving averages against technicalindicators and trading-signals on real SOLUSDT 5m bars, plus hand-worked cases.
import { describe, expect, it } from 'vitest';
import { EMA as TiEMA, SMA as TiSMA, WEMA as TiWEMA, WMA as TiWMA } from 'technicalindicators';
import { DEMA as TsDEMA, EMA as TsEMA, HMA as TsHMA, RMA as TsRMA, SMA as TsSMA, TEMA as TsTEMA, VWMA as TsVWMA, WMA as TsWMA, WSMA as TsWSMA } from 'trading-signals';
import { realBars, syntheticBars } from '../test-support/bars.js';
import { alignEnd, burnIn, maxGap, run } from '../test-support/compare.js';
import { DEMA, TEMA } from './dema.js';
import { EMA, RMA } from './ema.js';
import { HMA } from './hma.js';
import { SMA } from './sma.js';
import { VWMA } from './vwma.js';
import { WMA } from './wma.js';

const TOLERANCE = 1e-9;
const bars = realBars(3000);
const closes = bars?.map((b) => b.close) ?? [];
const PERIODS = [2, 5, 14, 30];

/** Our stream against a library's, from the first bar both are defined (or `from`), to 1e-9 relative. */
function expectSame(ours: Float64Array, theirs: ArrayLike<number>, from = 0): void {
  const { gap, compared } = maxGap(ours, theirs, from);
  expect(compared).toBeGreaterThan(2000);
  expect(gap).toBeLessThan(TOLERANCE);
}

/** The first index where a series is defined. */
const firstDefined = (series: Float64Array) => series.findIndex((v) => !Number.isNaN(v));

describe.skipIf(!bars).each(PERIODS)('moving averages of period %i on real SOLUSDT 5m closes', (n) => {
  it('SMA equals technicalindicators and trading-signals from its first value', () => {
    const ours = run(new SMA(n), closes, (i) => i.value);
    expect(firstDefined(ours)).toBe(n - 1);
    expectSame(ours, alignEnd(TiSMA.calculate({ period: n, values: closes }), closes.length));
    expectSame(ours, run(new TsSMA(n), closes, (i) => i.getResultOrThrow()));
  });

  it('EMA equals technicalindicators (both SMA-seeded) from its first value', () => {
    const ours = run(new EMA(n), closes, (i) => i.value);
    expect(firstDefined(ours)).toBe(n - 1);
    expectSame(ours, alignEnd(TiEMA.calculate({ period: n, values: closes }), closes.length));
  });

  it('EMA meets trading-signals once its seed (the first close, not the SMA) has decayed', () => {
    const ours = run(new EMA(n), closes, (i) => i.value);
    expectSame(ours, run(new TsEMA(n), closes, (i) => i.getResultOrThrow()), burnIn(2 / (n + 1)));
  });

  it("RMA equals technicalindicators' WEMA and trading-signals' WSMA (SMA-seeded) from its first value", () => {
    const ours = run(new RMA(n), closes, (i) => i.value);
    expectSame(ours, alignEnd(TiWEMA.calculate({ period: n, values: closes }), closes.length));
    expectSame(ours, run(new TsWSMA(n), closes, (i) => i.getResultOrThrow()));
  });

  it("RMA meets trading-signals' RMA (seeded with the first close) once the seed has decayed", () => {
    const ours = run(new RMA(n), closes, (i) => i.value);
    expectSame(ours, run(new TsRMA(n), closes, (i) => i.getResultOrThrow()), burnIn(1 / n));
  });

  it('WMA equals technicalindicators and trading-signals from its first value', () => {
    const ours = run(new WMA(n), closes, (i) => i.value);
    expect(firstDefined(ours)).toBe(n - 1);
    expectSame(ours, alignEnd(TiWMA.calculate({ period: n, values: closes }), closes.length));
    expectSame(ours, run(new TsWMA(n), closes, (i) => i.getResultOrThrow()));
  });

  it('DEMA and TEMA equal EMAs of EMAs built from technicalindicators (TA-Lib seeding) from their first value', () => {
    const e1 = TiEMA.calculate({ period: n, values: closes });
    const e2 = TiEMA.calculate({ period: n, values: e1 });
    const e3 = TiEMA.calculate({ period: n, values: e2 });
    const at = (series: number[], i: number) => series[series.length - (closes.length - i)] ?? NaN;
    const dema = Float64Array.from(closes, (_, i) => 2 * at(e1, i) - at(e2, i));
    const tema = Float64Array.from(closes, (_, i) => 3 * at(e1, i) - 3 * at(e2, i) + at(e3, i));
    const ourDema = run(new DEMA(n), closes, (i) => i.value);
    const ourTema = run(new TEMA(n), closes, (i) => i.value);
    expect(firstDefined(ourDema)).toBe(2 * (n - 1));
    expect(firstDefined(ourTema)).toBe(3 * (n - 1));
    expect(firstDefined(dema)).toBe(2 * (n - 1));
    expectSame(ourDema, dema);
    expectSame(ourTema, tema);
  });

  it('DEMA and TEMA meet trading-signals (EMAs seeded with their first input) once the seeds have decayed', () => {
    // A seed gap decays like t²(1 − k)^t through three stages: twice the single-EMA burn-in covers it.
    const from = 2 * burnIn(2 / (n + 1)) + 3 * n;
    expectSame(run(new DEMA(n), closes, (i) => i.value), run(new TsDEMA(n), closes, (i) => i.getResultOrThrow()), from);
    expectSame(run(new TEMA(n), closes, (i) => i.value), run(new TsTEMA(n), closes, (i) => i.getResultOrThrow()), from);
  });

  it.skipIf(n < 2)('HMA equals trading-signals from its first value', () => {
    const ours = run(new HMA(n), closes, (i) => i.value);
    expect(firstDefined(ours)).toBe(n + Math.floor(Math.sqrt(n)) - 2);
    expectSame(ours, run(new TsHMA(n), closes, (i) => i.getResultOrThrow()));
  });

  it('VWMA equals trading-signals from its first value', () => {
    const ours = run(new VWMA(n), bars!, (i) => i.value);
    expect(firstDefined(ours)).toBe(n - 1);
    expectSame(ours, run(new TsVWMA(n), bars!, (i) => i.getResultOrThrow()));
  });
});

describe('hand-worked moving averages', () => {
  it('WMA(3) of 1, 2, 3, 4, 10 is (1·1 + 2·2 + 3·3)/6, (2 + 6 + 12)/6, (3 + 8 + 30)/6', () => {
    expect([...run(new WMA(3), [1, 2, 3, 4, 10], (i) => i.value)].slice(2)).toEqual([14 / 6, 20 / 6, 41 / 6]);
  });

  it('WMA keeps its incremental sums honest across resyncs and after a huge price drops out of the window', () => {
    const inputs = [1e9, ...Array.from({ length: 40 }, (_, i) => 1 + (i % 5))];
    const ours = run(new WMA(4), inputs, (i) => i.value);
    const last = inputs.slice(-4);
    expect(ours[ours.length - 1]).toBe((last[0]! + 2 * last[1]! + 3 * last[2]! + 4 * last[3]!) / 10);
  });

  it('DEMA(2) and TEMA(2) of 1, 2, 4, 8: EMA k = 2/3, every stage seeded with the SMA of its first two inputs', () => {
    // EMA1: –, 3/2, 3/2 + (4 − 3/2)·2/3 = 19/6, 19/6 + (8 − 19/6)·2/3 = 115/18.
    // EMA2 of EMA1: (3/2 + 19/6)/2 = 7/3 at bar 3, then 7/3 + (115/18 − 7/3)·2/3 = 136/27.  EMA3 of EMA2: (7/3 + 136/27)/2 = 199/54.
    const dema = run(new DEMA(2), [1, 2, 4, 8], (i) => i.value);
    expect(dema[1]).toBeNaN();
    expect(dema[2]).toBeCloseTo(2 * (19 / 6) - 7 / 3, 12);
    expect(dema[3]).toBeCloseTo(2 * (115 / 18) - 136 / 27, 12);
    const tema = run(new TEMA(2), [1, 2, 4, 8], (i) => i.value);
    expect(tema[2]).toBeNaN();
    expect(tema[3]).toBeCloseTo(3 * (115 / 18) - 3 * (136 / 27) + 199 / 54, 12);
  });

  it('HMA(4) is the WMA(2) of 2·WMA(2) − WMA(4)', () => {
    const xs = [1, 2, 3, 4, 6];
    const wma = (w: number[]) => w.reduce((s, v, i) => s + (i + 1) * v, 0) / ((w.length * (w.length + 1)) / 2);
    const raw = [3, 4].map((end) => 2 * wma(xs.slice(end - 1, end + 1)) - wma(xs.slice(end - 3, end + 1)));
    expect(run(new HMA(4), xs, (i) => i.value)[4]).toBeCloseTo(wma(raw), 12);
  });

  it('VWMA weights closes by volume, and falls back to the plain mean of the closes when nothing traded', () => {
    const bar = (close: number, volume: number) => ({ time: 0, open: close, high: close, low: close, close, volume });
    const ours = run(new VWMA(2), [bar(10, 1), bar(20, 3), bar(30, 0), bar(40, 0)], (i) => i.value);
    expect([...ours]).toEqual([NaN, (10 + 60) / 4, 20, 35]);
  });

  it('every moving average of a constant series is that constant once stable', () => {
    const flat = syntheticBars(200).map(() => 42.5);
    for (const make of [() => new WMA(7), () => new DEMA(7), () => new TEMA(7), () => new HMA(7)]) {
      const series = run(make(), flat, (i) => i.value).filter((v) => !Number.isNaN(v));
      for (const v of series) expect(v).toBeCloseTo(42.5, 9);
    }
  });
});
