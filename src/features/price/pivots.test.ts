// Pivot points: textbook classic / Fibonacci / Camarilla levels for one day, day rolls by UTC bar time, and real SOLUSDT days.
import { describe, expect, it } from 'vitest';
import { NotStableError } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { PivotPoints, PivotType, type PivotLevels } from './pivots.js';
import { table } from './test-support/candles.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2025, 0, 6);
// Monday: high 110, low 100, close 105 over three 8-hour bars; then Tuesday's first bar.
const days = table(
  [
    [102, 104, 100, 103],
    [103, 110, 102, 108],
    [108, 109, 104, 105],
    [105, 106, 90, 91],
  ],
  MONDAY,
  8 * HOUR,
);

function levelsOn(type: PivotType): PivotLevels {
  const pivots = new PivotPoints(type);
  for (const bar of days) pivots.add(bar);
  return pivots.getResultOrThrow();
}

const near = (actual: PivotLevels, expected: PivotLevels) => {
  for (const key of Object.keys(expected) as Array<keyof PivotLevels>) expect(actual[key], key).toBeCloseTo(expected[key], 9);
};

describe('PivotPoints', () => {
  it('classic: P = (H + L + C) / 3, R1 = 2P − L, R2 = P + range, R3 = H + 2(P − L)', () => {
    // P = 105, range 10.
    near(levelsOn(PivotType.classic), { p: 105, r1: 110, r2: 115, r3: 120, s1: 100, s2: 95, s3: 90 });
  });

  it('Fibonacci: P ± 0.382, 0.618, 1 × range', () => {
    near(levelsOn(PivotType.fibonacci), { p: 105, r1: 108.82, r2: 111.18, r3: 115, s1: 101.18, s2: 98.82, s3: 95 });
  });

  it('Camarilla: C ± range × 1.1 / 12, / 6, / 4', () => {
    near(levelsOn(PivotType.camarilla), { p: 105, r1: 105 + 11 / 12, r2: 105 + 11 / 6, r3: 107.75, s1: 105 - 11 / 12, s2: 105 - 11 / 6, s3: 102.25 });
  });

  it('waits for the second UTC day, keeps levels through the day, and replaces exactly across the boundary', () => {
    const pivots = new PivotPoints();
    days.slice(0, 3).forEach((bar) => pivots.add(bar));
    expect(pivots.isStable).toBe(false);
    expect(() => pivots.getResultOrThrow()).toThrow(NotStableError);
    pivots.add(days[3]!);
    const tuesday = pivots.getResultOrThrow();
    // Tuesday's own crash does not move Tuesday's levels.
    pivots.add({ time: MONDAY + DAY + HOUR, open: 91, high: 95, low: 50, close: 60, volume: 1 });
    expect(pivots.getResultOrThrow()).toEqual(tuesday);
    // A bar on Wednesday uses Tuesday: high 106, low 50, close 60 → P = 72.
    pivots.add({ time: MONDAY + 2 * DAY, open: 60, high: 61, low: 59, close: 60, volume: 1 });
    expect(pivots.getResultOrThrow().p).toBeCloseTo(72, 9);
    pivots.replace({ time: MONDAY + DAY + 2 * HOUR, open: 60, high: 61, low: 59, close: 61, volume: 1 }); // still Tuesday after all
    expect(pivots.getResultOrThrow()).toEqual(tuesday);
    expect(() => new PivotPoints(3 as PivotType)).toThrow(/type/);
  });
});

const real = realBars(20_000);

describe.skipIf(!real)('PivotPoints on real SOLUSDT 5m bars', () => {
  it('uses the previous UTC day’s high, low and close, computed here by grouping bars by day', () => {
    const daily = new Map<number, { high: number; low: number; close: number }>();
    for (const bar of real!) {
      const day = Math.floor(bar.time / DAY);
      const d = daily.get(day);
      daily.set(day, { high: Math.max(d?.high ?? -Infinity, bar.high), low: Math.min(d?.low ?? Infinity, bar.low), close: bar.close });
    }
    const pivots = new PivotPoints(PivotType.classic);
    let checked = 0;
    for (const bar of real!) {
      pivots.add(bar);
      const previous = daily.get(Math.floor(bar.time / DAY) - 1);
      if (!previous) {
        expect(pivots.isStable).toBe(false);
        continue;
      }
      const { high, low, close } = previous;
      const p = (high + low + close) / 3;
      const r = pivots.getResultOrThrow();
      expect(r.p).toBe(p);
      expect(r.r1).toBe(2 * p - low);
      expect(r.s3).toBe(low - 2 * (high - p));
      expect(r.s1 < r.p && r.p < r.r1).toBe(true);
      checked++;
    }
    expect(daily.size).toBe(70); // 20 000 five-minute bars from 2025-09-24 00:00 UTC span 70 UTC days
    expect(checked).toBe(real!.length - 288);
  });
});
