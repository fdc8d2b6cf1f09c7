// Batch kernels of the moving averages: the streaming arithmetic, in the same order, as tight loops over typed arrays.

/** NaN-filled output of length n. */
export function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
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
  const out = nanArray(n);
  let seedSum = 0;
  let result = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (i < period - 1) seedSum += v;
    else if (i === period - 1) out[i] = result = (seedSum + v) / period;
    else out[i] = result = (v - result) * k + result;
  }
  return out;
}
