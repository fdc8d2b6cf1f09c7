// What a venue reports, as one discriminated union: the portfolio and the engine learn of every change only through these.
import type { Fill, OrderState, PartialStop } from './order.js';
import type { PositionState } from './position.js';

export type VenueEvent =
  | { readonly type: 'orderAccepted'; readonly time: number; readonly order: OrderState }
  | { readonly type: 'orderRejected'; readonly time: number; readonly order: OrderState; readonly reason: string; readonly code: number }
  | { readonly type: 'orderCancelled'; readonly time: number; readonly order: OrderState; readonly reason: string }
  | { readonly type: 'orderTriggered'; readonly time: number; readonly order: OrderState }
  | { readonly type: 'orderFilled'; readonly time: number; readonly order: OrderState; readonly fill: Fill }
  | {
      readonly type: 'positionChanged';
      readonly time: number;
      readonly symbol: string;
      readonly position: PositionState;
      /** Realised PnL of this change, before fees (0 when the position grew). */
      readonly realisedPnl: number;
      readonly stopLoss?: number;
      readonly takeProfit?: number;
      /** The position's partial take-profits and stop-losses (tpslMode Partial), when it has any. */
      readonly partialStops?: readonly PartialStop[];
    }
  | { readonly type: 'fundingPaid'; readonly time: number; readonly symbol: string; readonly rate: number; readonly amount: number }
  | { readonly type: 'liquidated'; readonly time: number; readonly symbol: string; readonly price: number; readonly qty: number };
