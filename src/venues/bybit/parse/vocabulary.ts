// Bybit's words for sides, order types, statuses, triggers and stop kinds, mapped onto the domain's; what bybot cannot represent is refused by name.
import type { z } from 'zod';
import { InputError, describeValue } from '../../../core/errors.js';
import type { Fill, OrderSide, OrderStatus, OrderType, TimeInForce, TpslMode, TriggerBy } from '../../../domain/order.js';
import type { orderStatus as orderStatusSchema } from '../wire/trading.js';

/** A well-formed value the domain has no word for (an IndexPrice trigger, an RPI order): reported per item, not a malformed message. */
export class UnsupportedValueError extends InputError {
  override readonly name = 'UnsupportedValueError';
  constructor(
    readonly field: string,
    readonly value: unknown,
    supported: string,
  ) {
    super(`${field} ${describeValue(value)} is not supported by bybot (supported: ${supported})`);
  }
}

export const orderSide = (side: 'Buy' | 'Sell'): OrderSide => (side === 'Buy' ? 'buy' : 'sell');

export const orderType = (type: 'Market' | 'Limit'): OrderType => (type === 'Market' ? 'market' : 'limit');

export function timeInForce(value: 'GTC' | 'IOC' | 'FOK' | 'PostOnly' | 'RPI', field: string): TimeInForce {
  if (value === 'RPI') throw new UnsupportedValueError(field, value, 'GTC, IOC, FOK, PostOnly');
  return value;
}

/** LastPrice / MarkPrice; Bybit's "none" ("", "UNKNOWN") is undefined. */
export function triggerBy(value: 'LastPrice' | 'MarkPrice' | 'IndexPrice' | 'UNKNOWN' | '' | undefined, field: string): TriggerBy | undefined {
  if (value === 'LastPrice') return 'last';
  if (value === 'MarkPrice') return 'mark';
  if (value === 'IndexPrice') throw new UnsupportedValueError(field, value, 'LastPrice, MarkPrice');
  return undefined;
}

export const tpslMode = (value: 'Full' | 'Partial' | '' | undefined): TpslMode | undefined => (value === '' ? undefined : value);

const STATUS: Readonly<Record<z.output<typeof orderStatusSchema>, OrderStatus>> = {
  New: 'New',
  PartiallyFilled: 'PartiallyFilled',
  Untriggered: 'Untriggered',
  Rejected: 'Rejected',
  // Spot only: a partially filled order whose rest was cancelled.
  PartiallyFilledCanceled: 'Cancelled',
  Filled: 'Filled',
  Cancelled: 'Cancelled',
  Triggered: 'Triggered',
  Deactivated: 'Deactivated',
};

export const orderStatus = (value: keyof typeof STATUS): OrderStatus => STATUS[value];

const STOP_CAUSE: Readonly<Record<string, Fill['cause']>> = {
  TakeProfit: 'takeProfit',
  PartialTakeProfit: 'takeProfit',
  StopLoss: 'stopLoss',
  PartialStopLoss: 'stopLoss',
  TrailingStop: 'trailingStop',
};

/**
 * Why a fill happened: the venue closing us out (a liquidation, or auto-deleveraging, for which the
 * domain has no cause of its own), one of our stops, or an ordinary order (a plain conditional `Stop` included).
 */
export function fillCause(execType: string, stopOrderType: string | undefined): Fill['cause'] {
  if (execType === 'BustTrade' || execType === 'AdlTrade') return 'liquidation';
  return STOP_CAUSE[stopOrderType ?? ''] ?? 'order';
}

/** Bybit writes "0", "0.00" or "" for a price that is not set. */
export const setPrice = (value: number | undefined): number | undefined => (value !== undefined && value > 0 ? value : undefined);
