// Per-trade statistics: counts, win rates, PnL shape, streaks, holding times and costs.

import { DAY_MS, mean, median, ratio, sum } from './stats.js';
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

/** Wins as a percent of all trades of that group; 0 for an empty group. */
function winRateOf(trades: readonly ClosedTrade[]): number {
  if (trades.length === 0) return 0;
  return (trades.filter((t) => t.pnl > 0).length / trades.length) * 100;
}

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
  const multiples: number[] = [];
  for (const t of trades) {
    if (t.risk === undefined || !(t.risk > 0)) return undefined;
    multiples.push(t.pnl / t.risk);
  }
  return mean(multiples);
}

/** Statistics over closed trades; `periodMs` is the length of the backtest period. */
export function tradeStats(trades: readonly ClosedTrade[], periodMs: number): TradeStats {
  const winners = trades.filter((t) => t.pnl > 0);
  const losers = trades.filter((t) => t.pnl < 0);
  const longs = trades.filter((t) => t.side === 'long');
  const shorts = trades.filter((t) => t.side === 'short');
  const pnl = (list: readonly ClosedTrade[]): number[] => list.map((t) => t.pnl);
  const holding = (list: readonly ClosedTrade[]): number[] => list.map((t) => t.exitTime - t.entryTime);

  const grossProfit = sum(pnl(winners));
  const grossLoss = sum(pnl(losers));
  const averageWin = mean(pnl(winners));
  const averageLoss = mean(pnl(losers));
  const runs = streaks(trades);
  return {
    trades: trades.length,
    longTrades: longs.length,
    shortTrades: shorts.length,
    wins: winners.length,
    losses: losers.length,
    breakevens: trades.length - winners.length - losers.length,
    netProfit: sum(pnl(trades)),
    grossProfit,
    grossLoss,
    profitFactor: ratio(grossProfit, -grossLoss),
    expectancy: mean(pnl(trades)),
    expectancyR: expectancyInR(trades),
    winRate: winRateOf(trades),
    winRateLong: winRateOf(longs),
    winRateShort: winRateOf(shorts),
    averageWin,
    averageLoss,
    winLossRatio: ratio(averageWin, -averageLoss),
    // reduce, not Math.max(...): spreading a long trade list would overflow the call stack.
    largestWin: winners.reduce((best, t) => Math.max(best, t.pnl), 0),
    largestLoss: losers.reduce((worst, t) => Math.min(worst, t.pnl), 0),
    maxConsecutiveWins: runs.wins,
    maxConsecutiveLosses: runs.losses,
    tradesPerDay: trades.length / Math.max(periodMs / DAY_MS, 1),
    averageHoldingMs: mean(holding(trades)),
    medianHoldingMs: median(holding(trades)),
    averageHoldingWinnersMs: mean(holding(winners)),
    averageHoldingLosersMs: mean(holding(losers)),
    feesPaid: sum(trades.map((t) => t.fees)),
    fundingPaid: sum(trades.map((t) => t.funding)),
    slippagePaid: sum(trades.map((t) => t.slippage)),
  };
}
