// Public WebSocket payloads → domain market data: book messages, trades, candles, tickers and liquidations.
import type { z } from 'zod';
import type { Candle } from '../../../domain/candle.js';
import type { BookMessage } from '../../../domain/order-book.js';
import type { Trade } from '../../../domain/trade.js';
import { tickerFields } from '../wire/market.js';
import type { allLiquidationFrame, klineFrame, orderbookFrame, publicTradeFrame, tickersFrame } from '../wire/ws-public.js';
import type { Liquidation, TickerUpdate } from './events.js';
import { orderSide } from './vocabulary.js';

type OrderbookFrame = z.output<typeof orderbookFrame>;
type TradeRow = z.output<typeof publicTradeFrame>['data'][number];
type KlineRow = z.output<typeof klineFrame>['data'][number];
type TickersFrame = z.output<typeof tickersFrame>;
type LiquidationRow = z.output<typeof allLiquidationFrame>['data'][number];

/** A snapshot replaces the local book; a delta changes the levels it lists (size 0 deletes). */
export function bookFromWire(frame: OrderbookFrame): BookMessage {
  const { data } = frame;
  const update = { symbol: data.s, bids: data.b, asks: data.a, updateId: data.u, seq: data.seq ?? NaN, time: frame.ts, ...(frame.cts === undefined ? {} : { matchTime: frame.cts }) };
  return frame.type === 'snapshot' ? { kind: 'snapshot', ...update } : { kind: 'delta', ...update };
}

export function tradeFromWire(row: TradeRow): Trade {
  return { symbol: row.s, time: row.T, price: row.p, size: row.v, side: orderSide(row.S), id: row.i };
}

/** `closed` is Bybit's `confirm`: false while the candle is still forming. */
export function candleFromWire(row: KlineRow): Candle {
  return { time: row.start, open: row.open, high: row.high, low: row.low, close: row.close, volume: row.volume, turnover: row.turnover, closed: row.confirm };
}

const TICKER_NUMBERS = Object.keys(tickerFields).filter((key) => key !== 'symbol') as (keyof Omit<TickerUpdate, 'kind' | 'symbol' | 'time' | 'crossSeq'>)[];

/** The numeric ticker fields that carry a value ("" and absent are left out). */
function tickerValues(data: Partial<Record<string, unknown>>): Partial<TickerUpdate> {
  const values: { -readonly [K in keyof TickerUpdate]?: TickerUpdate[K] } = {};
  for (const key of TICKER_NUMBERS) {
    const value = data[key];
    if (typeof value === 'number' && !Number.isNaN(value)) values[key] = value;
  }
  return values;
}

export function tickerFromWire(frame: TickersFrame): TickerUpdate {
  return { kind: frame.type, symbol: frame.data.symbol, time: frame.ts, crossSeq: frame.cs ?? NaN, ...tickerValues(frame.data) };
}

/** Bybit's S is the liquidated position's side: Buy = a long was closed out. */
export function liquidationFromWire(row: LiquidationRow): Liquidation {
  return { symbol: row.s, time: row.T, side: row.S === 'Buy' ? 'long' : 'short', size: row.v, price: row.p };
}
