// The matching engine proper: what one candle does to the orders, stops and position of one symbol, in path order.
import type { Candle } from '../../domain/candle.js';
import { slip } from './costs.js';
import { candlePath, detailPath, type Ohlc } from './intrabar.js';
import { initialMargin, liquidationPrice } from './margin.js';
import { firstHit, isEarlier, pathAfter, peakAfter, trailingHit, type PathHit, type PathTrigger } from './path-walk.js';
import { SimAccount, snapshot, type FillCause, type SimOrder, type SymbolBook } from './sim-account.js';

/** The fields of a candle the matcher reads. */
export type SimCandle = Pick<Candle, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

type Tag =
  | { readonly kind: 'order'; readonly order: SimOrder }
  | { readonly kind: 'stopLoss' | 'takeProfit' | 'trailingStop' }
  | { readonly kind: 'liquidation'; readonly price: number };

export class SimMatcher extends SimAccount {
  /**
   * Runs one closed candle of `symbol`: market orders fill at its open; then resting limits, conditional
   * orders, the position's stop-loss and take-profit, and liquidation fire in the order the intrabar
   * path (or the finer `detail` candles) reaches them. Every fill time is the candle's open time.
   */
  processCandle(symbol: string, candle: SimCandle, detail?: readonly Ohlc[]): void {
    const book = this.book(symbol);
    const time = candle.time;
    // Nothing resting and nothing held: no path to walk (most candles of most strategies).
    if (book.orders.length === 0 && book.position.size === 0) {
      book.lastClose = candle.close;
      return;
    }
    for (const order of [...book.orders]) {
      if (order.request.type === 'market' && order.request.trigger === undefined && book.orders.includes(order)) {
        this.fillTaker(book, order, candle.open, candle, time);
      }
    }
    let path: number[] = detail !== undefined && detail.length > 0 ? detailPath(detail) : candlePath(candle);
    // Each hit consumes an order, a stop or the position, so the walk ends; the guard only catches a bug.
    for (let guard = 0; guard < 100_000; guard++) {
      const trail = this.trailing(book, path);
      const found = firstHit(path, this.triggers(book, time));
      const hit = trail && isEarlier(trail, found) ? trail : found;
      if (!hit) break;
      this.advanceTrail(book, [...path.slice(0, hit.step), hit.price]);
      this.onHit(book, hit, candle, time);
      path = pathAfter(path, hit);
    }
    this.advanceTrail(book, path);
    for (const order of [...book.orders]) {
      const tif = order.request.timeInForce;
      if ((tif === 'IOC' || tif === 'FOK') && order.status !== 'Untriggered') {
        this.finish(book, order, time, `${tif}: unfilled quantity cancelled at the end of the candle`);
      }
    }
    for (const order of book.orders) order.fresh = false;
    book.lastClose = candle.close;
  }

  private triggers(book: SymbolBook, time: number): PathTrigger<Tag>[] {
    const list: PathTrigger<Tag>[] = [];
    for (const order of book.orders) {
      const { trigger, type, side, price } = order.request;
      if (order.capped === time) continue;
      if (trigger !== undefined && order.status === 'Untriggered') {
        list.push({ price: trigger.price, direction: trigger.direction, strict: false, tag: { kind: 'order', order } });
      } else if (type === 'limit' && price !== undefined) {
        list.push({ price, direction: side === 'buy' ? 'fall' : 'rise', strict: true, tag: { kind: 'order', order } });
      }
    }
    const size = book.position.size;
    if (size === 0) return list;
    const long = size > 0;
    if (book.stopLoss !== undefined) list.push({ price: book.stopLoss, direction: long ? 'fall' : 'rise', strict: false, tag: { kind: 'stopLoss' } });
    if (book.takeProfit !== undefined) list.push({ price: book.takeProfit, direction: long ? 'rise' : 'fall', strict: false, tag: { kind: 'takeProfit' } });
    const liq = liquidationPrice(book.position, this.terms(book));
    if (liq > 0) {
      // Rounded onto the tick grid toward the entry, so it never fires later than the exact level.
      const price = book.rules.roundPrice(liq, long ? 'up' : 'down');
      list.push({ price, direction: long ? 'fall' : 'rise', strict: false, tag: { kind: 'liquidation', price } });
    }
    return list;
  }

  private trailing(book: SymbolBook, path: readonly number[]): PathHit<Tag> | undefined {
    const { trailingStop, trailPeak } = book;
    if (trailingStop === undefined || trailPeak === undefined || book.position.size === 0) return undefined;
    const long = book.position.size > 0;
    const level = (stop: number): number => book.rules.roundPrice(Math.max(stop, 0), long ? 'down' : 'up');
    return trailingHit<Tag>(path, long, trailingStop, trailPeak, level, { kind: 'trailingStop' });
  }

  /** Moves the trailing stop's best price over the path walked so far. */
  private advanceTrail(book: SymbolBook, walked: readonly number[]): void {
    if (book.trailPeak === undefined || book.position.size === 0) return;
    book.trailPeak = peakAfter(book.position.size > 0, book.trailPeak, walked);
  }

