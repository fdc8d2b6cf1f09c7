// The venue's words in Bybit's: sides, order types, trigger sources.
import type { OrderSide, OrderType, TriggerBy } from '../../../domain/order.js';

export function sideName(side: OrderSide): 'Buy' | 'Sell' {
  return side === 'buy' ? 'Buy' : 'Sell';
}

export function orderTypeName(type: OrderType | undefined): 'Market' | 'Limit' | 'UNKNOWN' {
  return type === 'market' ? 'Market' : type === 'limit' ? 'Limit' : 'UNKNOWN';
}

/** "UNKNOWN" where Bybit has no value (no trigger set). */
export function triggerName(by: TriggerBy | undefined, isSet: boolean): string {
  if (!isSet) return 'UNKNOWN';
  return by === 'mark' ? 'MarkPrice' : 'LastPrice';
}
