// Backtest metrics (a superset of freqtrade's and jesse's) as one pure function of trades and the equity curve.
//
// Definitions. Percentages are percent numbers (12.5 = 12.5 %); money is USDT; times and durations ms UTC.
// A ratio with a zero denominator is +Infinity / −Infinity by the numerator's sign and 0 for 0/0, so no
// metric is ever NaN (the JSON writer maps the infinities).
//
// From the trades (win: pnl > 0, loss: pnl < 0, breakeven: pnl = 0):
// - netProfit = Σ pnl of closed trades; netProfitPct = netProfit / initialEquity × 100. An open position
//   at the end is not in it (it is in finalEquity, CAGR and the daily returns).
// - profitFactor = Σ winning pnl / |Σ losing pnl| (Infinity: wins and no losses; 0: no wins).
// - expectancy = mean pnl per trade (freqtrade's winrate·avgWin − lossrate·avgLoss is the same number);
//   expectancyR = mean of pnl / risk, only when every trade carries a positive `risk`.
// - winRate / winRateLong / winRateShort = wins / trades of that side × 100; breakevens count as trades
//   (jesse divides by wins + losses instead); 0 when the side has no trades.
// - averageWin, averageLoss = mean pnl of winners / losers (averageLoss ≤ 0; jesse reports it positive);
//   winLossRatio = averageWin / |averageLoss|; largestWin ≥ 0, largestLoss ≤ 0 (0 when there are none).
// - maxConsecutiveWins / Losses: longest runs in closing order (exit time, then entry time); a breakeven
//   ends both runs.
// - tradesPerDay = trades / period days, the period counted as at least one day (as freqtrade does).
// - holding = exitTime − entryTime: mean, median (the mean of the middle two for an even count), mean of
//   winners and of losers; 0 for none.
// - exposurePct = length of the union of the trades' [entry, exit] intervals clipped to [start, end),
//   over end − start, × 100 (overlapping trades count once; 0 for an empty period).
// - feesPaid, fundingPaid, slippagePaid = Σ of the trades' fields (positive = paid).
//
// From the equity curve (initialEquity at `start`, then the samples):
// - finalEquity = the last sample (initialEquity without samples).
// - daily returns: the last equity of each UTC day against the previous day's, the first day against
//   initialEquity (jesse drops the first day instead); days without samples between the first and last
//   sample carry equity forward (0 %).
// - sharpe = mean(daily r) / sample std(daily r) (n − 1, as jesse and quantstats) × √365; risk-free 0.
//   freqtrade instead uses per-trade profits over the starting balance, population std, and −100 when
//   the std is 0.
// - sortino = mean(daily r) / sqrt(mean(min(r, 0)²)) over all days × √365 (as jesse; freqtrade uses
//   the std of losing trades only).
// - Sharpe and Sortino are 0 with fewer than two daily returns; flat equity gives 0, never NaN.
// - omega = Σ positive daily r / Σ |negative daily r| (threshold 0; jesse gives NaN where we give ±Infinity / 0).
// - cagrPct = ((finalEquity / initialEquity)^(1 / years) − 1) × 100, years = (end − start) / 365.25 days
//   (freqtrade and jesse use whole days / 365). 0 when the period is shorter than one day; −100 when the
//   final equity is ≤ 0.
// - max drawdown: the episode with the largest fall from a running peak, in percent of that peak (the
//   first on a tie); maxDrawdown is that episode's fall in USDT (freqtrade picks the episode with the
//   largest absolute fall, over closed-trade profits only). Start = the peak's time, trough = the lowest
//   point's time, end = the first time equity is back at the peak or, never recovered, the period end;
//   duration = end − start (freqtrade measures peak to trough). No fall: 0 and nulls.
// - calmar = cagrPct / maxDrawdownPct (jesse: same with its CAGR, but 0 without a drawdown where we give
//   +Infinity; freqtrade: a mean daily return scaled by √365 over the drawdown).
// - bestDay / worstDay: the daily return with the highest / lowest percent (earliest on a tie), with its
//   USDT change (freqtrade sums closed-trade profit by close date instead); null without samples.
// - monthlyReturns: the last equity of each UTC month against the previous month's (first: initialEquity).
// - buyAndHoldPct = (lastClose / firstClose − 1) × 100: unlevered, long, no fees.

import { exposurePct } from './exposure.js';
import { maxDrawdown } from './drawdown.js';
import { cagrPct, calmar, omega, sharpe, sortino } from './ratios.js';
import { dailyReturns, extremeDay, monthlyReturns } from './returns.js';
import { tradeStats } from './trades.js';
import type { BacktestMetrics, MetricsInput } from './types.js';
import { validateMetricsInput } from './validate.js';

/** Computes every metric; throws InputError for input that is not finite or runs backwards in time. */
export function computeMetrics(input: MetricsInput): BacktestMetrics {
  validateMetricsInput(input);
  const { trades, equity, initialEquity, start, end, buyAndHold } = input;
  const periodMs = end - start;
  const stats = tradeStats(trades, periodMs);
  const samples = equity.equity.length;
  const finalEquity = samples > 0 ? (equity.equity[samples - 1] as number) : initialEquity;
  const days = dailyReturns(equity, initialEquity);
  const returns = days.map((d) => d.returnPct);
  const drawdown = maxDrawdown(equity, initialEquity, start, end);
  const cagr = cagrPct(initialEquity, finalEquity, periodMs);
  const { expectancyR, ...rest } = stats;

  return {
    ...rest,
    ...(expectancyR === undefined ? {} : { expectancyR }),
    initialEquity,
    finalEquity,
    netProfitPct: (stats.netProfit / initialEquity) * 100,
    cagrPct: cagr,
    sharpe: sharpe(returns),
    sortino: sortino(returns),
    calmar: calmar(cagr, drawdown.pct),
    omega: omega(returns),
    maxDrawdown: drawdown.amount,
    maxDrawdownPct: drawdown.pct,
    maxDrawdownDurationMs: drawdown.durationMs,
    maxDrawdownStart: drawdown.start,
    maxDrawdownTrough: drawdown.trough,
    maxDrawdownEnd: drawdown.end,
    maxDrawdownRecovered: drawdown.recovered,
    exposurePct: exposurePct(trades, start, end),
    buyAndHoldPct: (buyAndHold.lastClose / buyAndHold.firstClose - 1) * 100,
    bestDay: extremeDay(days, 'best'),
    worstDay: extremeDay(days, 'worst'),
    monthlyReturns: monthlyReturns(days, initialEquity),
    dailyReturns: days,
  };
}
