// Support and resistance clusters on a hand-made zigzag with a known ATR, and invariants on real SOLUSDT bars.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { SupportResistance } from './levels.js';
import { table } from './test-support/candles.js';

// Bars one wide (high = low + 1) closing mid-bar. Troughs at lows 100, 100.2, 100.4; peaks at highs 105 and 105.3.
// Every step moves the low by 1, so the true range of the last bar is 1.5 and ATR(1) = 1.5.
const lows = [101, 100, 101, 102, 103, 104, 103, 102, 101, 100.2, 101, 102, 103, 104.3, 103, 102, 101, 100.4, 101, 102];
const zigzag: Bar[] = table(lows.map((l) => [l + 0.5, l + 1, l, l + 0.5] as const));

function levelsAfter(options: ConstructorParameters<typeof SupportResistance>[0]) {
  const levels = new SupportResistance({ right: 1, left: 1, atrPeriod: 1, ...options });
  for (const bar of zigzag) levels.add(bar);
  return levels.getResultOrThrow();
}

describe('SupportResistance', () => {
  it('clusters swing prices within tolerance × ATR and reports the nearest below and above the close', () => {
    // Tolerance 0.3 × 1.5 = 0.45: the three lows form one cluster (mean 100.2), the two highs another (105.15).
    const r = levelsAfter({ toleranceAtr: 0.3, minTouches: 2 });
    expect(r.support).toBeCloseTo(100.2, 9);
    expect(r.supportTouches).toBe(3);
    expect(r.resistance).toBeCloseTo(105.15, 9);
    expect(r.resistanceTouches).toBe(2);
  });

  it('splits clusters when the tolerance is tighter, and needs minTouches swings for a level', () => {
    // Tolerance 0.1 × 1.5 = 0.15: every swing stands alone.
    expect(levelsAfter({ toleranceAtr: 0.1, minTouches: 2 })).toEqual({ support: 0, supportTouches: 0, resistance: 0, resistanceTouches: 0 });
    expect(levelsAfter({ toleranceAtr: 0.1, minTouches: 1 })).toEqual({ support: 100.4, supportTouches: 1, resistance: 105, resistanceTouches: 1 });
  });

  it('forgets swings beyond its memory', () => {
    // Memory 2 keeps only the last two swings: the high 105.3 and the low 100.4.
    expect(levelsAfter({ toleranceAtr: 0.3, minTouches: 1, memory: 2 })).toEqual({ support: 100.4, supportTouches: 1, resistance: 105.3, resistanceTouches: 1 });
  });

  it('replaces the forming bar exactly, even one that would confirm swings', () => {
    const direct = new SupportResistance({ right: 1, left: 1, atrPeriod: 1, minTouches: 1 });
    const replaced = new SupportResistance({ right: 1, left: 1, atrPeriod: 1, minTouches: 1 });
    const last = zigzag.length - 1;
    zigzag.slice(0, last).forEach((b) => (direct.add(b), replaced.add(b)));
    direct.add(zigzag[last]!);
    replaced.add({ ...zigzag[last]!, low: 90, high: 120, open: 100, close: 100 });
    replaced.replace(zigzag[last]!);
    expect(replaced.getResult()).toEqual(direct.getResult());
  });

  it('rejects bad options', () => {
    expect(() => new SupportResistance({ memory: 1 })).toThrow(/memory/);
    expect(() => new SupportResistance({ toleranceAtr: -1 })).toThrow(/toleranceAtr/);
    expect(() => new SupportResistance({ minTouches: 0 })).toThrow(/minTouches/);
  });
});

const real = realBars(5000);

describe.skipIf(!real)('SupportResistance on real SOLUSDT 5m bars', () => {
  it('keeps support at or below the close and resistance above it, with at least minTouches swings', () => {
    const levels = new SupportResistance();
    let withBoth = 0;
    let stable = 0;
    for (const bar of real!) {
      levels.add(bar);
      const r = levels.getResult();
      if (!r) continue;
      stable++;
      if (r.supportTouches > 0) {
        expect(r.support).toBeLessThanOrEqual(bar.close);
        expect(r.supportTouches).toBeGreaterThanOrEqual(2);
      } else expect(r.support).toBe(0);
      if (r.resistanceTouches > 0) {
        expect(r.resistance).toBeGreaterThan(bar.close);
        expect(r.resistanceTouches).toBeGreaterThanOrEqual(2);
      } else expect(r.resistance).toBe(0);
      if (r.supportTouches > 0 && r.resistanceTouches > 0) withBoth++;
    }
    // Most bars have a level on both sides (2907 of the 4986 stable bars among the first 5000, with the defaults).
    expect(withBoth / stable).toBeGreaterThan(0.4);
  });
});
