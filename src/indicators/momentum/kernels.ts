// Batch kernels of the momentum and money-flow indicators: the streaming arithmetic, in the same order, as tight loops over typed arrays.
import { outputArray } from '../contract.js';
import type { BarColumns } from '../contract.js';
import { nanArray } from '../trend/kernels.js';

/** The volume column, or zeros as batch() feeds a bar without volume. */
export const volumeOf = (c: BarColumns): Float64Array => c.volume ?? new Float64Array(c.close.length);

/**
 * RSI and its two RMAs: a close whose previous close is NaN adds no change (as RSI.step); the RMAs sum
 * their first `period` changes, seed with (sum + change)/period, then (x − avg)·(1/period) + avg.
 * `stable`, when given, receives the index of the first defined value (n when there is none).
 */
export function rsiKernel(close: Float64Array, period: number, stable?: Int32Array): Float64Array {
  const n = close.length;
  const out = nanArray(n);
  const k = 1 / period;
  const decay = 1 - k;
  let first = n;
  let previous = NaN;
  let count = 0;
  let gainSeed = 0;
  let lossSeed = 0;
  let gain = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const v = close[i]!;
    if (previous === previous) {
      const change = v - previous;
      // (change ± |change|)/2 is exactly the ternaries' gain and loss (+0 for a zero or −0 change), without
      // their mispredicted branches, wherever change + |change| cannot overflow; elsewhere (NaN, huge) the ternaries.
      const size = Math.abs(change);
      const g = size < 1e300 ? (change + size) * 0.5 : change > 0 ? change : 0;
      const l = size < 1e300 ? (size - change) * 0.5 : change < 0 ? -change : 0;
      count++;
      if (count < period) {
        gainSeed += g;
        lossSeed += l;
      } else if (count === period) {
        gain = (gainSeed + g) / period;
        loss = (lossSeed + l) / period;
        first = i;
      } else {
        gain = g * k + gain * decay;
        loss = l * k + loss * decay;
      }
    }
    previous = v;
    if (count >= period) out[i] = loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
  }
  if (stable) stable[0] = first;
  return out;
}

/** ROC: the close `period` inputs back is the reference; a zero reference reads 0. */
export function rocKernel(close: Float64Array, period: number): Float64Array {
  const n = close.length;
  const out = nanArray(n);
  for (let i = period; i < n; i++) {
    const reference = close[i - period]!;
    out[i] = reference === 0 ? 0 : (100 * (close[i]! - reference)) / reference;
  }
  return out;
}

/** OBV: from 0, ± the volume on an up / down close, unchanged otherwise; defined from the first bar. */
export function obvKernel(c: BarColumns): Float64Array {
  const { close } = c;
  const volume = volumeOf(c);
  const n = close.length;
  const out = outputArray(n);
  let total = 0;
  let previous = NaN;
  for (let i = 0; i < n; i++) {
    const v = close[i]!;
    // total + 1·volume and total + (−1)·volume are exactly total ± volume; the sign comes without a
    // branch, and the one left (no change) is predictable.
    const sign = +(v > previous) - +(v < previous);
    if (sign !== 0) total += sign * volume[i]!;
    previous = v;
    out[i] = total;
  }
  return out;
}

/**
 * MFI: the two RollingSums of up and down flow (typical × volume), each with its ring, its count of
 * non-zero values (a window of zeros sums to exactly 0) and `total − removed + value`. A bar whose
 * previous typical price is NaN only sets the reference.
 */
export function mfiKernel(c: BarColumns, period: number): Float64Array {
  const { high, low, close } = c;
  const volume = volumeOf(c);
  const n = close.length;
  const out = nanArray(n);
  const ups = new Float64Array(period);
  const downs = new Float64Array(period);
  let next = 0;
  let count = 0;
  let up = 0;
  let down = 0;
  let upNonZero = 0;
  let downNonZero = 0;
  let previous = NaN;
  for (let i = 0; i < n; i++) {
    const typical = (high[i]! + low[i]! + close[i]!) / 3;
    const before = previous;
    previous = typical;
    if (before === before) {
      const flow = typical * volume[i]!;
      const u = typical > before ? flow : 0;
      const d = typical < before ? flow : 0;
      count++;
      const removedUp = count > period ? ups[next]! : 0;
      const removedDown = count > period ? downs[next]! : 0;
      if (removedUp !== 0) upNonZero--;
      if (u !== 0) upNonZero++;
      up = upNonZero === 0 ? 0 : up - removedUp + u;
      if (removedDown !== 0) downNonZero--;
      if (d !== 0) downNonZero++;
      down = downNonZero === 0 ? 0 : down - removedDown + d;
      ups[next] = u;
      downs[next] = d;
      next = next + 1 === period ? 0 : next + 1;
    }
    if (count >= period) {
      const total = up + down;
      out[i] = total === 0 ? 50 : (100 * up) / total;
    }
  }
  return out;
}

