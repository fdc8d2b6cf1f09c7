// The public entry of the backtest metrics: the runner and the reports import from here.

export { computeMetrics } from './compute.js';
export { equityCurveOf } from './equity-curve.js';
export type {
  BacktestMetrics,
  ClosedTrade,
  DailyReturn,
  DayResult,
  EquityCurve,
  MetricsInput,
  MonthlyReturn,
  TradeSide,
} from './types.js';
