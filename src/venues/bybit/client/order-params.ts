// Domain commands → Bybit request parameters: prices and sizes written on the instrument's grid as exact decimal strings, Bybit's own words for every enum.
import { describeValue, InputError } from '../../../core/errors.js';
import type { InstrumentRules } from '../../../domain/instrument.js';
import type { OrderRequest, TriggerBy } from '../../../domain/order.js';
import type { TradingStop } from '../../../ports/execution-venue.js';
import type { Params } from './rest.js';

const TRIGGER_BY: Readonly<Record<TriggerBy, string>> = { last: 'LastPrice', mark: 'MarkPrice' };

/** `value` as a decimal string on `grid`; a value off the grid is a bug upstream, refused rather than rounded. */
function exact(grid: InstrumentRules['price'], value: number, field: string): string {
  const steps = grid.toSteps(value, 'halfUp');
  const written = grid.toString(steps);
  if (Math.abs(Number(written) - value) > Math.abs(value) * 1e-12) throw new InputError(`${field} must be on the grid of ${grid.step}, got ${describeValue(value)}`);
  return written;
}

/** POST /v5/order/create parameters for `order` (one-way mode: positionIdx 0). */
export function createOrderParams(order: OrderRequest, rules: InstrumentRules): Params {
  const price = (value: number | undefined, field: string) => (value === undefined ? undefined : exact(rules.price, value, field));
  const params: Record<string, string | number | boolean | undefined> = {
    category: 'linear',
    symbol: order.symbol,
    side: order.side === 'buy' ? 'Buy' : 'Sell',
    orderType: order.type === 'market' ? 'Market' : 'Limit',
    qty: exact(rules.qty, order.qty, 'qty'),
    price: order.type === 'limit' ? price(order.price, 'price') : undefined,
    timeInForce: order.timeInForce ?? (order.type === 'market' ? 'IOC' : 'GTC'),
    orderLinkId: order.clientId,
    positionIdx: 0,
    reduceOnly: order.reduceOnly ? true : undefined,
    closeOnTrigger: order.closeOnTrigger ? true : undefined,
  };
  if (order.type === 'limit' && order.price === undefined) throw new InputError(`order ${order.clientId}: a limit order needs a price`);
  if (order.trigger !== undefined) {
    params['triggerPrice'] = price(order.trigger.price, 'trigger.price');
    params['triggerDirection'] = order.trigger.direction === 'rise' ? 1 : 2;
    params['triggerBy'] = TRIGGER_BY[order.trigger.by];
  }
  if (order.takeProfit !== undefined || order.stopLoss !== undefined) {
    params['takeProfit'] = price(order.takeProfit, 'takeProfit');
    params['stopLoss'] = price(order.stopLoss, 'stopLoss');
    params['tpslMode'] = order.tpslMode ?? 'Full';
    if (order.takeProfit !== undefined) params['tpTriggerBy'] = TRIGGER_BY[order.tpTriggerBy ?? 'last'];
    if (order.stopLoss !== undefined) params['slTriggerBy'] = TRIGGER_BY[order.slTriggerBy ?? 'last'];
    if (order.tpLimitPrice !== undefined) {
      params['tpOrderType'] = 'Limit';
      params['tpLimitPrice'] = price(order.tpLimitPrice, 'tpLimitPrice');
    }
  }
  return params;
}

/** POST /v5/position/trading-stop parameters; 0 keeps Bybit's meaning of "remove" (Full mode). */
export function tradingStopParams(symbol: string, stop: TradingStop, rules: InstrumentRules): Params {
  const price = (value: number | undefined, field: string) => (value === undefined ? undefined : value === 0 ? '0' : exact(rules.price, value, field));
  const mode = stop.tpslMode ?? 'Full';
  const params: Record<string, string | number | boolean | undefined> = {
    category: 'linear',
    symbol,
    positionIdx: 0,
    tpslMode: mode,
    stopLoss: price(stop.stopLoss, 'stopLoss'),
    takeProfit: price(stop.takeProfit, 'takeProfit'),
    trailingStop: price(stop.trailingStop, 'trailingStop'),
    tpTriggerBy: stop.takeProfit === undefined ? undefined : TRIGGER_BY[stop.tpTriggerBy ?? 'last'],
    slTriggerBy: stop.stopLoss === undefined ? undefined : TRIGGER_BY[stop.slTriggerBy ?? 'last'],
  };
  if (mode === 'Partial') {
    if (stop.tpSize !== undefined) params['tpSize'] = exact(rules.qty, stop.tpSize, 'tpSize');
    if (stop.slSize !== undefined) params['slSize'] = exact(rules.qty, stop.slSize, 'slSize');
    if (stop.tpLimitPrice !== undefined) {
      params['tpOrderType'] = 'Limit';
      params['tpLimitPrice'] = price(stop.tpLimitPrice, 'tpLimitPrice');
    }
  }
  return params;
}
