// Volume profile: hand-worked windows and sessions, and the streaming profile against a from-scratch one on real SOLUSDT bars.
import { describe, expect, it } from 'vitest';
import { NotStableError, type Bar } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { table, T0 } from './test-support/candles.js';
import { VolumeProfile } from './volume-profile.js';

describe('VolumeProfile over a window', () => {
  // Bins of 1 (tick 1 × 1). Bar A spreads 20 over [10, 12): 10 + 10. B (high = low) puts 30 in bin 11.
  // C spreads 30 over [11, 14): 10 each. Totals: 10→10, 11→50, 12→10, 13→10 (80).
  const [a, b, c, d] = table([
    [11, 12, 10, 11, 20],
    [11, 11, 11, 11, 30],
    [12, 14, 11, 13, 30],
    [13, 14, 13, 14, 100],
  ]);

  it('finds the POC and grows the 70 % value area towards more volume, up on a tie', () => {
    const vp = new VolumeProfile({ window: 3, tickSize: 1, binTicks: 1 });
    vp.add(a!);
    vp.add(b!);
    expect(vp.isStable).toBe(false);
    expect(() => vp.poc).toThrow(NotStableError);
    vp.add(c!);
    // POC bin 11 (50). Target 56: bins 12 and 10 tie at 10, so the area grows up: 11..12 holds 60.
    expect(vp.getResultOrThrow()).toEqual({ poc: 11.5, vah: 13, val: 11 });
  });

  it('drops the oldest bar: its volume leaves every bin it was spread over', () => {
    const vp = new VolumeProfile({ window: 3, tickSize: 1, binTicks: 1 });
    for (const bar of [a, b, c, d]) vp.add(bar!);
    // A leaves: 11→40, 12→10, 13→10 + 100 = 110 (160). Target 112: POC 13 plus bin 12 below (nothing above 13).
    expect(vp.getResultOrThrow()).toEqual({ poc: 13.5, vah: 14, val: 12 });
  });

  it('replaces the forming bar exactly', () => {
    const direct = new VolumeProfile({ window: 3, tickSize: 1, binTicks: 1 });
    const replaced = new VolumeProfile({ window: 3, tickSize: 1, binTicks: 1 });
    for (const bar of [a, b, c]) {
      direct.add(bar!);
      replaced.add(bar!);
    }
    direct.add(d!);
    replaced.add({ ...d!, low: 5, high: 40, volume: 1e6 });
    replaced.replace(d!);
    expect(replaced.getResult()).toEqual(direct.getResult());
  });

  it('bins by binTicks × tick and splits a bar by the share of its range in each bin', () => {
    // Tick 0.01 × 10 = bins of 0.1. One bar 100.00–100.25 with volume 10: 4, 4, 2 in bins 100.0, 100.1, 100.2.
    const vp = new VolumeProfile({ window: 1, tickSize: '0.01', binTicks: 10 }); // as instruments-info gives it
    vp.add({ time: T0, open: 100, high: 100.25, low: 100, close: 100.2, volume: 10 });
    const r = vp.getResultOrThrow();
    expect(r.poc).toBeCloseTo(100.05, 9); // bins 100.0 and 100.1 tie at 4: the lower wins
    // Target 7: 4, then 4 above (tie with nothing below goes up) = 8.
    expect(r.val).toBeCloseTo(100.0, 9);
    expect(r.vah).toBeCloseTo(100.2, 9);
  });

  it('reports the middle of the range when the window traded nothing', () => {
    const vp = new VolumeProfile({ window: 2, tickSize: 1, binTicks: 1 });
    vp.add({ time: T0, open: 10, high: 12, low: 10, close: 11, volume: 0 });
    vp.add({ time: T0 + 1, open: 11, high: 13, low: 11, close: 12, volume: 0 });
    expect(vp.getResultOrThrow()).toEqual({ poc: 11.5, vah: 13, val: 10 });
  });

  it('rejects bad options', () => {
    expect(() => new VolumeProfile({ window: -1, tickSize: 1, binTicks: 1 })).toThrow(/window/);
    expect(() => new VolumeProfile({ window: 1, tickSize: 0, binTicks: 1 })).toThrow(/tickSize/);
    expect(() => new VolumeProfile({ window: 1, tickSize: 1, binTicks: 0.5 })).toThrow(/binTicks/);
    expect(() => new VolumeProfile({ window: 1, tickSize: 1, binTicks: 1, valueArea: 1.5 })).toThrow(/valueArea/);
  });
});

describe('VolumeProfile over the UTC-day session (window 0)', () => {
  it('develops through the day and starts afresh at 00:00 UTC', () => {
    const day = 86_400_000;
    const vp = new VolumeProfile({ window: 0, tickSize: 1, binTicks: 1 });
    expect(vp.isStable).toBe(false);
    vp.add({ time: T0 + day - 600_000, open: 10, high: 10, low: 10, close: 10, volume: 5 });
    expect(vp.getResultOrThrow()).toEqual({ poc: 10.5, vah: 11, val: 10 });
    vp.add({ time: T0 + day - 300_000, open: 11, high: 11, low: 11, close: 11, volume: 9 });
    expect(vp.getResultOrThrow()).toEqual({ poc: 11.5, vah: 12, val: 10 }); // 9 of 14 = 64 %: add bin 10 → 100 %
    vp.replace({ time: T0 + day - 300_000, open: 11, high: 11, low: 11, close: 11, volume: 20 });
    expect(vp.getResultOrThrow()).toEqual({ poc: 11.5, vah: 12, val: 11 }); // 20 of 25 = 80 %
    vp.add({ time: T0 + day, open: 50, high: 50, low: 50, close: 50, volume: 1 });
    expect(vp.getResultOrThrow()).toEqual({ poc: 50.5, vah: 51, val: 50 });
  });
});

