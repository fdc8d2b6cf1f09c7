// Small float statistics shared by the metrics, each with its empty-input answer spelled out.

export const DAY_MS = 86_400_000;

export function sum(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleStdDev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (values.length - 1));
}

/** Median (the mean of the middle two for an even count); 0 for no values. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * numerator / denominator, never NaN: a zero denominator gives +Infinity for a positive numerator,
 * −Infinity for a negative one and 0 for 0/0 (nothing gained, nothing risked).
 */
export function ratio(numerator: number, denominator: number): number {
  if (denominator !== 0) return numerator / denominator;
  if (numerator > 0) return Number.POSITIVE_INFINITY;
  if (numerator < 0) return Number.NEGATIVE_INFINITY;
  return 0;
}

/** 'YYYY-MM-DD' of a UTC day number (days since the epoch). */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
