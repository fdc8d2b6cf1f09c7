// Position rows (§7.1, §11.3) and the results of the position endpoints: set-leverage, trading-stop, closed-pnl.
import { blankDecimal, decimal, digitsText, integer, list, millisText, nonEmptyText, oneOf, record, text, unsignedDecimal } from './fields.js';

/** Fields REST and WS share; REST names the entry price `avgPrice`, WS `entryPrice`. */
const positionFields = {
  category: text.optional(),
  symbol: nonEmptyText,
  /** "" for a flat position. */
  side: oneOf(['Buy', 'Sell', '']),
  /** Always positive; the direction is `side`. */
  size: unsignedDecimal,
  positionIdx: integer,
  positionValue: blankDecimal,
  markPrice: blankDecimal,
  leverage: blankDecimal,
  /** "" when Bybit gives none (portfolio margin, or beyond the price limits). */
  liqPrice: blankDecimal,
  /** "0" or "" when not set. */
  takeProfit: blankDecimal,
  stopLoss: blankDecimal,
  trailingStop: blankDecimal,
  unrealisedPnl: blankDecimal,
  curRealisedPnl: blankDecimal,
  cumRealisedPnl: blankDecimal,
  positionStatus: oneOf(['Normal', 'Liq', 'Adl']),
  createdTime: millisText,
  updatedTime: millisText,
  seq: integer,
};

/** A `position` topic row, entry price as `entryPrice`. */
export const positionRow = record({ ...positionFields, entryPrice: blankDecimal });

/** A GET /v5/position/list row, renamed to the WS shape so one parser serves both. */
export const restPositionRow = record({ ...positionFields, avgPrice: blankDecimal }).transform(({ avgPrice, ...rest }) => ({ ...rest, entryPrice: avgPrice }));

/** GET /v5/position/list */
export const positionListResult = record({ category: text, list: list(restPositionRow), nextPageCursor: text.optional() });

/** POST /v5/position/set-leverage and /v5/position/trading-stop answer with an empty result. */
export const emptyResult = record({});

/** GET /v5/position/closed-pnl: one row per closing order. */
export const closedPnlResult = record({
  category: text,
  list: list(
    record({
      symbol: nonEmptyText,
      orderId: nonEmptyText,
      side: oneOf(['Buy', 'Sell']),
      qty: decimal,
      orderPrice: decimal,
      orderType: oneOf(['Market', 'Limit']),
      execType: text.optional(),
      closedSize: decimal,
      cumEntryValue: decimal,
      avgEntryPrice: decimal,
      cumExitValue: decimal,
      avgExitPrice: decimal,
      closedPnl: decimal,
      fillCount: digitsText,
      leverage: decimal,
      openFee: blankDecimal.optional(),
      closeFee: blankDecimal.optional(),
      createdTime: millisText,
      updatedTime: millisText,
    }),
  ),
  nextPageCursor: text.optional(),
});
