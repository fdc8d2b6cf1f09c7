// GET /v5/order/realtime (open orders, or recent closed ones) and GET /v5/order/history (all orders of a 7-day window), newest first.
import type { OrderStatus } from '../../../domain/order.js';
import { pagedList, weekWindow } from '../http/pagination.js';
import { READ, requireLinear, type Route } from '../http/route.js';
import { isOpen } from '../ledger/order-record.js';
import type { Exchange } from '../exchange.js';
import type { OrderRecord } from '../ledger/order-record.js';
import { orderRow } from './order-row.js';
import { requireScope, selectOrders } from './order-query.js';

/** How many closed orders /v5/order/realtime keeps for openOnly=1. */
const RECENT_CLOSED = 500;
const STATUSES: readonly OrderStatus[] = ['New', 'PartiallyFilled', 'Untriggered', 'Filled', 'Cancelled', 'Rejected', 'Triggered', 'Deactivated'];

function rows(records: readonly OrderRecord[], exchange: Exchange): Record<string, unknown>[] {
  return records.map((r) => orderRow(r, exchange.market(r.request.symbol)));
}

/** openOnly 0 (default): open orders; 1: the latest closed ones; ignored when an orderId / orderLinkId names the order. */
export const orderRealtime: Route = {
  method: 'GET',
  path: '/v5/order/realtime',
  access: READ,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    requireScope(params);
    const byId = params.has('orderId') || params.has('orderLinkId');
    const closed = params.integer('openOnly', { min: 0, max: 1 }, 0) === 1;
    let records = selectOrders(params, exchange);
    if (!byId) records = closed ? records.filter((r) => !isOpen(r)).slice(0, RECENT_CLOSED) : records.filter(isOpen);
    return pagedList(rows(records, exchange), params, { max: 50, fallback: 20 });
  },
};

export const orderHistory: Route = {
  method: 'GET',
  path: '/v5/order/history',
  access: READ,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const { start, end } = weekWindow(params, exchange.now);
    const status = params.optionalOneOf('orderStatus', STATUSES);
    const records = selectOrders(params, exchange).filter((r) => r.createdTime >= start && r.createdTime <= end && (status === undefined || r.status === status));
    return pagedList(rows(records, exchange), params, { max: 50, fallback: 20 });
  },
};
