// Hand-written candle tables for price-feature tests: rows of open, high, low, close (and volume), 5 minutes apart.
import type { Bar } from '../../../indicators/contract.js';

export const FIVE_MINUTES = 300_000;
export const T0 = Date.UTC(2025, 0, 6);

/** Bars from [open, high, low, close, volume?] rows (volume 1 by default), starting at `start`. */
export function table(rows: ReadonlyArray<readonly [number, number, number, number, number?]>, start = T0, step = FIVE_MINUTES): Bar[] {
  return rows.map(([open, high, low, close, volume], i) => {
    if (!(high >= Math.max(open, close) && low <= Math.min(open, close))) throw new Error(`row ${i} is not a valid candle: ${rows[i]!.join(', ')}`);
    return { time: start + i * step, open, high, low, close, volume: volume ?? 1 };
  });
}

/** Feeds bars to anything with add() and collects `read()` after each. */
export function collect<T>(feature: { add(bar: Bar): void }, bars: readonly Bar[], read: () => T): T[] {
  return bars.map((bar) => {
    feature.add(bar);
    return read();
  });
}
