// Test-only helpers for comparing our indicators with the reference libraries (trading-signals, technicalindicators), bar by bar.
import type { Bar } from '../contract.js';
import { realBars } from './bars.js';

/** Real SOLUSDT 5m bars for library comparisons (undefined when ../shared/data is absent). */
export const COMPARE_BARS = 3000;
export const solBars = (): Bar[] | undefined => realBars(COMPARE_BARS);

/**
 * |a − b| relative to the larger magnitude, or to `floor` when both are smaller (for series that
 * cross zero, such as momentum, where a pure relative gap is meaningless next to 0).
 */
export function relativeGap(a: number, b: number, floor = 0): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), floor);
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Largest relative gap from index `from` where both series are defined (NaN = undefined), and how many were compared. */
export function maxGap(ours: ArrayLike<number>, theirs: ArrayLike<number>, from = 0, floor = 0): { gap: number; compared: number } {
  let gap = 0;
  let compared = 0;
  for (let i = from; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    gap = Math.max(gap, relativeGap(a, b, floor));
    compared++;
  }
  return { gap, compared };
}

/** A library's batch output (results for the last inputs only) aligned to the inputs, NaN in front. */
export function alignEnd(values: readonly number[], length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  out.set(values, length - values.length);
  return out;
}

/** Feeds inputs one by one and records `read()` (NaN before stable). */
export function run<T, I extends { add(input: T): unknown; readonly isStable: boolean }>(indicator: I, inputs: readonly T[], read: (ind: I) => number): Float64Array {
  return Float64Array.from(inputs, (input) => {
    indicator.add(input);
    return indicator.isStable ? read(indicator) : NaN;
  });
}

/** Feeds a library indicator with `add` that returns null/undefined before warm-up, recording one number per input. */
export function runLib<T, R>(inputs: readonly T[], update: (input: T) => R | null | undefined, read: (result: R) => number): Float64Array {
  return Float64Array.from(inputs, (input) => {
    const result = update(input);
    return result === null || result === undefined ? NaN : read(result);
  });
}

/** A bar with the given fields over flat defaults; time advances 5 minutes per index. */
export const bar = (i: number, fields: Partial<Bar>): Bar => ({ time: Date.UTC(2025, 0, 1) + i * 300_000, open: 100, high: 100, low: 100, close: 100, volume: 0, ...fields });

/** Inputs after which a gap between two EMA seeds has shrunk below 1e-12 of itself: (1 − k)^t ≤ 1e-12. */
export const burnIn = (k: number): number => Math.ceil(Math.log(1e-12) / Math.log(1 - k));
