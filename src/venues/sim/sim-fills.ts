// How something the path reached executes: a taker or maker fill of an order, a stop closing the position, a liquidation.
import type { PartialStop } from '../../domain/order.js';
import type { OrderRequest, OrderSide } from '../../domain/order.js';
import type { SimCandle } from '../../ports/simulated-venue.js';
import { slip, type SlippedFill } from './costs.js';
import { initialMargin } from './margin.js';
import { SimAccount } from './sim-account.js';
import { newSimOrder, normalizeRequest, snapshot, type FillCause, type SimOrder, type SymbolBook } from './sim-book.js';

export class SimFills extends SimAccount {
  /**
   * A cap on the share of a candle's volume any order may fill in it, set at run time (a fault a test
   * switches on) and applied on top of the slippage model; undefined when off.
   */
  protected participationCap: number | undefined;

  /** A taker fill at `price` plus slippage, rounded against the taker; the unfilled rest is cancelled. */
  protected fillTaker(book: SymbolBook, order: SimOrder, price: number, candle: SimCandle, time: number): void {
    const want = this.fillable(book, order, time);
    if (want === undefined) return;
    const side = order.request.side;
    const slipped = this.slipped(side, Math.min(want, this.runtimeCap(candle)), price, candle);
    const qty = slipped.qty >= want ? want : book.rules.roundQty(slipped.qty, 'down');
    if (order.request.timeInForce === 'FOK' && qty < want) {
      return this.finish(book, order, time, 'FOK: the whole quantity could not fill');
    }
    if (qty > 0) this.execute(book, order, qty, takerPrice(book, side, price, slipped), false, order.cause ?? 'order', time);
    if (book.orders.includes(order)) this.finish(book, order, time, 'unfilled quantity of a market order cancelled');
  }

  /** A limit fill at `price` (its limit, or better on a gap), capped by volume participation when that model is on. */
  protected fillLimit(book: SymbolBook, order: SimOrder, price: number, maker: boolean, candle: SimCandle, time: number): void {
    const want = this.fillable(book, order, time);
    if (want === undefined) return;
    const model = this.slippage;
    const cap = Math.min(model.kind === 'participation' ? model.maxParticipation * candle.volume : Infinity, this.runtimeCap(candle));
    const qty = cap >= want ? want : book.rules.roundQty(cap, 'down');
    if (order.request.timeInForce === 'FOK' && qty < want) {
      return this.finish(book, order, time, 'FOK: the whole quantity could not fill');
    }
    if (qty > 0) this.execute(book, order, qty, price, maker, order.cause ?? 'order', time);
    // The candle's volume is used up: what is left waits for the next candle.
    if (book.orders.includes(order)) order.capped = time;
  }

  /** A stop (Full, partial or trailing) closing `qty` of the position at market from `price`; `clientId` names a partial stop's fill. */
  protected closeByTrigger(book: SymbolBook, cause: FillCause, price: number, qty: number, candle: SimCandle, time: number, clientId?: string): void {
    const order = this.systemOrder(book, cause, time, { type: 'market', qty, timeInForce: 'IOC' }, clientId);
    const side = order.request.side;
    this.execute(book, order, qty, takerPrice(book, side, price, this.slipped(side, qty, price, candle)), false, cause, time);
  }

  /**
   * A partial take-profit with a limit price, once triggered: a reduce-only limit order for `qty` that
   * rests (or takes at once when marketable) like any other, its fills marked as take-profit.
   */
  protected placePartialLimit(book: SymbolBook, stop: PartialStop, limitPrice: number, qty: number, time: number): void {
    const order = this.systemOrder(book, stop.kind, time, { type: 'limit', qty, price: limitPrice, timeInForce: 'GTC' }, stop.id);
    book.orders.push(order);
    this.emit({ type: 'orderTriggered', time, order: snapshot(order) });
  }

