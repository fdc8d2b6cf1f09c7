// GET /v5/market/orderbook: the symbol's persistent book as it stands at the replay clock (the state the orderbook streams have sent), as strings on the instrument's grids.
import { PUBLIC, requireLinear, type Route } from '../http/route.js';
import type { Market } from '../replay/market.js';
import type { BookLevel } from './synthetic-book.js';

export function levelStrings(market: Market, levels: readonly BookLevel[]): [string, string][] {
  return levels.map(([price, size]) => [market.rules.price.toString(price), market.rules.qty.toString(size)]);
}

export const marketOrderbook: Route = {
  method: 'GET',
  path: '/v5/market/orderbook',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const limit = params.integer('limit', { min: 1, max: 1000 }, 25);
    const now = exchange.now;
    const book = exchange.book(market);
    const { bids, asks } = book.levels(limit);
    const cts = Number.isNaN(book.time) ? now : book.time;
    return { s: market.symbol, a: levelStrings(market, asks), b: levelStrings(market, bids), ts: now, u: book.updateId, seq: book.seq, cts };
  },
};
