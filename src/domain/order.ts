// Orders as bybot sends them and as a venue reports them back: Bybit's vocabulary, venue-neutral types.

export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK' | 'PostOnly';
export type TriggerBy = 'last' | 'mark';
/** Bybit tpslMode: Full closes the whole position at TP/SL; Partial closes the order's own quantity. */
export type TpslMode = 'Full' | 'Partial';

export interface OrderRequest {
  /** Client order id (Bybit orderLinkId): unique, so a resent request is recognised, never doubled. */
  readonly clientId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  /** Base-coin quantity on the instrument's lot grid. */
  readonly qty: number;
  /** Limit price on the tick grid (limit orders; for a conditional limit, the price once triggered). */
  readonly price?: number;
  /** Default: GTC for limit orders, IOC for market orders. */
  readonly timeInForce?: TimeInForce;
  readonly reduceOnly?: boolean;
  /** Bybit closeOnTrigger: a conditional order that only closes, and may cancel others to free margin. */
  readonly closeOnTrigger?: boolean;
  /** A conditional (stop) order: rests until price reaches `trigger.price` moving in `trigger.direction`. */
  readonly trigger?: { readonly price: number; readonly by: TriggerBy; readonly direction: 'rise' | 'fall' };
  /** Take-profit and stop-loss attached at entry, in force once the entry fills. */
  readonly takeProfit?: number;
  readonly stopLoss?: number;
  readonly tpslMode?: TpslMode;
  /** tpslMode Partial only: once the take-profit triggers it rests as a limit order at this price (Bybit tpOrderType Limit); otherwise it closes at market. */
  readonly tpLimitPrice?: number;
  /** Which price triggers the attached take-profit / stop-loss: the last traded price (default) or the mark price. */
  readonly tpTriggerBy?: TriggerBy;
  readonly slTriggerBy?: TriggerBy;
}

/**
 * A partial-position take-profit or stop-loss (Bybit tpslMode Partial): when triggered it closes
 * `size` of the position (never more than is left), beside the Full stop-loss and take-profit.
 */
export interface PartialStop {
  /**
   * The venue's id of this stop; its fills carry it as their clientId. Stops set together (by one
   * entry order or one trading-stop call) share the part before the ':' and form a pair: when one
   * fires, the other is cancelled.
   */
  readonly id: string;
  readonly kind: 'takeProfit' | 'stopLoss';
  /** Trigger price. */
  readonly price: number;
  /** Base-coin quantity it closes, on the lot grid. */
  readonly size: number;
  readonly triggerBy: TriggerBy;
  /** Take-profit only: the limit price it rests at once triggered; undefined for a market close. */
  readonly limitPrice: number | undefined;
}

export type OrderStatus = 'New' | 'PartiallyFilled' | 'Filled' | 'Cancelled' | 'Rejected' | 'Untriggered' | 'Triggered' | 'Deactivated';

/** The statuses an order never leaves: it is done (filled, cancelled, rejected, or a conditional order deactivated). */
export const FINAL_ORDER_STATUSES: readonly OrderStatus[] = ['Filled', 'Cancelled', 'Rejected', 'Deactivated'];

export function isFinalStatus(status: OrderStatus): boolean {
  return FINAL_ORDER_STATUSES.includes(status);
}

export interface OrderState extends OrderRequest {
  /** The venue's order id. */
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly filledQty: number;
  /** Size-weighted average fill price (NaN before any fill). */
  readonly avgFillPrice: number;
  readonly createdTime: number;
  readonly updatedTime: number;
  readonly rejectReason?: string;
}

/** One execution (Bybit execution / fill). */
export interface Fill {
  readonly orderId: string;
  readonly clientId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly price: number;
  readonly qty: number;
  /** Fee in USDT (positive = paid; a maker rebate would be negative). */
  readonly fee: number;
  readonly maker: boolean;
  readonly time: number;
  /** What slippage cost on this fill, in USDT (|fill price − reference price| × qty); 0 or absent when none. */
  readonly slippageCost?: number;
  /** Why the fill happened when the venue decided it: a stop, a target, a liquidation. */
  readonly cause?: 'order' | 'stopLoss' | 'takeProfit' | 'trailingStop' | 'liquidation' | 'endOfData';
  /** The venue's id of this execution (Bybit execId) when it has one: what makes storing a fill idempotent. */
  readonly execId?: string;
}

/**
 * True when a venue refused a trading-stop, with `message`, because it is a Partial take-profit (alone
 * in the call) lying on the wrong side of the last price: the price already passed the target, and
 * what it would have taken is to be taken at market.
 */
export function isPassedTakeProfit(
  stop: { readonly tpslMode?: TpslMode | undefined; readonly takeProfit?: number | undefined; readonly tpSize?: number | undefined; readonly stopLoss?: number | undefined },
  message: string,
): boolean {
  const partialTarget = stop.tpslMode === 'Partial' && (stop.takeProfit ?? 0) > 0 && (stop.tpSize ?? 0) > 0 && stop.stopLoss === undefined;
  return partialTarget && /TakeProfit\b.*should be (higher|lower) than/i.test(message);
}
