// POST /v5/order/amend: a changed order replaces the venue order that carried it, keeping its ids and what has filled.
import type { OrderRequest } from '../../../domain/order.js';
import { BybitError, paramsError, RET } from '../http/envelope.js';
import { ORDER, requireLinear, type Route } from '../http/route.js';
import { checkTriggerDirection, readTpsl } from './order-params.js';
import { findOpenOrder } from './order-query.js';

/** Fields an amend may change; a request that changes none of them is refused as Bybit does. */
const AMENDABLE = ['qty', 'price', 'trigger', 'takeProfit', 'stopLoss', 'tpTriggerBy', 'slTriggerBy', 'tpslMode', 'tpLimitPrice'] as const;

export const orderAmend: Route = {
  method: 'POST',
  path: '/v5/order/amend',
  access: ORDER,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    params.unsupported('orderIv');
    const market = exchange.market(params.string('symbol'));
    const record = findOpenOrder(params, exchange, market.symbol);
    const old = record.request;
    const triggerPrice = params.optionalDecimal('triggerPrice', Number.MIN_VALUE);
    if (triggerPrice !== undefined && (old.trigger === undefined || record.triggered)) throw paramsError(`triggerPrice ${triggerPrice}: the order is not an untriggered conditional order`);
    const trigger = old.trigger && triggerPrice !== undefined ? { ...old.trigger, price: triggerPrice } : old.trigger;
    if (trigger !== old.trigger && trigger !== undefined) checkTriggerDirection(trigger, exchange.lastPrice(market.symbol));
    const tpsl = readTpsl(params);
    // "0" clears a take-profit or stop-loss; an absent one stays.
    const next: OrderRequest = {
      ...old,
      qty: params.optionalDecimal('qty', Number.MIN_VALUE) ?? old.qty,
      price: old.type === 'limit' ? (params.optionalDecimal('price', Number.MIN_VALUE) ?? old.price) : old.price,
      trigger,
      takeProfit: tpsl.takeProfit === undefined ? old.takeProfit : tpsl.takeProfit || undefined,
      stopLoss: tpsl.stopLoss === undefined ? old.stopLoss : tpsl.stopLoss || undefined,
      tpTriggerBy: tpsl.tpTriggerBy ?? old.tpTriggerBy,
      slTriggerBy: tpsl.slTriggerBy ?? old.slTriggerBy,
      tpslMode: tpsl.tpslMode ?? old.tpslMode,
      tpLimitPrice: tpsl.tpLimitPrice ?? old.tpLimitPrice,
    };
    if (AMENDABLE.every((field) => next[field] === old[field])) throw paramsError('The order remains unchanged as the parameters entered match the existing ones.');
    if (market.rules.qty.toSteps(next.qty, 'halfUp') <= market.rules.qty.toSteps(record.cumExecQty, 'halfUp')) {
      throw new BybitError(RET.qtyBelowFilled, `The modified contract quantity ${next.qty} cannot be less than or equal to the filled quantity ${record.cumExecQty}.`);
    }
    const rejection = exchange.ledger.replace(record, next, (qty) => market.rules.roundQty(qty, 'halfUp'));
    if (rejection) throw new BybitError(rejection.code, rejection.reason);
    return { orderId: record.orderId, orderLinkId: record.orderLinkId };
  },
};
