// A Bybit order row (REST lists, `order` topic) → the domain OrderState, and the venue event its status means.
import type { z } from 'zod';
import type { OrderRequest, OrderState } from '../../../domain/order.js';
import type { orderRow } from '../wire/trading.js';
import type { StreamEvent } from './events.js';
import { UnsupportedValueError, orderSide, orderStatus, orderType, setPrice, timeInForce, tpslMode, triggerBy } from './vocabulary.js';

export type OrderRow = z.output<typeof orderRow>;

/**
 * The stream carries no retCode for a rejection (only `rejectReason`, e.g. "EC_..."), so stream
 * rejections report code 0; REST refusals carry Bybit's retCode instead (RemoteRejectedError).
 */
export const STREAM_REJECTION_CODE = 0;

/** Bybit's "nothing to say" values of cancelType / rejectReason. */
const SILENT = new Set(['', 'UNKNOWN', 'EC_NoError']);

/** The order as the domain sees it; `where` names the row in errors ("data[0]"). */
export function orderFromWire(row: OrderRow, where = 'order'): OrderState {
  const type = orderType(row.orderType);
  const takeProfit = setPrice(row.takeProfit);
  const stopLoss = setPrice(row.stopLoss);
  const rejectReason = SILENT.has(row.rejectReason ?? '') ? undefined : row.rejectReason;
  const filledQty = row.cumExecQty > 0 ? row.cumExecQty : 0;
  return {
    clientId: row.orderLinkId,
    symbol: row.symbol,
    side: orderSide(row.side),
    type,
    qty: row.qty,
    // A market order's `price` is Bybit's protective limit, not the caller's price.
    price: type === 'limit' ? setPrice(row.price) : undefined,
    timeInForce: timeInForce(row.timeInForce, `${where}.timeInForce`),
    reduceOnly: row.reduceOnly,
    closeOnTrigger: row.closeOnTrigger,
    trigger: triggerOf(row, where),
    takeProfit,
    stopLoss,
    tpslMode: tpslMode(row.tpslMode),
    tpLimitPrice: setPrice(row.tpLimitPrice),
    tpTriggerBy: takeProfit === undefined ? undefined : triggerBy(row.tpTriggerBy, `${where}.tpTriggerBy`),
    slTriggerBy: stopLoss === undefined ? undefined : triggerBy(row.slTriggerBy, `${where}.slTriggerBy`),
    orderId: row.orderId,
    status: orderStatus(row.orderStatus),
    filledQty,
    avgFillPrice: filledQty > 0 && row.avgPrice > 0 ? row.avgPrice : NaN,
    createdTime: row.createdTime,
    updatedTime: row.updatedTime,
    rejectReason,
  };
}

/** A conditional order's trigger; undefined when triggerPrice is not set. */
function triggerOf(row: OrderRow, where: string): OrderRequest['trigger'] {
  const price = setPrice(row.triggerPrice);
  if (price === undefined) return undefined;
  if (row.triggerDirection === 0) throw new UnsupportedValueError(`${where}.triggerDirection`, 0, '1 (rise) or 2 (fall) when triggerPrice is set');
  // Bybit triggers on the last price unless told otherwise.
  const by = triggerBy(row.triggerBy, `${where}.triggerBy`) ?? 'last';
  return { price, by, direction: row.triggerDirection === 1 ? 'rise' : 'fall' };
}

/**
 * The event an order update means: accepted (New, Untriggered), triggered, rejected, cancelled
 * (Cancelled, Deactivated); a filling order (PartiallyFilled, Filled) is an `orderUpdated`, its
 * fills come on the execution topic.
 */
export function orderEvent(row: OrderRow, where = 'order'): StreamEvent {
  const order = orderFromWire(row, where);
  const time = order.updatedTime;
  switch (order.status) {
    case 'New':
    case 'Untriggered':
      return { type: 'orderAccepted', time, order };
    case 'Triggered':
      return { type: 'orderTriggered', time, order };
    case 'Rejected':
      return { type: 'orderRejected', time, order, reason: order.rejectReason ?? 'Rejected', code: STREAM_REJECTION_CODE };
    case 'Cancelled':
    case 'Deactivated':
      return { type: 'orderCancelled', time, order, reason: cancelReason(row) ?? order.status };
    default:
      return { type: 'orderUpdated', time, order };
  }
}

/** "CancelByUser", "EC_PostOnlyWillTakeLiquidity", or both joined; undefined when Bybit says nothing. */
function cancelReason(row: OrderRow): string | undefined {
  const parts = [row.cancelType, row.rejectReason].filter((part): part is string => part !== undefined && !SILENT.has(part));
  return parts.length > 0 ? parts.join(': ') : undefined;
}
