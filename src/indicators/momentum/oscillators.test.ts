// ROC, Williams %R and CCI against trading-signals and technicalindicators, plus their zero-divisor conventions.
import { CCI as TaCCI, ROC as TaROC, WilliamsR as TaWilliamsR } from 'technicalindicators';
import { CCI as TsCCI, ROC as TsROC, WilliamsR as TsWilliamsR } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { CCI } from './cci.js';
import { ROC } from './roc.js';
import { alignEnd, bars, column, compareSeries, ours } from './test-support/compare.js';
import { WilliamsR } from './williams-r.js';

const hlc = (rows: readonly Bar[]) => ({ high: column(rows, 'high'), low: column(rows, 'low'), close: column(rows, 'close') });

describe('ROC, Williams %R and CCI against reference libraries on real SOLUSDT 5m bars', () => {
  for (const period of [9, 12]) {
    // trading-signals gives the fraction, so it is scaled by 100; technicalindicators gives the percent.
    it.skipIf(!bars)(`roc(${period}) equals trading-signals ROC × 100 and technicalindicators ROC to 1e-9`, () => {
      const closes = column(bars!, 'close');
      const [mine] = ours('roc', [period], bars!);
      const reference = new TsROC(period);
      const ts = closes.map((c) => {
        const r = reference.update(c, false);
        return r === null ? undefined : r * 100;
      });
      expect(compareSeries('roc vs trading-signals', mine!, ts)).toBeGreaterThanOrEqual(2000);
      const ta = alignEnd(TaROC.calculate({ period, values: closes }), closes.length);
      expect(compareSeries('roc vs technicalindicators', mine!, ta)).toBeGreaterThanOrEqual(2000);
    });
  }

  it.skipIf(!bars)('willr(14) equals trading-signals and technicalindicators WilliamsR to 1e-9', () => {
    const [mine] = ours('willr', [14], bars!);
    const reference = new TsWilliamsR(14);
    const ts = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('willr vs trading-signals', mine!, ts, { scale: 100 })).toBeGreaterThanOrEqual(2000);
    const ta = alignEnd(TaWilliamsR.calculate({ period: 14, ...hlc(bars!) }), bars!.length);
    expect(compareSeries('willr vs technicalindicators', mine!, ta, { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });

  it.skipIf(!bars)('cci(20) equals trading-signals and technicalindicators CCI to 1e-9', () => {
    const [mine] = ours('cci', [20], bars!);
    const reference = new TsCCI(20);
    const ts = bars!.map((b) => reference.update(b, false) ?? undefined);
    expect(compareSeries('cci vs trading-signals', mine!, ts, { scale: 100 })).toBeGreaterThanOrEqual(2000);
    const ta = alignEnd(TaCCI.calculate({ period: 20, ...hlc(bars!) }), bars!.length);
    expect(compareSeries('cci vs technicalindicators', mine!, ta, { scale: 100 })).toBeGreaterThanOrEqual(2000);
  });
});

describe('ROC, Williams %R and CCI conventions', () => {
  const bar = (high: number, low: number, close: number): Bar => ({ time: 0, open: close, high, low, close, volume: 1 });

  it('ROC(3) is the percent change over 3 closes, stable after 4', () => {
    const roc = new ROC(3);
    for (const c of [100, 50, 80]) roc.add(c);
    expect(roc.isStable).toBe(false);
    roc.add(110);
    expect(roc.value).toBeCloseTo(10, 12);
    roc.add(40);
    expect(roc.value).toBeCloseTo(-20, 12);
  });

  it('ROC reads 0 against a zero reference close', () => {
    const roc = new ROC(1);
    roc.add(0);
    roc.add(5);
    expect(roc.value).toBe(0);
  });

  it('Williams %R: 0 at the high, −100 at the low, −50 on a zero-range window', () => {
    const willr = new WilliamsR(2);
    willr.add(bar(10, 8, 9));
    willr.add(bar(12, 9, 12));
    expect(willr.value).toBe(-0);
    willr.add(bar(11, 6, 6));
    expect(willr.value).toBe(-100);
    willr.add(bar(7, 7, 7));
    expect(willr.value).toBeCloseTo(-80, 12); // window highs 11, 7 and lows 6, 7: −100·(11 − 7)/(11 − 6)
    willr.add(bar(7, 7, 7));
    expect(willr.value).toBe(-50);
  });

  it('CCI follows a hand-worked example and reads 0 on a flat window', () => {
    const cci = new CCI(3);
    // Typical prices 1, 2, 6: mean 3, mean absolute deviation (2 + 1 + 3)/3 = 2, CCI = (6 − 3)/(0.015·2) = 100.
    for (const tp of [1, 2, 6]) cci.add(bar(tp, tp, tp));
    expect(cci.value).toBeCloseTo(100, 10);
    for (let i = 0; i < 3; i++) cci.add(bar(5, 5, 5));
    expect(cci.value).toBe(0);
  });
});
