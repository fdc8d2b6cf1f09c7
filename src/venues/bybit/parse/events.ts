// What a Bybit WebSocket frame becomes: domain market and venue events, plus the Bybit records the domain has no type for yet.
import type { Candle } from '../../../domain/candle.js';
import type { BookMessage } from '../../../domain/order-book.js';
import type { Fill, OrderState } from '../../../domain/order.js';
import type { PositionSide, PositionState } from '../../../domain/position.js';
import type { Trade } from '../../../domain/trade.js';
import type { VenueEvent } from '../../../domain/venue-events.js';

/**
 * One liquidation anywhere on the market (`allLiquidation`), not necessarily ours: a market-data record
 * for features (liquidation cascades). Our own liquidations are the domain's `liquidated` VenueEvent.
 */
export interface Liquidation {
  readonly symbol: string;
  readonly time: number;
  /** The side of the position that was liquidated ('long': the liquidation order sold). */
  readonly side: PositionSide;
  readonly size: number;
  /** Bybit reports the bankruptcy price, not the fill price. */
  readonly price: number;
}

/** A ticker: a snapshot has every field Bybit knows; a delta only those that changed. Absent = unknown / unchanged. */
export interface TickerUpdate {
  readonly kind: 'snapshot' | 'delta';
  readonly symbol: string;
  readonly time: number;
  /** Bybit `cs`; NaN when absent. */
  readonly crossSeq: number;
  readonly lastPrice?: number;
  readonly markPrice?: number;
  readonly indexPrice?: number;
  readonly bid1Price?: number;
  readonly bid1Size?: number;
  readonly ask1Price?: number;
  readonly ask1Size?: number;
  readonly fundingRate?: number;
  readonly nextFundingTime?: number;
  readonly openInterest?: number;
  readonly openInterestValue?: number;
  readonly volume24h?: number;
  readonly turnover24h?: number;
  readonly price24hPcnt?: number;
  readonly highPrice24h?: number;
  readonly lowPrice24h?: number;
  readonly prevPrice24h?: number;
  readonly prevPrice1h?: number;
}

/** A position as Bybit reports it: the domain PositionState plus the venue's own view of its risk. */
export interface PositionReport extends PositionState {
  readonly symbol: string;
  /** 0 one-way, 1 / 2 the buy / sell side in hedge mode. */
  readonly positionIdx: number;
  readonly markPrice: number;
  /** NaN when Bybit gives none (portfolio margin). */
  readonly leverage: number;
  /** Undefined when Bybit gives none. */
  readonly liqPrice?: number;
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  /** Trailing distance in price. */
  readonly trailingStop?: number;
  readonly unrealisedPnl: number;
  /** Realised PnL of the position currently held (Bybit `curRealisedPnl`). */
  readonly currentRealisedPnl: number;
  readonly cumulativeRealisedPnl: number;
  readonly status: 'Normal' | 'Liq' | 'Adl';
  /** Bybit cross sequence: ties a position update to the fills (same seq) that caused it. */
  readonly seq: number;
}

export interface CoinBalance {
  readonly coin: string;
  readonly walletBalance: number;
  readonly equity: number;
  readonly unrealisedPnl: number;
  readonly cumulativeRealisedPnl: number;
  readonly usdValue: number;
  /** Margin held by positions and by orders; NaN when Bybit leaves it blank. */
  readonly positionMargin: number;
  readonly orderMargin: number;
}

/** The unified account: totals in USD (NaN where Bybit leaves them blank, e.g. isolated margin). */
export interface WalletBalance {
  readonly accountType: string;
  readonly totalEquity: number;
  readonly totalWalletBalance: number;
  readonly totalMarginBalance: number;
  readonly totalAvailableBalance: number;
  readonly totalUnrealisedPnl: number;
  readonly totalInitialMargin: number;
  readonly totalMaintenanceMargin: number;
  readonly coins: readonly CoinBalance[];
}

export type MarketEvent =
  | { readonly type: 'book'; readonly depth: number; readonly message: BookMessage }
  | { readonly type: 'trade'; readonly trade: Trade }
  | { readonly type: 'candle'; readonly symbol: string; readonly interval: string; readonly candle: Candle }
  | { readonly type: 'ticker'; readonly ticker: TickerUpdate }
  | { readonly type: 'liquidation'; readonly liquidation: Liquidation };

/**
 * Private updates that need state to become VenueEvents, which a pure parser does not keep: a fill
 * becomes `orderFilled` once joined with its order, a position report becomes `positionChanged`
 * once its realised PnL is known. The venue adapter does the joining.
 */
export type AccountEvent =
  /** An order that is filling (PartiallyFilled, Filled): the fill itself arrives as a `fill`. */
  | { readonly type: 'orderUpdated'; readonly time: number; readonly order: OrderState }
  | {
      readonly type: 'fill';
      readonly time: number;
      readonly fill: Fill;
      readonly execId: string;
      readonly seq: number;
      /** Quantity of the order still open after this fill; NaN when not given. */
      readonly leavesQty: number;
      /** Position quantity this fill closed (0 when it opened or added). */
      readonly closedSize: number;
      /** Bybit `execPnl`: PnL of the closing part; NaN when not given (REST). */
      readonly realisedPnl: number;
    }
  | { readonly type: 'position'; readonly time: number; readonly position: PositionReport }
  | { readonly type: 'wallet'; readonly time: number; readonly wallet: WalletBalance };

/** An answer to something the client sent: pong, auth, subscribe. */
export interface ControlEvent {
  readonly type: 'control';
  /** 'ping' (a public pong), 'pong', 'auth', 'subscribe', 'unsubscribe'. */
  readonly op: string;
  /** Undefined when the answer does not say (private pongs). */
  readonly success?: boolean;
  readonly message?: string;
  readonly reqId?: string;
  readonly connId?: string;
  /** Private pongs carry the server time (ms) as their argument. */
  readonly args?: readonly (string | number)[];
  /** Option-style subscribe answers list the topics that failed. */
  readonly failedTopics?: readonly string[];
}

/** Something valid that bybot does not turn into an event: an unknown topic, an unsupported value. Reported, never thrown. */
export interface UnhandledEvent {
  readonly type: 'unhandled';
  readonly topic: string;
  readonly reason: string;
}

export type StreamEvent = VenueEvent | MarketEvent | AccountEvent | ControlEvent | UnhandledEvent;
