// POST /v5/order/create: checks the request, places it on the venue, and answers with the ids (an acknowledgement, as on Bybit).
import type { OrderRequest } from '../../../domain/order.js';
import type { Exchange } from '../exchange.js';
import { BybitError } from '../http/envelope.js';
import { ORDER, requireLinear, type Route } from '../http/route.js';
import { newRecord } from '../ledger/order-record.js';
import { createRequest, readOrderLinkId } from './order-params.js';

/**
 * What the venue gets: the request, less its stop-loss when a rejectEntryStopLoss fault hits (the
 * order as the client sees it keeps the stop it asked for; only the position never gets one).
 */
function withFaults(exchange: Exchange, request: OrderRequest): OrderRequest {
  if (request.stopLoss === undefined || exchange.faults.hit('rejectEntryStopLoss', orderCreate.path) === undefined) return request;
  const { stopLoss: _dropped, slTriggerBy: _droppedTrigger, ...entry } = request;
  return entry;
}

export const orderCreate: Route = {
  method: 'POST',
  path: '/v5/order/create',
  access: ORDER,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const orderLinkId = readOrderLinkId(params);
    const orderId = exchange.orderIds.next();
    // The venue knows an order by its client id: the orderLinkId (so a reuse is refused, 110072), else one made from the orderId.
    const clientId = orderLinkId === '' ? `${orderId}/0` : orderLinkId;
    const lastPrice = exchange.lastPrice(market.symbol);
    const request = createRequest(params, market.symbol, clientId, exchange.venue.position(market.symbol), lastPrice);
    const rejection = exchange.ledger.place(newRecord(orderId, orderLinkId, request, exchange.now, lastPrice), withFaults(exchange, request));
    if (rejection) throw new BybitError(rejection.code, rejection.reason);
    return { orderId, orderLinkId };
  },
};
