// Batch kernels of the window-extreme oscillators (stochastic, stochastic RSI, Williams %R): RollingExtreme's
import { outputArray } from '../contract.js';
// window highest and lowest (by rescans, or its deque as a queue of input indices) and the SMAs' running sums.
import type { BarColumns } from '../contract.js';
import { nanArray } from '../trend/kernels.js';
import { rsiKernel } from './kernels.js';

/** Periods up to which a window extreme is kept by rescanning only when it leaves the window (O(period) worst case per step). */
const RESCAN_MAX_PERIOD = 64;

function hasNaN(values: Float64Array, from: number): boolean {
  for (let i = from; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/**
 * out[i] = RollingExtreme(period, 'max') after inputs from..i: the highest value of the window, the latest
 * of equal ones (its deque pops a back value ≤ the new one). Without NaN, and for short periods, the same
 * value comes from one running maximum that is rescanned (with ≥, so the latest of equals wins) only when
 * it leaves the window: a branch that is rarely taken, where the deque's pops mispredict. With NaN the
 * deque itself runs, as a queue of input indices (a NaN stops its pops, so only it gives those values).
 */
function rollingMax(values: Float64Array, from: number, period: number, out: Float64Array): void {
  const n = values.length;
  if (period <= RESCAN_MAX_PERIOD && !hasNaN(values, from)) {
    let best = -Infinity;
    let at = -1;
    for (let i = from; i < n; i++) {
      const v = values[i]!;
      if (v >= best) {
        best = v;
        at = i;
      } else if (at <= i - period) {
        at = i - period + 1;
        best = values[at]!;
        for (let j = at + 1; j <= i; j++) {
          const w = values[j]!;
          if (w >= best) {
            best = w;
            at = j;
          }
        }
      }
      out[i] = best;
    }
    return;
  }
  const queue = new Int32Array(Math.max(0, n - from));
  let head = 0;
  let tail = 0;
  for (let i = from; i < n; i++) {
    while (tail > head && queue[head]! <= i - period) head++;
    const v = values[i]!;
    while (tail > head && values[queue[tail - 1]!]! <= v) tail--;
    queue[tail++] = i;
    out[i] = values[queue[head]!]!;
  }
}

/** rollingMax for RollingExtreme(period, 'min'): the lowest value, the latest of equal ones. */
function rollingMin(values: Float64Array, from: number, period: number, out: Float64Array): void {
  const n = values.length;
  if (period <= RESCAN_MAX_PERIOD && !hasNaN(values, from)) {
    let best = Infinity;
    let at = -1;
    for (let i = from; i < n; i++) {
      const v = values[i]!;
      if (v <= best) {
        best = v;
        at = i;
      } else if (at <= i - period) {
        at = i - period + 1;
        best = values[at]!;
        for (let j = at + 1; j <= i; j++) {
          const w = values[j]!;
          if (w <= best) {
            best = w;
            at = j;
          }
        }
      }
      out[i] = best;
    }
    return;
  }
  const queue = new Int32Array(Math.max(0, n - from));
  let head = 0;
  let tail = 0;
  for (let i = from; i < n; i++) {
    while (tail > head && queue[head]! <= i - period) head++;
    const v = values[i]!;
    while (tail > head && values[queue[tail - 1]!]! >= v) tail--;
    queue[tail++] = i;
    out[i] = values[queue[head]!]!;
  }
}

/**
 * StochasticEngine fed with inputs from..n − 1: fast %K over `period` inputs (50 for a zero range), slow
 * %K its SMA over `smoothing`, %D the SMA of slow %K over `signal` (each SMA keeps sum − removed + value).
 * outK and outD (NaN-filled) first receive the window's highest and lowest, then %K and %D where %D is
 * defined and NaN elsewhere.
 */
function stochasticInto(high: Float64Array, low: Float64Array, close: Float64Array, from: number, period: number, smoothing: number, signal: number, outK: Float64Array, outD: Float64Array): void {
  const n = close.length;
  rollingMax(high, from, period, outK);
  rollingMin(low, from, period, outD);
  const kRing = new Float64Array(smoothing);
  const dRing = new Float64Array(signal);
  let kNext = 0;
  let kCount = 0;
  let kSum = 0;
  let dNext = 0;
  let dCount = 0;
  let dSum = 0;
  for (let i = from; i < n; i++) {
    const highest = outK[i]!;
    const lowest = outD[i]!;
    outK[i] = NaN;
    outD[i] = NaN;
    if (i - from < period - 1) continue;
    const range = highest - lowest;
    const fastK = range === 0 ? 50 : (100 * (close[i]! - lowest)) / range;
    kCount++;
    const kRemoved = kCount > smoothing ? kRing[kNext]! : 0;
    kSum = kSum - kRemoved + fastK;
    kRing[kNext] = fastK;
    kNext = kNext + 1 === smoothing ? 0 : kNext + 1;
    if (kCount < smoothing) continue;
    const k = kSum / smoothing;
    dCount++;
    const dRemoved = dCount > signal ? dRing[dNext]! : 0;
    dSum = dSum - dRemoved + k;
    dRing[dNext] = k;
    dNext = dNext + 1 === signal ? 0 : dNext + 1;
    if (dCount >= signal) {
      outK[i] = k;
      outD[i] = dSum / signal;
    }
  }
}

/** Slow stochastic of bars: [%K, %D]. */
export function stochasticKernel(c: BarColumns, period: number, smoothing: number, signal: number): Float64Array[] {
  const n = c.close.length;
  const k = nanArray(n);
  const d = nanArray(n);
  stochasticInto(c.high, c.low, c.close, 0, period, smoothing, signal, k, d);
  return [k, d];
}

/** Stochastic RSI: the RSI kernel, then the stochastic engine over the RSI from its first defined value. */
export function stochasticRsiKernel(close: Float64Array, rsiPeriod: number, period: number, smoothing: number, signal: number): Float64Array[] {
  const n = close.length;
  const first = new Int32Array(1);
  const rsi = rsiKernel(close, rsiPeriod, first);
  const k = nanArray(n);
  const d = nanArray(n);
  stochasticInto(rsi, rsi, rsi, first[0]!, period, smoothing, signal, k, d);
  return [k, d];
}

/** Williams %R: −100·(highest − close)/(highest − lowest) over `period` bars, −50 for a zero range. */
export function williamsRKernel(c: BarColumns, period: number): Float64Array {
  const { high, low, close } = c;
  const n = close.length;
  const out = outputArray(n);
  const lowest = new Float64Array(n);
  rollingMax(high, 0, period, out);
  rollingMin(low, 0, period, lowest);
  for (let i = 0; i < n; i++) {
    if (i < period - 1) {
      out[i] = NaN;
      continue;
    }
    const highest = out[i]!;
    const range = highest - lowest[i]!;
    out[i] = range === 0 ? -50 : (-100 * (highest - close[i]!)) / range;
  }
  return out;
}
