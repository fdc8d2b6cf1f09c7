// Public-stream frames for tests: book snapshots and deltas built around the reference delta, and the reference payloads themselves.
import { referencePayload } from '../../test-support/reference.js';

type Level = readonly [string, string];

/** An orderbook frame in Bybit's shape (§10.1). */
export function bookFrame(type: 'snapshot' | 'delta', symbol: string, depth: number, u: number, bids: readonly Level[], asks: readonly Level[], ts = 1_687_940_967_000 + u % 1000): unknown {
  return { topic: `orderbook.${depth}.${symbol}`, type, ts, data: { s: symbol, b: bids, a: asks, u, seq: 66_544_000_000 + u }, cts: ts - 2 };
}

/** The official delta example (orderbook.50.BTCUSDT, u 177400507), verbatim. */
export const REFERENCE_DELTA = referencePayload('ws-orderbook-delta') as { data: { u: number } };

/**
 * A snapshot the reference delta follows (u one less): after the delta the best bid is its new
 * 30247.20 and the best ask 30249.30, since it deletes the old best ask 30248.70.
 */
export const SNAPSHOT_BEFORE_REFERENCE = bookFrame('snapshot', 'BTCUSDT', 50, REFERENCE_DELTA.data.u - 1, [['30247.00', '1.5'], ['30240.00', '2']], [['30248.70', '0.4'], ['30250.00', '1']]);

export const REFERENCE_TRADE = referencePayload('ws-public-trade');
export const REFERENCE_KLINE = referencePayload('ws-kline');
export const REFERENCE_TICKER = referencePayload('ws-tickers-linear-perpetual');
export const REFERENCE_LIQUIDATION = referencePayload('ws-all-liquidation');
