// Keltner and Donchian Channels against technicalindicators and trading-signals on real SOLUSDT 5m bars, plus worked examples.
import { KeltnerChannels as TiKC } from 'technicalindicators';
import { DonchianChannels as TsDC, KeltnerChannels as TsKC } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { bar, maxGap, alignEnd, run, runLib, solBars } from '../test-support/compare.js';
import { DonchianChannels } from './donchian.js';
import { KeltnerChannels } from './keltner.js';

const bars = solBars();
const sides = ['upper', 'middle', 'lower'] as const;

describe('channels by hand', () => {
  it('Donchian(3) includes the current bar', () => {
    const dc = new DonchianChannels(3);
    const input = [bar(0, { high: 5, low: 1 }), bar(1, { high: 7, low: 2 }), bar(2, { high: 6, low: 3 }), bar(3, { high: 4, low: 3.5 })];
    dc.add(input[0]!);
    dc.add(input[1]!);
    expect(dc.isStable).toBe(false);
    dc.add(input[2]!);
    expect(dc.getResultOrThrow()).toEqual({ upper: 7, middle: 4, lower: 1 });
    dc.add(input[3]!);
    expect(dc.getResultOrThrow()).toEqual({ upper: 7, middle: 4.5, lower: 2 });
  });

  it('Keltner(2, 1, 2): EMA(2) ± 2 × ATR(1) (ATR(1) is the latest true range)', () => {
    const kc = new KeltnerChannels(2, 1, 2);
    kc.add(bar(0, { high: 11, low: 9, close: 10 }));
    expect(kc.isStable).toBe(false);
    kc.add(bar(1, { high: 13, low: 11, close: 12 }));
    // EMA seed (10 + 12) / 2 = 11; TR = max(2, 3, 1) = 3
    expect(kc.getResultOrThrow()).toEqual({ upper: 17, middle: 11, lower: 5 });
    kc.add(bar(2, { high: 12.5, low: 11.5, close: 12 }));
    // EMA 11 + (12 − 11) × 2/3; TR = max(1, 0.5, 0.5) = 1
    expect(kc.middle).toBeCloseTo(11 + 2 / 3, 14);
    expect(kc.upper - kc.middle).toBe(2);
  });
});

describe.skipIf(!bars)('channels against the libraries on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const n = all.length;

  it('Donchian(20) equals trading-signals DonchianChannels exactly', () => {
    const ts = new TsDC(20);
    const results = all.map((b) => ts.add(b));
    for (const side of sides) {
      const ours = run(new DonchianChannels(20), all, (i) => i[side]);
      const theirs = runLib(results, (r) => r, (r) => r[side]);
      expect(maxGap(ours, theirs), side).toEqual({ gap: 0, compared: n - 19 });
    }
  });

  it('Keltner(20, 10, 2) equals technicalindicators KeltnerChannels (EMA with SMA seed, ATR without the first range)', () => {
    const ti = TiKC.calculate({ maPeriod: 20, atrPeriod: 10, multiplier: 2, useSMA: false, high: all.map((b) => b.high), low: all.map((b) => b.low), close: all.map((b) => b.close) });
    for (const side of sides) {
      const ours = run(new KeltnerChannels(20, 10, 2), all, (i) => i[side]);
      const { gap, compared } = maxGap(ours, alignEnd(ti.map((r) => r[side]), n));
      expect(compared, side).toBe(n - 19);
      expect(gap, side).toBeLessThan(1e-9);
    }
  });

  it('Keltner(20, 10, 2) matches trading-signals KeltnerChannels once their seeds have decayed', () => {
    // trading-signals seeds its EMA with the first close (not an SMA) and its ATR with the first bar's
    // high − low; both gaps shrink geometrically, (19/21)ᵗ and (9/10)ᵗ.
    const ts = new TsKC({ emaInterval: 20, atrInterval: 10, multiplier: 2 });
    const results = all.map((b) => ts.add(b));
    for (const side of sides) {
      const ours = run(new KeltnerChannels(20, 10, 2), all, (i) => i[side]);
      const theirs = runLib(results, (r) => r, (r) => r[side]);
      expect(maxGap(ours, theirs, 0).gap, side).toBeGreaterThan(1e-9);
      const { gap, compared } = maxGap(ours, theirs, 400);
      expect(compared).toBe(n - 400);
      expect(gap, side).toBeLessThan(1e-9);
    }
  });
});
