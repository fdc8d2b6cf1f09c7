// Anchored VWAP by hand and against technicalindicators / trading-signals VWAP, restarted each UTC day, on SOLUSDT 5m.
import { VWAP as TiVWAP } from 'technicalindicators';
import { VWAP as TsVWAP } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { maxGap, run, runLib, solBars } from '../test-support/compare.js';
import { AnchoredVWAP, DAY_MS, HOUR_MS, periodAnchor, VWAP } from './vwap.js';

const bars = solBars();
const at = (iso: string, tp: number, volume: number): Bar => ({ time: Date.parse(iso), open: tp, high: tp, low: tp, close: tp, volume });

describe('VWAP by hand', () => {
  it('weights the typical price by volume, with bands from the volume-weighted variance', () => {
    const vwap = new VWAP();
    vwap.add({ time: Date.parse('2025-01-01T10:00Z'), open: 10, high: 12, low: 8, close: 10, volume: 1 }); // tp 10
    vwap.add(at('2025-01-01T10:05Z', 20, 3));
    // vwap = (10 + 60) / 4 = 17.5; σ² = (1 × 7.5² + 3 × 2.5²) / 4 = 18.75
    const sd = Math.sqrt(18.75);
    expect(vwap.vwap).toBe(17.5);
    expect(vwap.deviation).toBeCloseTo(sd, 13);
    const r = vwap.getResultOrThrow();
    expect([r.upper1, r.lower1, r.upper2, r.lower2].map((x) => x.toFixed(10))).toEqual([17.5 + sd, 17.5 - sd, 17.5 + 2 * sd, 17.5 - 2 * sd].map((x) => x.toFixed(10)));
  });

  it('resets at 00:00 UTC, and the first bar of a day has collapsed bands', () => {
    const vwap = new VWAP();
    vwap.add(at('2025-01-01T23:55Z', 10, 5));
    vwap.add(at('2025-01-02T00:00Z', 30, 1));
    expect(vwap.getResultOrThrow()).toEqual({ vwap: 30, upper1: 30, lower1: 30, upper2: 30, lower2: 30 });
    vwap.add(at('2025-01-02T00:05Z', 40, 1));
    expect(vwap.vwap).toBe(35);
    expect(vwap.deviation).toBe(5);
  });

  it('until the day has traded, reads the latest typical price; zero-volume bars after that change nothing', () => {
    const vwap = new VWAP();
    vwap.add(at('2025-01-01T00:00Z', 10, 0));
    expect(vwap.vwap).toBe(10);
    vwap.add(at('2025-01-01T00:05Z', 11, 0));
    expect(vwap.vwap).toBe(11);
    vwap.add(at('2025-01-01T00:10Z', 12, 2));
    vwap.add(at('2025-01-01T00:15Z', 99, 0));
    expect(vwap.getResultOrThrow()).toEqual({ vwap: 12, upper1: 12, lower1: 12, upper2: 12, lower2: 12 });
  });

  it('a 168 h anchor is the UTC week from Monday 00:00; 8 h anchors split the day at 00, 08, 16 UTC', () => {
    const week = periodAnchor(168 * HOUR_MS);
    expect(week(Date.parse('2025-01-06T00:00Z'), Date.parse('2025-01-05T23:55Z'))).toBe(true); // Sunday → Monday
    expect(week(Date.parse('2025-01-05T00:00Z'), Date.parse('2025-01-04T23:55Z'))).toBe(false); // Saturday → Sunday
    const session = periodAnchor(8 * HOUR_MS);
    expect(session(Date.parse('2025-01-01T08:00Z'), Date.parse('2025-01-01T07:55Z'))).toBe(true);
    expect(session(Date.parse('2025-01-01T12:00Z'), Date.parse('2025-01-01T11:55Z'))).toBe(false);
    expect(periodAnchor(DAY_MS)(Date.parse('2025-01-02T00:00Z'), Date.parse('2025-01-01T23:55Z'))).toBe(true);
  });

  it('takes any anchor rule, e.g. a session opening at 13:30 UTC', () => {
    const opens = (t: number) => new Date(t).getUTCHours() * 60 + new Date(t).getUTCMinutes() >= 810;
    const vwap = new AnchoredVWAP((time, previous) => opens(time) && !opens(previous));
    vwap.add(at('2025-01-01T13:25Z', 10, 1));
    vwap.add(at('2025-01-01T13:30Z', 20, 1));
    expect(vwap.vwap).toBe(20);
    vwap.add(at('2025-01-01T13:35Z', 30, 1));
    expect(vwap.vwap).toBe(25);
  });
});

describe.skipIf(!bars)('VWAP against the libraries on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const n = all.length;
  /** Runs a library VWAP afresh for each UTC day. */
  function perDay(compute: (day: Bar[]) => number[]): Float64Array {
    const out = new Float64Array(n);
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && Math.floor(all[i]!.time / DAY_MS) === Math.floor(all[start]!.time / DAY_MS)) continue;
      out.set(compute(all.slice(start, i)), start);
      start = i;
    }
    return out;
  }

  it('vwap equals technicalindicators VWAP and trading-signals VWAP restarted at each UTC midnight', () => {
    const ours = run(new VWAP(), all, (i) => i.vwap);
    const ti = perDay((day) => TiVWAP.calculate({ high: day.map((b) => b.high), low: day.map((b) => b.low), close: day.map((b) => b.close), volume: day.map((b) => b.volume) }));
    const ts = perDay((day) => {
      const lib = new TsVWAP();
      return Array.from(runLib(day, (b) => lib.add(b), (r) => r));
    });
    expect(n).toBeGreaterThanOrEqual(2000);
    expect(maxGap(ours, ti)).toMatchObject({ compared: n });
    expect(maxGap(ours, ti).gap).toBeLessThan(1e-9);
    expect(maxGap(ours, ts).gap).toBeLessThan(1e-9);
  });

  it('bands equal a two-pass volume-weighted standard deviation over the day so far', () => {
    const ours = run(new VWAP(), all, (i) => i.upper2);
    const reference = new Float64Array(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (Math.floor(all[i]!.time / DAY_MS) !== Math.floor(all[start]!.time / DAY_MS)) start = i;
      const day = all.slice(start, i + 1);
      const tp = day.map((b) => (b.high + b.low + b.close) / 3);
      const volume = day.reduce((s, b) => s + b.volume, 0);
      const vwap = day.reduce((s, b, k) => s + b.volume * tp[k]!, 0) / volume;
      const variance = day.reduce((s, b, k) => s + b.volume * (tp[k]! - vwap) ** 2, 0) / volume;
      reference[i] = vwap + 2 * Math.sqrt(variance);
    }
    expect(maxGap(ours, reference).gap).toBeLessThan(1e-9);
  });
});
