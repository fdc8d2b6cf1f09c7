// Order and execution rows (§6, §11.1–11.2): one shape serves REST lists and the private WebSocket, plus the order acks.
import { z } from 'zod';
import { blankDecimal, decimal, flag, integer, list, millisText, nonEmptyText, oneOf, record, side, text } from './fields.js';

export const orderStatus = oneOf(['New', 'PartiallyFilled', 'Untriggered', 'Rejected', 'PartiallyFilledCanceled', 'Filled', 'Cancelled', 'Triggered', 'Deactivated']);
export const timeInForce = oneOf(['GTC', 'IOC', 'FOK', 'PostOnly', 'RPI']);
/** "UNKNOWN" and "" are Bybit's "none" (no trigger, no TP/SL). */
export const triggerBy = oneOf(['LastPrice', 'MarkPrice', 'IndexPrice', 'UNKNOWN', '']);
export const tpslMode = oneOf(['Full', 'Partial', '']);
/** 0 none, 1 triggers when the price rises to triggerPrice, 2 when it falls to it. */
export const triggerDirection = z.literal([0, 1, 2], { error: (issue) => (issue.input === undefined ? 'is missing' : 'must be 0, 1 (rise) or 2 (fall)') });

/** One order as GET /v5/order/realtime, /v5/order/history and the `order` topic report it. */
export const orderRow = record({
  category: text.optional(),
  orderId: nonEmptyText,
  orderLinkId: text,
  symbol: nonEmptyText,
  /** For a market order, the protective limit price Bybit derived. */
  price: blankDecimal,
  qty: decimal,
  side,
  positionIdx: integer.optional(),
  orderStatus,
  createType: text.optional(),
  cancelType: text.optional(),
  rejectReason: text.optional(),
  avgPrice: blankDecimal,
  leavesQty: blankDecimal,
  cumExecQty: blankDecimal,
  cumExecValue: blankDecimal,
  cumExecFee: blankDecimal.optional(),
  closedPnl: blankDecimal.optional(),
  timeInForce,
  orderType: oneOf(['Market', 'Limit']),
  stopOrderType: text.optional(),
  /** "0.00" or "" when not a conditional order. */
  triggerPrice: blankDecimal,
  triggerDirection,
  triggerBy,
  takeProfit: blankDecimal,
  stopLoss: blankDecimal,
  tpTriggerBy: triggerBy.optional(),
  slTriggerBy: triggerBy.optional(),
  tpslMode: tpslMode.optional(),
  tpLimitPrice: blankDecimal.optional(),
  slLimitPrice: blankDecimal.optional(),
  reduceOnly: flag,
  closeOnTrigger: flag,
  createdTime: millisText,
  updatedTime: millisText,
});

/** One execution as GET /v5/execution/list and the `execution` topic report it. */
export const executionRow = record({
  category: text.optional(),
  symbol: nonEmptyText,
  orderId: nonEmptyText,
  orderLinkId: text,
  side,
  orderPrice: blankDecimal,
  orderQty: blankDecimal,
  leavesQty: blankDecimal,
  createType: text.optional(),
  /** "UNKNOWN" for funding settlements. */
  orderType: oneOf(['Market', 'Limit', 'UNKNOWN']),
  stopOrderType: text.optional(),
  /** Kept as text so a new Bybit execType is reported by the parser rather than failing the whole message. */
  execType: nonEmptyText,
  execId: nonEmptyText,
  execPrice: decimal,
  execQty: decimal,
  execValue: blankDecimal,
  /** Positive = paid, negative = received (a maker rebate; funding received). */
  execFee: decimal,
  feeRate: blankDecimal,
  execTime: millisText,
  isMaker: flag,
  markPrice: blankDecimal.optional(),
  closedSize: blankDecimal,
  execPnl: blankDecimal.optional(),
  feeCurrency: text.optional(),
  seq: integer,
});

const page = <S extends z.ZodType>(row: S) => record({ category: text, list: list(row), nextPageCursor: text.optional() });

/** GET /v5/order/realtime and GET /v5/order/history */
export const ordersResult = page(orderRow);
/** GET /v5/execution/list */
export const executionsResult = page(executionRow);

/** POST /v5/order/create, /amend, /cancel: an acknowledgement only; the outcome arrives on the `order` topic. */
export const orderAckResult = record({ orderId: nonEmptyText, orderLinkId: text });
/** POST /v5/order/cancel-all */
export const cancelAllResult = record({ list: list(orderAckResult), success: text.optional() });
