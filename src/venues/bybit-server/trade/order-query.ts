// Which orders a request means: one by orderId / orderLinkId, or those of a symbol, base coin or settle coin.
import { BybitError, paramsError, RET } from '../http/envelope.js';
import type { Params } from '../http/params.js';
import type { Exchange } from '../exchange.js';
import { isOpen, type OrderRecord } from '../ledger/order-record.js';

/** The open order named by orderId (first) or orderLinkId on `symbol`; 110001 when there is none. */
export function findOpenOrder(params: Params, exchange: Exchange, symbol: string): OrderRecord {
  const orderId = params.optionalString('orderId');
  const orderLinkId = params.optionalString('orderLinkId');
  if (orderId === undefined && orderLinkId === undefined) throw paramsError('orderId or orderLinkId is required');
  const record = exchange.ledger.find(orderId, orderLinkId);
  if (record === undefined || record.request.symbol !== symbol || !isOpen(record)) {
    throw new BybitError(RET.orderNotFound, 'Order does not exist.');
  }
  return record;
}

/** Bybit's linear rule: symbol, baseCoin or settleCoin must narrow the request. */
export function requireScope(params: Params): void {
  if (!params.has('symbol') && !params.has('baseCoin') && !params.has('settleCoin')) throw paramsError('symbol, baseCoin or settleCoin is required');
}

/** True when `symbol` is within the request's symbol / baseCoin / settleCoin (absent ones match all). */
export function inScope(params: Params, exchange: Exchange, symbol: string): boolean {
  const instrument = exchange.markets.get(symbol)?.instrument;
  const want = (name: string, value: string | undefined): boolean => !params.has(name) || params.optionalString(name) === value;
  return want('symbol', symbol) && want('baseCoin', instrument?.baseCoin) && want('settleCoin', instrument?.quoteCoin);
}

/** Orders in scope matching the request's orderId / orderLinkId / orderFilter, newest first. */
export function selectOrders(params: Params, exchange: Exchange): OrderRecord[] {
  const orderId = params.optionalString('orderId');
  const orderLinkId = params.optionalString('orderLinkId');
  const filter = params.optionalOneOf('orderFilter', ['Order', 'StopOrder']);
  return [...exchange.ledger.orders.values()]
    .filter((r) => inScope(params, exchange, r.request.symbol))
    .filter((r) => (orderId === undefined || r.orderId === orderId) && (orderLinkId === undefined || r.orderLinkId === orderLinkId))
    .filter((r) => filter === undefined || (filter === 'StopOrder') === (r.stopOrderType === 'Stop'))
    .reverse()
    .sort((a, b) => b.createdTime - a.createdTime);
}
