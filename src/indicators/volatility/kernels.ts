// Batch kernels of the volatility indicators: the streaming arithmetic, in the same order, as tight loops over typed arrays.
import { outputArray, outputArrays } from '../contract.js';
// As in ../trend/kernels.ts, the warm-up runs in its own loop, so the steady-state loop has no branch it takes only once.
import type { BarColumns } from '../contract.js';

/**
 * TR: trueRange against the previous close (the bar's own range when that close is NaN, as trueRange);
 * NaN on the first bar (TR is stable from bar 2).
 */
export function trKernel(c: BarColumns): Float64Array {
  const { high, low, close } = c;
  const n = close.length;
  const out = outputArray(n);
  if (n > 0) out[0] = NaN;
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    out[i] = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
  }
  return out;
}

/**
 * ATR: the RMA (SMA seed, then (tr − atr)·(1/n) + atr) of the true range from bar 2 on, so the first
 * value is on bar n + 1, as ATR.add.
 */
export function atrKernel(c: BarColumns, period: number): Float64Array {
  const { high, low, close } = c;
  const n = close.length;
  const out = outputArray(n);
  const k = 1 / period;
  const decay = 1 - k;
  let seed = 0;
  if (n > 0) out[0] = NaN;
  // The RMA has seen i true ranges on bar i.
  for (let i = 1; i < n && i < period; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    seed += pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    out[i] = NaN;
  }
  if (n <= period) return out;
  const h0 = high[period]!;
  const l0 = low[period]!;
  const pc0 = close[period - 1]!;
  const tr0 = pc0 !== pc0 ? h0 - l0 : Math.max(h0 - l0, Math.abs(h0 - pc0), Math.abs(l0 - pc0));
  let atr = (seed + tr0) / period;
  out[period] = atr;
  for (let i = period + 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    out[i] = atr = tr * k + atr * decay;
  }
  return out;
}

/** NATR: 100 × ATR / close, 0 for a close of 0. */
export function natrKernel(c: BarColumns, period: number): Float64Array {
  const out = atrKernel(c, period);
  const close = c.close;
  for (let i = period; i < out.length; i++) {
    const x = close[i]!;
    out[i] = x === 0 ? 0 : (100 * out[i]!) / x;
  }
  return out;
}

/** Keltner: EMA(period) of the close ± multiplier × ATR(atrPeriod), from the bar both are stable on. */
export function keltnerKernel(c: BarColumns, period: number, atrPeriod: number, multiplier: number): Float64Array[] {
  const { high, low, close } = c;
  const n = close.length;
  const [upper, middle, lower] = outputArrays(3, n);
  const outputs = [upper, middle, lower];
  const k = 2 / (period + 1);
  const decay = 1 - k;
  const atrK = 1 / atrPeriod;
  const atrDecay = 1 - atrK;
  const start = Math.max(period - 1, atrPeriod);
  let emaSeed = 0;
  let ema = 0;
  let atrSeed = 0;
  let atr = 0;
  for (let i = 0; i < n && i <= start; i++) {
    const v = close[i]!;
    if (i < period - 1) emaSeed += v;
    else if (i === period - 1) ema = (emaSeed + v) / period;
    else ema = v * k + ema * decay;
    if (i >= 1) {
      const h = high[i]!;
      const l = low[i]!;
      const pc = close[i - 1]!;
      const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
      if (i < atrPeriod) atrSeed += tr;
      else if (i === atrPeriod) atr = (atrSeed + tr) / atrPeriod;
      else atr = tr * atrK + atr * atrDecay;
    }
    upper[i] = middle[i] = lower[i] = NaN;
  }
  if (n <= start) return outputs;
  upper[start] = ema + multiplier * atr;
  middle[start] = ema;
  lower[start] = ema - multiplier * atr;
  for (let i = start + 1; i < n; i++) {
    const v = close[i]!;
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    ema = v * k + ema * decay;
    const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    atr = tr * atrK + atr * atrDecay;
    upper[i] = ema + multiplier * atr;
    middle[i] = ema;
    lower[i] = ema - multiplier * atr;
  }
  return outputs;
}

// Re-sums of a whole window around a shift, in RollingMoments' order, for its periodic resync.

/** Σ (x − shift) over values[from..to), from 0, in order. */
function shiftedSum(values: Float64Array, from: number, to: number, shift: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) sum += values[j]! - shift;
  return sum;
}

/** Σ (x − shift)² over values[from..to), from 0, in order. */
function shiftedSquares(values: Float64Array, from: number, to: number, shift: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) {
    const d = values[j]! - shift;
    sum += d * d;
  }
  return sum;
}

