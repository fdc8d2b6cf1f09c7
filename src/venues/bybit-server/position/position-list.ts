// GET /v5/position/list: one symbol's position (flat or not), or every open position of a settle coin.
import { paramsError } from '../http/envelope.js';
import { pagedList } from '../http/pagination.js';
import { READ, requireLinear, type Route } from '../http/route.js';
import { positionRow } from './position-row.js';

export const positionList: Route = {
  method: 'GET',
  path: '/v5/position/list',
  access: READ,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const symbol = params.optionalString('symbol');
    const settleCoin = params.optionalString('settleCoin');
    if (symbol === undefined && settleCoin === undefined) throw paramsError('symbol or settleCoin is required');
    const markets =
      symbol !== undefined
        ? [exchange.market(symbol)]
        : [...exchange.markets.values()].filter((m) => m.instrument.quoteCoin === settleCoin && exchange.venue.position(m.symbol).size !== 0);
    return pagedList(
      markets.map((m) => positionRow(exchange, m)),
      params,
      { max: 200, fallback: 20 },
    );
  },
};
