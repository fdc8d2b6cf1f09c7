// POST /v5/order/cancel and /v5/order/cancel-all: cancels on the venue at once (the exchange has no latency of its own).
import { paramsError } from '../http/envelope.js';
import { ORDER, requireLinear, type Route } from '../http/route.js';
import { isConditional, isOpen } from '../ledger/order-record.js';
import { findOpenOrder, inScope, requireScope } from './order-query.js';

export const orderCancel: Route = {
  method: 'POST',
  path: '/v5/order/cancel',
  access: ORDER,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const record = findOpenOrder(params, exchange, market.symbol);
    exchange.venue.cancel(market.symbol, record.venueClientId);
    return { orderId: record.orderId, orderLinkId: record.orderLinkId };
  },
};

/** orderFilter Order (active) / StopOrder (conditional, stopOrderType Stop only) / OpenOrder; all kinds when absent. */
export const orderCancelAll: Route = {
  method: 'POST',
  path: '/v5/order/cancel-all',
  access: ORDER,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    requireScope(params);
    if (params.has('symbol')) exchange.market(params.string('symbol'));
    const filter = params.optionalOneOf('orderFilter', ['Order', 'StopOrder', 'OpenOrder']);
    if (params.has('stopOrderType') && (filter !== 'StopOrder' || params.string('stopOrderType') !== 'Stop')) {
      throw paramsError('stopOrderType is only "Stop", with orderFilter "StopOrder"');
    }
    const chosen = [...exchange.ledger.orders.values()].filter(
      (r) => isOpen(r) && inScope(params, exchange, r.request.symbol) && (filter === undefined || (filter === 'StopOrder') === isConditional(r)),
    );
    for (const record of chosen) exchange.venue.cancel(record.request.symbol, record.venueClientId);
    return { list: chosen.map((r) => ({ orderId: r.orderId, orderLinkId: r.orderLinkId })), success: '1' };
  },
};
