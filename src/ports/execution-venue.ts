// The one interface every venue implements (simulated, Bybit, the local exchange): commands in, events out.
import type { OrderRequest, TpslMode, TriggerBy } from '../domain/order.js';
import type { VenueEvent } from '../domain/venue-events.js';

/**
 * Bybit position trading-stop. Full mode (the default) sets or clears (0) the stop-loss, take-profit
 * and trailing stop of the whole position. Partial mode adds, on every call, a take-profit and/or a
 * stop-loss that close only `tpSize` / `slSize` of the position (a TP ladder is one call per rung);
 * they go away when the position closes.
 */
export interface TradingStop {
  /** Position stop-loss trigger price; 0 removes it (Bybit's convention, Full mode only). */
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  /** Trailing distance in price; 0 removes it (Full mode only). */
  readonly trailingStop?: number;
  /** Default 'Full'. */
  readonly tpslMode?: TpslMode;
  /** Partial mode: the quantity the take-profit / stop-loss closes, on the lot grid (required with the price; equal when both are given). */
  readonly tpSize?: number;
  readonly slSize?: number;
  /** Partial mode: once triggered, the take-profit rests as a limit order at this price instead of closing at market. */
  readonly tpLimitPrice?: number;
  /** Which price triggers the take-profit / stop-loss: 'last' (default) or 'mark'. */
  readonly tpTriggerBy?: TriggerBy;
  readonly slTriggerBy?: TriggerBy;
}

/**
 * Commands are fire-and-forget: their outcome (accepted, rejected, filled, ...) arrives as
 * VenueEvents through `onEvent`, in order. A simulated venue emits them synchronously; a live one
 * when the exchange answers. Nothing else tells the caller what happened.
 */
export interface ExecutionVenue {
  onEvent(handler: (event: VenueEvent) => void): void;
  submit(order: OrderRequest): void;
  cancel(symbol: string, clientId: string): void;
  cancelAll(symbol: string): void;
  /** Sets or clears the position's stop-loss, take-profit and trailing stop (Bybit trading-stop). */
  setTradingStop(symbol: string, stop: TradingStop): void;
  setLeverage(symbol: string, leverage: number): void;
}
