// Per-trade statistics: counts, win rates, PnL shape, streaks, holding times and costs.

import { DAY_MS, median, ratio } from './stats.js';
import type { BacktestMetrics, ClosedTrade } from './types.js';

/** The metrics computed from the trades alone; expectancyR is undefined (not left out) until compute decides. */
export type TradeStats = Pick<
  BacktestMetrics,
  | 'trades'
  | 'longTrades'
  | 'shortTrades'
  | 'wins'
  | 'losses'
  | 'breakevens'
  | 'netProfit'
  | 'grossProfit'
  | 'grossLoss'
  | 'profitFactor'
  | 'expectancy'
  | 'winRate'
  | 'winRateLong'
  | 'winRateShort'
  | 'averageWin'
  | 'averageLoss'
  | 'winLossRatio'
  | 'largestWin'
  | 'largestLoss'
  | 'maxConsecutiveWins'
  | 'maxConsecutiveLosses'
  | 'tradesPerDay'
  | 'averageHoldingMs'
  | 'medianHoldingMs'
  | 'averageHoldingWinnersMs'
  | 'averageHoldingLosersMs'
  | 'feesPaid'
  | 'fundingPaid'
  | 'slippagePaid'
> & { readonly expectancyR: number | undefined };

const exitOrder = (a: ClosedTrade, b: ClosedTrade): number => a.exitTime - b.exitTime || a.entryTime - b.entryTime;

/**
 * Trades in the order they closed (exit time, then entry time, then input order). A backtest lists
 * them in that order already: then they are returned as they are, without a sort of every trade.
 */
export function byExit(trades: readonly ClosedTrade[]): readonly ClosedTrade[] {
  for (let i = 1; i < trades.length; i++) {
    if (exitOrder(trades[i - 1]!, trades[i]!) > 0) return [...trades].sort(exitOrder);
  }
  return trades;
}

/** Longest runs of winners and of losers in closing order; a breakeven trade ends both runs. */
export function streaks(trades: readonly ClosedTrade[]): { wins: number; losses: number } {
  let wins = 0;
  let losses = 0;
  let runWins = 0;
  let runLosses = 0;
  for (const t of byExit(trades)) {
    runWins = t.pnl > 0 ? runWins + 1 : 0;
    runLosses = t.pnl < 0 ? runLosses + 1 : 0;
    wins = Math.max(wins, runWins);
    losses = Math.max(losses, runLosses);
  }
  return { wins, losses };
}

/** Mean R multiple, only when every trade says what it risked. */
function expectancyInR(trades: readonly ClosedTrade[]): number | undefined {
  if (trades.length === 0) return undefined;
  let total = 0;
  for (const t of trades) {
    if (t.risk === undefined || !(t.risk > 0)) return undefined;
    total += t.pnl / t.risk;
  }
  return total / trades.length;
}

/** Wins as a percent of a group's trades; 0 for an empty group. */
const winPct = (wins: number, count: number): number => (count === 0 ? 0 : (wins / count) * 100);
const meanOf = (total: number, count: number): number => (count === 0 ? 0 : total / count);

/**
 * Statistics over closed trades; `periodMs` is the length of the backtest period. One pass over the
 * trades, adding in their order (each sum is the same left fold a sum over the filtered list would be),
 * so an optimiser's thousands of runs with tens of thousands of trades build no per-metric lists.
 */
export function tradeStats(trades: readonly ClosedTrade[], periodMs: number): TradeStats {
  const n = trades.length;
  let wins = 0;
  let losses = 0;
  let longs = 0;
  let shorts = 0;
  let longWins = 0;
  let shortWins = 0;
  let netProfit = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let largestWin = 0;
  let largestLoss = 0;
  let holdingAll = 0;
  let holdingWinners = 0;
  let holdingLosers = 0;
  let fees = 0;
  let funding = 0;
  let slippage = 0;
  const holdings = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = trades[i]!;
    const pnl = t.pnl;
    const held = t.exitTime - t.entryTime;
    const long = t.side === 'long';
    holdings[i] = held;
    netProfit += pnl;
    holdingAll += held;
    fees += t.fees;
    funding += t.funding;
    slippage += t.slippage;
    if (long) longs++;
    else if (t.side === 'short') shorts++;
    if (pnl > 0) {
      wins++;
      if (long) longWins++;
      else if (t.side === 'short') shortWins++;
      grossProfit += pnl;
      holdingWinners += held;
      largestWin = Math.max(largestWin, pnl);
    } else if (pnl < 0) {
      losses++;
      grossLoss += pnl;
      holdingLosers += held;
      largestLoss = Math.min(largestLoss, pnl);
    }
  }
  const averageWin = meanOf(grossProfit, wins);
  const averageLoss = meanOf(grossLoss, losses);
  const runs = streaks(trades);
  return {
    trades: n,
    longTrades: longs,
    shortTrades: shorts,
    wins,
    losses,
    breakevens: n - wins - losses,
    netProfit,
    grossProfit,
    grossLoss,
    profitFactor: ratio(grossProfit, -grossLoss),
    expectancy: meanOf(netProfit, n),
    expectancyR: expectancyInR(trades),
    winRate: winPct(wins, n),
    winRateLong: winPct(longWins, longs),
    winRateShort: winPct(shortWins, shorts),
    averageWin,
    averageLoss,
    winLossRatio: ratio(averageWin, -averageLoss),
    largestWin,
    largestLoss,
    maxConsecutiveWins: runs.wins,
    maxConsecutiveLosses: runs.losses,
    tradesPerDay: n / Math.max(periodMs / DAY_MS, 1),
    averageHoldingMs: meanOf(holdingAll, n),
    medianHoldingMs: median(holdings),
    averageHoldingWinnersMs: meanOf(holdingWinners, wins),
    averageHoldingLosersMs: meanOf(holdingLosers, losses),
    feesPaid: fees,
    fundingPaid: funding,
    slippagePaid: slippage,
  };
}
