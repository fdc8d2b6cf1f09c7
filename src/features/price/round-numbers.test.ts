// Distance to round numbers: nearest level, signed distance in price, ATR and percent, on hand-worked closes and real bars.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { RoundNumbers } from './round-numbers.js';

/** 15 bars of range 2 around a fixed close: true range 2 each, so ATR(14) = 2 — then the close to test. */
function after(close: number, step: number) {
  const rn = new RoundNumbers(step, 14);
  for (let i = 0; i < 15; i++) rn.add({ time: i, open: close, high: close + 1, low: close - 1, close, volume: 1 });
  return rn.getResultOrThrow();
}

describe('RoundNumbers', () => {
  it('measures the close from the nearest multiple of the step', () => {
    const r = after(151.37, 1);
    expect(r.level).toBe(151);
    expect(r.distance).toBeCloseTo(0.37, 12);
    expect(r.distanceAtr).toBeCloseTo(0.37 / 2, 12);
    expect(r.distancePercent).toBeCloseTo((0.37 / 151.37) * 100, 12);
    expect(after(151.37, 5)).toMatchObject({ level: 150 });
    expect(after(151.37, 5).distance).toBeCloseTo(1.37, 12);
    expect(after(151.37, 0.5).level).toBe(151.5);
    expect(after(151.37, 0.5).distance).toBeCloseTo(-0.13, 12);
    expect(after(150.5, 1).level).toBe(151); // half-way goes up
    expect(after(0.3, 0.1).level).toBe(0.3); // not 0.30000000000000004
  });

  it('needs the ATR to be stable', () => {
    const rn = new RoundNumbers(1, 14);
    const bar: Bar = { time: 0, open: 10, high: 11, low: 9, close: 10, volume: 1 };
    for (let i = 0; i < 14; i++) rn.add(bar);
    expect(rn.getResult()).toBeUndefined();
    rn.add(bar);
    expect(rn.getResult()).toEqual({ level: 10, distance: 0, distanceAtr: 0, distancePercent: 0 });
    expect(() => new RoundNumbers(0)).toThrow(/step/);
  });
});

const real = realBars(5000);

describe.skipIf(!real)('RoundNumbers on real SOLUSDT 5m bars', () => {
  it('stays within half a step of the close, on a multiple of the step', () => {
    for (const step of [1, 5]) {
      const rn = new RoundNumbers(step);
      for (const bar of real!) {
        rn.add(bar);
        const r = rn.getResult();
        if (!r) continue;
        expect(Math.abs(r.distance)).toBeLessThanOrEqual(step / 2 + 1e-9);
        expect(r.level / step).toBe(Math.round(r.level / step));
        expect(r.level + r.distance).toBeCloseTo(bar.close, 9);
      }
    }
  });
});