/**
 * Bollinger: RollingMoments' shifted sums (shift = the first input, then the newest input at every
 * re-sum, which happens whenever the ring buffer wraps), its run of equal inputs for an exact zero
 * variance, and the band, bandwidth and %B arithmetic of BollingerBands.
 */
export function bollingerKernel(close: Float64Array, period: number, multiplier: number): Float64Array[] {
  const n = close.length;
  const [upper, middle, lower, bandwidth, percentB] = outputArrays(5, n);
  const outputs = [upper, middle, lower, bandwidth, percentB];
  let shift = n > 0 ? close[0]! : 0;
  let s1 = 0;
  let s2 = 0;
  let run = 0;
  let last = NaN;
  // Before the window fills: no input leaves it, and nothing is read.
  for (let i = 0; i < n && i < period; i++) {
    const value = close[i]!;
    const d = value - shift;
    s1 += d;
    s2 += d * d;
    run = value === last ? run + 1 : 1;
    last = value;
    upper[i] = middle[i] = lower[i] = bandwidth[i] = percentB[i] = NaN;
  }
  // Slot of the newest input in the ring buffer (the window fills, and the buffer first wraps, on input `period`).
  let slot = period - 1;
  for (let i = period - 1; i < n; i++) {
    const value = close[i]!;
    if (i >= period) {
      const d = value - shift;
      const old = close[i - period]! - shift;
      s1 += d - old;
      s2 += d * d - old * old;
      run = value === last ? run + 1 : 1;
      last = value;
    }
    if (++slot >= period) {
      // The ring buffer wrapped: it holds inputs i − period + 1 .. i, slot 0 first; re-sum around the newest.
      slot = 0;
      shift = value;
      s1 = shiftedSum(close, i - period + 1, i + 1, value);
      s2 = shiftedSquares(close, i - period + 1, i + 1, value);
    }
    const mean = shift + s1 / period;
    let ssd = 0;
    if (run < period) {
      const m2 = s2 - (s1 * s1) / period;
      ssd = m2 > 0 ? m2 : 0;
    }
    const deviation = multiplier * Math.sqrt(ssd / period);
    const up = mean + deviation;
    const lo = mean - deviation;
    const range = up - lo;
    upper[i] = up;
    middle[i] = mean;
    lower[i] = lo;
    bandwidth[i] = mean === 0 ? 0 : range / mean;
    percentB[i] = range === 0 ? 0.5 : (value - lo) / range;
  }
  return outputs;
}

/**
 * Donchian: the rolling highest high and lowest low over monotonic deques of indices (ring buffers of
 * n slots; the newest of equal values kept, as RollingExtreme), and their midpoint, from bar n on.
 */
export function donchianKernel(c: BarColumns, period: number): Float64Array[] {
  const { high, low } = c;
  const n = high.length;
  const [upper, middle, lower] = outputArrays(3, n);
  const outputs = [upper, middle, lower];
  const maxQ = new Int32Array(period);
  const minQ = new Int32Array(period);
  let maxHead = 0;
  let maxSize = 0;
  let minHead = 0;
  let minSize = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    // At most one index leaves each window per bar: the head, when it is `period` bars old.
    if (maxSize > 0 && maxQ[maxHead]! <= i - period) {
      maxHead = maxHead + 1 === period ? 0 : maxHead + 1;
      maxSize--;
    }
    if (minSize > 0 && minQ[minHead]! <= i - period) {
      minHead = minHead + 1 === period ? 0 : minHead + 1;
      minSize--;
    }
    while (maxSize > 0) {
      const back = maxHead + maxSize - 1;
      if (high[maxQ[back < period ? back : back - period]!]! <= h) maxSize--;
      else break;
    }
    while (minSize > 0) {
      const back = minHead + minSize - 1;
      // RollingExtreme keeps minima negated: −low(back) ≤ −low(new).
      if (-low[minQ[back < period ? back : back - period]!]! <= -l) minSize--;
      else break;
    }
    const maxAt = maxHead + maxSize;
    maxQ[maxAt < period ? maxAt : maxAt - period] = i;
    maxSize++;
    const minAt = minHead + minSize;
    minQ[minAt < period ? minAt : minAt - period] = i;
    minSize++;
    if (i >= period - 1) {
      const up = high[maxQ[maxHead]!]!;
      const lo = low[minQ[minHead]!]!;
      upper[i] = up;
      middle[i] = (up + lo) / 2;
      lower[i] = lo;
    } else upper[i] = middle[i] = lower[i] = NaN;
  }
  return outputs;
}
