import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { CandleSeries } from '../data/candle-series.js';
import { loadCandleFile } from '../data/load-history.js';
import { sharedDataPath } from '../data/test-support/shared-data.js';
import { SOLUSDT_DEFAULT } from '../domain/instrument.js';
import { SMA } from '../indicators/trend/sma.js';
import { findStrategy } from '../strategy/registry.js';
import { NO_SLIPPAGE } from '../venues/sim/costs.js';
import { SimVenue } from '../venues/sim/sim-venue.js';
import { runBacktest } from './runner.js';

function backtest(candles: CandleSeries, params: { fast: number; slow: number; size: number }, fees = { taker: 0, maker: 0 }) {
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 100_000, clock, fees, slippage: NO_SLIPPAGE });
  return runBacktest({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    history: { candles, funding: undefined, sources: [] },
    instrument: SOLUSDT_DEFAULT,
    strategy: findStrategy('sma-cross'),
    params,
    venue,
    clock,
    settings: { initialEquity: 100_000, takerFee: fees.taker, makerFee: fees.maker, slippage: 'none' },
  });
}

/** The textbook sma-cross: decide on the close, trade at the next open, no costs. */
function textbook(candles: CandleSeries, fast: number, slow: number, size: number) {
  const c = candles.columns;
  const f = new SMA(fast);
  const s = new SMA(slow);
  let previous = 0;
  let entry = NaN;
  const trades: Array<{ entryPrice: number; exitPrice: number; pnl: number }> = [];
  for (let i = 0; i < candles.length - 1; i++) {
    f.add(c.close[i]!);
    s.add(c.close[i]!);
    if (!s.isStable) continue;
    const d = f.value - s.value;
    const sign = d > 0 ? 1 : d < 0 ? -1 : previous;
    if (previous < 0 && sign > 0 && Number.isNaN(entry)) entry = c.open[i + 1]!;
    else if (previous > 0 && sign < 0 && !Number.isNaN(entry)) {
      trades.push({ entryPrice: entry, exitPrice: c.open[i + 1]!, pnl: (c.open[i + 1]! - entry) * size });
      entry = NaN;
    }
    previous = sign;
  }
  if (!Number.isNaN(entry)) {
    const last = c.close[candles.length - 1]!;
    trades.push({ entryPrice: entry, exitPrice: last, pnl: (last - entry) * size });
  }
  return trades;
}

const path = sharedDataPath('candles/bybit-linear_SOLUSDT_5m_2025-04-11_2025-08-10.csv');

describe.skipIf(!path)('sma-cross end to end on real SOLUSDT 5m', () => {
  const candles = () => loadCandleFile(path!).series.slice(0, 5000);

  it('with no fees or slippage equals the textbook backtest, trade for trade', () => {
    const series = candles();
    const result = backtest(series, { fast: 10, slow: 30, size: 2 });
    const expected = textbook(series, 10, 30, 2);
    expect(result.trades.length).toBe(expected.length);
    expect(result.trades.length).toBeGreaterThan(50);
    result.trades.forEach((trade, i) => {
      expect(trade.entryPrice).toBe(expected[i]!.entryPrice);
      expect(trade.exitPrice).toBe(expected[i]!.exitPrice);
      expect(trade.pnl).toBeCloseTo(expected[i]!.pnl, 9);
      expect(trade.side).toBe('long');
    });
    expect(result.metrics.netProfit).toBeCloseTo(expected.reduce((s, t) => s + t.pnl, 0), 6);
    expect(result.equity.equity[result.equity.equity.length - 1]!).toBeCloseTo(100_000 + result.metrics.netProfit, 6);
    expect(result.candles).toBe(5000);
  });

  it('hands over the equity curve and the prices as columns without copying the candles', () => {
    const series = candles();
    const result = backtest(series, { fast: 10, slow: 30, size: 2 });
    const c = series.columns;
    expect(result.equity.time).toEqual(c.time);
    expect(result.equity.equity).toHaveLength(5000);
    for (const name of ['time', 'open', 'high', 'low', 'close'] as const) {
      const column = result.prices[name] as Float64Array;
      expect(column, name).toHaveLength(5000);
      // A view over the series' own buffer, not a copy.
      expect(column.buffer, name).toBe(c[name].buffer);
    }
  });

  it('charges taker fees on both sides, and gives identical trades on every run', () => {
    const series = candles();
    const withFees = backtest(series, { fast: 10, slow: 30, size: 2 }, { taker: 0.00055, maker: 0.0002 });
    const first = withFees.trades[0]!;
    expect(first.fees).toBeCloseTo((first.entryPrice + first.exitPrice) * 2 * 0.00055, 9);
    expect(first.pnl).toBeCloseTo((first.exitPrice - first.entryPrice) * 2 - first.fees, 9);
    const again = backtest(series, { fast: 10, slow: 30, size: 2 }, { taker: 0.00055, maker: 0.0002 });
    expect(again.trades).toEqual(withFees.trades);
    expect(again.metrics).toEqual(withFees.metrics);
  });
});
