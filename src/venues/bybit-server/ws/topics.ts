// The topics the streams serve, read from their names: market topics of a listed symbol on the public path, account topics on the private one.
import { describeValue } from '../../../core/errors.js';
import { buildsFrom, KLINE_INTERVALS, type KlineInterval } from '../market/kline-buckets.js';
import type { Market } from '../replay/market.js';

export type StreamKind = 'public' | 'private';

/** Depths of `orderbook.{depth}.{symbol}` the exchange serves (Bybit's linear depths but 1000). */
export const BOOK_DEPTHS: readonly number[] = [1, 50, 200];

export type PublicTopic =
  | { readonly kind: 'kline'; readonly name: string; readonly symbol: string; readonly interval: KlineInterval }
  | { readonly kind: 'orderbook'; readonly name: string; readonly symbol: string; readonly depth: number }
  | { readonly kind: 'publicTrade' | 'tickers' | 'allLiquidation'; readonly name: string; readonly symbol: string };

export type PrivateStream = 'order' | 'execution' | 'position' | 'wallet';

/** `order` (all-in-one) or `order.linear` (categorised): frames carry the name the client subscribed with. */
export interface PrivateTopic {
  readonly kind: 'private';
  readonly name: string;
  readonly stream: PrivateStream;
  readonly categorised: boolean;
}

export type Topic = PublicTopic | PrivateTopic;

const PRIVATE_STREAMS: readonly string[] = ['order', 'execution', 'position', 'wallet'];

/** Bybit's refusal of a topic: "error:<why>,topic:<name>". */
export function topicError(name: string, why: string): string {
  return `error:${why},topic:${name}`;
}

/** The topic `name` means on a `kind` connection, or the ret_msg that refuses it. */
export function readTopic(name: unknown, kind: StreamKind, markets: ReadonlyMap<string, Market>): Topic | string {
  if (typeof name !== 'string' || name === '') return `error:every topic must be a non-empty string, got ${describeValue(name)}`;
  return kind === 'public' ? readPublic(name, markets) : readPrivate(name);
}

function readPublic(name: string, markets: ReadonlyMap<string, Market>): PublicTopic | string {
  const parts = name.split('.');
  const [head] = parts;
  const symbolError = (symbol: string): string | undefined =>
    markets.has(symbol) ? undefined : topicError(name, `symbol ${describeValue(symbol)} is not listed (the local exchange lists ${[...markets.keys()].join(', ')})`);
  if ((head === 'publicTrade' || head === 'tickers' || head === 'allLiquidation') && parts.length === 2) {
    const symbol = parts[1]!;
    return symbolError(symbol) ?? { kind: head, name, symbol };
  }
  if (head === 'kline' && parts.length === 3) {
    const [, interval, symbol] = parts as [string, string, string];
    const market = markets.get(symbol);
    if (market === undefined) return symbolError(symbol)!;
    if (!isInterval(interval)) return topicError(name, `interval ${describeValue(interval)} is not one of ${KLINE_INTERVALS.join(', ')}`);
    if (!buildsFrom(interval, market.intervalMs)) {
      return topicError(name, `interval ${interval} can not be built from the replayed ${market.intervalMs / 60_000}-minute candles`);
    }
    return { kind: 'kline', name, symbol, interval };
  }
  if (head === 'orderbook' && parts.length === 3) {
    const [, depthText, symbol] = parts as [string, string, string];
    const depth = Number(depthText);
    if (!BOOK_DEPTHS.includes(depth) || String(depth) !== depthText) return topicError(name, `depth ${describeValue(depthText)} is not one of ${BOOK_DEPTHS.join(', ')}`);
    return symbolError(symbol) ?? { kind: 'orderbook', name, symbol, depth };
  }
  return topicError(name, 'handler not found');
}

function readPrivate(name: string): PrivateTopic | string {
  const [stream, category, ...rest] = name.split('.');
  if (stream === undefined || !PRIVATE_STREAMS.includes(stream) || rest.length > 0) return topicError(name, 'handler not found');
  if (stream === 'execution' && category === 'fast') return topicError(name, 'execution.fast is not served by the local exchange; subscribe to execution');
  if (category !== undefined && (category !== 'linear' || stream === 'wallet')) {
    return topicError(name, `category ${describeValue(category)} is not served: the local exchange is linear only`);
  }
  return { kind: 'private', name, stream: stream as PrivateStream, categorised: category !== undefined };
}

function isInterval(value: string): value is KlineInterval {
  return (KLINE_INTERVALS as readonly string[]).includes(value);
}
