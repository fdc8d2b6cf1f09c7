// The Strategy API: what a strategy sees (a read-only context) and what it may ask for (intents). It never calls a venue.
import type { z } from 'zod';
import type { Candle } from '../domain/candle.js';
import type { Intent } from '../domain/intent.js';
import type { Fill } from '../domain/order.js';
import type { OrderBook } from '../domain/order-book.js';
import type { RoundTrip } from '../domain/round-trip.js';
import type { Timeframe } from '../domain/timeframe.js';
import type { Trade } from '../domain/trade.js';

/**
 * The last closed candles of one symbol and timeframe, newest at `steps` 0. `back` builds a Candle;
 * the field readers (`close(0)`, `high(3)`, ...) read one number without building anything, which is
 * what a strategy running over millions of candles wants. Reading past `length` throws RangeError.
 */
export interface CandleView {
  readonly length: number;
  back(steps: number): Candle;
  time(steps: number): number;
  open(steps: number): number;
  high(steps: number): number;
  low(steps: number): number;
  close(steps: number): number;
  volume(steps: number): number;
}

export interface PositionView {
  /** Signed base-coin size: > 0 long, < 0 short, 0 flat. */
  readonly size: number;
  /** Average entry price (NaN when flat). */
  readonly entryPrice: number;
  /** The position's stop-loss and take-profit as the venue last reported them. */
  readonly stopLoss?: number | undefined;
  readonly takeProfit?: number | undefined;
}

export interface AccountView {
  /** Wallet balance plus unrealised PnL at the last close (USDT). */
  readonly equity: number;
  /** Wallet balance: initial + realised PnL − fees − funding (USDT). */
  readonly balance: number;
}

/**
 * What a strategy sees on every hook. The engine reuses one context object and updates it in place:
 * read it during the call, do not keep it.
 */
export interface StrategyContext {
  /** Open time of the candle that just closed (ms UTC); for onTrade / onBook, the event's time. */
  readonly time: number;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** The traded symbol's candles in the strategy's timeframe. */
  readonly candles: CandleView;
  /**
   * Candles of another timeframe (and, for context, another symbol) that the strategy declared in
   * `needs`. A higher timeframe candle appears once it has closed, never before. Throws for an
   * undeclared series.
   */
  candlesOf(timeframe: Timeframe, symbol?: string): CandleView;
  readonly position: PositionView;
  readonly account: AccountView;
  /** Same as account.equity. */
  readonly equity: number;
}

export type { Intent, TakeProfitRung } from '../domain/intent.js';

export type Intents = readonly Intent[] | void;

/**
 * A strategy's hooks; only onCandle is required. Intents returned from onFill and onPositionClosed
 * take effect once the candle in which the fill happened has closed, with those of onCandle.
 */
export interface Strategy {
  /** Before the first candle (the context has no candles yet). */
  onStart?(ctx: StrategyContext): Intents;
  /** A candle of the strategy's timeframe closed. */
  onCandle(ctx: StrategyContext): Intents;
  /**
   * The candle still forming changed (live: every kline update; backtests: after each detail
   * candle inside it, given with --detail). `ctx.candles` still holds closed candles only.
   */
  onForming?(ctx: StrategyContext, forming: Candle): Intents;
  /** A public trade of the traded symbol (when trade data is present and `needs.trades` is set). */
  onTrade?(ctx: StrategyContext, trade: Trade): Intents;
  /** The order book of the traded symbol changed (when book data is present and `needs.book` is set). */
  onBook?(ctx: StrategyContext, book: OrderBook): Intents;
  onFill?(ctx: StrategyContext, fill: Fill): Intents;
  /** A round trip ended (the position went flat), with its result. */
  onPositionClosed?(ctx: StrategyContext, trade: RoundTrip): Intents;
}

/** The series and streams a strategy needs besides its own symbol's candles. */
export interface StrategyNeeds {
  /** Higher timeframes of the traded symbol (aggregated from its candles), e.g. ['15m', '1h']. */
  readonly timeframes?: readonly Timeframe[];
  /** Other symbols as context (correlation with BTC, say), each in one timeframe. */
  readonly symbols?: readonly { readonly symbol: string; readonly timeframe: Timeframe }[];
  readonly trades?: boolean;
  readonly book?: boolean;
}

/** A strategy as the registry knows it: parameters declared with zod (defaults and ranges the optimiser searches). */
export interface StrategyDefinition<Schema extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly description: string;
  readonly params: Schema;
  /** Candles kept for each of the strategy's views (the live engine keeps 500). */
  readonly lookback?: number;
  /** What else the strategy reads, which may depend on its parameters. */
  needs?(params: z.infer<Schema>): StrategyNeeds;
  create(params: z.infer<Schema>): Strategy;
}
