// What a caller asks to follow for a symbol → the Bybit public topic names (§10), checked before anything is sent.
import { describeValue, InputError } from '../../../core/errors.js';

/** Depths bybot follows on linear: 1 (snapshots only, 10 ms), 50 (20 ms), 200 (100 ms). */
export const BOOK_DEPTHS = [1, 50, 200] as const;
export type BookDepth = (typeof BOOK_DEPTHS)[number];

/** Bybit's kline intervals: minutes, then day, week, month. */
export const KLINE_INTERVALS = ['1', '3', '5', '15', '30', '60', '120', '240', '360', '720', 'D', 'W', 'M'] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

/** The streams of one symbol; absent or false = not wanted. */
export interface TopicSelection {
  readonly book?: BookDepth;
  readonly trades?: boolean;
  readonly klines?: readonly KlineInterval[];
  readonly ticker?: boolean;
  readonly liquidations?: boolean;
}

// Linear perpetuals (BTCUSDT, 1000PEPEUSDT) and dated futures (BTC-26DEC25).
const SYMBOL = /^[A-Z0-9][A-Z0-9-]*$/;

export const bookTopic = (depth: number, symbol: string): string => `orderbook.${depth}.${symbol}`;

/** @throws InputError naming the symbol when it is not an upper-case Bybit symbol. */
export function checkSymbol(symbol: string): void {
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) throw new InputError(`symbol must be an upper-case Bybit symbol like "BTCUSDT", got ${describeValue(symbol)}`);
}

/**
 * The topic names of a selection, in a stable order (book, trades, klines, ticker, liquidations).
 * @throws InputError naming the field and value of the first thing Bybit would not accept.
 */
export function topicsFor(symbol: string, selection: TopicSelection): string[] {
  checkSymbol(symbol);
  const topics: string[] = [];
  const { book, trades, klines, ticker, liquidations } = selection;
  if (book !== undefined) {
    if (!(BOOK_DEPTHS as readonly number[]).includes(book)) throw new InputError(`book depth for ${symbol} must be one of ${BOOK_DEPTHS.join(', ')}, got ${describeValue(book)}`);
    topics.push(bookTopic(book, symbol));
  }
  if (trades === true) topics.push(`publicTrade.${symbol}`);
  for (const interval of klines ?? []) {
    if (!(KLINE_INTERVALS as readonly string[]).includes(interval)) throw new InputError(`klines interval for ${symbol} must be one of ${KLINE_INTERVALS.join(', ')}, got ${describeValue(interval)}`);
    const topic = `kline.${interval}.${symbol}`;
    if (!topics.includes(topic)) topics.push(topic);
  }
  if (ticker === true) topics.push(`tickers.${symbol}`);
  // allLiquidation, not the deprecated liquidation topic (§10.5).
  if (liquidations === true) topics.push(`allLiquidation.${symbol}`);
  return topics;
}
