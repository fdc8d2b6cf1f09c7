// GET /v5/market/kline: candles of any Bybit interval built from the replayed ones that have closed, newest first, never one from the future.
import { paramsError } from '../http/envelope.js';
import { amount, millis, onGrid } from '../http/format.js';
import { PUBLIC, requireLinear, type Route } from '../http/route.js';
import { bucketStart, buildBars, buildsFrom, KLINE_INTERVALS, nextBucket } from './kline-buckets.js';

const TIME = { min: 0, max: Number.MAX_SAFE_INTEGER };

/**
 * Rows overlap [start, end] (a start inside a candle still returns that candle). Only candles that
 * have closed by the replay clock are used, so a longer interval's newest row may be still forming, as
 * on Bybit, but never holds what comes later. With `start` the oldest `limit` rows are kept, otherwise
 * the newest.
 */
export const marketKline: Route = {
  method: 'GET',
  path: '/v5/market/kline',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params, true);
    const market = exchange.market(params.string('symbol'));
    const interval = params.oneOf('interval', KLINE_INTERVALS);
    const start = params.optionalInteger('start', TIME);
    const end = params.optionalInteger('end', TIME);
    const limit = params.integer('limit', { min: 1, max: 1000 }, 200);
    if (!buildsFrom(interval, market.intervalMs)) {
      throw paramsError(`interval ${interval} can not be built from the replayed ${market.intervalMs / 60_000}-minute candles`);
    }
    let to = market.closedBy(exchange.now);
    if (end !== undefined) to = Math.min(to, market.firstAtOrAfter(nextBucket(interval, bucketStart(interval, end))));
    const from = start === undefined ? 0 : market.firstAtOrAfter(bucketStart(interval, start));
    const bars = from < to ? buildBars(market.candles, from, to, interval, limit, start !== undefined) : [];
    const price = (x: number): string => onGrid(market.rules.price, x);
    return {
      symbol: market.symbol,
      category: 'linear',
      list: bars.map((b) => [millis(b.time), price(b.open), price(b.high), price(b.low), price(b.close), onGrid(market.rules.qty, b.volume), amount(b.turnover, 4)]),
    };
  },
};
