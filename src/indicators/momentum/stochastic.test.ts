// Stochastic and stochastic RSI against trading-signals and technicalindicators, plus the zero-range convention.
import { SMA as TaSMA, Stochastic as TaStochastic } from 'technicalindicators';
import { StochasticOscillator as TsStochastic, StochasticRSI as TsStochasticRSI } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { Stochastic, StochasticRSI } from './stochastic.js';
import { alignEnd, bars, column, compareSeries, ours } from './test-support/compare.js';

describe('Stochastic against reference libraries on real SOLUSDT 5m bars', () => {
  it.skipIf(!bars)('stoch(14, 3, 3) equals trading-signals StochasticOscillator (slow %K and %D) to 1e-9', () => {
    const [k, d] = ours('stoch', [14, 3, 3], bars!);
    const reference = new TsStochastic({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 });
    const theirs = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('stoch %K', k!, theirs.map((r) => r?.stochK), { scale: 100 })).toBeGreaterThanOrEqual(2000);
    expect(compareSeries('stoch %D', d!, theirs.map((r) => r?.stochD), { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });

  // technicalindicators computes the fast stochastic (no %K smoothing): our smoothing = 1 is the same thing.
  it.skipIf(!bars)('stoch(14, 1, 3) equals technicalindicators Stochastic (fast %K, %D) to 1e-9', () => {
    const [k, d] = ours('stoch', [14, 1, 3], bars!);
    const result = TaStochastic.calculate({ period: 14, signalPeriod: 3, high: column(bars!, 'high'), low: column(bars!, 'low'), close: column(bars!, 'close') });
    const theirs = alignEnd(result, bars!.length);
    expect(compareSeries('fast %K', k!, theirs.map((r) => (r?.d === undefined ? undefined : r.k)), { scale: 100 })).toBeGreaterThanOrEqual(2000);
    expect(compareSeries('fast %D', d!, theirs.map((r) => r?.d), { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });
});

describe('Stochastic RSI against reference libraries on real SOLUSDT 5m bars', () => {
  // trading-signals returns the raw stochastic RSI as a fraction (0 to 1); with smoothing 1 our %K is that raw value × 100.
  it.skipIf(!bars)('stochrsi(14, 14, 1, 3) %K equals trading-signals StochasticRSI × 100 to 1e-9', () => {
    const [k] = ours('stochrsi', [14, 14, 1, 3], bars!);
    const reference = new TsStochasticRSI(14);
    const theirs = column(bars!, 'close').map((c) => {
      const raw = reference.update(c, false);
      return raw === null ? undefined : raw * 100;
    });
    expect(compareSeries('raw stoch RSI', k!, theirs, { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });

  // Its %K smoothing (an SMA(3) of the raw value) is checked too. Its %D is not: trading-signals skips the
  // %D update whenever %K is exactly 0 (`if (k)`), which real data hits whenever RSI makes three new lows in a row.
  it.skipIf(!bars)('stochrsi(14, 14, 3, 3) %K equals the %K smoothing inside trading-signals StochasticRSI to 1e-9', () => {
    const [k] = ours('stochrsi', [14, 14, 3, 3], bars!);
    const reference = new TsStochasticRSI(14);
    const theirs = column(bars!, 'close').map((c) => {
      reference.update(c, false);
      const smoothed = reference.smoothing.k.getResult();
      return smoothed === null || smoothed === undefined ? undefined : smoothed * 100;
    });
    expect(compareSeries('stoch RSI %K', k!, theirs, { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });

  // technicalindicators' StochasticRSI rounds RSI to 2 decimals first, which moves the stochastic by whole
  // points when the RSI window is narrow. Its pipeline (Stochastic of RSI as high = low = close, then SMA)
  // is fed our unrounded RSI instead, and must then give our %K and %D exactly.
  it.skipIf(!bars)('stochrsi(14, 14, 3, 3) equals technicalindicators Stochastic + SMA applied to RSI(14) to 1e-9', () => {
    const [k, d] = ours('stochrsi', [14, 14, 3, 3], bars!);
    const [rsi] = ours('rsi', [14], bars!);
    const values = [...rsi!].filter((v) => !Number.isNaN(v));
    const stochastic = TaStochastic.calculate({ period: 14, signalPeriod: 3, high: values, low: values, close: values });
    const kLine = stochastic.map((r) => r.d).filter((v): v is number => v !== undefined);
    const dLine = TaSMA.calculate({ period: 3, values: kLine });
    expect(compareSeries('stoch RSI %K', k!, alignEnd(kLine, bars!.length), { scale: 100 })).toBeGreaterThanOrEqual(2000);
    expect(compareSeries('stoch RSI %D', d!, alignEnd(dLine, bars!.length), { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });
});

describe('Stochastic conventions', () => {
  const bar = (high: number, low: number, close: number): Bar => ({ time: 0, open: close, high, low, close, volume: 1 });

  it('is stable after period + smoothing + signal − 2 bars, and reads the middle (50) on a zero-range window', () => {
    const stoch = new Stochastic(3, 2, 2);
    for (let i = 0; i < 4; i++) stoch.add(bar(5, 5, 5));
    expect(stoch.isStable).toBe(false);
    stoch.add(bar(5, 5, 5));
    expect(stoch.getResultOrThrow()).toEqual({ k: 50, d: 50 });
  });

  it('follows a hand-worked example', () => {
    const stoch = new Stochastic(3, 2, 2);
    // Fast %K over 3 bars: bar 3: (9 − 8)/(12 − 8) = 25; bar 4: (14 − 8)/(15 − 8) = 600/7; bar 5: (10 − 8)/(15 − 8) = 200/7.
    for (const b of [bar(10, 8, 9), bar(12, 9, 11), bar(11, 8, 9), bar(15, 10, 14), bar(13, 9, 10)]) stoch.add(b);
    const k4 = (25 + 600 / 7) / 2;
    const k5 = (600 / 7 + 200 / 7) / 2;
    expect(stoch.k).toBeCloseTo(k5, 12);
    expect(stoch.d).toBeCloseTo((k4 + k5) / 2, 12);
  });

  it('stochastic RSI reads 50 while RSI is flat', () => {
    const stoch = new StochasticRSI(2, 3, 1, 1);
    for (let i = 0; i < 10; i++) stoch.add(100);
    expect(stoch.getResultOrThrow()).toEqual({ k: 50, d: 50 });
  });
});
