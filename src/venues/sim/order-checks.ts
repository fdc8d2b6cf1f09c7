// What the simulated exchange checks when an order arrives, with Bybit's reasons and codes, before anything rests or fills.
import { CODE_PARAMS_ERROR, type InstrumentRules } from '../../domain/instrument.js';
import type { OrderRequest } from '../../domain/order.js';
import type { PositionState } from '../../domain/position.js';
import { describeValue } from '../../core/errors.js';
import { CODE_TOO_MANY_PARTIAL_STOPS, MAX_PARTIAL_STOPS } from './partial-stops.js';

/** Bybit retCode "OrderLinkedID is duplicate". */
export const CODE_DUPLICATE_CLIENT_ID = 110072;
/** Bybit retCode "ab not enough for new order" (available balance too low). */
export const CODE_INSUFFICIENT_BALANCE = 110007;
/** Bybit retCode for a reduce-only order that would not reduce the position. */
export const CODE_REDUCE_ONLY = 110017;

export type Check = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly code: number };

const OK: Check = { ok: true };
const no = (code: number, reason: string): Check => ({ ok: false, reason, code });

/** Grid, size and notional rules of the instrument; `refPrice` prices a market order's notional (skipped when unknown). */
export function checkAgainstRules(order: OrderRequest, rules: InstrumentRules, refPrice: number | undefined): Check {
  const { symbol } = rules.instrument;
  if (!(order.qty > 0) || !rules.qty.isOnGrid(order.qty)) {
    return no(CODE_PARAMS_ERROR, `Qty invalid: order qty ${order.qty} is not a positive multiple of qtyStep ${rules.instrument.qtyStep} (${symbol})`);
  }
  if (order.type === 'limit' && order.price === undefined) return no(CODE_PARAMS_ERROR, `Price invalid: a limit order needs a price (${symbol})`);
  if (order.type === 'market' && order.price !== undefined && order.trigger === undefined) {
    return no(CODE_PARAMS_ERROR, `Price invalid: a market order takes no price (${symbol})`);
  }
  const offGrid =
    offTick('price', order.price, rules) ??
    offTick('triggerPrice', order.trigger?.price, rules) ??
    offTick('takeProfit', order.takeProfit, rules) ??
    offTick('stopLoss', order.stopLoss, rules) ??
    offTick('tpLimitPrice', order.tpLimitPrice, rules);
  if (offGrid) return offGrid;
  const tpsl = checkTpslFields(order);
  if (!tpsl.ok) return tpsl;
  const price = order.price ?? order.trigger?.price ?? refPrice;
  const sides = price === undefined ? OK : checkTpslSides(order, price, symbol);
  if (!sides.ok) return sides;
  const priceTicks = price === undefined ? undefined : rules.price.toSteps(price, 'halfUp');
  const check = rules.checkOrder(priceTicks, rules.qty.toSteps(order.qty, 'halfUp'), { market: order.type === 'market' });
  return check.ok ? OK : no(check.code, check.reason);
}

/**
 * Bybit's rule for a take-profit and a stop-loss: on the profit and the loss side of a base price.
 * Returns what is wrong, in Bybit's terms, or undefined; 0 (which clears a stop) and absent pass.
 * `what` names the order or position ("a Buy order"), `baseName` the base ("its base price").
 */
export function tpslSideProblem(stops: { readonly takeProfit?: number | undefined; readonly stopLoss?: number | undefined }, buy: boolean, base: number, what: string, baseName: string): string | undefined {
  const wrong = (name: string, value: number | undefined, above: boolean): string | undefined =>
    value === undefined || value === 0 || (above ? value > base : value < base) ? undefined : `${name} ${value} set for ${what} should be ${above ? 'higher' : 'lower'} than ${baseName} ${base}`;
  return wrong('TakeProfit', stops.takeProfit, buy) ?? wrong('StopLoss', stops.stopLoss, !buy);
}

/** The sides rule for the TP/SL attached to an order: its base price is the limit price, the trigger price, or the last price for a market order. */
function checkTpslSides(order: OrderRequest, base: number, symbol: string): Check {
  const buy = order.side === 'buy';
  const problem = tpslSideProblem(order, buy, base, `a ${buy ? 'Buy' : 'Sell'} order`, 'its base price');
  return problem === undefined ? OK : no(CODE_PARAMS_ERROR, `${problem} (${symbol})`);
}