/** CMF: RollingSums of multiplier × volume and of volume (see mfiKernel); a window without volume reads 0. */
export function cmfKernel(c: BarColumns, period: number): Float64Array {
  const { high, low, close } = c;
  const volume = volumeOf(c);
  const n = close.length;
  const out = nanArray(n);
  const flows = new Float64Array(period);
  let next = 0;
  let flowSum = 0;
  let volumeSum = 0;
  let flowNonZero = 0;
  let volumeNonZero = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const cl = close[i]!;
    const v = volume[i]!;
    const range = h - l;
    const flow = (range === 0 ? 0 : (cl - l - (h - cl)) / range) * v;
    const full = i >= period;
    const removedFlow = full ? flows[next]! : 0;
    const removedVolume = full ? volume[i - period]! : 0;
    if (removedFlow !== 0) flowNonZero--;
    if (flow !== 0) flowNonZero++;
    flowSum = flowNonZero === 0 ? 0 : flowSum - removedFlow + flow;
    if (removedVolume !== 0) volumeNonZero--;
    if (v !== 0) volumeNonZero++;
    volumeSum = volumeNonZero === 0 ? 0 : volumeSum - removedVolume + v;
    flows[next] = flow;
    next = next + 1 === period ? 0 : next + 1;
    if (i >= period - 1) out[i] = volumeSum === 0 ? 0 : flowSum / volumeSum;
  }
  return out;
}

/**
 * CCI: typical prices, a flat window found by the run of equal non-NaN typical prices (as CCI.push), else
 * a fresh sum oldest first, the mean, the fresh sum of |tp − mean| and (tp − mean)/(0.015 · deviation/n).
 * Flat windows are found in a first pass, so the sweeps run in a loop of their own.
 */
export function cciKernel(c: BarColumns, period: number): Float64Array {
  const { high, low, close } = c;
  const n = close.length;
  const out = nanArray(n);
  const tps = new Float64Array(n);
  const flat = new Uint8Array(n);
  let lastValid = NaN;
  let lastValidAt = -1;
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const tp = (high[i]! + low[i]! + close[i]!) / 3;
    tps[i] = tp;
    if (tp === tp) {
      if (tp !== lastValid) {
        runStart = lastValidAt + 1;
        lastValid = tp;
      }
      lastValidAt = i;
    }
    const from = i - period + 1;
    if (runStart <= from && lastValidAt >= from) flat[i] = 1;
  }
  // Two bars at a time where neither window is flat: their sums are independent chains of additions, each
  // in the stream's order, so interleaving them halves the time bound by addition latency.
  let i = period - 1;
  while (i < n) {
    const from = i - period + 1;
    if (i + 1 < n && flat[i] === 0 && flat[i + 1] === 0) {
      let sum0 = 0;
      let sum1 = 0;
      for (let j = from; j <= i; j++) {
        sum0 += tps[j]!;
        sum1 += tps[j + 1]!;
      }
      const mean0 = sum0 / period;
      const mean1 = sum1 / period;
      let deviation0 = 0;
      let deviation1 = 0;
      for (let j = from; j <= i; j++) {
        deviation0 += Math.abs(tps[j]! - mean0);
        deviation1 += Math.abs(tps[j + 1]! - mean1);
      }
      out[i] = (tps[i]! - mean0) / (0.015 * (deviation0 / period));
      out[i + 1] = (tps[i + 1]! - mean1) / (0.015 * (deviation1 / period));
      i += 2;
      continue;
    }
    if (flat[i] === 1) out[i] = 0;
    else {
      let sum = 0;
      for (let j = from; j <= i; j++) sum += tps[j]!;
      const mean = sum / period;
      let deviation = 0;
      for (let j = from; j <= i; j++) deviation += Math.abs(tps[j]! - mean);
      out[i] = (tps[i]! - mean) / (0.015 * (deviation / period));
    }
    i++;
  }
  return out;
}
