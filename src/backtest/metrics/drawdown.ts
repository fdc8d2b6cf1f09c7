// The deepest peak-to-trough fall of the equity curve, with when it began, bottomed and recovered.

import type { EquityCurve } from './types.js';

export interface MaxDrawdown {
  /** Absolute fall of this episode, USDT. */
  readonly amount: number;
  /** Fall as a percent of the peak, 0..100 (equity below zero counts as a total loss). */
  readonly pct: number;
  readonly start: number | null;
  readonly trough: number | null;
  readonly end: number | null;
  readonly durationMs: number;
  readonly recovered: boolean;
}

const NONE: MaxDrawdown = { amount: 0, pct: 0, start: null, trough: null, end: null, durationMs: 0, recovered: false };

/**
 * The episode with the largest percentage fall (the first one on a tie). The curve starts from
 * `initialEquity` at `start`; an episode ends when equity first returns to its peak, or at
 * `periodEnd` when it never does.
 */
export function maxDrawdown(
  curve: EquityCurve,
  initialEquity: number,
  start: number,
  periodEnd: number,
): MaxDrawdown {
  const { time, equity } = curve;
  const n = equity.length;
  let peak = initialEquity;
  let peakTime = start;
  // The deepest episode so far, in plain locals (a new record is set often while a fall deepens).
  let bestPct = 0;
  let bestAmount = 0;
  let bestPeak = 0;
  let bestPeakTime = 0;
  let troughIndex = -1;
  for (let i = 0; i < n; i++) {
    const value = equity[i] as number;
    if (value > peak) {
      peak = value;
      peakTime = time[i] as number;
      continue;
    }
    const fall = peak - value;
    const pct = peak > 0 ? Math.min(fall / peak, 1) * 100 : 0;
    if (pct > bestPct) {
      bestPct = pct;
      bestAmount = fall;
      bestPeak = peak;
      bestPeakTime = peakTime;
      troughIndex = i;
    }
  }
  if (troughIndex < 0) return NONE;

  const trough = time[troughIndex] as number;
  let end = Math.max(periodEnd, trough);
  let recovered = false;
  for (let i = troughIndex + 1; i < n; i++) {
    if ((equity[i] as number) >= bestPeak) {
      end = time[i] as number;
      recovered = true;
      break;
    }
  }
  return {
    amount: bestAmount,
    pct: bestPct,
    start: bestPeakTime,
    trough,
    end,
    durationMs: end - bestPeakTime,
    recovered,
  };
}
