// GET /v5/execution/list: fills and funding settlements of a 7-day window, newest first, in Bybit's execution shape.
import { amount, millis, onGrid } from '../http/format.js';
import { pagedList, weekWindow } from '../http/pagination.js';
import { READ, requireLinear, type Route } from '../http/route.js';
import type { Execution } from '../ledger/execution.js';
import type { Market } from '../replay/market.js';
import { syntheticUuid } from '../synthetic.js';
import { inScope } from './order-query.js';
import { orderTypeName, sideName } from './wire-names.js';

/**
 * Bybit gives a funding settlement an orderId of its own (never ""): here one made from the execution id,
 * so it is as reproducible as that.
 */
function orderIdOf(e: Execution): string {
  return e.order?.orderId ?? syntheticUuid(0, 'funding-order', e.execId);
}

/** One execution in Bybit's list shape; the private `execution` stream sends the same row. */
export function executionRow(e: Execution, market: Market): Record<string, unknown> {
  const price = (x: number | undefined): string => onGrid(market.rules.price, x);
  const qty = (x: number): string => onGrid(market.rules.qty, x);
  return {
    symbol: e.symbol,
    orderType: orderTypeName(e.order?.request.type),
    underlyingPrice: '',
    orderLinkId: e.order?.orderLinkId ?? '',
    side: sideName(e.side),
    indexPrice: '',
    orderId: orderIdOf(e),
    stopOrderType: e.order?.stopOrderType ?? 'UNKNOWN',
    leavesQty: qty(e.leavesQty),
    execTime: millis(e.time),
    feeCurrency: '',
    isMaker: e.maker,
    execFee: amount(e.fee),
    feeRate: amount(e.feeRate),
    execId: e.execId,
    tradeIv: '',
    blockTradeId: '',
    markPrice: price(e.markPrice),
    execPrice: price(e.price),
    markIv: '',
    orderQty: qty(e.orderQty),
    orderPrice: price(e.orderPrice),
    execValue: amount(e.price * e.qty),
    execType: e.execType,
    execQty: qty(e.qty),
    closedSize: e.closedSize > 0 ? qty(e.closedSize) : '',
    extraFees: '',
    seq: e.seq,
    createType: e.order?.createType ?? '',
    execFeeV2: '',
  };
}

const EXEC_TYPES = ['Trade', 'BustTrade', 'Funding', 'AdlTrade', 'Delivery', 'Settle', 'BlockTrade', 'MovePosition', 'FutureSpread', 'CorporateAction', 'UNKNOWN'] as const;

export const executionList: Route = {
  method: 'GET',
  path: '/v5/execution/list',
  access: READ,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const { start, end } = weekWindow(params, exchange.now);
    const orderId = params.optionalString('orderId');
    const orderLinkId = params.optionalString('orderLinkId');
    const execType = params.optionalOneOf('execType', EXEC_TYPES);
    const list = exchange.ledger.executions
      .filter((e) => e.time >= start && e.time <= end && inScope(params, exchange, e.symbol) && (execType === undefined || e.execType === execType))
      .filter((e) => (orderId === undefined || e.order?.orderId === orderId) && (orderLinkId === undefined || e.order?.orderLinkId === orderLinkId))
      .sort((a, b) => b.time - a.time || b.seq - a.seq)
      .map((e) => executionRow(e, exchange.market(e.symbol)));
    return pagedList(list, params, { max: 100, fallback: 50 });
  },
};
