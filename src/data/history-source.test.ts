import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CandleSeries } from './candle-series.js';
import { HistoryStore } from './history-store.js';
import { loadHistory } from './history-source.js';
import { validateCandles } from './quality/candle-checks.js';
import { sharedDataPath } from './test-support/shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const historyRoot = join(dir, 'history');
const candlesDir = sharedDataPath('candles');

describe.skipIf(!candlesDir)('history from a folder of real files', () => {
  it('joins the three SOLUSDT 5m spans in time order, with their funding, leaving the holes between spans as gaps', () => {
    const history = loadHistory({ symbol: 'SOLUSDT', timeframe: '5m', data: candlesDir!, historyRoot });
    expect(history.sources.map((s) => s.split('/').pop())).toEqual([
      'bybit-linear_SOLUSDT_5m_2024-05-01_2024-08-09.csv',
      'bybit-linear_SOLUSDT_5m_2025-04-11_2025-08-10.csv',
      'bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv',
    ]);
    expect(history.candles.length).toBe(28965 + 34860 + 54432);
    const gaps = validateCandles(history.candles, { timeframeMs: 300_000 }).findings.filter((f) => f.check === 'gap');
    expect(gaps).toHaveLength(2);
    expect(history.funding!.length).toBe(300 + 361 + 566);
    expect(history.funding!.symbol).toBe('SOLUSDT');
  });

  it('aggregates a finer file up to the asked timeframe and slices by --from/--to', () => {
    const file = join(candlesDir!, 'binance-spot_SOLUSDT_1m_2025-01-01_2025-01-21.csv');
    const whole = loadHistory({ symbol: 'SOLUSDT', timeframe: '15m', data: file, historyRoot });
    expect(whole).toMatchObject({ aggregatedFrom: '1m', sources: [file] });
    expect(whole.candles.length).toBe(2000);
    const day = loadHistory({ symbol: 'SOLUSDT', timeframe: '1h', data: file, historyRoot, from: Date.UTC(2025, 0, 2), to: Date.UTC(2025, 0, 2, 23, 59) });
    expect(day.candles.length).toBe(24);
    expect(day.candles.at(0).time).toBe(Date.UTC(2025, 0, 2));
  });

  it('says what is wrong: another symbol, a range outside the data, a timeframe it cannot make', () => {
    const file = join(candlesDir!, 'bybit-linear_BTCUSDT_5m_2024-05-01_2024-08-09.csv');
    expect(() => loadHistory({ symbol: 'SOLUSDT', timeframe: '5m', data: file, historyRoot })).toThrow(/holds BTCUSDT, not SOLUSDT/);
    expect(() => loadHistory({ symbol: 'ETHUSDT', timeframe: '15m', data: candlesDir!, historyRoot, from: Date.UTC(2025, 0, 2), to: Date.UTC(2025, 0, 3) })).toThrow(
      /no ETHUSDT 15m candles between --from and --to; the history holds 2024-05-01T00:00:00.000Z to 2026-03-31T23:45:00.000Z/,
    );
    expect(() => loadHistory({ symbol: 'SOLUSDT', timeframe: '1m', data: join(candlesDir!, 'bybit-linear_SOLUSDT_5m_2024-05-01_2024-08-09.csv'), historyRoot })).toThrow(/candles are 5m, which cannot make 1m candles/);
    expect(() => loadHistory({ symbol: 'DOGEUSDT', timeframe: '5m', data: candlesDir!, historyRoot })).toThrow(/no DOGEUSDT candles at 5m or a finer timeframe .* \(timeframes found: none\)/);
  });
});

describe('history from the download cache', () => {
  const candle = (time: number) => ({ time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3, turnover: NaN, closed: true });
  it('reads what `bybot download` stored, and explains how to fetch history when there is none', () => {
    expect(() => loadHistory({ symbol: 'SOLUSDT', timeframe: '5m', historyRoot })).toThrow(/no SOLUSDT 5m history in .*; fetch it with `bybot download --symbol SOLUSDT --interval 5m/);
    new HistoryStore(historyRoot).mergeCandles('SOLUSDT', '1m', CandleSeries.fromCandles(Array.from({ length: 10 }, (_, i) => candle(i * 60_000))));
    const history = loadHistory({ symbol: 'SOLUSDT', timeframe: '5m', historyRoot });
    expect(history).toMatchObject({ aggregatedFrom: '1m' });
    expect(history.candles.toArray().map((c) => [c.time, c.volume])).toEqual([[0, 15], [300_000, 15]]);
  });

  it('names a missing --data path', () => {
    writeFileSync(join(dir, 'x.txt'), '');
    expect(() => loadHistory({ symbol: 'SOLUSDT', timeframe: '5m', data: join(dir, 'nope'), historyRoot })).toThrow(/--data: .*nope does not exist/);
  });
});
