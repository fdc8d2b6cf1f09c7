// Batch kernels of the moving averages: the streaming arithmetic, in the same order, as tight loops over typed arrays.
import { outputArray } from '../contract.js';
//
// Shape of every kernel: the warm-up (the first `period` or so inputs, where the streaming class takes
// branches it never takes again) runs in its own short loop, and the steady state in a loop without such
// branches. A branch taken only in the first iterations of a call has no type feedback, so optimised
// code would deoptimise there on every later call and run the rest of it unoptimised.

/** NaN-filled output of length n. */
export function nanArray(n: number): Float64Array {
  return outputArray(n).fill(NaN);
}

/** SMA: the running sum of SMA.add — (sum − removed) + value — so every value matches the stream. */
export function smaKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = nanArray(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const removed = i >= period ? values[i - period]! : 0;
    sum = sum - removed + values[i]!;
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}

/** EMA / RMA: SMA seed over the first `period` values, then (value − result) × k + result. */
export function smoothingKernel(values: Float64Array, period: number, k: number): Float64Array {
  const n = values.length;
  const decay = 1 - k;
  const out = outputArray(n);
  let seedSum = 0;
  for (let i = 0; i < n && i < period - 1; i++) {
    seedSum += values[i]!;
    out[i] = NaN;
  }
  if (n < period) return out;
  let result = (seedSum + values[period - 1]!) / period;
  out[period - 1] = result;
  for (let i = period; i < n; i++) out[i] = result = values[i]! * k + result * decay;
  return out;
}

// Re-sums of a whole window, in the streaming classes' order, for their periodic resync.

/** Σ values[from..to) from 0, in order. */
function windowSum(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) sum += values[j]!;
  return sum;
}

/** Σ (j − from + 1)·values[j] over [from, to) from 0, in order: WMA's weights 1 (oldest) to n. */
function windowWeightedSum(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) sum += (j - from + 1) * values[j]!;
  return sum;
}

/** Σ a[j]·b[j] over [from, to) from 0, in order. */
function windowDot(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) sum += a[j]! * b[j]!;
  return sum;
}

/**
 * WMA: the incremental sums of WMA.push — weighted += n·v − sum, sum += v − oldest once the window is
 * full, weights 1..seen before — and the re-sum of the window (oldest first) every n inputs.
 */
export function wmaKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = outputArray(n);
  const divisor = (period * (period + 1)) / 2;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n && i < period; i++) {
    const v = values[i]!;
    weighted += (i + 1) * v;
    sum += v;
    out[i] = NaN;
  }
  if (n < period) return out;
  // Input `period` completes the first window, which the stream re-sums from scratch: the same
  // additions, in the same order, from 0, as the warm-up above, so the sums stand as they are.
  out[period - 1] = weighted / divisor;
  let slot = 0;
  for (let i = period; i < n; i++) {
    const v = values[i]!;
    weighted += period * v - sum;
    sum += v - values[i - period]!;
    if (++slot === period) {
      // The ring buffer holds values[i − period + 1 .. i] with the oldest at slot 0.
      slot = 0;
      sum = windowSum(values, i - period + 1, i + 1);
      weighted = windowWeightedSum(values, i - period + 1, i + 1);
    }
    out[i] = weighted / divisor;
  }
  return out;
}

/**
 * DEMA (depth 2) and TEMA (depth 3): each EMA stage fed the previous stage's values once that stage is
 * stable (stage k's first value on input k(n − 1) + 1), combined as DEMA.combine / TEMA.combine.
 */
export function emaChainKernel(values: Float64Array, period: number, depth: 2 | 3): Float64Array {
  const n = values.length;
  const k = 2 / (period + 1);
  const decay = 1 - k;
  const lag = period - 1;
  const s1 = smoothingKernel(values, period, k);
  const s2 = smoothingKernel(s1.subarray(Math.min(lag, n)), period, k);
  const out = nanArray(n);
  if (depth === 2) {
    for (let i = 2 * lag; i < n; i++) out[i] = 2 * s1[i]! - s2[i - lag]!;
    return out;
  }
  const s3 = smoothingKernel(s2.subarray(Math.min(lag, s2.length)), period, k);
  for (let i = 3 * lag; i < n; i++) out[i] = 3 * s1[i]! - 3 * s2[i - lag]! + s3[i - 2 * lag]!;
  return out;
}

