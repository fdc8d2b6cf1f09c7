// Risk-adjusted ratios over daily returns, and growth over the period; each has its degenerate cases pinned.

import { DAY_MS, mean, ratio, sampleStdDev } from './stats.js';

/** Crypto trades every day of the year. */
const PERIODS_PER_YEAR = 365;
const YEAR_MS = 365.25 * DAY_MS;

/** mean / sample std × √365; 0 with fewer than two returns. Scale-free: percent or fraction returns give the same. */
export function sharpe(returns: readonly number[]): number {
  if (returns.length < 2) return 0;
  return ratio(mean(returns), sampleStdDev(returns)) * Math.sqrt(PERIODS_PER_YEAR);
}

/** Downside deviation over all returns: sqrt(mean(min(r, 0)²)). */
export function downsideDeviation(returns: readonly number[]): number {
  if (returns.length === 0) return 0;
  let squares = 0;
  for (const r of returns) if (r < 0) squares += r * r;
  return Math.sqrt(squares / returns.length);
}

/** mean / downside deviation × √365; 0 with fewer than two returns. */
export function sortino(returns: readonly number[]): number {
  if (returns.length < 2) return 0;
  return ratio(mean(returns), downsideDeviation(returns)) * Math.sqrt(PERIODS_PER_YEAR);
}

/** Omega at a 0 threshold: Σ positive returns / Σ |negative returns|. */
export function omega(returns: readonly number[]): number {
  let gains = 0;
  let losses = 0;
  for (const r of returns) {
    if (r > 0) gains += r;
    else losses -= r;
  }
  return ratio(gains, losses);
}

/**
 * Compound annual growth in percent over `periodMs`, in years of 365.25 days. 0 for a period shorter
 * than a day (annualising hours of returns means nothing); −100 when the final equity is zero or less.
 */
export function cagrPct(initialEquity: number, finalEquity: number, periodMs: number): number {
  if (periodMs < DAY_MS) return 0;
  if (finalEquity <= 0) return -100;
  return ((finalEquity / initialEquity) ** (YEAR_MS / periodMs) - 1) * 100;
}

/** CAGR % / max drawdown %. */
export function calmar(cagr: number, maxDrawdownPct: number): number {
  return ratio(cagr, maxDrawdownPct);
}
