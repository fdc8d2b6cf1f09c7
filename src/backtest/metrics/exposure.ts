// Time in the market: the union of the trades' holding intervals, so overlapping trades count once.

import type { ClosedTrade } from './types.js';

/** Milliseconds of [start, end) covered by at least one trade's [entryTime, exitTime]. */
export function exposureMs(trades: readonly ClosedTrade[], start: number, end: number): number {
  // Intervals clipped to the period, in entry order (a single-symbol run is in order already: no sort then).
  const from: number[] = [];
  const to: number[] = [];
  let sorted = true;
  for (const t of trades) {
    const a = Math.max(t.entryTime, start);
    const b = Math.min(t.exitTime, end);
    if (!(b > a)) continue;
    if (from.length > 0 && a < from[from.length - 1]!) sorted = false;
    from.push(a);
    to.push(b);
  }
  const order = from.map((_, i) => i);
  if (!sorted) order.sort((i, j) => from[i]! - from[j]!);
  let covered = 0;
  let runFrom = Number.NaN;
  let runTo = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const a = from[i]!;
    const b = to[i]!;
    if (a > runTo) {
      if (runTo > runFrom) covered += runTo - runFrom;
      runFrom = a;
      runTo = b;
    } else if (b > runTo) {
      runTo = b;
    }
  }
  if (runTo > runFrom) covered += runTo - runFrom;
  return covered;
}

/** Share of the period with a position open, in percent; 0 for an empty period. */
export function exposurePct(trades: readonly ClosedTrade[], start: number, end: number): number {
  return end > start ? (exposureMs(trades, start, end) / (end - start)) * 100 : 0;
}
