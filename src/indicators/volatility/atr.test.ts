// TR, ATR and NATR against technicalindicators and trading-signals on real SOLUSDT 5m bars, plus worked examples.
import { ATR as TiATR, TrueRange as TiTrueRange } from 'technicalindicators';
import { ATR as TsATR, NATR as TsNATR, TR as TsTR } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { NotStableError } from '../contract.js';
import { ATR, TR } from './atr.js';
import { alignEnd, bar, maxGap, run, runLib, solBars } from '../test-support/compare.js';
import { NATR } from './natr.js';

const bars = solBars();

describe('TR, ATR, NATR by hand', () => {
  const input = [bar(0, { high: 10, low: 8, close: 9 }), bar(1, { high: 12, low: 10, close: 11 }), bar(2, { high: 11, low: 7, close: 8 }), bar(3, { high: 9, low: 8.5, close: 9 })];

  it('true range takes the gap to the previous close; the first bar has none, so TR waits for the second', () => {
    const tr = new TR();
    tr.add(input[0]!);
    expect(() => tr.value).toThrow(NotStableError);
    const seen = input.slice(1).map((b) => (tr.add(b), tr.value));
    expect(seen).toEqual([3, 4, 1]); // max(2, |12 − 9|, |10 − 9|), max(4, 0, 4), max(0.5, 1, 0.5)
  });

  it("ATR(2) seeds with the mean of the first two true ranges, then Wilder's 1/n smoothing", () => {
    const atr = new ATR(2);
    atr.add(input[0]!);
    atr.add(input[1]!);
    expect(atr.isStable).toBe(false);
    atr.add(input[2]!);
    expect(atr.value).toBe(3.5); // (3 + 4) / 2
    atr.add(input[3]!);
    expect(atr.value).toBe(2.25); // 3.5 + (1 − 3.5) / 2
    const natr = new NATR(2);
    input.forEach((b) => natr.add(b));
    expect(natr.value).toBe(25); // 100 × 2.25 / 9
  });
});

describe.skipIf(!bars)('TR, ATR, NATR against the libraries on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const n = all.length;
  const hlc = { high: all.map((b) => b.high), low: all.map((b) => b.low), close: all.map((b) => b.close) };

  it('TR equals technicalindicators TrueRange and trading-signals TR from the second bar', () => {
    const ours = run(new TR(), all, (i) => i.value);
    const ti = alignEnd(TiTrueRange.calculate(hlc), n);
    const ts = new TsTR();
    const theirs = runLib(all, (b) => ts.add(b), (r) => r);
    expect(n).toBeGreaterThanOrEqual(2000);
    expect(maxGap(ours, ti)).toEqual({ gap: 0, compared: n - 1 });
    expect(maxGap(ours, theirs)).toEqual({ gap: 0, compared: n - 1 });
  });

  for (const period of [10, 14]) {
    it(`ATR(${period}) equals technicalindicators ATR from its first value (same definition: first range dropped, SMA seed)`, () => {
      const ours = run(new ATR(period), all, (i) => i.value);
      const theirs = alignEnd(TiATR.calculate({ ...hlc, period }), n);
      const { gap, compared } = maxGap(ours, theirs);
      expect(compared).toBe(n - period);
      expect(gap).toBeLessThan(1e-9);
    });

    it(`ATR(${period}) matches trading-signals ATR once its different seed has decayed`, () => {
      // trading-signals counts the first bar's high − low as a true range, so its SMA seed covers
      // bars 0 … n − 1 and it is stable one bar earlier; the gap then shrinks by (1 − 1/n) a bar.
      const ours = run(new ATR(period), all, (i) => i.value);
      const ts = new TsATR(period);
      const theirs = runLib(all, (b) => ts.add(b), (r) => r);
      expect(Number.isNaN(theirs[period - 1]!)).toBe(false);
      expect(maxGap(ours, theirs, period, 0).gap).toBeGreaterThan(1e-9);
      const settled = Math.ceil(Math.log(1e-12) / Math.log(1 - 1 / period));
      const { gap, compared } = maxGap(ours, theirs, settled);
      expect(compared).toBeGreaterThan(1500);
      expect(gap).toBeLessThan(1e-9);
    });
  }

  it('NATR(14) is 100 × technicalindicators ATR / close, and trading-signals NATR once seeds agree', () => {
    const ours = run(new NATR(14), all, (i) => i.value);
    const ti = alignEnd(TiATR.calculate({ ...hlc, period: 14 }), n).map((atr, i) => (100 * atr) / all[i]!.close);
    expect(maxGap(ours, ti)).toMatchObject({ compared: n - 14 });
    expect(maxGap(ours, ti).gap).toBeLessThan(1e-9);
    const ts = new TsNATR(14);
    const theirs = runLib(all, (b) => ts.add(b), (r) => r);
    expect(maxGap(ours, theirs, 400).gap).toBeLessThan(1e-9);
  });
});
