// What the simulated venue keeps per symbol and per order, and the small rules that change it in place.
import { InputError } from '../../core/errors.js';
import { InstrumentRules } from '../../domain/instrument.js';
import type { Fill, OrderRequest, OrderState, OrderStatus, PartialStop, TriggerBy } from '../../domain/order.js';
import { FLAT, type PositionState } from '../../domain/position.js';
import type { MarginTerms } from './margin.js';
import { attachToEntry, NO_PARTIAL_STOPS } from './partial-stops.js';

/** An order the venue holds, mutable inside the venue only; callers see OrderState snapshots. */
export interface SimOrder {
  /** Always made by normalizeRequest: every order the venue holds has one request shape. */
  readonly request: OrderRequest;
  readonly orderId: string;
  status: OrderStatus;
  filledQty: number;
  avgFillPrice: number;
  readonly createdTime: number;
  updatedTime: number;
  /** Submitted (or triggered) and not yet through a candle: a fill at the start of its path takes liquidity. */
  fresh: boolean;
  /** Clock time from which the exchange has it (submit time + latency). */
  readonly liveAt: number;
  /** Clock time at which a requested cancel reaches the exchange (with latency), and why it was sent. */
  cancelAt?: number;
  cancelReason?: string;
  /** Time of the candle in which this order last filled partly by the volume cap: it waits for the next one. */
  capped?: number;
  /** Limit orders: the price that price must reach for a fill under the venue's limit-fill rule (set once accepted). */
  fillLevel?: number;
  /** Why its fills happen, for an order the venue made itself (a triggered limit take-profit); 'order' otherwise. */
  readonly cause?: FillCause;
}

export interface SymbolBook {
  readonly symbol: string;
  readonly rules: InstrumentRules;
  position: PositionState;
  /** Full-mode stop-loss and take-profit of the whole position, and the price that triggers each. */
  stopLoss?: number;
  stopLossBy: TriggerBy;
  takeProfit?: number;
  takeProfitBy: TriggerBy;
  /** Partial-mode stops; replaced, never changed in place, so a list handed out stays true. */
  partialStops: readonly PartialStop[];
  /** Trailing stop distance in price, and the best price seen since it was set (high for a long, low for a short). */
  trailingStop?: number;
  trailPeak?: number;
  leverage: number;
  terms: MarginTerms;
  /** Where isolated margin runs out (NaN when flat), and that level on the tick grid as the trigger (NaN: none): set when the position or leverage changes. */
  liquidationPrice: number;
  liquidationTrigger: number;
  lastClose?: number;
  /** Open time of the last candle, and the shortest spacing of candles seen (the candle length; Infinity until known). */
  lastCandleTime: number;
  candleMs: number;
  /** Active orders (New, PartiallyFilled, Untriggered, Triggered) in arrival order. */
  orders: SimOrder[];
}

/** A position as the simulator holds it: size and entry, its stops, and where isolated margin runs out. */
export interface SimPosition extends PositionState {
  readonly stopLoss?: number;
  readonly stopLossTriggerBy?: TriggerBy;
  readonly takeProfit?: number;
  readonly takeProfitTriggerBy?: TriggerBy;
  /** Partial-mode take-profits and stop-losses, in the order they were set (a list that never changes; a new one replaces it). */
  readonly partialStops: readonly PartialStop[];
  readonly trailingStop?: number;
  readonly trailPeak?: number;
  readonly liquidationPrice: number;
}

export type FillCause = NonNullable<Fill['cause']>;

/**
 * An order as the venue holds it, every field written (absent ones undefined): all orders share one
 * object shape, and the matching loop that reads them on every candle stays monomorphic.
 */
export function newSimOrder(request: OrderRequest, orderId: string, status: OrderStatus, time: number, liveAt: number, fillLevel: number | undefined, cause: FillCause | undefined): SimOrder {
  return {
    request,
    orderId,
    status,
    filledQty: 0,
    avgFillPrice: NaN,
    createdTime: time,
    updatedTime: time,
    fresh: true,
    liveAt,
    cancelAt: undefined,
    cancelReason: undefined,
    capped: undefined,
    fillLevel,
    cause,
  };
}

/** A flat book for `rules` at `leverage`. */
export function newBook(rules: InstrumentRules, leverage: number, maintenanceRate: number): SymbolBook {
  checkLeverage(rules, leverage);
  return {
    symbol: rules.instrument.symbol,
    rules,
    position: FLAT,
    stopLossBy: 'last',
    takeProfitBy: 'last',
    partialStops: NO_PARTIAL_STOPS,
    leverage,
    terms: { leverage, maintenanceRate },
    liquidationPrice: NaN,
    liquidationTrigger: NaN,
    lastCandleTime: NaN,
    candleMs: Infinity,
    orders: [],
  };
}

