// Test helpers for comparing our indicators with reference libraries value by value.
import { expect } from 'vitest';
import { batch, resolveParams, type Bar } from '../../contract.js';
import { columnsOf, realBars } from '../../test-support/bars.js';
import { MOMENTUM_SPECS } from '../specs.js';

/** Real SOLUSDT 5m bars for the library comparisons (undefined when ../shared/data is absent). */
export const COMPARE_BARS = 3000;
export const bars: Bar[] | undefined = realBars(COMPARE_BARS);

/**
 * Relative closeness: |a − b| ≤ rel · max(|a|, |b|, scale). The `scale` floor is the indicator's natural
 * unit (100 for a 0–100 oscillator, 1 for a percent or a ratio): near a zero crossing a pure relative
 * test would only measure the cancellation in a difference of two nearly equal prices.
 */
export function close(a: number, b: number, rel: number, scale: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), scale);
}

/**
 * Compares two series of equal length wherever both are defined (not NaN / undefined / null), and
 * returns how many values were compared. The first mismatch fails with its index and both values.
 */
export function compareSeries(
  label: string,
  ours: ArrayLike<number>,
  theirs: ArrayLike<number | null | undefined>,
  { rel = 1e-9, scale = 1, abs = 0 }: { rel?: number; scale?: number; abs?: number } = {},
): number {
  expect(ours.length).toBe(theirs.length);
  let compared = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i];
    if (Number.isNaN(a) || b === undefined || b === null || Number.isNaN(b)) continue;
    if (!(Math.abs(a - b) <= abs || close(a, b, rel, scale))) expect.fail(`${label} at bar ${i}: ours ${a}, theirs ${b}`);
    compared++;
  }
  return compared;
}

/** Lines up a technicalindicators result (which drops its warm-up) with the input bars: undefined before it. */
export function alignEnd<T>(result: readonly T[], length: number): (T | undefined)[] {
  const offset = length - result.length;
  return Array.from({ length }, (_, i) => (i >= offset ? result[i - offset] : undefined));
}

export const column = (rows: readonly Bar[], key: keyof Bar): number[] => rows.map((b) => b[key]);

/** Our outputs for `rows` through the registered spec (so the CLI wiring is what gets compared). */
export function ours(name: string, params: readonly number[], rows: readonly Bar[]): Float64Array[] {
  const spec = MOMENTUM_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no momentum spec named ${name}`);
  return batch(spec, resolveParams(spec, params), columnsOf(rows));
}