/** HMA: WMA(⌊√n⌋) of 2·WMA(⌊n/2⌋) − WMA(n), fed from input n on (when the full WMA is stable). */
export function hmaKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const lag = period - 1;
  const half = wmaKernel(values, Math.floor(period / 2));
  const full = wmaKernel(values, period);
  const diff = new Float64Array(Math.max(0, n - lag));
  for (let i = lag; i < n; i++) diff[i - lag] = 2 * half[i]! - full[i]!;
  const smooth = wmaKernel(diff, Math.floor(Math.sqrt(period)));
  const out = nanArray(n);
  out.set(smooth, Math.min(lag, n));
  return out;
}

/**
 * VWMA: the running Σ close·volume, Σ volume, Σ close and traded-bar count of VWMA.push, re-summed
 * (except the exact count) every n bars; the plain mean when nothing traded in the window.
 */
export function vwmaKernel(close: Float64Array, volume: Float64Array | undefined, period: number): Float64Array {
  const n = close.length;
  const vol = volume ?? new Float64Array(n);
  const out = outputArray(n);
  let sumPv = 0;
  let sumV = 0;
  let sumClose = 0;
  let traded = 0;
  for (let i = 0; i < n && i < period; i++) {
    const c = close[i]!;
    const v = vol[i]!;
    sumPv += c * v;
    sumV += v;
    sumClose += c;
    if (v > 0) traded++;
    out[i] = NaN;
  }
  if (n < period) return out;
  // Bar `period` fills the window; the stream's re-sum then repeats the warm-up's additions exactly.
  out[period - 1] = traded > 0 ? sumPv / sumV : sumClose / period;
  let slot = 0;
  for (let i = period; i < n; i++) {
    const oldClose = close[i - period]!;
    const oldVolume = vol[i - period]!;
    sumPv -= oldClose * oldVolume;
    sumV -= oldVolume;
    sumClose -= oldClose;
    if (oldVolume > 0) traded--;
    const c = close[i]!;
    const v = vol[i]!;
    sumPv += c * v;
    sumV += v;
    sumClose += c;
    if (v > 0) traded++;
    if (++slot === period) {
      // The ring buffers hold bars i − period + 1 .. i, slot 0 first.
      slot = 0;
      sumPv = windowDot(close, vol, i - period + 1, i + 1);
      sumV = windowSum(vol, i - period + 1, i + 1);
      sumClose = windowSum(close, i - period + 1, i + 1);
    }
    out[i] = traded > 0 ? sumPv / sumV : sumClose / period;
  }
  return out;
}

/**
 * MACD: line = EMA(fast) − EMA(slow) once both are stable, signal = EMA(signal) of the line from there;
 * every output NaN until the signal is stable (as the spec's reader), hist = line − signal.
 */
export function macdKernel(values: Float64Array, fast: number, slow: number, signal: number): Float64Array[] {
  const n = values.length;
  const start = Math.min(n, Math.max(fast, slow) - 1);
  // The fast and slow EMAs land in macd and hist, then become the line and the histogram in place.
  const macd = smoothingKernel(values, fast, 2 / (fast + 1));
  const slowEma = smoothingKernel(values, slow, 2 / (slow + 1));
  for (let i = start; i < n; i++) macd[i] = macd[i]! - slowEma[i]!;
  const line = macd.subarray(start);
  const signalLine = smoothingKernel(line, signal, 2 / (signal + 1));
  const signalOut = outputArray(n);
  const hist = slowEma;
  const stable = Math.min(n, start + signal - 1);
  for (let i = 0; i < stable; i++) {
    macd[i] = NaN;
    signalOut[i] = NaN;
    hist[i] = NaN;
  }
  for (let i = stable; i < n; i++) {
    const m = macd[i]!;
    const g = signalLine[i - start]!;
    signalOut[i] = g;
    hist[i] = m - g;
  }
  return [macd, signalOut, hist];
}
