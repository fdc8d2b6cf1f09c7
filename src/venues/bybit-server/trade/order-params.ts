// Turns Bybit order parameters into the venue's OrderRequest, refusing (10001, 110092/3) what Bybit would refuse before an order exists.
import { describeValue } from '../../../core/errors.js';
import type { OrderRequest, OrderSide, TriggerBy } from '../../../domain/order.js';
import type { PositionState } from '../../../domain/position.js';
import { BybitError, paramsError, RET } from '../http/envelope.js';
import type { Params } from '../http/params.js';

export const TRIGGER_SOURCES = ['LastPrice', 'MarkPrice', 'IndexPrice'] as const;

/** The venue triggers by last or mark price; the replay has no separate index, so IndexPrice follows the mark. */
export function triggerSource(name: (typeof TRIGGER_SOURCES)[number]): TriggerBy {
  return name === 'LastPrice' ? 'last' : 'mark';
}

export function optionalTriggerSource(params: Params, name: string): TriggerBy | undefined {
  const value = params.optionalOneOf(name, TRIGGER_SOURCES);
  return value === undefined ? undefined : triggerSource(value);
}

/** Bybit's rule for orderLinkId: optional, at most 36 letters, digits, '-' and '_'. "" when absent. */
export function readOrderLinkId(params: Params): string {
  const id = params.optionalString('orderLinkId') ?? '';
  if (id !== '' && !/^[A-Za-z0-9_-]{1,36}$/.test(id)) throw paramsError(`orderLinkId ${describeValue(id)} must be 1 to 36 letters, digits, - or _`);
  return id;
}

export type TpslFields = Pick<OrderRequest, 'takeProfit' | 'stopLoss' | 'tpslMode' | 'tpLimitPrice' | 'tpTriggerBy' | 'slTriggerBy'>;

/**
 * Take-profit / stop-loss parameters as given ("0" reads as 0: the caller decides whether that clears).
 * A limit take-profit needs tpslMode Partial and tpLimitPrice; a limit stop-loss is not simulated.
 */
export function readTpsl(params: Params): TpslFields {
  params.unsupported('slLimitPrice');
  if (params.optionalOneOf('slOrderType', ['Market', 'Limit']) === 'Limit') throw paramsError('slOrderType "Limit" is not supported by the local exchange');
  const tpslMode = params.optionalOneOf('tpslMode', ['Full', 'Partial']);
  const limitTp = params.optionalOneOf('tpOrderType', ['Market', 'Limit']) === 'Limit';
  if (limitTp && tpslMode !== 'Partial') throw paramsError(`tpOrderType "Limit" needs tpslMode "Partial", got ${describeValue(tpslMode)}`);
  return {
    takeProfit: params.optionalDecimal('takeProfit'),
    stopLoss: params.optionalDecimal('stopLoss'),
    tpslMode,
    tpLimitPrice: limitTp ? params.decimal('tpLimitPrice', Number.MIN_VALUE) : undefined,
    tpTriggerBy: optionalTriggerSource(params, 'tpTriggerBy'),
    slTriggerBy: optionalTriggerSource(params, 'slTriggerBy'),
  };
}

/** One-way mode only: positionIdx 0. */
export function requireOneWay(params: Params, required: boolean): void {
  const index = params.integer('positionIdx', { min: 0, max: 2 }, required ? undefined : 0);
  if (index !== 0) throw paramsError(`position idx not match position mode: positionIdx ${index}, the account is in one-way mode (0)`);
}

/** A take-profit beyond the base price and a stop-loss short of it, on the side the order opens. */
export function checkTpslSides(side: OrderSide, base: number | undefined, tpsl: TpslFields): void {
  if (base === undefined) return;
  const up = side === 'buy';
  const name = up ? 'Buy' : 'Sell';
  if (tpsl.takeProfit !== undefined && (up ? tpsl.takeProfit <= base : tpsl.takeProfit >= base)) {
    throw paramsError(`TakeProfit:${tpsl.takeProfit} set for ${name} position should be ${up ? 'higher' : 'lower'} than base_price:${base}??LastPrice`);
  }
  if (tpsl.stopLoss !== undefined && (up ? tpsl.stopLoss >= base : tpsl.stopLoss <= base)) {
    throw paramsError(`StopLoss:${tpsl.stopLoss} set for ${name} position should be ${up ? 'lower' : 'higher'} than base_price:${base}??LastPrice`);
  }
}

/** A conditional order's trigger must lie ahead of the price in its direction (110092 / 110093). */
export function checkTriggerDirection(trigger: NonNullable<OrderRequest['trigger']>, current: number | undefined): void {
  if (current === undefined) return;
  const source = trigger.by === 'last' ? 'LastPrice' : 'MarkPrice';
  if (trigger.direction === 'rise' && trigger.price <= current) {
    throw new BybitError(RET.expectRising, `expect Rising, but trigger_price[${trigger.price}] <= current[${current}]??${source}`);
  }
  if (trigger.direction === 'fall' && trigger.price >= current) {
    throw new BybitError(RET.expectFalling, `expect Falling, but trigger_price[${trigger.price}] >= current[${current}]??${source}`);
  }
}

/** The venue request of POST /v5/order/create. `position` serves qty "0" + reduceOnly + closeOnTrigger (close it all). */
export function createRequest(params: Params, symbol: string, clientId: string, position: PositionState, lastPrice: number | undefined): OrderRequest {
  params.unsupported('bboSideType', 'bboLevel', 'slippageToleranceType', 'slippageTolerance', 'orderIv', 'marketUnit');
  requireOneWay(params, false);
  const side: OrderSide = params.oneOf('side', ['Buy', 'Sell']) === 'Buy' ? 'buy' : 'sell';
  const type = params.oneOf('orderType', ['Market', 'Limit']) === 'Market' ? 'market' : 'limit';
  const reduceOnly = params.boolean('reduceOnly', false);
  const closeOnTrigger = params.boolean('closeOnTrigger', false);
  const givenQty = params.decimal('qty');
  const qty = givenQty === 0 && reduceOnly && closeOnTrigger ? Math.abs(position.size) : givenQty;
  // "Market order will ignore this field" (price); "Market order will always use IOC".
  const price = type === 'limit' ? params.decimal('price', Number.MIN_VALUE) : undefined;
  const timeInForce = type === 'market' ? 'IOC' : params.oneOf('timeInForce', ['GTC', 'IOC', 'FOK', 'PostOnly'], 'GTC');
  const triggerPrice = params.optionalDecimal('triggerPrice', Number.MIN_VALUE);
  let trigger: OrderRequest['trigger'];
  if (triggerPrice !== undefined) {
    const direction = params.integer('triggerDirection', { min: 1, max: 2 }) === 1 ? 'rise' : 'fall';
    trigger = { price: triggerPrice, by: triggerSource(params.oneOf('triggerBy', TRIGGER_SOURCES, 'LastPrice')), direction };
    checkTriggerDirection(trigger, lastPrice);
  }
  const given = readTpsl(params);
  const tpsl = { ...given, takeProfit: given.takeProfit || undefined, stopLoss: given.stopLoss || undefined };
  if (reduceOnly && (tpsl.takeProfit !== undefined || tpsl.stopLoss !== undefined)) throw paramsError('takeProfit / stopLoss can not be set on a reduceOnly order');
  checkTpslSides(side, price ?? triggerPrice ?? lastPrice, tpsl);
  return { clientId, symbol, side, type, qty, price, timeInForce, reduceOnly, closeOnTrigger, trigger, ...tpsl };
}
