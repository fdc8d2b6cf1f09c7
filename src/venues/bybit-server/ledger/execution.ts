// One execution as the exchange keeps it for /v5/execution/list: a trade fill or a funding settlement, with the order as it stood then.
import type { Fill, OrderSide } from '../../../domain/order.js';
import type { OrderRecord } from './order-record.js';
import type { FillOnPosition } from './position-book.js';

export interface Execution {
  readonly execId: string;
  readonly execType: 'Trade' | 'BustTrade' | 'Funding';
  readonly symbol: string;
  readonly side: OrderSide;
  /** The order it belongs to (undefined for funding). */
  readonly order: OrderRecord | undefined;
  readonly orderPrice: number | undefined;
  readonly orderQty: number;
  readonly leavesQty: number;
  readonly price: number;
  readonly qty: number;
  /** Fee paid (negative: received); for funding, the funding paid. */
  readonly fee: number;
  readonly feeRate: number;
  readonly maker: boolean;
  readonly markPrice: number;
  readonly closedSize: number;
  /** Price PnL of the closing part (the stream's execPnl), fees not counted; 0 when nothing closed. */
  readonly pnl: number;
  readonly time: number;
  readonly seq: number;
}

/** A trade fill of `order`, after its cumulative quantities took the fill in. */
export function tradeExecution(execId: string, order: OrderRecord, fill: Fill, effect: FillOnPosition, feeRate: number, markPrice: number, seq: number): Execution {
  return {
    execId,
    execType: order.createType === 'CreateByLiq' ? 'BustTrade' : 'Trade',
    symbol: fill.symbol,
    side: fill.side,
    order,
    orderPrice: order.request.price,
    orderQty: order.request.qty,
    leavesQty: Math.max(0, order.request.qty - order.cumExecQty),
    price: fill.price,
    qty: fill.qty,
    fee: fill.fee,
    feeRate,
    maker: fill.maker,
    markPrice,
    closedSize: effect.closedQty,
    pnl: effect.pricePnl,
    time: fill.time,
    seq,
  };
}

/** A funding settlement on a position of signed `size` at `markPrice`. */
export function fundingExecution(execId: string, symbol: string, size: number, rate: number, amount: number, markPrice: number, time: number, seq: number): Execution {
  return {
    execId,
    execType: 'Funding',
    symbol,
    side: size > 0 ? 'buy' : 'sell',
    order: undefined,
    orderPrice: undefined,
    orderQty: 0,
    leavesQty: 0,
    price: markPrice,
    qty: Math.abs(size),
    fee: amount,
    feeRate: rate,
    maker: false,
    markPrice,
    closedSize: 0,
    pnl: 0,
    time,
    seq,
  };
}
