import { describe, expect, it } from 'vitest';
import type { Candle } from '../../domain/candle.js';
import { CandleSeries } from '../candle-series.js';
import { loadCandleFile } from '../load-history.js';
import { sharedDataPath } from '../test-support/shared-data.js';
import { validateCandles } from './candle-checks.js';
import { RollingMedianMad } from './rolling-median.js';

const M = 60_000;
/** A gently wandering, valid 1m series. */
function series(n: number, edit?: (c: Candle[]) => void): CandleSeries {
  const candles: Candle[] = Array.from({ length: n }, (_, i) => {
    const p = 100 + Math.sin(i / 7) + (i % 3) * 0.05;
    return { time: i * M, open: p, high: p + 0.2, low: p - 0.2, close: p + 0.05, volume: 10 + (i % 5), turnover: NaN, closed: true };
  });
  edit?.(candles);
  return CandleSeries.fromCandles(candles);
}
const checks = (s: CandleSeries, opts: Partial<Parameters<typeof validateCandles>[1]> = {}) => validateCandles(s, { timeframeMs: M, ...opts });

describe('validateCandles', () => {
  it('passes clean data untouched', () => {
    const s = series(300);
    const result = checks(s);
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.series).toBe(s);
  });

  it('rejects empty input', () => {
    expect(checks(new CandleSeries())).toMatchObject({ ok: false, findings: [{ check: 'empty', action: 'reject', severity: 'error' }] });
  });

  it('finds NaN, infinities and non-positive prices, and drops them under repair', () => {
    const s = series(50, (c) => {
      c[10] = { ...c[10]!, close: NaN };
      c[20] = { ...c[20]!, high: Infinity };
      c[30] = { ...c[30]!, low: 0 };
    });
    const rejected = checks(s);
    expect(rejected.ok).toBe(false);
    // Each bad row is reported once, by the first check it fails.
    expect(rejected.findings.map((f) => [f.check, f.timestamp, f.value])).toEqual([
      ['nonFinite', 10 * M, 'NaN'],
      ['nonFinite', 20 * M, 'Infinity'],
      ['nonPositive', 30 * M, 0],
    ]);
    const repaired = checks(s, { policy: { nonFinite: 'repair', nonPositive: 'repair' } });
    expect(repaired.series.length).toBe(47);
    // The dropped rows leave holes, reported (warn) by the gap check.
    expect(repaired.findings.filter((f) => f.check === 'gap').map((f) => f.timestamp)).toEqual([10 * M, 20 * M, 30 * M]);
    expect(repaired.ok).toBe(true);
  });

  it('finds high below max(open, close) and low above min(open, close); repair widens', () => {
    const s = series(20, (c) => {
      c[5] = { ...c[5]!, high: c[5]!.close - 0.01 };
      c[6] = { ...c[6]!, low: c[6]!.open + 0.01 };
    });
    const r = checks(s);
    expect(r.findings.map((f) => [f.check, f.timestamp])).toEqual([['ohlc', 5 * M], ['ohlc', 6 * M]]);
    const fixed = checks(s, { policy: { ohlc: 'repair' } });
    expect(fixed.ok).toBe(true);
    expect(fixed.series.at(5).high).toBe(s.at(5).close);
    expect(fixed.series.at(6).low).toBe(Math.min(s.at(6).open, s.at(6).close));
    expect(s.at(5).high).toBe(s.at(5).close - 0.01); // the input is not modified
  });

  it('sorts out-of-order rows and drops duplicate times, keeping the later row', () => {
    const s = series(10, (c) => {
      [c[3], c[4]] = [c[4]!, c[3]!];
      c.splice(7, 0, { ...c[7]!, close: 999, high: 999 });
    });
    const r = checks(s);
    expect(r.findings.map((f) => [f.check, f.timestamp, f.action])).toEqual([
      ['outOfOrder', 3 * M, 'repair'],
      ['duplicate', 7 * M, 'repair'],
    ]);
    expect(r.series.toArray().map((c) => c.time)).toEqual(Array.from({ length: 10 }, (_, i) => i * M));
    expect(r.series.at(7).close).toBe(s.at(8).close);
  });

  it('reports gaps with their length, and forward-fills short ones as synthetic candles under repair', () => {
    const s = series(30, (c) => {
      c.splice(10, 3);
    });
    const warned = checks(s);
    expect(warned.findings).toEqual([expect.objectContaining({ check: 'gap', timestamp: 10 * M, value: 3, action: 'warn', severity: 'warning' })]);
    const filled = checks(s, { policy: { gap: 'repair' } });
    expect(filled.series.length).toBe(s.length + 3);
    const synthetic = filled.series.toArray().filter((c) => c.synthetic);
    expect(synthetic.map((c) => c.time)).toEqual([10 * M, 11 * M, 12 * M]);
    expect(synthetic.every((c) => c.volume === 0 && c.close === s.at(9).close)).toBe(true);
    const tooLong = checks(s, { policy: { gap: 'repair' }, thresholds: { maxGapFill: 2 } });
    expect(tooLong.series.length).toBe(s.length);
    expect(tooLong.findings[0]).toMatchObject({ action: 'warn', message: expect.stringContaining('not filled') });
  });

  it('finds zero-volume runs, frozen prices, misaligned times and stale data', () => {
    const s = series(60, (c) => {
      for (let i = 10; i < 14; i++) c[i] = { ...c[i]!, volume: 0 };
      for (let i = 30; i < 45; i++) c[i] = { ...c[i]!, open: 50, high: 50, low: 50, close: 50 };
    });
    const r = checks(s, { now: 60 * M + 10 * M });
    const byCheck = Object.fromEntries(r.findings.map((f) => [f.check, f]));
    expect(byCheck.zeroVolume).toMatchObject({ timestamp: 10 * M, value: 4 });
    expect(byCheck.flat).toMatchObject({ timestamp: 30 * M, value: 15 });
    expect(byCheck.stale).toMatchObject({ timestamp: 59 * M, value: 10 * M, action: 'reject' });
    const shifted = series(5, (c) => (c[2] = { ...c[2]!, time: c[2]!.time + 1000 }));
    expect(checks(shifted).findings[0]).toMatchObject({ check: 'misaligned', timestamp: 2 * M + 1000, action: 'reject' });
  });

  it('flags a one-bar price spike by robust z-score but not ordinary moves', () => {
    const s = series(400, (c) => (c[300] = { ...c[300]!, close: c[300]!.close * 1.2, high: c[300]!.close * 1.2 }));
    const spikes = checks(s).findings.filter((f) => f.check === 'spike');
    expect(spikes[0]).toMatchObject({ timestamp: 300 * M, severity: 'warning' });
    expect(spikes.every((f) => f.timestamp === 300 * M || f.timestamp === 301 * M)).toBe(true);
  });
});

describe('RollingMedianMad', () => {
  it('matches a sort-based median and MAD', () => {
    const w = new RollingMedianMad(7);
    const values = [5, 1, 9, 3, 3, 8, 2, 7, 6, 4, 10, 0];
    values.forEach((v, i) => {
      w.push(v);
      if (!w.full) return;
      const win = values.slice(i - 6, i + 1).sort((a, b) => a - b);
      const med = win[3]!;
      const dev = win.map((x) => Math.abs(x - med)).sort((a, b) => a - b);
      expect(w.stats()).toEqual({ median: med, mad: dev[3] });
    });
  });
});

describe('real history in ../shared/data', () => {
  const path = sharedDataPath('candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');
  it.skipIf(!path)('accepts the SOLUSDT 5m file and flags the 10 Oct 2025 crash as a spike warning', () => {
    const { series: s } = loadCandleFile(path!);
    const r = validateCandles(s, { timeframeMs: 5 * M });
    expect(r.ok).toBe(true);
    expect(r.findings.every((f) => f.check === 'spike' && f.action === 'warn')).toBe(true);
    expect(r.findings.map((f) => new Date(f.timestamp).toISOString())).toContain('2025-10-10T21:15:00.000Z');
  });
});
