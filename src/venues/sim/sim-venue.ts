// The simulated Bybit USDT-perpetual venue: the ExecutionVenue port over the matching engine, plus the driver calls a backtest makes.
import { describeValue, InputError } from '../../core/errors.js';
import { CODE_PARAMS_ERROR } from '../../domain/instrument.js';
import type { OrderRequest } from '../../domain/order.js';
import type { TradingStop } from '../../ports/execution-venue.js';
import type { SimulatedVenue } from '../../ports/simulated-venue.js';
import { fundingPayment } from './margin.js';
import { checkAgainstRules, checkMargin, checkPartialRoom, checkReduceOnly, CODE_DUPLICATE_CLIENT_ID } from './order-checks.js';
import { newSimOrder, normalizeRequest, snapshot, type SimOrder, type SymbolBook } from './sim-book.js';
import { SimMatcher } from './sim-matching.js';
import { applyTradingStop } from './trading-stop.js';
import { UsedClientIds } from './used-client-ids.js';

export type { SimPosition } from './sim-book.js';
export type { LimitFillRule, SimVenueOptions } from './sim-options.js';
export type { SimCandle } from './sim-matching.js';

/**
 * One account trading one or more USDT perpetuals, isolated margin, one-way mode. Commands are
 * checked at once (accepted / rejected events are emitted synchronously); an accepted order is live
 * from its submit time plus `latencyMs`, a cancel acts after the same latency (at once when it is 0).
 * Fills happen when the driver feeds candles through `processCandle`, funding when it calls
 * `settleFunding`. Trading stops and leverage take effect at once.
 */
export class SimVenue extends SimMatcher implements SimulatedVenue {
  /** Every client id ever accepted: Bybit refuses to reuse one. */
  private readonly clientIds = new UsedClientIds();

  submit(request: OrderRequest): void {
    const time = this.clock.now();
    const book = this.books.get(request.symbol);
    const full = normalizeRequest(request);
    const order = newSimOrder(full, this.nextId('sim'), request.trigger !== undefined ? 'Untriggered' : 'New', time, time + this.latencyMs, undefined, undefined);
    const reject = (code: number, reason: string): void => {
      order.status = 'Rejected';
      this.emit({ type: 'orderRejected', time, order: snapshot(order, reason), reason, code });
    };
    if (!book) return reject(CODE_PARAMS_ERROR, `symbol invalid: ${JSON.stringify(request.symbol)} is not traded by this venue`);
    if (this.clientIds.has(request.clientId)) {
      return reject(CODE_DUPLICATE_CLIENT_ID, `OrderLinkedID is duplicate: ${JSON.stringify(request.clientId)} was used before`);
    }
    const reference = request.price ?? request.trigger?.price ?? this.lastPrice(book);
    // In Bybit's order: the instrument's rules, reduce-only, room for partial stops, then margin.
    let result = checkAgainstRules(full, book.rules, reference);
    if (result.ok) result = checkReduceOnly(full, book.position);
    if (result.ok) result = checkPartialRoom(full, book.partialStops.length);
    if (result.ok) result = checkMargin(full, book.position, reference, book.leverage, this.fees.taker, this.availableBalance());
    if (!result.ok) return reject(result.code, result.reason);
    this.clientIds.add(request.clientId);
    if (full.type === 'limit' && full.price !== undefined) order.fillLevel = this.fillLevel(book, full.side, full.price);
    book.orders.push(order);
    this.emit({ type: 'orderAccepted', time, order: snapshot(order) });
    if (full.timeInForce === 'PostOnly' && full.trigger === undefined && crosses(full, this.lastPrice(book))) {
      this.finish(book, order, time, 'EC_PostOnlyWillTakeLiquidity: a post-only order would have taken liquidity');
    }
  }

  /**
   * Cancels an active order; an id that is not active (already filled, cancelled or unknown) is ignored,
   * as the race is normal. With latency the cancel acts when it reaches the exchange: an order that
   * fills before then is filled.
   */
  cancel(symbol: string, clientId: string): void {
    const book = this.book(symbol);
    const order = book.orders.find((o) => o.request.clientId === clientId);
    if (order) this.requestCancel(book, order, 'cancelled by request');
  }

  cancelAll(symbol: string): void {
    const book = this.book(symbol);
    for (const order of [...book.orders]) this.requestCancel(book, order, 'cancelled by request (cancel all)');
  }

  private requestCancel(book: SymbolBook, order: SimOrder, reason: string): void {
    const now = this.clock.now();
    if (this.latencyMs === 0) return this.finish(book, order, now, reason);
    const at = now + this.latencyMs;
    if (order.cancelAt !== undefined && order.cancelAt <= at) return;
    order.cancelAt = at;
    order.cancelReason = reason;
  }

  /**
   * Bybit trading-stop. Full mode (default) sets (price) or clears (0) the position's stop-loss,
   * take-profit and trailing stop (a distance in price, trailing the best price since it was set,
   * starting from the last price); an omitted field stays as it was. Partial mode adds a take-profit
   * and/or stop-loss closing `tpSize` / `slSize` of the position. Throws InputError when there is no
   * position or a value is one Bybit would refuse, since there is no event for a refused trading stop.
   */
  setTradingStop(symbol: string, stop: TradingStop): void {
    const book = this.book(symbol);
    applyTradingStop(book, stop, () => this.nextId(`${symbol}-tpsl`), this.lastPrice(book) ?? book.position.entryPrice);
    this.emitPosition(book, this.clock.now(), 0);
  }

  /** Leverage for the symbol's margin from now on (an open position's margin and liquidation price follow it). */
  setLeverage(symbol: string, leverage: number): void {
    this.changeLeverage(this.book(symbol), leverage);
  }

  /**
   * At most `fraction` (0 < fraction <= 1) of each candle's volume fills per order from now on, on top
   * of the slippage model: a limit order fills over several candles, a market order's rest is cancelled.
   * undefined switches the cap off. For tests and fault injection; a backtest sets its model up front.
   */
  setParticipationCap(fraction: number | undefined): void {
    if (fraction !== undefined && !(typeof fraction === 'number' && fraction > 0 && fraction <= 1)) {
      throw new InputError(`participation cap must be a fraction of candle volume in (0, 1] or undefined, got ${describeValue(fraction)}`);
    }
    this.participationCap = fraction;
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

/** A post-only limit crosses when it would trade against the last price at once. */
function crosses(request: OrderRequest, last: number | undefined): boolean {
  if (request.type !== 'limit' || request.price === undefined || last === undefined) return false;
  return request.side === 'buy' ? request.price >= last : request.price <= last;
}
