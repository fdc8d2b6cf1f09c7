// Max drawdown by example: known peak, trough and recovery, the unrecovered case, ties and a wiped-out account.
import { describe, expect, it } from 'vitest';
import { maxDrawdown } from './drawdown.js';
import type { EquityCurve } from './types.js';

const H = 3_600_000;
/** Hourly samples from 1 h on. */
const curve = (values: readonly number[]): EquityCurve => ({ time: values.map((_, i) => (i + 1) * H), equity: values });

describe('maxDrawdown', () => {
  it('finds peak, trough and recovery far apart in a long curve (across its scan chunks)', () => {
    // 300,000 samples around 1000: the peak 1500 at 70,000, the trough 600 at 150,000 (−60 %), back at 1500 at 260,000.
    const n = 300_000;
    const values = Float64Array.from({ length: n }, (_, i) => 1000 + 50 * Math.sin(i / 97));
    values[70_000] = 1500;
    values[150_000] = 600;
    values[260_000] = 1500;
    const dd = maxDrawdown({ time: Float64Array.from({ length: n }, (_, i) => (i + 1) * H), equity: values }, 1000, 0, (n + 1) * H);
    expect(dd).toEqual({ amount: 900, pct: 60, start: 70_001 * H, trough: 150_001 * H, end: 260_001 * H, durationMs: 190_000 * H, recovered: true });
  });

  it('finds the peak, the trough and the recovery of the deepest fall in percent', () => {
    // 100 → 110 (peak, 1 h) → 99 → 88 (trough, 3 h: −22 = −20 %) → 105 → 110 (back at the peak, 5 h)
    //     → 200 → 170 (−30 USDT but only −15 %) → 210.
    const dd = maxDrawdown(curve([110, 99, 88, 105, 110, 200, 170, 210]), 100, 0, 10 * H);
    expect(dd).toEqual({ amount: 22, pct: 20, start: 1 * H, trough: 3 * H, end: 5 * H, durationMs: 4 * H, recovered: true });
  });

  it('runs to the end of the period when equity never gets back to the peak', () => {
    // 100 → 120 (1 h) → 90 (−25 %) → 100; the period ends at 10 h.
    const dd = maxDrawdown(curve([120, 90, 100]), 100, 0, 10 * H);
    expect(dd).toEqual({ amount: 30, pct: 25, start: 1 * H, trough: 2 * H, end: 10 * H, durationMs: 9 * H, recovered: false });
  });

  it('measures a fall from the initial equity from the start of the period', () => {
    const dd = maxDrawdown(curve([80, 90]), 100, 0, 5 * H);
    expect(dd).toMatchObject({ amount: 20, pct: 20, start: 0, trough: 1 * H, end: 5 * H, recovered: false });
  });

  it('keeps the first of two equally deep falls', () => {
    // 100 → 90 (−10 %) → 100 (recovered at 2 h) → 200 → 180 (−10 %).
    const dd = maxDrawdown(curve([90, 100, 200, 180]), 100, 0, 5 * H);
    expect(dd).toMatchObject({ pct: 10, amount: 10, start: 0, trough: 1 * H, end: 2 * H, durationMs: 2 * H });
  });

  it('treats equity that only rises or stays flat as no drawdown', () => {
    const none = { amount: 0, pct: 0, start: null, trough: null, end: null, durationMs: 0, recovered: false };
    expect(maxDrawdown(curve([100, 101, 101, 105]), 100, 0, 5 * H)).toEqual(none);
    expect(maxDrawdown(curve([]), 100, 0, 5 * H)).toEqual(none);
  });

  it('caps the percentage at 100 when equity goes below zero', () => {
    expect(maxDrawdown(curve([-5]), 100, 0, 2 * H)).toMatchObject({ amount: 105, pct: 100 });
  });
});