/** The profile recomputed from scratch over bars[from, to): a Map of bin → volume. */
function naiveProfile(bars: readonly Bar[], binSize: number): { bins: Map<number, number>; lo: number; hi: number } {
  const bins = new Map<number, number>();
  let lo = Infinity;
  let hi = -Infinity;
  const snap = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : x);
  for (const bar of bars) {
    const l = snap(bar.low / binSize);
    const h = snap(bar.high / binSize);
    const first = Math.floor(l);
    const last = h > l ? Math.ceil(h) - 1 : first;
    lo = Math.min(lo, first);
    hi = Math.max(hi, last);
    for (let b = first; b <= last; b++) {
      const share = h > l ? (Math.min(h, b + 1) - Math.max(l, b)) / (h - l) : 1;
      bins.set(b, (bins.get(b) ?? 0) + share * bar.volume);
    }
  }
  return { bins, lo, hi };
}

const bars = realBars(3000);

describe.skipIf(!bars)('VolumeProfile on real SOLUSDT 5m bars', () => {
  it('agrees with a from-scratch profile over every 24-hour window (tick 0.01 × 10)', () => {
    const window = 288;
    const binSize = 0.1;
    const vp = new VolumeProfile({ window, tickSize: 0.01, binTicks: 10 });
    let checked = 0;
    let pocExact = 0;
    for (let i = 0; i < bars!.length; i++) {
      vp.add(bars![i]!);
      if (i + 1 < window || i % 7 !== 0) continue;
      const { bins, lo, hi } = naiveProfile(bars!.slice(i + 1 - window, i + 1), binSize);
      const volumeOf = (b: number) => bins.get(b) ?? 0;
      const total = [...bins.values()].reduce((s, v) => s + v, 0);
      const max = Math.max(...bins.values());
      const r = vp.getResultOrThrow();
      const pocBin = Math.floor(r.poc / binSize);
      // The streaming POC holds the most volume (to rounding: add/evict order differs from a fresh sum).
      expect(volumeOf(pocBin)).toBeGreaterThanOrEqual(max * (1 - 1e-9));
      if (volumeOf(pocBin) === max) pocExact++;
      const valBin = Math.round(r.val / binSize);
      const vahBin = Math.round(r.vah / binSize) - 1;
      expect(valBin).toBeGreaterThanOrEqual(lo);
      expect(vahBin).toBeLessThanOrEqual(hi);
      expect(valBin <= pocBin && pocBin <= vahBin).toBe(true);
      let inside = 0;
      for (let b = valBin; b <= vahBin; b++) inside += volumeOf(b);
      expect(inside).toBeGreaterThanOrEqual(0.7 * total * (1 - 1e-9));
      // Minimal: without the last bin added on either edge the area would hold less than 70 %.
      expect(Math.min(inside - volumeOf(valBin), inside - volumeOf(vahBin))).toBeLessThan(0.7 * total * (1 + 1e-9));
      checked++;
    }
    expect(checked).toBeGreaterThan(350);
    expect(pocExact / checked).toBeGreaterThan(0.95);
  });

  it('replaces the first bar of a session exactly (the journaled reset is undone and redone)', () => {
    const direct = new VolumeProfile({ window: 0, tickSize: 0.01, binTicks: 10 });
    const replaced = new VolumeProfile({ window: 0, tickSize: 0.01, binTicks: 10 });
    let boundaries = 0;
    bars!.forEach((bar, i) => {
      direct.add(bar);
      if (i > 0 && bar.time % 86_400_000 === 0) {
        replaced.add({ ...bar, time: bar.time - 1, high: bar.high + 3, volume: 1e6 }); // looks like yesterday
        replaced.replace({ ...bar, low: bar.low - 2 });
        replaced.replace(bar);
        boundaries++;
      } else replaced.add(bar);
      expect(replaced.getResult()).toEqual(direct.getResult());
    });
    expect(boundaries).toBe(10);
  });

  it('keeps a session profile inside the day’s range, with POC between VAL and VAH', () => {
    const vp = new VolumeProfile({ window: 0, tickSize: 0.01, binTicks: 10 });
    let dayLow = Infinity;
    let dayHigh = -Infinity;
    let day = NaN;
    for (const bar of bars!) {
      const d = Math.floor(bar.time / 86_400_000);
      if (d !== day) [day, dayLow, dayHigh] = [d, Infinity, -Infinity];
      dayLow = Math.min(dayLow, bar.low);
      dayHigh = Math.max(dayHigh, bar.high);
      vp.add(bar);
      const r = vp.getResultOrThrow();
      expect(r.val).toBeGreaterThanOrEqual(Math.floor(dayLow / 0.1 + 1e-9) * 0.1 - 1e-9);
      expect(r.vah).toBeLessThanOrEqual(Math.ceil(dayHigh / 0.1 - 1e-9) * 0.1 + 1e-9);
      expect(r.val < r.poc && r.poc < r.vah).toBe(true);
    }
  });
});
