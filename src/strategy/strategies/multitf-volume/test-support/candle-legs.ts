// Trend legs for hand-made strategy scenarios (MultiTF Volume, Trend Pullback): steady steps with a true range of exactly 1, so ATR reads 1.
import type { Row } from '../../../../engine/test-support/scripted.js';
import type { Intent } from '../../../api.js';

/** Each wick of a candle with a body of `step` whose true range is 1 (none on a body longer than 1). */
export const wickOf = (step: number): number => Math.max(0, (1 - Math.abs(step)) / 2);

/**
 * `count` candles from `from`, each opening at the previous close and closing `step` past it, with
 * wicks that make every true range exactly 1; volumes alternate 900 / 1100 (mean 1000, and a volume
 * z-score over them stays within ±0.98).
 */
export function leg(from: number, step: number, count: number): Row[] {
  const wick = wickOf(step);
  return Array.from({ length: count }, (_, i): Row => {
    const open = from + i * step;
    const close = open + step;
    return [open, Math.max(open, close) + wick, Math.min(open, close) - wick, close, i % 2 === 0 ? 900 : 1100];
  });
}

/** One candle after `rows`: a body of `step` from the last close on `volume`, with `highWick` above it (a true range of 1 otherwise). */
export function nextCandle(rows: readonly Row[], step: number, volume: number, highWick = wickOf(step)): Row {
  const open = closeOf(rows);
  const close = open + step;
  return [open, Math.max(open, close) + highWick, Math.min(open, close) - wickOf(step), close, volume];
}

export const closeOf = (rows: readonly Row[]): number => rows.at(-1)![3];

/** Every price times `k` (volumes kept): the same chart in another pair's dollars. */
export const scaled = (rows: readonly Row[], k: number): Row[] => rows.map(([o, h, l, c, v]) => [o * k, h * k, l * k, c * k, v]);

/** An entry's factor values by name. */
export function valuesOf(intent: Intent | undefined): Record<string, number> {
  if (intent?.kind !== 'enter' || !intent.signal) throw new Error(`not an entry with a signal: ${JSON.stringify(intent)}`);
  return Object.fromEntries(intent.signal.factors.map((f) => [f.name, f.value]));
}
