// What a strategy may ask for: intents, which the risk engine checks and the order manager turns into orders.
import type { Signal } from './signal.js';

/** One rung of a take-profit ladder: close `fraction` of the entry at `price`. */
export interface TakeProfitRung {
  readonly price: number;
  /** Share of the filled entry quantity, in (0, 1]; the rungs of a ladder add up to at most 1. */
  readonly fraction: number;
}

export type Intent =
  /** Open or add: a market order (filled at the next candle's open) or a limit order, with optional stop and targets. */
  | {
      readonly kind: 'enter';
      readonly side: 'long' | 'short';
      /** Base-coin quantity (rounded down to the lot step by the order manager). */
      readonly qty: number;
      readonly limitPrice?: number;
      readonly stopLoss?: number;
      /** One target for the whole position. */
      readonly takeProfit?: number;
      /** A ladder of targets (partial take-profits), instead of `takeProfit`. */
      readonly targets?: readonly TakeProfitRung[];
      /** A trailing stop at this price distance, set once the entry fills. */
      readonly trailingStop?: number;
      readonly reason?: string;
      /** The signal behind the entry (its factors and strength), for the risk engine and analytics. */
      readonly signal?: Signal;
    }
  /** Close all (or a fraction) of the position at market. */
  | { readonly kind: 'exit'; readonly fraction?: number; readonly reason: string }
  /** Move (or set) the position's stop-loss. */
  | { readonly kind: 'moveStop'; readonly stopLoss: number }
  /** Trail the position: a stop `distance` behind the best price from now on (0 removes it). */
  | { readonly kind: 'trail'; readonly distance: number }
  /** Cancel the strategy's resting orders. */
  | { readonly kind: 'cancelOrders' };