/** A rejection when a given price is not a positive whole number of ticks; undefined when it is fine or absent. */
function offTick(name: string, value: number | undefined, rules: InstrumentRules): Check | undefined {
  if (value === undefined || (value > 0 && rules.price.isOnGrid(value))) return undefined;
  return no(CODE_PARAMS_ERROR, `Price invalid: ${name} ${value} is not a positive multiple of tickSize ${rules.instrument.tickSize} (${rules.instrument.symbol})`);
}

/** A rejection when a trigger source is neither last nor mark. */
function badSource(name: string, value: unknown, symbol: string): Check | undefined {
  if (value === undefined || value === 'last' || value === 'mark') return undefined;
  return no(CODE_PARAMS_ERROR, `${name} invalid: ${describeValue(value)} is not a trigger source; use last or mark (${symbol})`);
}

/** Trigger sources and TP/SL mode fields: known values, and a limit take-profit only in Partial mode with a take-profit. */
function checkTpslFields(order: OrderRequest): Check {
  const source =
    (order.trigger === undefined ? undefined : badSource('triggerBy', order.trigger.by, order.symbol)) ??
    badSource('tpTriggerBy', order.tpTriggerBy, order.symbol) ??
    badSource('slTriggerBy', order.slTriggerBy, order.symbol);
  if (source) return source;
  if (order.tpslMode !== undefined && order.tpslMode !== 'Full' && order.tpslMode !== 'Partial') {
    return no(CODE_PARAMS_ERROR, `tpslMode invalid: ${describeValue(order.tpslMode)}; use Full or Partial (${order.symbol})`);
  }
  if (order.tpLimitPrice !== undefined && (order.tpslMode !== 'Partial' || order.takeProfit === undefined)) {
    return no(CODE_PARAMS_ERROR, `tpLimitPrice ${order.tpLimitPrice} needs tpslMode Partial and a takeProfit (${order.symbol})`);
  }
  return OK;
}

/** Bybit keeps at most 20 partial TP/SLs on a position: an entry that would attach more is refused. */
export function checkPartialRoom(order: OrderRequest, partialStops: number): Check {
  if (order.tpslMode !== 'Partial' || order.reduceOnly) return OK;
  const adding = (order.takeProfit === undefined ? 0 : 1) + (order.stopLoss === undefined ? 0 : 1);
  if (partialStops + adding <= MAX_PARTIAL_STOPS) return OK;
  return no(CODE_TOO_MANY_PARTIAL_STOPS, `Not allowed to have more than ${MAX_PARTIAL_STOPS} TP/SLs under Partial tpSlMode: ${partialStops} set, this order adds ${adding} (${order.symbol})`);
}

/** A reduce-only order must face an open position on the other side. */
export function checkReduceOnly(order: OrderRequest, position: PositionState): Check {
  if (!order.reduceOnly && !order.closeOnTrigger) return OK;
  const reduces = order.side === 'buy' ? position.size < 0 : position.size > 0;
  return reduces
    ? OK
    : no(CODE_REDUCE_ONLY, `Reduce-only rule not satisfied: a ${order.side} order cannot reduce a position of ${position.size} (${order.symbol})`);
}

/** Isolated margin: the opening part of the order at `leverage`, plus the taker fee on all of it, must fit in `available`. */
export function checkMargin(
  order: OrderRequest,
  position: PositionState,
  price: number | undefined,
  leverage: number,
  takerFee: number,
  available: number,
): Check {
  if (order.reduceOnly || order.closeOnTrigger || price === undefined) return OK;
  const closable = (order.side === 'buy' ? position.size < 0 : position.size > 0) ? Math.abs(position.size) : 0;
  const opening = Math.max(0, order.qty - closable);
  const needed = (opening * price) / leverage + order.qty * price * takerFee;
  if (needed <= available + 1e-9) return OK;
  return no(
    CODE_INSUFFICIENT_BALANCE,
    `ab not enough for new order: needs ${needed.toFixed(4)} USDT (margin at ${leverage}x plus fee), available ${available.toFixed(4)} (${order.symbol})`,
  );
}
