// GET /v5/market/funding/history: the funding settlements that have happened by the replay clock, newest first.
import { paramsError } from '../http/envelope.js';
import { amount, millis } from '../http/format.js';
import { PUBLIC, requireLinear, type Route } from '../http/route.js';

const TIME = { min: 0, max: Number.MAX_SAFE_INTEGER };

/** Bybit's rules: startTime alone is an error; endTime alone or neither gives the latest `limit` up to it. */
export const marketFundingHistory: Route = {
  method: 'GET',
  path: '/v5/market/funding/history',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const start = params.optionalInteger('startTime', TIME);
    const end = params.optionalInteger('endTime', TIME);
    const limit = params.integer('limit', { min: 1, max: 200 }, 200);
    if (start !== undefined && end === undefined) throw paramsError(`startTime ${start} needs an endTime as well`);
    const upTo = Math.min(end ?? Infinity, exchange.now);
    const list = market
      .settledFunding(upTo)
      .filter((f) => start === undefined || f.time >= start)
      .reverse()
      .slice(0, limit)
      .map((f) => ({ symbol: market.symbol, fundingRate: amount(f.rate), fundingRateTimestamp: millis(f.time) }));
    return { category: 'linear', list };
  },
};
