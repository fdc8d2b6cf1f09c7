// GET /v5/position/closed-pnl: one row per closing order in a 7-day window, newest first.
import { amount, millis, onGrid } from '../http/format.js';
import { pagedList, weekWindow } from '../http/pagination.js';
import { READ, requireLinear, type Route } from '../http/route.js';
import type { ClosedPnlRecord } from '../ledger/closed-pnl.js';
import type { Market } from '../replay/market.js';
import { orderTypeName, sideName } from '../trade/wire-names.js';

function closedPnlRow(record: ClosedPnlRecord, market: Market): Record<string, unknown> {
  const order = record.order;
  return {
    symbol: market.symbol,
    orderType: orderTypeName(order.request.type),
    leverage: amount(record.leverage),
    updatedTime: millis(record.updatedTime),
    side: sideName(order.request.side),
    orderId: order.orderId,
    closedPnl: amount(record.closedPnl),
    avgEntryPrice: amount(record.cumEntryValue / record.closedSize),
    qty: onGrid(market.rules.qty, order.request.qty),
    cumEntryValue: amount(record.cumEntryValue),
    createdTime: millis(record.createdTime),
    orderPrice: onGrid(market.rules.price, order.request.price),
    closedSize: onGrid(market.rules.qty, record.closedSize),
    avgExitPrice: amount(record.cumExitValue / record.closedSize),
    execType: order.createType === 'CreateByLiq' ? 'BustTrade' : 'Trade',
    fillCount: String(record.fillCount),
    cumExitValue: amount(record.cumExitValue),
    openFee: amount(record.openFee),
    closeFee: amount(record.closeFee),
  };
}

export const closedPnl: Route = {
  method: 'GET',
  path: '/v5/position/closed-pnl',
  access: READ,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const { start, end } = weekWindow(params, exchange.now);
    const symbol = params.optionalString('symbol');
    if (symbol !== undefined) exchange.market(symbol);
    const list = exchange.ledger.closedPnl.records
      .filter((r) => r.createdTime >= start && r.createdTime <= end && (symbol === undefined || r.order.request.symbol === symbol))
      .reverse()
      .map((r) => closedPnlRow(r, exchange.market(r.order.request.symbol)));
    return pagedList(list, params, { max: 100, fallback: 50 });
  },
};
