// Relative volume by hand and against trading-signals RVOL and a brute-force time-of-day baseline on SOLUSDT 5m.
import { RVOL as TsRVOL } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { maxGap, run, runLib, solBars } from '../test-support/compare.js';
import { RelativeVolume } from './rvol.js';
import { DAY_MS, HOUR_MS } from './vwap.js';

const bars = solBars();
const SIX_HOURS = 6 * HOUR_MS;
const quarterDay = (i: number, volume: number): Bar => ({ time: Date.UTC(2025, 0, 1) + i * SIX_HOURS, open: 1, high: 1, low: 1, close: 1, volume });

describe('relative volume by hand', () => {
  it('divides by the mean of the previous n bars and of the same slot on the previous d days', () => {
    // 6 h bars: 4 slots a day; n = 2, d = 2, so stable from the 9th bar (2 whole days after the first).
    const volumes = [10, 20, 30, 40, 20, 40, 60, 80, 45, 30];
    const rv = new RelativeVolume(2, 2, SIX_HOURS);
    volumes.slice(0, 8).forEach((v, i) => rv.add(quarterDay(i, v)));
    expect(rv.isStable).toBe(false);
    rv.add(quarterDay(8, 45));
    expect(rv.rvol).toBe(45 / 70); // previous two: 60, 80
    expect(rv.rvolTod).toBe(45 / 15); // slot 0 on the previous two days: 10, 20
    rv.add(quarterDay(9, 30));
    expect(rv.getResultOrThrow()).toEqual({ rvol: 30 / 62.5, rvolTod: 30 / 30 });
  });

  it('reads 0 when a baseline has no volume', () => {
    const rv = new RelativeVolume(2, 1, SIX_HOURS);
    [0, 0, 0, 0, 5].forEach((v, i) => rv.add(quarterDay(i, v)));
    expect(rv.getResultOrThrow()).toEqual({ rvol: 0, rvolTod: 0 });
  });

  it('replace() may move the forming bar to another slot and back', () => {
    const volumes = [10, 20, 30, 40, 20, 40, 60, 80, 45, 30, 12];
    const plain = new RelativeVolume(2, 2, SIX_HOURS);
    volumes.forEach((v, i) => plain.add(quarterDay(i, v)));
    const replaced = new RelativeVolume(2, 2, SIX_HOURS);
    volumes.slice(0, -1).forEach((v, i) => replaced.add(quarterDay(i, v)));
    replaced.add(quarterDay(11, 99)); // a bar stamped a slot later
    replaced.replace(quarterDay(10, 12));
    expect(replaced.getResultOrThrow()).toEqual(plain.getResultOrThrow());
    plain.add(quarterDay(11, 7));
    replaced.add(quarterDay(11, 7));
    expect(replaced.getResultOrThrow()).toEqual(plain.getResultOrThrow());
  });

  it('rejects an interval that does not divide the day', () => {
    expect(() => new RelativeVolume(20, 4, 7 * 60_000)).toThrow(RangeError);
  });
});

describe.skipIf(!bars)('relative volume on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const n = all.length;

  it('rvol(20) equals trading-signals RVOL(20) (both: current bar over the mean of the previous 20)', () => {
    const ours = run(new RelativeVolume(20, 4, 300_000), all, (i) => i.rvol);
    const ts = new TsRVOL(20);
    const theirs = runLib(all, (b) => ts.add(b.volume), (r) => r);
    const { gap, compared } = maxGap(ours, theirs);
    expect(compared).toBe(n - 4 * 288); // ours waits for the 4 days that rvolTod needs
    expect(gap).toBeLessThan(1e-9);
  });

  it('rvolTod(5 days) equals the volume over the mean of the bars at the same time on the previous 5 days', () => {
    const ours = run(new RelativeVolume(20, 5, 300_000), all, (i) => i.rvolTod);
    const reference = Float64Array.from(all, (b, i) => {
      const earlier = all.slice(0, i).filter((p) => (b.time - p.time) % DAY_MS === 0).slice(-5);
      return earlier.length < 5 ? NaN : b.volume / (earlier.reduce((s, p) => s + p.volume, 0) / 5);
    });
    const { gap, compared } = maxGap(ours, reference);
    expect(compared).toBe(n - 5 * 288);
    expect(gap).toBeLessThan(1e-9);
  });
});
