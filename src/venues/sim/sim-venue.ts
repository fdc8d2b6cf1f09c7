// The simulated Bybit USDT-perpetual venue: the ExecutionVenue port over the matching engine, plus the driver calls a backtest makes.
import { InputError } from '../../core/errors.js';
import { CODE_PARAMS_ERROR } from '../../domain/instrument.js';
import type { OrderRequest } from '../../domain/order.js';
import type { ExecutionVenue, TradingStop } from '../../ports/execution-venue.js';
import { fundingPayment } from './margin.js';
import { checkAgainstRules, checkMargin, checkReduceOnly, CODE_DUPLICATE_CLIENT_ID } from './order-checks.js';
import { checkLeverage, snapshot, type SimOrder, type SymbolBook } from './sim-account.js';
import { SimMatcher } from './sim-matching.js';

export type { SimPosition, SimVenueOptions } from './sim-account.js';
export type { SimCandle } from './sim-matching.js';

/**
 * One account trading one or more USDT perpetuals, isolated margin, one-way mode. Commands take
 * effect at once (accepted / rejected events are emitted synchronously); fills happen when the
 * driver feeds candles through `processCandle`, funding when it calls `settleFunding`.
 */
export class SimVenue extends SimMatcher implements ExecutionVenue {
  /** Every client id ever accepted: Bybit refuses to reuse one. */
  private readonly clientIds = new Set<string>();

  submit(request: OrderRequest): void {
    const time = this.clock.now();
    const order: SimOrder = {
      request: withDefaults(request),
      orderId: this.nextId('sim'),
      status: request.trigger !== undefined ? 'Untriggered' : 'New',
      filledQty: 0,
      avgFillPrice: NaN,
      createdTime: time,
      updatedTime: time,
      fresh: true,
    };
    const reject = (code: number, reason: string): void => {
      order.status = 'Rejected';
      this.emit({ type: 'orderRejected', time, order: { ...snapshot(order), rejectReason: reason }, reason, code });
    };
    const book = this.books.get(request.symbol);
    if (!book) return reject(CODE_PARAMS_ERROR, `symbol invalid: ${JSON.stringify(request.symbol)} is not traded by this venue`);
    if (this.clientIds.has(request.clientId)) {
      return reject(CODE_DUPLICATE_CLIENT_ID, `OrderLinkedID is duplicate: ${JSON.stringify(request.clientId)} was used before`);
    }
    const reference = request.price ?? request.trigger?.price ?? book.lastClose;
    const checks = [
      () => checkAgainstRules(order.request, book.rules, reference),
      () => checkReduceOnly(order.request, book.position),
      () => checkMargin(order.request, book.position, reference, book.leverage, this.fees.taker, this.availableBalance()),
    ];
    for (const check of checks) {
      const result = check();
      if (!result.ok) return reject(result.code, result.reason);
    }
    this.clientIds.add(request.clientId);
    book.orders.push(order);
    this.emit({ type: 'orderAccepted', time, order: snapshot(order) });
    if (order.request.timeInForce === 'PostOnly' && order.request.trigger === undefined && crossesLast(order.request, book)) {
      this.finish(book, order, time, 'EC_PostOnlyWillTakeLiquidity: a post-only order would have taken liquidity');
    }
  }

  /** Cancels an active order; an id that is not active (already filled, cancelled or unknown) is ignored, as the race is normal. */
  cancel(symbol: string, clientId: string): void {
    const book = this.book(symbol);
    const order = book.orders.find((o) => o.request.clientId === clientId);
    if (order) this.finish(book, order, this.clock.now(), 'cancelled by request');
  }

  cancelAll(symbol: string): void {
    const book = this.book(symbol);
    const time = this.clock.now();
    for (const order of [...book.orders]) this.finish(book, order, time, 'cancelled by request (cancel all)');
  }

  /**
   * Sets (price) or clears (0) the position's stop-loss, take-profit and trailing stop (a distance in
   * price, trailing the best price since it was set, starting from the last close); an omitted field
   * stays as it was. Throws InputError when there is no position or a value is off the tick grid,
   * since Bybit would refuse them too and there is no event for a refused trading stop.
   */
  setTradingStop(symbol: string, stop: TradingStop): void {
    const book = this.book(symbol);
    if (book.position.size === 0) throw new InputError(`setTradingStop ${symbol}: can not set tp/sl/ts for zero position`);
    const fields = [['stopLoss', stop.stopLoss], ['takeProfit', stop.takeProfit], ['trailingStop', stop.trailingStop]] as const;
    for (const [name, value] of fields) {
      if (value !== undefined && value !== 0 && !(value > 0 && book.rules.price.isOnGrid(value))) {
        throw new InputError(`setTradingStop ${symbol}: ${name} ${value} is not a positive multiple of tickSize ${book.rules.instrument.tickSize}`);
      }
    }
    if (stop.stopLoss !== undefined) book.stopLoss = stop.stopLoss === 0 ? undefined : stop.stopLoss;
    if (stop.takeProfit !== undefined) book.takeProfit = stop.takeProfit === 0 ? undefined : stop.takeProfit;
    if (stop.trailingStop !== undefined) {
      book.trailingStop = stop.trailingStop === 0 ? undefined : stop.trailingStop;
      book.trailPeak = stop.trailingStop === 0 ? undefined : (book.lastClose ?? book.position.entryPrice);
    }
    this.emitPosition(book, this.clock.now(), 0);
  }

  /** Leverage for the symbol's margin from now on (an open position's margin and liquidation price follow it). */
  setLeverage(symbol: string, leverage: number): void {
    const book = this.book(symbol);
    checkLeverage(book.rules, leverage);
    book.leverage = leverage;
  }

  /** Settles funding on the open position at `markPrice`; returns the amount paid (negative = received), 0 when flat. */
  settleFunding(symbol: string, time: number, rate: number, markPrice: number): number {
    const book = this.book(symbol);
    if (book.position.size === 0) return 0;
    const amount = fundingPayment(book.position, markPrice, rate);
    this.chargeFunding(amount);
    this.emit({ type: 'fundingPaid', time, symbol, rate, amount });
    return amount;
  }
}

/** Bybit's defaults: GTC for limit orders, IOC for market orders, Full TP/SL. */
function withDefaults(request: OrderRequest): OrderRequest {
  const timeInForce = request.timeInForce ?? (request.type === 'market' ? 'IOC' : 'GTC');
  const hasTpsl = request.takeProfit !== undefined || request.stopLoss !== undefined;
  return { ...request, timeInForce, ...(hasTpsl ? { tpslMode: request.tpslMode ?? 'Full' } : {}) };
}

/** A post-only limit crosses when it would trade against the last price at once. */
function crossesLast(request: OrderRequest, book: SymbolBook): boolean {
  if (request.type !== 'limit' || request.price === undefined || book.lastClose === undefined) return false;
  return request.side === 'buy' ? request.price >= book.lastClose : request.price <= book.lastClose;
}
