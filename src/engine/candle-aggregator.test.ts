import { describe, expect, it } from 'vitest';
import type { Candle } from '../domain/candle.js';
import { CandleAggregator } from './candle-aggregator.js';

const M5 = 300_000;
const H1 = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const bar = (i: number, close: number): Candle => ({ time: T0 + i * M5, open: close - 1, high: close + 2, low: close - 3, close, volume: 10, turnover: NaN, closed: true });

describe('CandleAggregator', () => {
  it('completes the hour when the 5m candle ending on the hour closes', () => {
    const agg = new CandleAggregator(M5, H1);
    const out: Candle[] = [];
    for (let i = 0; i < 12; i++) out.push(...agg.add(bar(i, 100 + i)));
    expect(out).toEqual([{ time: T0, open: 99, high: 113, low: 97, close: 111, volume: 120, turnover: 0, closed: true }]);
  });

  it('finishes an hour whose last candles never came when the next hour starts', () => {
    const agg = new CandleAggregator(M5, H1);
    expect(agg.add(bar(0, 100))).toEqual([]);
    expect(agg.add(bar(5, 105))).toEqual([]);
    const next = agg.add(bar(12, 112));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ time: T0, open: 99, close: 105, volume: 20 });
  });

  it('refuses a target that is not a whole multiple of the base', () => {
    expect(() => new CandleAggregator(M5, 7 * 60_000)).toThrow(RangeError);
  });
});
