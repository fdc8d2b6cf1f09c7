// Batch kernels of the bar-driven trend indicators (ADX, Supertrend; PSAR's is in ./psar-kernel.ts): the streaming arithmetic, in the same order, as tight loops.
import { outputArrays } from '../contract.js';
// As in ./kernels.ts, the warm-up runs in its own loop, so the steady-state loop has no branch it takes only once.
import type { BarColumns } from '../contract.js';

/**
 * ADX: true range, +DM and −DM each Wilder-smoothed from bar 2 (SMA seed of n, then (x − avg)·(1/n) +
 * avg), ±DI = 100·DM / ATR (0 when ATR is 0), DX = 100·|+DI − −DI| / (+DI + −DI) (0 when both are 0)
 * smoothed from bar n + 1; every output NaN until ADX is defined on bar 2n, as the spec's reader.
 */
export function adxKernel(c: BarColumns, period: number): Float64Array[] {
  const { high, low, close } = c;
  const n = close.length;
  const [adxOut, plusOut, minusOut] = outputArrays(3, n);
  const outputs = [adxOut, plusOut, minusOut];
  const k = 1 / period;
  const decay = 1 - k;
  const stable = 2 * period - 1;
  let atrSeed = 0;
  let atr = 0;
  let plusSeed = 0;
  let plusAvg = 0;
  let minusSeed = 0;
  let minusAvg = 0;
  let dxSeed = 0;
  let adx = 0;
  let p = 0;
  let m = 0;
  if (n > 0) adxOut[0] = plusOut[0] = minusOut[0] = NaN;
  for (let i = 1; i < n && i <= stable; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    const up = h - high[i - 1]!;
    const down = low[i - 1]! - l;
    const plus = up > down && up > 0 ? up : 0;
    const minus = down > up && down > 0 ? down : 0;
    // The three averages have seen i inputs.
    if (i < period) {
      atrSeed += tr;
      plusSeed += plus;
      minusSeed += minus;
    } else if (i === period) {
      atr = (atrSeed + tr) / period;
      plusAvg = (plusSeed + plus) / period;
      minusAvg = (minusSeed + minus) / period;
    } else {
      atr = tr * k + atr * decay;
      plusAvg = plus * k + plusAvg * decay;
      minusAvg = minus * k + minusAvg * decay;
    }
    if (i >= period) {
      p = atr === 0 ? 0 : (plusAvg * 100) / atr;
      m = atr === 0 ? 0 : (minusAvg * 100) / atr;
      const dx = p + m === 0 ? 0 : (100 * Math.abs(p - m)) / (p + m);
      // The DX average has seen i − period + 1 inputs.
      if (i < stable) dxSeed += dx;
      else adx = (dxSeed + dx) / period;
    }
    adxOut[i] = plusOut[i] = minusOut[i] = NaN;
  }
  if (n <= stable) return outputs;
  adxOut[stable] = adx;
  plusOut[stable] = p;
  minusOut[stable] = m;
  for (let i = stable + 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    const up = h - high[i - 1]!;
    const down = low[i - 1]! - l;
    const plus = up > down && up > 0 ? up : 0;
    const minus = down > up && down > 0 ? down : 0;
    atr = tr * k + atr * decay;
    plusAvg = plus * k + plusAvg * decay;
    minusAvg = minus * k + minusAvg * decay;
    p = atr === 0 ? 0 : (plusAvg * 100) / atr;
    m = atr === 0 ? 0 : (minusAvg * 100) / atr;
    const dx = p + m === 0 ? 0 : (100 * Math.abs(p - m)) / (p + m);
    adx = dx * k + adx * decay;
    adxOut[i] = adx;
    plusOut[i] = p;
    minusOut[i] = m;
  }
  return outputs;
}

/**
 * Supertrend: bands hl2 ± m·ATR(n) that ratchet toward price unless the previous close broke through,
 * the trend flipping on a close beyond the active band; from the first bar with an ATR (bar n + 1).
 */
export function supertrendKernel(c: BarColumns, period: number, multiplier: number): Float64Array[] {
  const { high, low, close } = c;
  const n = close.length;
  const [valueOut, dirOut] = outputArrays(2, n);
  const outputs = [valueOut, dirOut];
  const k = 1 / period;
  const decay = 1 - k;
  let seed = 0;
  if (n > 0) valueOut[0] = dirOut[0] = NaN;
  for (let i = 1; i < n && i < period; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const pc = close[i - 1]!;
    seed += pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    valueOut[i] = dirOut[i] = NaN;
  }
  if (n <= period) return outputs;
  let atr: number;
  let upper: number;
  let lower: number;
  let up: boolean;
  {
    const h = high[period]!;
    const l = low[period]!;
    const pc = close[period - 1]!;
    const tr = pc !== pc ? h - l : Math.max(h - l, Math.abs(h - pc), Math.abs(l - pc));
    atr = (seed + tr) / period;
    const mid = (h + l) / 2;
    const width = multiplier * atr;
    upper = mid + width;
    lower = mid - width;
    up = close[period]! > upper;
    valueOut[period] = up ? lower : upper;
    dirOut[period] = up ? 1 : -1;
  }
  for (let i = period + 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    const lastClose = close[i - 1]!;
    const tr = lastClose !== lastClose ? h - l : Math.max(h - l, Math.abs(h - lastClose), Math.abs(l - lastClose));
    atr = tr * k + atr * decay;
    const x = close[i]!;
    const mid = (h + l) / 2;
    const width = multiplier * atr;
    const basicUpper = mid + width;
    const basicLower = mid - width;
    if (Number.isNaN(upper)) {
      upper = basicUpper;
      lower = basicLower;
      up = x > basicUpper;
    } else {
      upper = basicUpper < upper || lastClose > upper ? basicUpper : upper;
      lower = basicLower > lower || lastClose < lower ? basicLower : lower;
      up = up ? x >= lower : x > upper;
    }
    valueOut[i] = up ? lower : upper;
    dirOut[i] = up ? 1 : -1;
  }
  return outputs;
}