  /** Closes the whole position at `price` (the end of a backtest): a taker fill without slippage, cause endOfData. */
  closePosition(symbol: string, price: number, time: number): void {
    const book = this.book(symbol);
    const qty = Math.abs(book.position.size);
    if (qty === 0) return;
    this.execute(book, this.systemOrder(book, 'endOfData', time, { type: 'market', qty, timeInForce: 'IOC' }), qty, price, false, 'endOfData', time);
  }

  /**
   * Isolated liquidation: the position closes at the liquidation price and the whole initial margin is
   * lost: the part the price move does not take is charged as the fill's fee (Bybit's insurance fund keeps it).
   */
  protected liquidate(book: SymbolBook, price: number, time: number): void {
    const position = book.position;
    const qty = Math.abs(position.size);
    const margin = initialMargin(position, book.terms);
    const moveLoss = (position.size > 0 ? position.entryPrice - price : price - position.entryPrice) * qty;
    this.emit({ type: 'liquidated', time, symbol: book.symbol, price, qty });
    const order = this.systemOrder(book, 'liquidation', time, { type: 'market', qty, timeInForce: 'IOC' });
    this.execute(book, order, qty, price, false, 'liquidation', time, Math.max(0, margin - moveLoss));
  }

  /** The price level a limit order at `price` needs reached under the venue's limit-fill rule (`throughTicks` beyond it). */
  protected fillLevel(book: SymbolBook, side: OrderSide, price: number): number {
    const ticks = this.limitFill.ticks;
    if (ticks === 0) return price;
    const grid = book.rules.price;
    return grid.toNumber(grid.toSteps(price, 'halfUp') + (side === 'buy' ? -ticks : ticks));
  }

  /** What is left to fill; a reduce-only order is trimmed to the position, or cancelled when it has none to reduce. */
  private fillable(book: SymbolBook, order: SimOrder, time: number): number | undefined {
    const request = order.request;
    let qty = order.filledQty === 0 ? request.qty : book.rules.roundQty(request.qty - order.filledQty, 'halfUp');
    if (request.reduceOnly || request.closeOnTrigger) {
      const size = book.position.size;
      if (!(request.side === 'buy' ? size < 0 : size > 0)) {
        this.finish(book, order, time, 'reduce-only order cancelled: no opposite position to reduce');
        return undefined;
      }
      qty = Math.min(qty, Math.abs(size));
    }
    return qty;
  }

  /** The most the run-time participation cap lets fill in `candle` (Infinity when it is off). */
  private runtimeCap(candle: SimCandle): number {
    return this.participationCap === undefined ? Infinity : this.participationCap * candle.volume;
  }

  private slipped(side: OrderSide, qty: number, price: number, candle: SimCandle): SlippedFill {
    return slip(this.slippage, side, qty, { price, high: candle.high, low: candle.low, volume: candle.volume });
  }

  /** An order the venue makes itself to close (part of) the position: reduce-only, live at once. */
  private systemOrder(
    book: SymbolBook,
    cause: FillCause,
    time: number,
    shape: Pick<OrderRequest, 'type' | 'qty' | 'price' | 'timeInForce'>,
    clientId?: string,
  ): SimOrder {
    const side: OrderSide = book.position.size > 0 ? 'sell' : 'buy';
    const request = normalizeRequest({ clientId: clientId ?? this.nextId(`${book.symbol}-${cause}`), symbol: book.symbol, side, reduceOnly: true, type: shape.type, qty: shape.qty, price: shape.price, timeInForce: shape.timeInForce });
    const fillLevel = shape.price === undefined ? undefined : this.fillLevel(book, side, shape.price);
    return newSimOrder(request, this.nextId('sim'), 'Triggered', time, time, fillLevel, cause);
  }
}

/** A taker's price after slippage, on the tick grid against the taker; no grid arithmetic when slippage moved nothing. */
function takerPrice(book: SymbolBook, side: OrderSide, price: number, slipped: SlippedFill): number {
  return slipped.price === price ? price : book.rules.roundPrice(slipped.price, side === 'buy' ? 'up' : 'down');
}
