// POST /v5/position/set-leverage: one-way mode, so buy and sell leverage are one number; the same number again is 110043.
import { BybitError, paramsError, RET } from '../http/envelope.js';
import { POSITION, requireLinear, type Route } from '../http/route.js';

export const setLeverage: Route = {
  method: 'POST',
  path: '/v5/position/set-leverage',
  access: POSITION,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const buy = params.decimal('buyLeverage');
    const sell = params.decimal('sellLeverage');
    if (buy !== sell) throw paramsError(`buyLeverage ${buy} must equal sellLeverage ${sell} in one-way mode`);
    const max = Number(market.instrument.maxLeverage);
    if (buy < 1 || buy > max || Math.abs(Math.round(buy * 100) - buy * 100) > 1e-9) {
      throw paramsError(`buyLeverage ${buy} must be from 1 to ${max} in steps of 0.01`);
    }
    if (buy === exchange.leverageOf(market.symbol)) throw new BybitError(RET.leverageNotModified, 'Set leverage not modified');
    exchange.venue.setLeverage(market.symbol, buy);
    exchange.account.leverage.set(market.symbol, buy);
    return {};
  },
};
