// An order as the exchange reports it on REST: the client's view (stable id across amends, cumulative fills) over the venue's order(s).
import type { Fill, OrderRequest, OrderState, OrderStatus } from '../../../domain/order.js';

export interface OrderRecord {
  readonly orderId: string;
  /** The client's orderLinkId, "" when it gave none. */
  readonly orderLinkId: string;
  /** The whole order as the client sees it (after an amend: the amended quantity and prices). */
  request: OrderRequest;
  status: OrderStatus;
  /** Bybit cancelType and rejectReason ("UNKNOWN" / "EC_NoError" when none). */
  cancelType: string;
  rejectReason: string;
  cumExecQty: number;
  cumExecValue: number;
  cumExecFee: number;
  readonly createType: string;
  /** Bybit stopOrderType: "Stop" for a conditional order, "StopLoss" etc. for the exchange's own closes, "UNKNOWN" otherwise. */
  readonly stopOrderType: string;
  readonly lastPriceOnCreated: number | undefined;
  readonly createdTime: number;
  updatedTime: number;
  /** The venue order that currently carries it (an amend replaces it), its client id, and how many it has had. */
  venueOrderId: string;
  venueClientId: string;
  revision: number;
  /** A conditional order whose trigger has fired: it now rests (or filled) as a plain order. */
  triggered: boolean;
}

const OPEN: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['New', 'PartiallyFilled', 'Untriggered']);

export function isOpen(record: OrderRecord): boolean {
  return OPEN.has(record.status);
}

/** A conditional order (Bybit's StopOrder filter) rather than an active one. */
export function isConditional(record: OrderRecord): boolean {
  return record.stopOrderType !== 'UNKNOWN';
}

/** A new client order, before the venue has seen it. */
export function newRecord(orderId: string, orderLinkId: string, request: OrderRequest, time: number, lastPrice: number | undefined): OrderRecord {
  return {
    orderId,
    orderLinkId,
    request,
    status: 'New',
    cancelType: 'UNKNOWN',
    rejectReason: 'EC_NoError',
    cumExecQty: 0,
    cumExecValue: 0,
    cumExecFee: 0,
    createType: 'CreateByUser',
    stopOrderType: request.trigger === undefined ? 'UNKNOWN' : 'Stop',
    lastPriceOnCreated: lastPrice,
    createdTime: time,
    updatedTime: time,
    venueOrderId: '',
    venueClientId: request.clientId,
    revision: 0,
    triggered: false,
  };
}

/** A close the venue made itself (a stop, a target, a liquidation), named the way Bybit names it. */
export function systemRecord(orderId: string, order: OrderState, cause: Fill['cause'], time: number): OrderRecord {
  const partial = order.clientId.endsWith(':tp') || order.clientId.endsWith(':sl');
  const kind = cause === 'takeProfit' || order.clientId.endsWith(':tp') ? 'TakeProfit' : cause === 'stopLoss' || order.clientId.endsWith(':sl') ? 'StopLoss' : cause;
  const [stopOrderType, createType] =
    kind === 'TakeProfit' || kind === 'StopLoss'
      ? [`${partial ? 'Partial' : ''}${kind}`, `CreateBy${partial ? 'Partial' : ''}${kind}`]
      : kind === 'trailingStop'
        ? ['TrailingStop', 'CreateByTrailingStop']
        : kind === 'liquidation'
          ? ['UNKNOWN', 'CreateByLiq']
          : ['UNKNOWN', 'CreateByClosing'];
  return {
    ...newRecord(orderId, '', order, time, undefined),
    status: order.status,
    createType,
    stopOrderType,
    venueOrderId: order.orderId,
    triggered: true,
  };
}

/** Bybit's cancelType and rejectReason for the venue's reason of a cancel. */
export function cancelOutcome(reason: string, filledQty: number): { cancelType: string; rejectReason: string } {
  if (reason.startsWith('EC_PostOnlyWillTakeLiquidity')) return { cancelType: 'UNKNOWN', rejectReason: 'EC_PostOnlyWillTakeLiquidity' };
  if (reason.startsWith('cancelled by request')) return { cancelType: 'CancelByUser', rejectReason: 'EC_NoError' };
  if (reason.startsWith('reduce-only')) return { cancelType: 'CancelByReduceOnly', rejectReason: 'EC_NoError' };
  if (reason.startsWith('FOK')) return { cancelType: 'UNKNOWN', rejectReason: 'EC_CancelForNoFullFill' };
  if (reason.startsWith('IOC') || reason.startsWith('unfilled quantity')) {
    return { cancelType: 'UNKNOWN', rejectReason: filledQty > 0 ? 'EC_CancelForNoFullFill' : 'EC_NoImmediateQtyToFill' };
  }
  return { cancelType: 'UNKNOWN', rejectReason: 'EC_Others' };
}
