// Test-only helpers for comparing our trend indicators with the reference libraries, bar by bar.

/** |a − b| relative to the larger magnitude (0 when both are 0). */
export function relativeGap(a: number, b: number, floor = 0): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), floor);
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Largest relative gap over the indices from `from` where both series are defined; NaN marks "not defined". */
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

/** Inputs after which a gap between two EMA seeds has shrunk below 1e-12 of itself: (1 − k)^t ≤ 1e-12. */
export const burnIn = (k: number): number => Math.ceil(Math.log(1e-12) / Math.log(1 - k));
