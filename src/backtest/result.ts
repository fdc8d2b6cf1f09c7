// What a backtest produces: the stable, documented shape behind the console summary, the JSON output and the HTML report.
import type { BacktestMetrics, ClosedTrade, EquityPoint } from './metrics/index.js';

export const RESULT_SCHEMA_VERSION = 1;

/** OHLC of the traded symbol for the price chart (columns, possibly thinned for very long runs). */
export interface PriceSeries {
  readonly time: number[];
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
}

export interface BacktestResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly strategy: { readonly name: string; readonly params: Readonly<Record<string, number | string | boolean>> };
  readonly symbol: string;
  readonly timeframe: string;
  /** [start, end) in ms UTC. */
  readonly period: { readonly start: number; readonly end: number };
  /** Candles processed. */
  readonly candles: number;
  readonly elapsedMs: number;
  readonly settings: {
    readonly initialEquity: number;
    /** Fractions of notional (0.00055 = 0.055 %). */
    readonly takerFee: number;
    readonly makerFee: number;
    /** How slippage was modelled, e.g. "fixed 2 bps". */
    readonly slippage: string;
  };
  readonly metrics: BacktestMetrics;
  readonly trades: readonly ClosedTrade[];
  /** One point per candle: open time, equity valued at the close. */
  readonly equity: readonly EquityPoint[];
  readonly prices: PriceSeries;
}

/**
 * JSON text of a result. JSON has no infinities: a ratio with nothing below it (profit factor
 * without a loss, say) is written as null, and documented as "unbounded" in the schema.
 */
export function resultToJson(result: BacktestResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}
