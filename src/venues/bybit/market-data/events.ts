// What BybitMarketData hands its readers: the parsed public market events, the book event with its top of book, and the feed's own status.
import type { BookMessage } from '../../../domain/order-book.js';
import type { ControlEvent, MarketEvent, UnhandledEvent } from '../parse/events.js';

/**
 * idle: nothing subscribed yet · connecting: first connection under way · live: connected and data
 * flowing · degraded: connected but silent for staleAfterMs · reconnecting: the socket dropped, the
 * SDK is waiting out the backoff · closed: close() was called, for good.
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'degraded' | 'reconnecting' | 'closed';

/** A book message that was applied to the local book, with the top of book it left. */
export interface BookEvent {
  readonly type: 'book';
  readonly depth: number;
  readonly message: BookMessage;
  /** Undefined while that side of the book is empty. */
  readonly bestBid: number | undefined;
  readonly bestAsk: number | undefined;
  /** True when the message replaced the whole book (a snapshot, or a delta with u = 1). */
  readonly reset: boolean;
}

/** Every state change, with the reason in words ("socket closed (code 1006)"). */
export interface ConnectionEvent {
  readonly type: 'connection';
  readonly state: ConnectionState;
  readonly previous: ConnectionState;
  readonly reason: string;
  readonly time: number;
}

/**
 * A local book stopped being trustworthy; book events for the symbol stop until a fresh snapshot.
 * gap / noSnapshot: a delta did not follow (bybot resubscribes) · reconnect: the socket dropped (the
 * SDK resubscribes) · snapshotTimeout: the snapshot asked for did not come (bybot asks again).
 */
export interface BookResyncEvent {
  readonly type: 'bookResync';
  readonly symbol: string;
  readonly depth: number;
  readonly reason: 'gap' | 'noSnapshot' | 'reconnect' | 'snapshotTimeout';
  readonly detail: string;
  readonly time: number;
}

/** A message that could not be read (not JSON, or not the documented shape); it was skipped. */
export interface MalformedEvent {
  readonly type: 'malformed';
  /** Malformed messages since the feed was created. */
  readonly count: number;
  /** The topic or "message" when there was none. */
  readonly what: string;
  readonly field: string;
  readonly message: string;
  readonly time: number;
}

/**
 * Something failed that is not a malformed message. socket: the network (refused, reset);
 * exchange: Bybit answered success=false (a rejected subscribe); handler: a reader's handler threw.
 */
export interface StreamErrorEvent {
  readonly type: 'streamError';
  readonly source: 'socket' | 'exchange' | 'handler';
  readonly message: string;
  readonly time: number;
}

export type StatusEvent = ConnectionEvent | BookResyncEvent | MalformedEvent | StreamErrorEvent;

export type MarketDataEvent = Exclude<MarketEvent, { type: 'book' }> | BookEvent | ControlEvent | UnhandledEvent | StatusEvent;

export type MarketDataEventType = MarketDataEvent['type'];

export type EventOfType<T extends MarketDataEventType> = Extract<MarketDataEvent, { type: T }>;
