// The plain inputs and the output of the backtest metrics: no engine types, so any runner (or a test) can feed them.
import type { RoundTrip } from '../../domain/round-trip.js';

export type TradeSide = 'long' | 'short';

/** One round trip, as the portfolio records it. Money is USDT, times are ms UTC. */
export type ClosedTrade = RoundTrip;

/**
 * Account equity (cash plus unrealised PnL), sampled every candle, as two columns of the same length:
 * sample i is `equity[i]` at `time[i]`. Columns, not an array of points, so a million-candle run passes
 * the engine's typed arrays straight through. Samples are bucketed into the UTC day / month that contains
 * their time, so a sample stamped exactly at midnight opens the new day: stamp each sample with the
 * candle's open time (the project's candle id) and value it at the candle's close.
 */
export interface EquityCurve {
  readonly time: ArrayLike<number>;
  readonly equity: ArrayLike<number>;
}

export interface MetricsInput {
  readonly trades: readonly ClosedTrade[];
  /** In time order (non-decreasing times). May be empty. */
  readonly equity: EquityCurve;
  /** Equity before the first candle; must be positive. */
  readonly initialEquity: number;
  /** The backtest period [start, end): end is exclusive (the close time of the last candle). */
  readonly start: number;
  readonly end: number;
  /** First and last close of the traded symbol over the period, for buy & hold. */
  readonly buyAndHold: { readonly firstClose: number; readonly lastClose: number };
}

/** One UTC day of the equity curve. */
export interface DailyReturn {
  /** 'YYYY-MM-DD' (UTC). */
  readonly date: string;
  /** Last equity of the day (carried from the day before when the day has no sample). */
  readonly equity: number;
  /** Change against the previous day's last equity (the first day: against the initial equity). */
  readonly pnl: number;
  readonly returnPct: number;
}

export interface DayResult {
  readonly date: string;
  readonly pnl: number;
  readonly pct: number;
}

export interface MonthlyReturn {
  /** 'YYYY-MM' (UTC). */
  readonly month: string;
  readonly returnPct: number;
}

/**
 * Every metric the reports show. Percentages are percent numbers (12.5 means 12.5 %); money is USDT;
 * durations are ms. Ratios with a zero denominator are ±Infinity (0 for 0/0): the JSON writer maps
 * them. The definitions are in compute.ts.
 */
export interface BacktestMetrics {
  readonly trades: number;
  readonly longTrades: number;
  readonly shortTrades: number;
  readonly wins: number;
  readonly losses: number;
  readonly breakevens: number;
  readonly initialEquity: number;
  readonly finalEquity: number;
  readonly netProfit: number;
  readonly netProfitPct: number;
  readonly grossProfit: number;
  /** Sum of the losing trades' PnL: zero or negative. */
  readonly grossLoss: number;
  readonly cagrPct: number;
  readonly sharpe: number;
  readonly sortino: number;
  readonly calmar: number;
  readonly omega: number;
  readonly maxDrawdown: number;
  readonly maxDrawdownPct: number;
  readonly maxDrawdownDurationMs: number;
  /** Time of the peak the deepest drawdown fell from; null when equity never fell. */
  readonly maxDrawdownStart: number | null;
  readonly maxDrawdownTrough: number | null;
  /** Recovery time (first return to the peak), or the period end when it never recovered; null without drawdown. */
  readonly maxDrawdownEnd: number | null;
  readonly maxDrawdownRecovered: boolean;
  readonly profitFactor: number;
  readonly expectancy: number;
  /** Mean of pnl / risk; present only when every trade carries a positive `risk`. */
  readonly expectancyR?: number;
  readonly winRate: number;
  readonly winRateLong: number;
  readonly winRateShort: number;
  readonly averageWin: number;
  /** Mean PnL of the losing trades: zero or negative. */
  readonly averageLoss: number;
  readonly winLossRatio: number;
  readonly largestWin: number;
  /** The most negative PnL: zero or negative. */
  readonly largestLoss: number;
  readonly maxConsecutiveWins: number;
  readonly maxConsecutiveLosses: number;
  readonly tradesPerDay: number;
  readonly averageHoldingMs: number;
  readonly medianHoldingMs: number;
  readonly averageHoldingWinnersMs: number;
  readonly averageHoldingLosersMs: number;
  readonly exposurePct: number;
  readonly feesPaid: number;
  readonly fundingPaid: number;
  readonly slippagePaid: number;
  readonly buyAndHoldPct: number;
  readonly bestDay: DayResult | null;
  readonly worstDay: DayResult | null;
  readonly monthlyReturns: readonly MonthlyReturn[];
  readonly dailyReturns: readonly DailyReturn[];
}