  private onHit(book: SymbolBook, hit: PathHit<Tag>, candle: SimCandle, time: number): void {
    const tag = hit.tag;
    if (tag.kind === 'liquidation') return this.liquidate(book, tag.price, time);
    if (tag.kind !== 'order') return this.closeByTrigger(book, tag.kind, hit.price, candle, time);
    const order = tag.order;
    const request = order.request;
    if (request.trigger !== undefined && order.status === 'Untriggered') {
      order.status = 'Triggered';
      order.fresh = true;
      order.updatedTime = time;
      this.emit({ type: 'orderTriggered', time, order: snapshot(order) });
      // A stop-market fills now; a stop-limit rests as a limit and the walk meets it from here on.
      if (request.type === 'market') this.fillTaker(book, order, hit.price, candle, time);
      return;
    }
    const taking = hit.atStart && order.fresh;
    if (taking && request.timeInForce === 'PostOnly') {
      return this.finish(book, order, time, 'EC_PostOnlyWillTakeLiquidity: a post-only order would have taken liquidity');
    }
    this.fillLimit(book, order, hit.price, !taking, candle, time);
  }

  /** What is left to fill; a reduce-only order is trimmed to the position, or cancelled when it has none to reduce. */
  private fillable(book: SymbolBook, order: SimOrder, time: number): number | undefined {
    const request = order.request;
    let qty = book.rules.roundQty(request.qty - order.filledQty, 'halfUp');
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

  /** A taker fill at `price` plus slippage, rounded against the taker; the unfilled rest is cancelled. */
  private fillTaker(book: SymbolBook, order: SimOrder, price: number, candle: SimCandle, time: number): void {
    const want = this.fillable(book, order, time);
    if (want === undefined) return;
    const side = order.request.side;
    const slipped = slip(this.slippage, side, want, { price, high: candle.high, low: candle.low, volume: candle.volume });
    const qty = book.rules.roundQty(Math.min(want, slipped.qty), 'down');
    if (order.request.timeInForce === 'FOK' && qty < want) {
      return this.finish(book, order, time, 'FOK: the whole quantity could not fill');
    }
    if (qty > 0) this.execute(book, order, qty, book.rules.roundPrice(slipped.price, side === 'buy' ? 'up' : 'down'), false, 'order', time);
    if (book.orders.includes(order)) this.finish(book, order, time, 'unfilled quantity of a market order cancelled');
  }

  /** A limit fill at `price` (its limit, or better on a gap), capped by volume participation when that model is on. */
  private fillLimit(book: SymbolBook, order: SimOrder, price: number, maker: boolean, candle: SimCandle, time: number): void {
    const want = this.fillable(book, order, time);
    if (want === undefined) return;
    const model = this.slippage;
    const qty = model.kind === 'participation' ? book.rules.roundQty(Math.min(want, model.maxParticipation * candle.volume), 'down') : want;
    if (order.request.timeInForce === 'FOK' && qty < want) {
      return this.finish(book, order, time, 'FOK: the whole quantity could not fill');
    }
    if (qty > 0) this.execute(book, order, qty, price, maker, 'order', time);
    // The candle's volume is used up: what is left waits for the next candle.
    if (book.orders.includes(order)) order.capped = time;
  }

  /** The position's stop-loss or take-profit: a reduce-only market close of the whole position (tpslMode Full). */
  private closeByTrigger(book: SymbolBook, cause: FillCause, price: number, candle: SimCandle, time: number): void {
    const order = this.systemOrder(book, cause, time);
    const side = order.request.side;
    const slipped = slip(this.slippage, side, order.request.qty, { price, high: candle.high, low: candle.low, volume: candle.volume });
    this.execute(book, order, order.request.qty, book.rules.roundPrice(slipped.price, side === 'buy' ? 'up' : 'down'), false, cause, time);
  }

  /** Closes the whole position at `price` (the end of a backtest): a taker fill without slippage, cause endOfData. */
  closePosition(symbol: string, price: number, time: number): void {
    const book = this.book(symbol);
    if (book.position.size === 0) return;
    const order = this.systemOrder(book, 'endOfData', time);
    this.execute(book, order, order.request.qty, price, false, 'endOfData', time);
  }

  /**
   * Isolated liquidation: the position closes at the liquidation price and the whole initial margin is
   * lost: the part the price move does not take is charged as the fill's fee (Bybit's insurance fund keeps it).
   */
  private liquidate(book: SymbolBook, price: number, time: number): void {
    const position = book.position;
    const qty = Math.abs(position.size);
    const margin = initialMargin(position, this.terms(book));
    const moveLoss = (position.size > 0 ? position.entryPrice - price : price - position.entryPrice) * qty;
    this.emit({ type: 'liquidated', time, symbol: book.rules.instrument.symbol, price, qty });
    this.execute(book, this.systemOrder(book, 'liquidation', time), qty, price, false, 'liquidation', time, Math.max(0, margin - moveLoss));
  }

  private systemOrder(book: SymbolBook, cause: FillCause, time: number): SimOrder {
    const symbol = book.rules.instrument.symbol;
    const size = book.position.size;
    return {
      request: { clientId: this.nextId(`${symbol}-${cause}`), symbol, side: size > 0 ? 'sell' : 'buy', type: 'market', qty: Math.abs(size), reduceOnly: true, timeInForce: 'IOC' },
      orderId: this.nextId('sim'),
      status: 'Triggered',
      filledQty: 0,
      avgFillPrice: NaN,
      createdTime: time,
      updatedTime: time,
      fresh: true,
    };
  }
}
