import { describe, expect, it } from 'vitest';
import { candleAt } from '../../data/candle-series.js';
import { loadCandleFile } from '../../data/load-history.js';
import { describeWithData, sharedDataPath } from '../../data/test-support/shared-data.js';
import { MarketFilter, type MarketFilterSettings } from './market-filter.js';

const ALL: MarketFilterSettings = {
  adx: true,
  adxMin: 25,
  atrPercentile: true,
  atrPercentileMin: 30,
  volumeZ: true,
  volumeZMin: 0.5,
  session: true,
  sessions: ['asia', 'europe', 'us'],
  btcCorrelation: true,
  btcCorrelationMax: 0.8,
  btcCorrelationBars: 12,
};

describe('MarketFilter', () => {
  it('reports one factor per enabled check, and fails closed before warm-up', () => {
    const filter = new MarketFilter({ ...ALL, session: false });
    filter.update({ time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    const verdict = filter.evaluate();
    expect(verdict.passed).toBe(false);
    expect(verdict.factors.map((f) => f.name)).toEqual(['ADX', 'ATR percentile', 'volume z-score', 'BTC correlation']);
    expect(verdict.regime).toBeUndefined();
    const off = new MarketFilter({ ...ALL, adx: false, atrPercentile: false, volumeZ: false, session: false, btcCorrelation: false });
    expect(off.evaluate()).toMatchObject({ passed: true, factors: [] });
  });
});

describeWithData('candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv', 'MarketFilter on real SOLUSDT and BTCUSDT 5m', (file) => {
  it('passes a minority of candles, each check on its own threshold, correlation within [-1, 1]', () => {
    const sol = loadCandleFile(file).series.slice(0, 6000);
    const btc = loadCandleFile(sharedDataPath('candles/bybit-linear_BTCUSDT_5m_2025-09-24_2026-03-31.csv')!).series.slice(0, 6000);
    const filter = new MarketFilter(ALL);
    let passed = 0;
    let evaluated = 0;
    const failedBy = new Map<string, number>();
    for (let i = 0; i < sol.length; i++) {
      const bar = candleAt(sol.columns, i);
      filter.update(bar, btc.columns.time[i] === bar.time ? btc.columns.close[i] : undefined);
      if (i < 600) continue;
      const verdict = filter.evaluate();
      evaluated++;
      if (verdict.passed) passed++;
      for (const f of verdict.factors) {
        if (!f.passed) failedBy.set(f.name, (failedBy.get(f.name) ?? 0) + 1);
        if (f.name === 'BTC correlation') expect(Math.abs(f.value)).toBeLessThanOrEqual(1 + 1e-9);
        if (f.name === 'ADX') expect(f.passed).toBe(f.value > 25);
      }
    }
    expect(passed).toBeGreaterThan(0);
    expect(passed / evaluated).toBeLessThan(0.5);
    // Every check turns some candles away.
    for (const name of ['ADX', 'ATR percentile', 'volume z-score', 'session (asia/europe/us)', 'BTC correlation']) expect(failedBy.get(name) ?? 0).toBeGreaterThan(0);
  });
});
