// An order as /v5/order/realtime and /v5/order/history list it, field for field as Bybit's examples show.
import { amount, millis, onGrid } from '../http/format.js';
import { isOpen, type OrderRecord } from '../ledger/order-record.js';
import type { Market } from '../replay/market.js';
import { orderTypeName, sideName, triggerName } from './wire-names.js';

export function orderRow(record: OrderRecord, market: Market): Record<string, unknown> {
  const r = record.request;
  const price = (x: number | undefined): string => onGrid(market.rules.price, x);
  const qty = (x: number): string => onGrid(market.rules.qty, x);
  const leaves = isOpen(record) ? Math.max(0, r.qty - record.cumExecQty) : 0;
  const hasTp = r.takeProfit !== undefined;
  const hasSl = r.stopLoss !== undefined;
  return {
    orderId: record.orderId,
    orderLinkId: record.orderLinkId,
    blockTradeId: '',
    parentOrderLinkId: '',
    symbol: r.symbol,
    price: price(r.price),
    qty: qty(r.qty),
    side: sideName(r.side),
    isLeverage: '',
    positionIdx: 0,
    orderStatus: record.status,
    createType: record.createType,
    cancelType: record.cancelType,
    rejectReason: record.rejectReason,
    avgPrice: record.cumExecQty > 0 ? amount(record.cumExecValue / record.cumExecQty) : '0',
    leavesQty: qty(leaves),
    leavesValue: amount(leaves * (r.price ?? 0)),
    cumExecQty: qty(record.cumExecQty),
    cumExecValue: amount(record.cumExecValue),
    cumExecFee: amount(record.cumExecFee),
    timeInForce: r.timeInForce ?? 'GTC',
    orderType: orderTypeName(r.type),
    stopOrderType: record.stopOrderType,
    orderIv: '',
    triggerPrice: price(r.trigger?.price),
    takeProfit: price(r.takeProfit),
    stopLoss: price(r.stopLoss),
    tpTriggerBy: triggerName(r.tpTriggerBy, hasTp),
    slTriggerBy: triggerName(r.slTriggerBy, hasSl),
    triggerDirection: r.trigger === undefined ? 0 : r.trigger.direction === 'rise' ? 1 : 2,
    triggerBy: triggerName(r.trigger?.by, r.trigger !== undefined),
    lastPriceOnCreated: price(record.lastPriceOnCreated),
    reduceOnly: r.reduceOnly ?? false,
    closeOnTrigger: r.closeOnTrigger ?? false,
    smpType: 'None',
    smpGroup: 0,
    smpOrderId: '',
    tpslMode: hasTp || hasSl ? (r.tpslMode ?? 'Full') : '',
    tpLimitPrice: r.tpLimitPrice === undefined ? '' : price(r.tpLimitPrice),
    slLimitPrice: '',
    placeType: '',
    slippageToleranceType: 'UNKNOWN',
    slippageTolerance: '',
    createdTime: millis(record.createdTime),
    updatedTime: millis(record.updatedTime),
    extraFees: '',
    cumFeeDetail: record.cumExecFee === 0 ? {} : { USDT: amount(record.cumExecFee) },
    rpiTakerAccess: false,
    rpiMatchedQty: '0',
  };
}
