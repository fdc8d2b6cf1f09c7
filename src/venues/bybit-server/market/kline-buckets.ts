// Bybit kline intervals built from the replayed candles: minute multiples, UTC days, Monday weeks and calendar months.
import type { Candle } from '../../../domain/candle.js';

export const KLINE_INTERVALS = ['1', '3', '5', '15', '30', '60', '120', '240', '360', '720', 'D', 'W', 'M'] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

const MINUTE = 60_000;
const DAY = 86_400_000;
/** 1970-01-01 was a Thursday: Bybit's weeks start on Monday, four days later. */
const MONDAY_OFFSET = 4 * DAY;

/** The fixed length of an interval, or undefined for a calendar month. */
export function intervalLength(interval: KlineInterval): number | undefined {
  if (interval === 'D') return DAY;
  if (interval === 'W') return 7 * DAY;
  if (interval === 'M') return undefined;
  return Number(interval) * MINUTE;
}

/** Open time of the `interval` candle containing `time`. */
export function bucketStart(interval: KlineInterval, time: number): number {
  if (interval === 'M') {
    const date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  if (interval === 'W') return Math.floor((time - MONDAY_OFFSET) / (7 * DAY)) * 7 * DAY + MONDAY_OFFSET;
  const length = intervalLength(interval)!;
  return Math.floor(time / length) * length;
}

/** Open time of the candle after the one opening at `start`. */
export function nextBucket(interval: KlineInterval, start: number): number {
  if (interval !== 'M') return start + intervalLength(interval)!;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** True when candles of `baseMs` tile the interval exactly, so it can be built from them. */
export function buildsFrom(interval: KlineInterval, baseMs: number): boolean {
  const length = intervalLength(interval) ?? DAY;
  return length >= baseMs && (interval === 'M' || interval === 'W' ? DAY % baseMs === 0 : length % baseMs === 0);
}

/** A candle of the requested interval while it is being built. */
export type KlineBar = { -readonly [K in 'time' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'turnover']: Candle[K] };

/** Quote volume of a candle; where the source has none, volume at the typical price stands in. */
export function turnoverOf(c: Candle): number {
  return Number.isNaN(c.turnover) ? (c.volume * (c.high + c.low + c.close)) / 3 : c.turnover;
}

/**
 * Bars of `interval` from candles[from, to), newest first: the newest `limit` of them, or with
 * `oldestFirst` the oldest `limit` (then still returned newest first, as Bybit lists them).
 */
export function buildBars(candles: readonly Candle[], from: number, to: number, interval: KlineInterval, limit: number, oldestFirst: boolean): KlineBar[] {
  const bars: KlineBar[] = [];
  const step = oldestFirst ? 1 : -1;
  for (let i = oldestFirst ? from : to - 1; i >= from && i < to; i += step) {
    const c = candles[i]!;
    const start = bucketStart(interval, c.time);
    let bar = bars[bars.length - 1];
    if (bar === undefined || bar.time !== start) {
      if (bars.length === limit) break;
      bar = { time: start, open: c.open, high: c.high, low: c.low, close: c.close, volume: 0, turnover: 0 };
      bars.push(bar);
    }
    if (oldestFirst) bar.close = c.close;
    else bar.open = c.open;
    bar.high = Math.max(bar.high, c.high);
    bar.low = Math.min(bar.low, c.low);
    bar.volume += c.volume;
    bar.turnover += turnoverOf(c);
  }
  return oldestFirst ? bars.reverse() : bars;
}
