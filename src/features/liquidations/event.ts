// A forced liquidation as the features see it: which side was wiped out, where, and how much — free of any wire format.

/** The side of the position that was liquidated (a liquidated long is sold into the market). */
export type LiquidatedSide = 'long' | 'short';

export interface LiquidationEvent {
  readonly symbol: string;
  /** When the liquidation happened, ms since epoch, UTC. */
  readonly time: number;
  readonly side: LiquidatedSide;
  /** The position's bankruptcy price (what Bybit publishes), not a fill price. */
  readonly price: number;
  /** Position size in base coin for linear (USDT) contracts; for inverse contracts Bybit counts USD. */
  readonly size: number;
}

/** Quote value of a linear-contract liquidation: price × size (USDT). */
export function notional(event: LiquidationEvent): number {
  return event.price * event.size;
}
