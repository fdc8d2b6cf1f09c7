// Time in the market: the union of the trades' holding intervals, so overlapping trades count once.

import type { ClosedTrade } from './types.js';

/** Milliseconds of [start, end) covered by at least one trade's [entryTime, exitTime]. */
export function exposureMs(trades: readonly ClosedTrade[], start: number, end: number): number {
  const intervals = trades
    .map((t) => [Math.max(t.entryTime, start), Math.min(t.exitTime, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let runFrom = Number.NaN;
  let runTo = Number.NEGATIVE_INFINITY;
  for (const [from, to] of intervals) {
    if (from > runTo) {
      if (runTo > runFrom) covered += runTo - runFrom;
      runFrom = from;
      runTo = to;
    } else if (to > runTo) {
      runTo = to;
    }
  }
  if (runTo > runFrom) covered += runTo - runFrom;
  return covered;
}

/** Share of the period with a position open, in percent; 0 for an empty period. */
export function exposurePct(trades: readonly ClosedTrade[], start: number, end: number): number {
  return end > start ? (exposureMs(trades, start, end) / (end - start)) * 100 : 0;
}
