// The Bybit venue's public surface: request signing and WebSocket frames → domain events. Wire types and schemas stay inside.
export { ApiCredentials, DEFAULT_RECV_WINDOW, queryString, restPrehash, signedHeaders, signGet, signPost, wsAuthMessage, wsAuthPrehash, type QueryParams, type SignOptions } from './sign.js';
export { parseFrame, parseFrameText } from './parse/frame.js';
export type { AccountEvent, CoinBalance, ControlEvent, Liquidation, MarketEvent, PositionReport, StreamEvent, TickerUpdate, UnhandledEvent, WalletBalance } from './parse/events.js';
export { STREAM_REJECTION_CODE } from './parse/order.js';
export { UnsupportedValueError } from './parse/vocabulary.js';
export { WireFormatError } from './wire/validate.js';
export { splitRecordedLine, type RecordedLine } from './recorded-line.js';
export { BybitMarketData, type BookEvent, type BookView, type ConnectionState, type MarketDataEvent, type MarketDataOptions, type MarketDataStats, type StatusEvent, type TopicSelection } from './market-data/index.js';
