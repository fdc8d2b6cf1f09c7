import { describe, expect, it } from 'vitest';
import { NotStableError, type Bar } from '../../indicators/contract.js';
import { realBars, syntheticBars } from '../../indicators/test-support/bars.js';
import { ATR } from '../../indicators/volatility/atr.js';
import { Regime, REGIME, type RegimeOptions } from './regime.js';

const SMALL: RegimeOptions = { adxPeriod: 3, atrPeriod: 3, percentileWindow: 5, bbPeriod: 10 };

/** A staircase: every bar one higher, range 2, close in the middle (true range 2 throughout). */
const stair = (i: number): Bar => ({ time: i * 300_000, open: 101 + i, high: 102 + i, low: 100 + i, close: 101 + i, volume: 1 });

describe('Regime by hand', () => {
  it('a steady staircase is a trend: ADX 100, ATR at the 50th percentile (all equal), bands 2σ = 5.74 ≥ 1.5 · ATR 2', () => {
    const r = new Regime(SMALL);
    for (let i = 0; i < 9; i++) r.add(stair(i));
    // Stable at bar max(2·3, 3 + 5, 10) = 10.
    expect(r.isStable).toBe(false);
    expect(() => r.regime).toThrow(NotStableError);
    r.add(stair(9));
    const sigma = Math.sqrt((10 * 10 - 1) / 12); // population σ of 10 consecutive integers
    expect(r.regime).toBe(REGIME.trend);
    expect(r.adx).toBeCloseTo(100, 9);
    expect(r.atrPercentile).toBe(50);
    expect(r.bbWidth).toBeCloseTo((4 * sigma) / 105.5, 12); // middle = mean of closes 101…110
  });

  it('with a squeeze of 3 ATRs (6 > 5.74) the same staircase is a range, whatever ADX says', () => {
    const r = new Regime({ ...SMALL, squeeze: 3 });
    for (let i = 0; i < 10; i++) r.add(stair(i));
    expect(r.adx).toBeCloseTo(100, 9);
    expect(r.regime).toBe(REGIME.range);
  });

  it('a bar ten times wider puts the ATR at a new maximum: high volatility', () => {
    const r = new Regime(SMALL);
    for (let i = 0; i < 12; i++) r.add(stair(i));
    r.add({ ...stair(12), high: 122, low: 102 });
    expect(r.atrPercentile).toBe(100);
    expect(r.regime).toBe(REGIME.highVolatility);
    // The forming bar settles back to a normal one: replace() undoes the spike exactly.
    r.replace(stair(12));
    expect(r.regime).toBe(REGIME.trend);
    expect(r.atrPercentile).toBe(50);
  });

  it('replace() is exact at every bar through the warm-up edges of each part', () => {
    const bars = syntheticBars(40);
    const straight = new Regime(SMALL);
    const replaced = new Regime(SMALL);
    for (const bar of bars) {
      straight.add(bar);
      replaced.add({ ...bar, high: bar.high + 3, low: bar.low - 1, close: bar.close + 2 });
      replaced.replace({ ...bar, high: bar.high + 9, close: bar.close - 1 });
      replaced.replace(bar);
      expect(replaced.isStable).toBe(straight.isStable);
      expect(replaced.getResult()).toEqual(straight.getResult());
    }
  });

  it('frozen prices are a range with ADX 0 and zero width', () => {
    const r = new Regime(SMALL);
    for (let i = 0; i < 20; i++) r.add({ time: i, open: 5, high: 5, low: 5, close: 5, volume: 0 });
    expect(r.getResultOrThrow()).toEqual({ regime: REGIME.range, adx: 0, atrPercentile: 50, bbWidth: 0 });
  });
});

const SOL = realBars(Infinity);

describe.skipIf(!SOL)('Regime over SOLUSDT 5m, 2025-09-24 → 2026-03-31 (defaults)', () => {
  it('follows its rule, ranks the ATR like a direct computation, and splits the span about 57 / 21 / 22 %', () => {
    const r = new Regime();
    const atr = new ATR(14);
    const atrs: number[] = [];
    const counts = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < SOL!.length; i++) {
      const bar = SOL![i]!;
      r.add(bar);
      atr.add(bar);
      if (atr.isStable) atrs.push(atr.value);
      if (!r.isStable) continue;
      n++;
      counts[r.regime]!++;
      expect(r.regime === REGIME.highVolatility).toBe(r.atrPercentile > 80);
      if (r.regime === REGIME.trend) expect(r.adx).toBeGreaterThan(25);
      if (i % 97 === 0) {
        const window = atrs.slice(-100);
        const now = window[99]!;
        const below = window.filter((x) => x < now).length;
        const equal = window.filter((x) => x === now).length;
        expect(r.atrPercentile).toBeCloseTo((100 * (below + (equal - 1) / 2)) / 99, 12);
      }
    }
    expect(n).toBe(SOL!.length - 113); // stable from bar 14 + 100 = 114
    const [range, trend, high] = counts.map((c) => c / n) as [number, number, number];
    // Measured: range 0.567, trend 0.215, high volatility 0.218.
    expect(range).toBeGreaterThan(0.5);
    expect(range).toBeLessThan(0.63);
    expect(trend).toBeGreaterThan(0.17);
    expect(trend).toBeLessThan(0.26);
    expect(high).toBeGreaterThan(0.17);
    expect(high).toBeLessThan(0.26);
  });

  it('reads high volatility through the crash of 10 Oct 2025 (20:55–21:35 UTC)', () => {
    const r = new Regime();
    const from = Date.parse('2025-10-10T20:55:00Z');
    const to = Date.parse('2025-10-10T21:35:00Z');
    const seen: number[] = [];
    for (const bar of SOL!) {
      if (bar.time > to) break;
      r.add(bar);
      if (bar.time >= from) seen.push(r.regime);
    }
    expect(seen).toEqual(Array(9).fill(REGIME.highVolatility));
  });
});
