// MFI, CMF and OBV against trading-signals and technicalindicators, plus their zero-volume conventions.
import { MFI as TaMFI, OBV as TaOBV } from 'technicalindicators';
import { CMF as TsCMF, MFI as TsMFI, OBV as TsOBV } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { CMF } from './cmf.js';
import { MFI } from './mfi.js';
import { OBV } from './obv.js';
import { alignEnd, bars, column, compareSeries, ours } from './test-support/compare.js';

const typical = (b: Bar) => (b.high + b.low + b.close) / 3;

describe('MFI, CMF and OBV against reference libraries on real SOLUSDT 5m bars', () => {
  it.skipIf(!bars)('mfi(14) equals trading-signals MFI to 1e-9', () => {
    const [mine] = ours('mfi', [14], bars!);
    const reference = new TsMFI(14);
    const ts = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('mfi', mine!, ts, { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });

  // technicalindicators differs in three ways: it skips the first bar entirely (so it is our MFI of
  // bars[1..]), it counts an unchanged typical price as negative flow, and it rounds to 2 decimals. So
  // it is compared with our MFI of bars[1..], at its rounding, on windows without an unchanged typical price.
  it.skipIf(!bars)('mfi(14) equals technicalindicators MFI of the bars after the first, at its 2-decimal rounding', () => {
    const rows = bars!.slice(1);
    const [mine] = ours('mfi', [14], rows);
    const result = TaMFI.calculate({ period: 14, high: column(rows, 'high'), low: column(rows, 'low'), close: column(rows, 'close'), volume: column(rows, 'volume') });
    const ta = alignEnd(result, rows.length).map((v, i) => {
      for (let j = Math.max(1, i - 13); j <= i; j++) if (typical(rows[j]!) === typical(rows[j - 1]!)) return undefined;
      return v;
    });
    expect(compareSeries('mfi', mine!, ta, { abs: 0.005 + 1e-9 })).toBeGreaterThanOrEqual(2000);
  });

  it.skipIf(!bars)('cmf(20) equals trading-signals CMF to 1e-9', () => {
    const [mine] = ours('cmf', [20], bars!);
    const reference = new TsCMF(20);
    const ts = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('cmf', mine!, ts, { scale: 1 })).toBeGreaterThanOrEqual(2000);
  });

  // Both libraries leave the first bar undefined and start the total from 0; ours reads 0 there, so the
  // series agree from the second bar on. trading-signals OBV(2) is its smallest window (the previous bar).
  it.skipIf(!bars)('obv equals trading-signals OBV and technicalindicators OBV to 1e-9', () => {
    const [mine] = ours('obv', [], bars!);
    expect(mine![0]).toBe(0);
    const reference = new TsOBV(2);
    const ts = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('obv vs trading-signals', mine!, ts)).toBe(bars!.length - 1);
    const ta = alignEnd(TaOBV.calculate({ close: column(bars!, 'close'), volume: column(bars!, 'volume') }), bars!.length);
    expect(compareSeries('obv vs technicalindicators', mine!, ta)).toBe(bars!.length - 1);
  });
});

describe('MFI, CMF and OBV conventions', () => {
  const bar = (high: number, low: number, close: number, volume: number): Bar => ({ time: 0, open: close, high, low, close, volume });

  it('MFI follows a hand-worked example, counting an unchanged typical price as no flow', () => {
    const mfi = new MFI(3);
    // Typical prices 3, 4, 4, 2: flows +4·10 = 40, none, −2·5 = 10. MFI = 100·40/50 = 80.
    for (const b of [bar(3, 3, 3, 7), bar(4, 4, 4, 10), bar(5, 3, 4, 99), bar(2, 2, 2, 5)]) mfi.add(b);
    expect(mfi.value).toBeCloseTo(80, 12);
  });

  it('MFI reads 50 without volume', () => {
    const mfi = new MFI(2);
    for (let i = 0; i < 4; i++) mfi.add(bar(10 + i, 9 + i, 10 + i, 0));
    expect(mfi.value).toBe(50);
  });

  it('CMF follows a hand-worked example, with 0 for a zero-range bar and for a window without volume', () => {
    const cmf = new CMF(3);
    // Multipliers +1 (close at the high), −1/2, 0 (zero range): flow 1·10 − 0.5·20 + 0·5 = 0... then a +1·30 bar.
    for (const b of [bar(10, 8, 10, 10), bar(12, 8, 9, 20), bar(9, 9, 9, 5)]) cmf.add(b);
    expect(cmf.value).toBeCloseTo(0, 12);
    cmf.add(bar(10, 9, 10, 30));
    expect(cmf.value).toBeCloseTo((-10 + 30) / 55, 12);
    for (let i = 0; i < 3; i++) cmf.add(bar(10, 9, 10, 0));
    expect(cmf.value).toBe(0);
  });

  it('OBV adds up-bar volume, subtracts down-bar volume, ignores unchanged closes', () => {
    const obv = new OBV();
    expect(obv.isStable).toBe(false);
    const values: number[] = [];
    for (const b of [bar(1, 1, 10, 5), bar(1, 1, 11, 7), bar(1, 1, 11, 9), bar(1, 1, 9, 4)]) {
      obv.add(b);
      values.push(obv.value);
    }
    expect(values).toEqual([0, 7, 7, 3]);
  });
});
