import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../domain/candle.js';
import { timeframeMs } from '../domain/timeframe.js';
import { aggregateSeries, TimeframeAggregator } from './aggregate.js';
import { CandleSeries } from './candle-series.js';
import { loadCandleFile } from './load-history.js';
import { describeWithData } from './test-support/shared-data.js';

const M = 60_000;
const c = (time: number, open: number, high: number, low: number, close: number, volume = 1, closed = true): Candle => ({ time, open, high, low, close, volume, turnover: volume * close, closed });

describe('aggregateSeries', () => {
  it('builds 5m candles aligned to UTC boundaries from 1m candles', () => {
    // Starts mid-bucket at 00:03: the first 5m candle holds 00:03 and 00:04 only.
    const start = Date.UTC(2025, 0, 1, 0, 3);
    const src = CandleSeries.fromCandles([
      c(start, 10, 11, 9, 10.5),
      c(start + M, 10.5, 12, 10, 11),
      c(start + 2 * M, 11, 11.5, 8, 9, 2),
      c(start + 3 * M, 9, 9.5, 8.5, 9.2, 3),
    ]);
    const out = aggregateSeries(src, M, 5 * M).toArray();
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ time: Date.UTC(2025, 0, 1, 0, 0), open: 10, high: 12, low: 9, close: 11, volume: 2, closed: true });
    // 00:05 bucket has only 00:05 and 00:06 so far: still forming.
    expect(out[1]).toMatchObject({ time: Date.UTC(2025, 0, 1, 0, 5), open: 11, high: 11.5, low: 8, close: 9.2, volume: 5, closed: false });
  });

  it('leaves gaps as gaps and refuses non-multiples', () => {
    const src = CandleSeries.fromCandles([c(0, 1, 1, 1, 1), c(10 * M, 2, 2, 2, 2)]);
    expect(aggregateSeries(src, M, 5 * M).toArray().map((x) => x.time)).toEqual([0, 10 * M]);
    expect(() => aggregateSeries(src, 5 * M, 7 * M)).toThrow(/whole multiple/);
    expect(() => aggregateSeries(src, 5 * M, 5 * M)).toThrow(/larger/);
  });

  it('gives the same candles as the live aggregator fed the same data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.double({ min: 1, max: 2, noNaN: true })), { minLength: 1, maxLength: 200 }), (steps) => {
        let t = 0;
        const candles = steps.map(([step, price]) => {
          t += step * M;
          return c(t, price, price + 0.5, price - 0.5, price, step);
        });
        const batch = aggregateSeries(CandleSeries.fromCandles(candles), M, 15 * M).toArray();
        const live = new TimeframeAggregator(M, 15 * M);
        const emitted: Candle[] = [];
        let forming: Candle | undefined;
        for (const candle of candles) {
          const update = live.update(candle);
          emitted.push(...update.closed);
          forming = update.forming;
        }
        if (forming) emitted.push(forming);
        expect(emitted.map(strip)).toEqual(batch.map(strip));
      }),
    );
  });
});

/** Turnover sums may differ in the last bit by summation order; compare everything else exactly. */
const strip = ({ turnover: _t, ...rest }: Candle) => rest;

describe('TimeframeAggregator', () => {
  it('emits the forming candle on each update and the closed one at the boundary', () => {
    const agg = new TimeframeAggregator(M, 3 * M);
    let u = agg.update(c(0, 10, 10, 10, 10, 1, false));
    expect(u.closed).toEqual([]);
    expect(u.forming).toMatchObject({ time: 0, open: 10, close: 10, closed: false });
    u = agg.update(c(0, 10, 12, 9, 11, 2, false)); // the same 1m candle, updated
    expect(u.forming).toMatchObject({ high: 12, low: 9, close: 11, volume: 2 });
    u = agg.update(c(0, 10, 12, 9, 11.5, 3, true));
    u = agg.update(c(M, 11.5, 13, 11, 12, 1, true));
    expect(u.forming).toMatchObject({ open: 10, high: 13, low: 9, close: 12, volume: 4, closed: false });
    u = agg.update(c(2 * M, 12, 12.5, 7, 8, 1, true));
    expect(u.forming).toBeUndefined();
    expect(u.closed).toEqual([{ time: 0, open: 10, high: 13, low: 7, close: 8, volume: 5, turnover: 3 * 11.5 + 12 + 8, closed: true }]);
    // A resent confirm of the last minute changes nothing.
    expect(agg.update(c(2 * M, 12, 12.5, 7, 8, 1, true))).toEqual({ closed: [], forming: undefined });
  });

  it('closes a bucket whose last minute never came when the next bucket starts', () => {
    const agg = new TimeframeAggregator(M, 5 * M);
    agg.update(c(0, 1, 2, 0.5, 1.5));
    const u = agg.update(c(6 * M, 2, 2, 2, 2));
    expect(u.closed).toHaveLength(1);
    expect(u.closed[0]).toMatchObject({ time: 0, close: 1.5, closed: true });
    expect(u.forming).toMatchObject({ time: 5 * M, close: 2 });
    // A late copy of an old candle is ignored: the closed bucket stays closed.
    expect(agg.update(c(0, 1, 1, 1, 1))).toEqual({ closed: [], forming: u.forming });
  });
});

describeWithData('candles/binance-spot_SOLUSDT_1m_2025-01-01_2025-01-21.csv', 'aggregating real 1m candles', (path) => {
  it('turns 30,000 1m candles into 6,000 5m and 500 1h candles whose OHLCV match the 1m data', () => {
    const { series } = loadCandleFile(path);
    const fiveMin = aggregateSeries(series, M, timeframeMs('5m'));
    const hourly = aggregateSeries(series, M, timeframeMs('1h'));
    expect(fiveMin.length).toBe(6000);
    expect(hourly.length).toBe(500);
    const h = hourly.at(10);
    const minutes = series.sliceByTime(h.time, h.time + 3_600_000 - 1).toArray();
    expect(minutes).toHaveLength(60);
    expect(h.open).toBe(minutes[0]!.open);
    expect(h.close).toBe(minutes[59]!.close);
    expect(h.high).toBe(Math.max(...minutes.map((m) => m.high)));
    expect(h.low).toBe(Math.min(...minutes.map((m) => m.low)));
    expect(h.volume).toBeCloseTo(minutes.reduce((s, m) => s + m.volume, 0), 6);
    // Re-aggregating 5m into 1h gives the same hours as going from 1m directly.
    expect(aggregateSeries(fiveMin, timeframeMs('5m'), timeframeMs('1h')).toArray().map(strip).map(({ volume: _v, ...r }) => r)).toEqual(hourly.toArray().map(strip).map(({ volume: _v, ...r }) => r));
  });
});
