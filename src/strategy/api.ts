// The Strategy API: what a strategy sees (a read-only context) and what it may ask for (intents). It never calls a venue.
import type { z } from 'zod';
import type { Candle } from '../domain/candle.js';
import type { Fill } from '../domain/order.js';
import type { Timeframe } from '../domain/timeframe.js';

/** The last candles of one timeframe, oldest first; index from the end with `back(0)` = newest closed. */
export interface CandleView {
  readonly length: number;
  back(steps: number): Candle;
}

export interface PositionView {
  /** Signed base-coin size: > 0 long, < 0 short, 0 flat. */
  readonly size: number;
  readonly entryPrice: number;
}

export interface StrategyContext {
  /** Open time of the candle that just closed (ms UTC). */
  readonly time: number;
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candles: CandleView;
  readonly position: PositionView;
  /** Account equity at the last close (USDT). */
  readonly equity: number;
}

export type Intent =
  /** Open or add: a market order (filled at the next candle's open) or a limit order, with optional stop and target. */
  | {
      readonly kind: 'enter';
      readonly side: 'long' | 'short';
      /** Base-coin quantity (rounded down to the lot step by the order manager). */
      readonly qty: number;
      readonly limitPrice?: number;
      readonly stopLoss?: number;
      readonly takeProfit?: number;
      readonly reason?: string;
    }
  /** Close all (or a fraction) of the position at market. */
  | { readonly kind: 'exit'; readonly fraction?: number; readonly reason: string }
  /** Move (or set) the position's stop-loss. */
  | { readonly kind: 'moveStop'; readonly stopLoss: number }
  /** Cancel the strategy's resting orders. */
  | { readonly kind: 'cancelOrders' };

export interface Strategy {
  /** A candle closed; return what to do (nothing is fine). */
  onCandle(ctx: StrategyContext): readonly Intent[] | void;
  onFill?(ctx: StrategyContext, fill: Fill): void;
}

/** A strategy as the registry knows it: parameters declared with zod (defaults and ranges the optimiser searches). */
export interface StrategyDefinition<Schema extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly description: string;
  readonly params: Schema;
  /** Candles kept for the strategy's view (the live engine keeps 500). */
  readonly lookback?: number;
  create(params: z.infer<Schema>): Strategy;
}
