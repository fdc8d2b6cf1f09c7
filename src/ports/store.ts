// The store port: what the engine writes so that nothing is lost, and what start-up and crash recovery read back.
import type { Fill, OrderRequest, OrderState, OrderStatus } from '../domain/order.js';
import type { RoundTrip } from '../domain/round-trip.js';
import type { Signal } from '../domain/signal.js';

/** One entry of the append-only audit log. The payload must survive JSON (NaN and Infinity come back as null). */
export interface NewEvent {
  readonly time: number;
  readonly type: string;
  /** Ties together the events of one decision: a signal, its intent, its orders and their fills. */
  readonly correlationId?: string;
  readonly payload: unknown;
}

export interface StoredEvent extends NewEvent {
  /** Position in the log: strictly increasing in append order, never reused (even after pruning). */
  readonly seq: number;
  readonly correlationId: string | undefined;
}

/** 'Sent': written before the request leaves for the venue, so a crash in between leaves a trace. */
export type StoredOrderStatus = OrderStatus | 'Sent';

export interface StoredOrder {
  readonly request: OrderRequest;
  readonly status: StoredOrderStatus;
  /** The venue's id; undefined while only sent. */
  readonly orderId: string | undefined;
  readonly filledQty: number;
  /** NaN before any fill. */
  readonly avgFillPrice: number;
  readonly createdTime: number;
  readonly updatedTime: number;
  readonly rejectReason?: string;
}

/** A fill with the venue's execution id (Bybit execId), which makes recording it idempotent. */
export interface StoredFill extends Fill {
  readonly execId: string;
}

export interface PositionRecord {
  readonly symbol: string;
  /** Signed: > 0 long, < 0 short, 0 flat. */
  readonly size: number;
  /** NaN when flat. */
  readonly entryPrice: number;
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  readonly updatedTime: number;
}

export interface TradeRecord extends RoundTrip {
  readonly symbol: string;
}

export interface EquitySnapshot {
  readonly time: number;
  readonly equity: number;
  readonly balance: number;
}

/** A trading-state change (risk/events.ts tradingStateChanged), with the states as plain strings. */
export interface RiskStateChange {
  readonly time: number;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly rule?: string;
  readonly until?: number;
}

/** One write; a list of them is committed together or not at all. */
export type StoreWrite =
  | { readonly kind: 'event'; readonly event: NewEvent }
  | { readonly kind: 'orderSent'; readonly request: OrderRequest; readonly time: number }
  | { readonly kind: 'order'; readonly order: OrderState }
  | { readonly kind: 'fill'; readonly fill: StoredFill }
  | { readonly kind: 'position'; readonly position: PositionRecord }
  | { readonly kind: 'trade'; readonly trade: TradeRecord }
  | { readonly kind: 'signal'; readonly signal: Signal }
  | { readonly kind: 'equity'; readonly snapshot: EquitySnapshot }
  | { readonly kind: 'riskStateChange'; readonly change: RiskStateChange };

export interface WriteResult {
  /** The seq of every event written, in the order given. */
  readonly eventSeqs: readonly number[];
  /** Fills that were new (a fill already stored by exec id is not counted). */
  readonly newFills: number;
}

/** What a restart needs before it reconciles with the venue. */
export interface RecoveryState {
  /** Orders not yet final (Sent, New, PartiallyFilled, Untriggered, Triggered), oldest first. */
  readonly openOrders: readonly StoredOrder[];
  /** Non-flat positions. */
  readonly positions: readonly PositionRecord[];
  /** Time of the newest stored fill: ask the venue for fills after it. */
  readonly lastFillTime: number | undefined;
  /** The newest round trips, oldest first (for loss streaks and daily loss). */
  readonly recentTrades: readonly TradeRecord[];
  readonly lastEquity: EquitySnapshot | undefined;
  /** The newest trading-state change. */
  readonly tradingState: RiskStateChange | undefined;
  readonly lastEventSeq: number | undefined;
}

export interface EventQuery {
  /** Only events after this seq (for paging). */
  readonly afterSeq?: number;
  readonly correlationId?: string;
  readonly limit?: number;
}

export interface PruneRequest {
  /** Deletes equity snapshots with time < this (ms); absent keeps them all. */
  readonly equitySnapshotsOlderThan?: number;
  /** Deletes events with time < this (ms); absent keeps them all. */
  readonly eventsOlderThan?: number;
  /** Rows deleted per statement, so a running bot's writes interleave (default 1000). */
  readonly batchSize?: number;
}

export interface PruneResult {
  readonly equitySnapshots: number;
  readonly events: number;
}

/**
 * Every method resolves only once its transaction has committed; what "committed" guarantees
 * (the process, the machine, power loss) is the implementation's to document. Recording the same
 * fill (exec id), trade, signal, order state or position twice leaves one row.
 */
export interface Store {
  /** Commits all the writes in one transaction. */
  write(writes: readonly StoreWrite[]): Promise<WriteResult>;
  /** Returns the event's seq. */
  appendEvent(event: NewEvent): Promise<number>;
  /** The order as it leaves for the venue; a later recordOrder fills in the venue's state. */
  recordOrderSent(request: OrderRequest, time: number): Promise<void>;
  /** Upsert by client id; a state older (updatedTime) than the stored one is ignored. */
  recordOrder(order: OrderState): Promise<void>;
  /** True when the fill was new, false when its exec id was already stored. */
  recordFill(fill: StoredFill): Promise<boolean>;
  /** Upsert by symbol; an update older than the stored one is ignored. */
  recordPosition(position: PositionRecord): Promise<void>;
  /** True when new; the same symbol, entry and exit times are one trade. */
  recordTrade(trade: TradeRecord): Promise<boolean>;
  recordSignal(signal: Signal): Promise<void>;
  recordEquity(snapshot: EquitySnapshot): Promise<void>;
  recordRiskStateChange(change: RiskStateChange): Promise<void>;
  loadRecovery(options?: { readonly recentTrades?: number }): Promise<RecoveryState>;
  /** Events with time ≥ `time`, in seq order. */
  eventsSince(time: number, query?: EventQuery): Promise<StoredEvent[]>;
  prune(request: PruneRequest): Promise<PruneResult>;
  close(): Promise<void>;
}