/**
 * Takes an order off the book in place, keeping the others in arrival order. No splice: it builds an
 * array of what it removed, an allocation on every fill.
 */
export function removeOrder(book: SymbolBook, order: SimOrder): void {
  const orders = book.orders;
  const index = orders.indexOf(order);
  if (index < 0) return;
  for (let i = index + 1; i < orders.length; i++) orders[i - 1] = orders[i]!;
  orders.length -= 1;
}

/** A closed or flipped position loses every stop it had. */
export function clearStops(book: SymbolBook): void {
  book.stopLoss = undefined;
  book.stopLossBy = 'last';
  book.takeProfit = undefined;
  book.takeProfitBy = 'last';
  book.partialStops = NO_PARTIAL_STOPS;
  book.trailingStop = undefined;
  book.trailPeak = undefined;
}

/** TP/SL attached to an entry take effect with its fills: Full ones for the whole position, Partial ones for what this order filled. */
export function attachStops(book: SymbolBook, order: SimOrder, fillQty: number): void {
  const { takeProfit, stopLoss, reduceOnly, tpslMode, side } = order.request;
  const size = book.position.size;
  if (size === 0 || reduceOnly || (takeProfit === undefined && stopLoss === undefined)) return;
  if (tpslMode === 'Partial') {
    // Only an order that opened or grew the position protects a part of it.
    if ((side === 'buy') === size > 0) {
      book.partialStops = attachToEntry(book.partialStops, order.request, fillQty, Math.abs(size), (qty) => book.rules.roundQty(qty, 'halfUp'));
    }
    return;
  }
  if (takeProfit !== undefined) {
    book.takeProfit = takeProfit;
    book.takeProfitBy = order.request.tpTriggerBy ?? 'last';
  }
  if (stopLoss !== undefined) {
    book.stopLoss = stopLoss;
    book.stopLossBy = order.request.slTriggerBy ?? 'last';
  }
}

export function checkLeverage(rules: InstrumentRules, leverage: number): void {
  const max = Number(rules.instrument.maxLeverage);
  if (!(leverage >= 1 && leverage <= max)) {
    throw new InputError(`leverage must be from 1 to ${max} for ${rules.instrument.symbol}, got ${leverage}`);
  }
}

/**
 * Bybit's defaults: GTC for limit orders, IOC for market orders, Full TP/SL. Every field is written
 * out (absent ones as undefined) so all requests the venue holds share one object shape.
 */
export function normalizeRequest(r: OrderRequest): OrderRequest {
  const hasTpsl = r.takeProfit !== undefined || r.stopLoss !== undefined;
  return {
    clientId: r.clientId,
    symbol: r.symbol,
    side: r.side,
    type: r.type,
    qty: r.qty,
    price: r.price,
    timeInForce: r.timeInForce ?? (r.type === 'market' ? 'IOC' : 'GTC'),
    reduceOnly: r.reduceOnly,
    closeOnTrigger: r.closeOnTrigger,
    trigger: r.trigger,
    takeProfit: r.takeProfit,
    stopLoss: r.stopLoss,
    tpslMode: hasTpsl ? (r.tpslMode ?? 'Full') : r.tpslMode,
    tpLimitPrice: r.tpLimitPrice,
    tpTriggerBy: r.tpTriggerBy,
    slTriggerBy: r.slTriggerBy,
  };
}

/**
 * What callers see of an order: its request (already normalized) and its state, written out field by
 * field in one literal, so every snapshot shares one object shape and is made in one allocation (two
 * orders' events each round trip of a backtest make one).
 */
export function snapshot(order: SimOrder, rejectReason?: string): OrderState {
  const r = order.request;
  return {
    clientId: r.clientId,
    symbol: r.symbol,
    side: r.side,
    type: r.type,
    qty: r.qty,
    price: r.price,
    timeInForce: r.timeInForce,
    reduceOnly: r.reduceOnly,
    closeOnTrigger: r.closeOnTrigger,
    trigger: r.trigger,
    takeProfit: r.takeProfit,
    stopLoss: r.stopLoss,
    tpslMode: r.tpslMode,
    tpLimitPrice: r.tpLimitPrice,
    tpTriggerBy: r.tpTriggerBy,
    slTriggerBy: r.slTriggerBy,
    orderId: order.orderId,
    status: order.status,
    filledQty: order.filledQty,
    avgFillPrice: order.avgFillPrice,
    createdTime: order.createdTime,
    updatedTime: order.updatedTime,
    rejectReason,
  };
}
