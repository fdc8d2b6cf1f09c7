// One contract for every CandleView: the replay's SeriesView and the live ring buffer read the same candles the same way.
import { describe, expect, it } from 'vitest';
import { CandleSeries } from '../data/candle-series.js';
import { CandleWindow } from '../data/candle-window.js';
import type { Candle } from '../domain/candle.js';
import type { CandleView } from '../strategy/api.js';
import { SeriesView } from './series-view.js';

const candles: Candle[] = Array.from({ length: 30 }, (_, i) => ({ time: i * 60_000, open: 100 + i, high: 101 + i, low: 99 + i, close: 100.5 + i, volume: 10 + i, turnover: Number.NaN, closed: true }));
const LOOKBACK = 20;

function viaSeries(count: number): CandleView {
  const view = new SeriesView(CandleSeries.fromCandles(candles), 60_000, LOOKBACK);
  view.showFirst(count);
  return view;
}

function viaWindow(count: number): CandleView {
  const window = new CandleWindow(LOOKBACK);
  for (const c of candles.slice(0, count)) window.update(c);
  return window;
}

describe.each([
  ['SeriesView', viaSeries],
  ['CandleWindow', viaWindow],
])('%s as a CandleView', (_name, make) => {
  it('reads newest first, every field, up to the lookback, and refuses to read further', () => {
    const view = make(25);
    expect(view.length).toBe(LOOKBACK);
    expect(view.back(0)).toMatchObject({ time: 24 * 60_000, close: 124.5 });
    expect([view.time(3), view.open(3), view.high(3), view.low(3), view.close(3), view.volume(3)]).toEqual([21 * 60_000, 121, 122, 120, 121.5, 31]);
    expect(view.close(LOOKBACK - 1)).toBe(105.5);
    for (const bad of [LOOKBACK, -1, 0.5, Number.NaN]) expect(() => view.close(bad)).toThrow(RangeError);
    expect(make(0).length).toBe(0);
    expect(() => make(0).back(0)).toThrow(RangeError);
  });
});
