// Bars for indicator tests: real SOLUSDT 5m candles from ../shared/data when present, else a seeded random walk.
import { loadCandleFile } from '../../data/load-history.js';
import { sharedDataPath } from '../../data/test-support/shared-data.js';
import { seededRandom } from '../../core/random.js';
import type { Bar, BarColumns } from '../contract.js';

export const SOL_5M = 'candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv';

/** The first `count` real SOLUSDT 5m bars (undefined, with a printed reason, when the data is absent). */
export function realBars(count: number, relative = SOL_5M): Bar[] | undefined {
  const path = sharedDataPath(relative);
  if (!path) return undefined;
  return loadCandleFile(path).series.toArray().slice(0, count);
}

/** A seeded random walk with realistic ranges and volumes, including flat and gapping stretches. */
export function syntheticBars(count: number, seed = 7): Bar[] {
  const random = seededRandom(seed);
  const bars: Bar[] = [];
  let price = 150;
  for (let i = 0; i < count; i++) {
    const open = price;
    const flat = i % 97 < 3; // a few frozen bars: ranges of zero must not break anything
    const close = flat ? open : Math.max(1, open + (random.next() - 0.5) * 2);
    const high = flat ? open : Math.max(open, close) + random.next() * 0.5;
    const low = flat ? open : Math.min(open, close) - random.next() * 0.5;
    bars.push({ time: Date.UTC(2025, 0, 1) + i * 300_000, open, high, low, close, volume: flat ? 0 : 100 + random.next() * 1000 });
    price = close;
  }
  return bars;
}

export function columnsOf(bars: readonly Bar[]): BarColumns {
  return {
    time: Float64Array.from(bars, (b) => b.time),
    open: Float64Array.from(bars, (b) => b.open),
    high: Float64Array.from(bars, (b) => b.high),
    low: Float64Array.from(bars, (b) => b.low),
    close: Float64Array.from(bars, (b) => b.close),
    volume: Float64Array.from(bars, (b) => b.volume),
  };
}
