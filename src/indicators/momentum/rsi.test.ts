// RSI against trading-signals (exact Wilder) and technicalindicators (rounded to 2 decimals), plus its flat-window convention.
import { RSI as TaRSI } from 'technicalindicators';
import { RSI as TsRSI } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { RSI } from './rsi.js';
import { alignEnd, bars, column, compareSeries, ours } from './test-support/compare.js';

describe('RSI against reference libraries on real SOLUSDT 5m bars', () => {
  for (const period of [2, 14, 30]) {
    it.skipIf(!bars)(`RSI(${period}) equals trading-signals RSI (Wilder smoothing, SMA seed) to 1e-9`, () => {
      const closes = column(bars!, 'close');
      const [mine] = ours('rsi', [period], bars!);
      const reference = new TsRSI(period);
      const theirs = closes.map((c) => reference.update(c, false) ?? undefined);
      expect(compareSeries(`rsi(${period})`, mine!, theirs, { scale: 100 })).toBeGreaterThanOrEqual(2000);
    });

    // technicalindicators rounds every RSI to 2 decimals (toFixed(2)), so agreement is to half a hundredth.
    it.skipIf(!bars)(`RSI(${period}) equals technicalindicators RSI at its 2-decimal rounding`, () => {
      const closes = column(bars!, 'close');
      const [mine] = ours('rsi', [period], bars!);
      const theirs = alignEnd(TaRSI.calculate({ period, values: closes }), closes.length);
      expect(compareSeries(`rsi(${period})`, mine!, theirs, { abs: 0.005 + 1e-9 })).toBeGreaterThanOrEqual(2000);
    });
  }
});

describe('RSI conventions', () => {
  const feed = (values: number[], period = 3): RSI => {
    const rsi = new RSI(period);
    for (const v of values) rsi.add(v);
    return rsi;
  };

  it('is stable after period + 1 closes', () => {
    expect(feed([1, 2, 3]).isStable).toBe(false);
    expect(feed([1, 2, 3, 4]).isStable).toBe(true);
  });

  it('is 100 with gains only, 0 with losses only, and 50 on a window without change (libraries say 100)', () => {
    expect(feed([1, 2, 3, 4, 5]).value).toBe(100);
    expect(feed([5, 4, 3, 2, 1]).value).toBe(0);
    expect(feed([7, 7, 7, 7, 7]).value).toBe(50);
  });

  it('follows a hand-worked Wilder example', () => {
    // Changes +1, −1, +2 seed the averages: gain 1, loss 1/3. Then −3: gain 1·2/3 = 2/3, loss (1/3·2 + 3)/3 = 11/9.
    const rsi = feed([10, 11, 10, 12]);
    expect(rsi.value).toBeCloseTo(100 - 100 / (1 + 3), 12);
    rsi.add(9);
    expect(rsi.value).toBeCloseTo(100 - 100 / (1 + 2 / 3 / (11 / 9)), 12);
  });
});
