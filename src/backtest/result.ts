// What a backtest produces: the stable, documented shape behind the console summary, the JSON output and the HTML report.
import type { BacktestMetrics, ClosedTrade, EquityCurve } from './metrics/index.js';

/**
 * Version of the result's shape, written in the JSON. 2: `equity` became columns
 * `{ time: [...], equity: [...] }` (it was an array of `{ time, equity }` points).
 */
export const RESULT_SCHEMA_VERSION = 2;

/**
 * OHLC of the traded symbol for the price chart, as columns of the same length. The runner passes the
 * candle series' typed arrays (views, not copies); the JSON writes them as plain arrays.
 */
export interface PriceSeries {
  readonly time: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
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
  /** With the risk engine on: entries it refused, in all and by rule (e.g. { "drawdown": 3 }), and strategy calls that threw (skipped). */
  readonly risk?: {
    readonly denied: number;
    readonly byRule: Readonly<Record<string, number>>;
    readonly strategyErrors: number;
    /** ACTIVE / REDUCING / HALTED changes with their reasons, in time order. */
    readonly stateChanges: readonly { readonly time: number; readonly from: string; readonly to: string; readonly reason: string }[];
  };
  /** One sample per candle: its open time, equity valued at its close. */
  readonly equity: EquityCurve;
  readonly prices: PriceSeries;
}

/**
 * The value JSON should write: typed-array columns as plain arrays (JSON.stringify would write them as
 * objects keyed by index), and infinities as null, since JSON has none.
 */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

/**
 * JSON text of a result. A ratio with nothing below it (profit factor without a loss, say) is written as
 * null, and documented as "unbounded" in the schema.
 */
export function resultToJson(result: BacktestResult): string {
  return JSON.stringify(result, jsonValue, 2);
}
