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
 * Samples per call of the scans below. metrics run once per backtest, so one loop over a million
 * samples would run as on-stack-replaced code, compiled anew on every run; a function called per chunk
 * is optimised once as a whole and stays so.
 */
const CHUNK = 1 << 16;

/** The scan's running state between chunks: [peak, peak time, and the deepest episode so far: pct, amount, peak, peak time, trough index]. */
type FallScan = Float64Array;

/**
 * The episode with the largest percentage fall (the first one on a tie). The curve starts from
 * `initialEquity` at `start`; an episode ends when equity first returns to its peak, or at
 * `periodEnd` when it never does.
 */
export function maxDrawdown(curve: EquityCurve, initialEquity: number, start: number, periodEnd: number): MaxDrawdown {
  const { time, equity } = curve;
  const n = equity.length;
  const scan: FallScan = Float64Array.of(initialEquity, start, 0, 0, 0, 0, -1);
  for (let from = 0; from < n; from += CHUNK) scanFalls(curve, from, Math.min(from + CHUNK, n), scan);
  const troughIndex = scan[6]!;
  if (troughIndex < 0) return NONE;
  const peak = scan[4]!;
  const peakTime = scan[5]!;

  const trough = time[troughIndex] as number;
  let end = Math.max(periodEnd, trough);
  let recovered = false;
  for (let from = troughIndex + 1; from < n && !recovered; from += CHUNK) {
    const at = firstAtLeast(equity, from, Math.min(from + CHUNK, n), peak);
    if (at >= 0) {
      end = time[at] as number;
      recovered = true;
    }
  }
  return { amount: scan[3]!, pct: scan[2]!, start: peakTime, trough, end, durationMs: end - peakTime, recovered };
}

function scanFalls({ time, equity }: EquityCurve, from: number, to: number, scan: FallScan): void {
  let peak = scan[0]!;
  let peakTime = scan[1]!;
  for (let i = from; i < to; i++) {
    const value = equity[i] as number;
    if (value > peak) {
      peak = value;
      peakTime = time[i] as number;
      continue;
    }
    const fall = peak - value;
    const pct = peak > 0 ? Math.min(fall / peak, 1) * 100 : 0;
    if (pct > scan[2]!) {
      scan[2] = pct;
      scan[3] = fall;
      scan[4] = peak;
      scan[5] = peakTime;
      scan[6] = i;
    }
  }
  scan[0] = peak;
  scan[1] = peakTime;
}

/** The first index in [from, to) where equity is at least `level`, or −1. */
function firstAtLeast(equity: ArrayLike<number>, from: number, to: number, level: number): number {
  for (let i = from; i < to; i++) if ((equity[i] as number) >= level) return i;
  return -1;
}
