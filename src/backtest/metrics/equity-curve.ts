// Builds the columnar equity curve from points, for tests and callers that hold samples one by one.
import type { EquityCurve } from './types.js';

/** The curve of `points`, in their order: one column of times and one of equities. */
export function equityCurveOf(points: readonly { readonly time: number; readonly equity: number }[]): EquityCurve {
  return { time: points.map((p) => p.time), equity: points.map((p) => p.equity) };
}
