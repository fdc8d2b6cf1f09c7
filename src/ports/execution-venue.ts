// The one interface every venue implements (simulated, Bybit, the local exchange): commands in, events out.
import type { OrderRequest } from '../domain/order.js';
import type { VenueEvent } from '../domain/venue-events.js';

export interface TradingStop {
  /** Position stop-loss trigger price; 0 removes it (Bybit's convention). */
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  /** Trailing distance in price; 0 removes it. */
  readonly trailingStop?: number;
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
