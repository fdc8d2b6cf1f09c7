// A Bybit execution row (REST list, `execution` topic) → a domain Fill, or a funding payment when it settles funding.
import type { z } from 'zod';
import type { Fill } from '../../../domain/order.js';
import type { executionRow } from '../wire/trading.js';
import type { StreamEvent } from './events.js';
import { UnsupportedValueError, fillCause, orderSide } from './vocabulary.js';

export type ExecutionRow = z.output<typeof executionRow>;

/** Execution types that are trades of ours; BustTrade / AdlTrade are the venue closing the position. */
const TRADES = new Set(['Trade', 'BlockTrade', 'BustTrade', 'AdlTrade']);

export function fillFromWire(row: ExecutionRow): Fill {
  return {
    orderId: row.orderId,
    clientId: row.orderLinkId,
    symbol: row.symbol,
    side: orderSide(row.side),
    price: row.execPrice,
    qty: row.execQty,
    fee: row.execFee,
    maker: row.isMaker,
    time: row.execTime,
    cause: fillCause(row.execType, row.stopOrderType),
  };
}

/**
 * `fill` for a trade, `fundingPaid` for a funding settlement (execFee is the amount: positive paid,
 * negative received; feeRate the rate).
 * @throws UnsupportedValueError for other execution types (delivery, settlement, position moves).
 */
export function executionEvent(row: ExecutionRow, where = 'execution'): StreamEvent {
  if (row.execType === 'Funding') {
    return { type: 'fundingPaid', time: row.execTime, symbol: row.symbol, rate: row.feeRate, amount: row.execFee };
  }
  if (!TRADES.has(row.execType)) throw new UnsupportedValueError(`${where}.execType`, row.execType, `${[...TRADES].join(', ')}, Funding`);
  return {
    type: 'fill',
    time: row.execTime,
    fill: fillFromWire(row),
    execId: row.execId,
    seq: row.seq,
    leavesQty: row.leavesQty,
    closedSize: row.closedSize > 0 ? row.closedSize : 0,
    realisedPnl: row.execPnl ?? NaN,
  };
}
