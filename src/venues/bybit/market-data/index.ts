// The public market-data feed of the Bybit venue: what runtime/ builds for paper and live, and what its readers see.
export { BybitMarketData, type MarketDataStats } from './market-data.js';
export type { MarketDataOptions } from './options.js';
export type { BookEvent, BookResyncEvent, ConnectionEvent, ConnectionState, EventOfType, MalformedEvent, MarketDataEvent, MarketDataEventType, StatusEvent, StreamErrorEvent } from './events.js';
export type { BookView } from './synced-book.js';
export { BOOK_DEPTHS, KLINE_INTERVALS, type BookDepth, type KlineInterval, type TopicSelection } from './topics.js';
export { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
