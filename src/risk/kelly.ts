// The Kelly fraction of recent trades, and the share of equity to risk that it allows (a fraction of Kelly, capped).
import type { RoundTrip } from '../domain/round-trip.js';
import type { RiskConfig } from './risk-config.js';

export interface KellyEstimate {
  readonly trades: number;
  readonly winRate: number;
  /** Average win over average loss (Infinity when nothing lost). */
  readonly payoff: number;
  /** f* = W − (1 − W) / R: the share of capital full Kelly would bet; ≤ 0 means no edge. */
  readonly kelly: number;
}

/** Kelly from net PnL; trades with a non-finite PnL are left out, a zero PnL counts as a trade but not a win. */
export function kellyEstimate(trades: readonly RoundTrip[]): KellyEstimate {
  let count = 0;
  let wins = 0;
  let winSum = 0;
  let losses = 0;
  let lossSum = 0;
  for (const { pnl } of trades) {
    if (!Number.isFinite(pnl)) continue;
    count += 1;
    if (pnl > 0) {
      wins += 1;
      winSum += pnl;
    } else if (pnl < 0) {
      losses += 1;
      lossSum -= pnl;
    }
  }
  const winRate = count === 0 ? 0 : wins / count;
  const payoff = wins === 0 ? 0 : losses === 0 ? Infinity : winSum / wins / (lossSum / losses);
  const kelly = wins === 0 ? 0 : payoff === Infinity ? winRate : winRate - (1 - winRate) / payoff;
  return { trades: count, winRate, payoff, kelly };
}

/**
 * The share of equity one trade may risk: the fixed fraction until there are `minTrades` trades, then
 * fractionOfKelly × Kelly of the latest `lookbackTrades`, at least the floor and never above maxRiskPerTrade.
 */
export function riskFraction(trades: readonly RoundTrip[], sizing: RiskConfig['sizing']): number {
  const { kelly: k, riskPerTrade, maxRiskPerTrade } = sizing;
  const recent = trades.slice(-k.lookbackTrades);
  if (!k.enabled || recent.length < k.minTrades) return Math.min(riskPerTrade, maxRiskPerTrade);
  const estimate = kellyEstimate(recent);
  return Math.min(maxRiskPerTrade, Math.max(k.floor, estimate.kelly * k.fractionOfKelly));
}
