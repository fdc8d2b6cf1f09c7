// Thinning and markers for the report's charts: no wick or drawdown trough lost, markers on the bar that holds the fill.
import { describe, expect, it } from 'vitest';
import { equityCurveOf } from '../metrics/index.js';
import { trade } from '../metrics/test-support/fixtures.js';
import type { PriceSeries } from '../result.js';
import { buildChartData, thinCandles, thinLine, tradeMarkers } from './chart-data.js';
import { buildFixture } from './test-support/fixture.js';

const MIN = 60_000;

function series(closes: number[]): PriceSeries {
  return {
    time: closes.map((_, i) => i * MIN),
    open: closes.map((c) => c - 1),
    high: closes.map((c) => c + 2),
    low: closes.map((c) => c - 3),
    close: closes,
  };
}

describe('thinCandles', () => {
  it('keeps every candle under the limit, in UTC seconds', () => {
    const { candles, perBar } = thinCandles(series([10, 11, 12]), 5);
    expect(perBar).toBe(1);
    expect(candles.time).toEqual([0, 60, 120]);
    expect(candles.close).toEqual([10, 11, 12]);
  });

  it('merges k consecutive candles into one OHLC bar', () => {
    const { candles, perBar } = thinCandles(series([10, 20, 5, 7, 8, 9, 1]), 3);
    expect(perBar).toBe(3);
    expect(candles.time).toEqual([0, 180, 360]);
    expect(candles.open).toEqual([9, 6, 0]);
    expect(candles.high).toEqual([22, 11, 3]);
    expect(candles.low).toEqual([2, 4, -2]);
    expect(candles.close).toEqual([5, 9, 1]);
  });

  it('reads typed-array views the same as arrays, only up to their length', () => {
    const s = series([10, 20, 5, 7, 8, 9, 1]);
    // Buffers with spare capacity behind the views, as a growing CandleSeries has.
    const view = (column: ArrayLike<number>): Float64Array => {
      const buffer = new Float64Array(column.length + 5).fill(1e9);
      buffer.set(Array.from(column));
      return buffer.subarray(0, column.length);
    };
    const typed: PriceSeries = { time: view(s.time), open: view(s.open), high: view(s.high), low: view(s.low), close: view(s.close) };
    expect(thinCandles(typed, 3)).toEqual(thinCandles(s, 3));
  });

  it('drops rows the chart library would reject: non-finite values, times not after the previous one', () => {
    const s = series([10, 11, 12, 13]);
    const bad: PriceSeries = { ...s, time: [0, 0, 120_000, 180_000], close: [10, 11, NaN, 13] };
    expect(thinCandles(bad, 10).candles.time).toEqual([0, 180]);
  });
});

describe('thinLine', () => {
  it('keeps the lowest and highest point of each bucket, in time order', () => {
    const line = { time: [1, 2, 3, 4, 5, 6, 7, 8], value: [5, 1, 9, 4, 4, 8, 0, 3] };
    const thinned = thinLine(line, 4);
    expect(thinned.time).toEqual([2, 3, 6, 7]);
    expect(thinned.value).toEqual([1, 9, 8, 0]);
  });

  it('returns a short line unchanged', () => {
    const line = { time: [1, 2], value: [3, 4] };
    expect(thinLine(line, 10)).toBe(line);
  });
});

describe('tradeMarkers', () => {
  it('puts each fill on the bar that contains it, clamped to the series, sorted by time', () => {
    const bars = [0, 300, 600];
    const markers = tradeMarkers([trade({ entryTime: 450_000, exitTime: 10_000_000, side: 'short' }), trade({ entryTime: -5, exitTime: 299_999 })], bars);
    expect(markers.map((m) => [m.time, m.kind, m.trade, m.side])).toEqual([
      [0, 'entry', 1, 'long'],
      [0, 'exit', 1, 'long'],
      [300, 'entry', 0, 'short'],
      [600, 'exit', 0, 'short'],
    ]);
    expect(tradeMarkers([trade()], [])).toEqual([]);
  });
});

describe('buildChartData', () => {
  it('measures drawdown from the running peak, starting at the initial equity', () => {
    const { result } = buildFixture({ candles: 'synthetic', syntheticCount: 400, trades: 5 });
    const equity = equityCurveOf([9_000, 11_000, 9_900, 12_000].map((e, i) => ({ time: result.prices.time[i]!, equity: e })));
    const chart = buildChartData({ ...result, equity });
    expect(chart.drawdown.value).toEqual([-10, 0, -10, 0]);
    expect(chart.equity.value).toEqual([9_000, 11_000, 9_900, 12_000]);
    expect(chart.priceDecimals).toBe(2);
  });

  it('keeps the deepest drawdown when thinning a long curve', () => {
    const { result } = buildFixture({ candles: 'synthetic', syntheticCount: 50_000, trades: 300 });
    const chart = buildChartData(result, 5_000, 1_000);
    expect(chart.candles.time.length).toBeLessThanOrEqual(5_000);
    expect(chart.drawdown.time.length).toBeLessThanOrEqual(1_000);
    expect(Math.min(...chart.drawdown.value)).toBeCloseTo(-result.metrics.maxDrawdownPct, 3);
    expect(Math.max(...chart.candles.high)).toBe(Math.max(...Array.from(result.prices.high)));
    expect(Math.min(...chart.candles.low)).toBe(Math.min(...Array.from(result.prices.low)));
  });
});
