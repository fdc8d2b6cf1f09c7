// Batch kernels of the volume indicators: the streaming arithmetic, in the same order, as tight loops over typed arrays.
import { outputArrays } from '../contract.js';
import type { BarColumns } from '../contract.js';
import { MONDAY_EPOCH } from './vwap.js';

/**
 * Anchored VWAP over periods of `periodMs` (periodAnchor's rule: a new period when the Monday-based
 * bucket of the bar time differs from the previous bar's, or the previous time is NaN), with West's
 * weighted update of AnchoredVWAP.step; outputs [vwap, +1σ, −1σ, +2σ, −2σ], defined from the first bar.
 * A missing time column counts bars (0, 1, 2 …) as batch() does.
 */
export function vwapKernel(c: BarColumns, periodMs: number): Float64Array[] {
  if (!(periodMs > 0)) throw new RangeError(`anchor period must be positive, got ${periodMs} ms`);
  const { time, high, low, close, volume } = c;
  const n = close.length;
  const [vwap, upper1, lower1, upper2, lower2] = outputArrays(5, n);
  let lastTime = NaN;
  let lastBucket = NaN;
  let weight = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const t = time ? time[i]! : i;
    const bucket = Math.floor((t - MONDAY_EPOCH) / periodMs);
    if (lastTime !== lastTime || bucket !== lastBucket) {
      weight = 0;
      m2 = 0;
    }
    lastTime = t;
    lastBucket = bucket;
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    const raw = volume ? volume[i]! : 0;
    const v = raw > 0 ? raw : 0;
    if (weight === 0) {
      mean = tp;
      weight = v;
    } else if (v !== 0) {
      const total = weight + v;
      const delta = tp - mean;
      const next = mean + (delta * v) / total;
      m2 += v * delta * (tp - next);
      mean = next;
      weight = total;
    }
    const sd = weight > 0 && m2 > 0 ? Math.sqrt(m2 / weight) : 0;
    vwap[i] = mean;
    upper1[i] = mean + sd;
    lower1[i] = mean - sd;
    upper2[i] = mean + 2 * sd;
    lower2[i] = mean - 2 * sd;
  }
  return [vwap, upper1, lower1, upper2, lower2];
}
