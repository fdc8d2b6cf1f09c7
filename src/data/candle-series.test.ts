import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../domain/candle.js';
import { CandleSeries } from './candle-series.js';
import { CandleWindow } from './candle-window.js';

const candle = (time: number, close = 100 + time / 60_000, closed = true): Candle => ({ time, open: close, high: close + 1, low: close - 1, close, volume: 10, turnover: NaN, closed });

describe('CandleSeries', () => {
  it('grows past its capacity and keeps every candle', () => {
    const series = new CandleSeries(2);
    for (let i = 0; i < 1000; i++) series.push(candle(i * 60_000));
    expect(series.length).toBe(1000);
    expect(series.at(999)).toEqual(candle(999 * 60_000));
    expect(series.columns.close.length).toBe(1000);
  });

  it('replaces the forming candle and keeps its flags', () => {
    const series = CandleSeries.fromCandles([candle(0), candle(60_000, 101, false)]);
    series.replaceLast(candle(60_000, 102, true));
    expect(series.last()).toEqual(candle(60_000, 102, true));
    series.replaceLast({ ...candle(60_000, 103, false), synthetic: true });
    expect(series.last()).toMatchObject({ closed: false, synthetic: true });
  });

  it('slices by time inclusively and finds bounds by binary search', () => {
    const series = CandleSeries.fromCandles(Array.from({ length: 10 }, (_, i) => candle(i * 60_000)));
    expect(series.sliceByTime(120_000, 300_000).toArray().map((c) => c.time)).toEqual([120_000, 180_000, 240_000, 300_000]);
    expect(series.lowerBound(90_000)).toBe(2);
    expect(series.sliceByTime(1e12, 2e12).length).toBe(0);
    expect(() => series.at(10)).toThrow(RangeError);
  });
});

describe('CandleWindow', () => {
  it('keeps only the newest N candles in order, whatever is pushed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 100 }), (capacity, count) => {
        const window = new CandleWindow(capacity);
        for (let i = 0; i < count; i++) window.update(candle(i * 60_000));
        const expected = Array.from({ length: count }, (_, i) => candle(i * 60_000)).slice(-capacity);
        expect(window.toArray()).toEqual(expected);
        expect([...window.column('time')]).toEqual(expected.map((c) => c.time));
      }),
    );
  });

  it('updates the forming candle in place and reports the last closed one', () => {
    const window = new CandleWindow(3);
    window.update(candle(0));
    window.update(candle(60_000, 50, false));
    expect(window.length).toBe(2);
    expect(window.lastClosed()?.time).toBe(0);
    window.update(candle(60_000, 51, true));
    expect(window.length).toBe(2);
    expect(window.fromEnd(0).close).toBe(51);
    expect(window.lastClosed()?.time).toBe(60_000);
    expect(() => window.update(candle(0))).toThrow(/older than the newest/);
  });

  it('defaults to the live engine size of 500', () => {
    const window = new CandleWindow();
    for (let i = 0; i < 600; i++) window.update(candle(i * 60_000));
    expect(window.length).toBe(500);
    expect(window.at(0).time).toBe(100 * 60_000);
  });
});
