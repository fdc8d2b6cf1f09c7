// The candle intervals bybot trades on, their lengths, UTC alignment and Bybit's names for them.
import { InputError, describeValue } from '../core/errors.js';

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '1d'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

const MINUTE = 60_000;
const LENGTH_MS: Record<Timeframe, number> = {
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': 60 * MINUTE,
  '2h': 120 * MINUTE,
  '4h': 240 * MINUTE,
  '1d': 1440 * MINUTE,
};

/** Bybit's `interval` parameter for each timeframe (minutes, or D for a day). */
const BYBIT_INTERVAL: Record<Timeframe, string> = {
  '1m': '1',
  '3m': '3',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '60',
  '2h': '120',
  '4h': '240',
  '1d': 'D',
};

export function isTimeframe(value: unknown): value is Timeframe {
  return typeof value === 'string' && (TIMEFRAMES as readonly string[]).includes(value);
}

/** Validates a user-supplied timeframe, naming the field in the error. */
export function parseTimeframe(value: unknown, field = 'timeframe'): Timeframe {
  if (isTimeframe(value)) return value;
  throw new InputError(`${field}: unknown timeframe ${describeValue(value)}; expected one of ${TIMEFRAMES.join(', ')}`);
}

export function timeframeMs(tf: Timeframe): number {
  return LENGTH_MS[tf];
}

export function bybitInterval(tf: Timeframe): string {
  return BYBIT_INTERVAL[tf];
}

export function timeframeFromBybitInterval(interval: string): Timeframe | undefined {
  return TIMEFRAMES.find((tf) => BYBIT_INTERVAL[tf] === interval);
}

/** The timeframe whose length is exactly `ms`, if any (used to infer a file's interval). */
export function timeframeFromMs(ms: number): Timeframe | undefined {
  return TIMEFRAMES.find((tf) => LENGTH_MS[tf] === ms);
}

/** Open time of the candle of length `periodMs` that contains `time`, aligned to UTC (epoch) boundaries. */
export function alignDown(time: number, periodMs: number): number {
  return Math.floor(time / periodMs) * periodMs;
}
