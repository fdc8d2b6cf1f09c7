// The matching engine proper: what one candle does to the orders, stops and position of one symbol, in the order its path reaches them.
import { describeValue, InputError } from '../../core/errors.js';
import type { PartialStop, TriggerBy } from '../../domain/order.js';
import type { SimCandle } from '../../ports/simulated-venue.js';
import { arrivalPoint, CandleWalk } from './candle-walk.js';
import { candlePath, pathOf } from './intrabar.js';
import { partialDirection, withoutPair } from './partial-stops.js';
import type { Crossing, Cursor } from './path-walk.js';
import { emptyRange, mayAct, measureRange, peakAfterRange } from './reachability.js';
import { snapshot, type SimOrder, type SymbolBook } from './sim-book.js';
import { SimFills } from './sim-fills.js';

export type { SimCandle } from '../../ports/simulated-venue.js';

type Tag =
  | { readonly kind: 'order' | 'cancel'; readonly order: SimOrder }
  | { readonly kind: 'stopLoss' | 'takeProfit' | 'trailingStop' }
  | { readonly kind: 'partial'; readonly stop: PartialStop }
  | { readonly kind: 'liquidation'; readonly price: number };

/** What fires first at one moment: market orders, other orders, cancels, then the position's stops, liquidation last. */
const RANK = { market: 0, order: 1, cancel: 2, stopLoss: 3, partial: 4, takeProfit: 5, liquidation: 6, trailingStop: 7 } as const;

interface Hit {
  readonly tag: Tag;
  readonly source: TriggerBy;
  readonly at: Crossing;
  readonly rank: number;
}

/** The earlier of two hits: by time on the candle's axis, then by rank, then the one found first. */
function earlier(hit: Hit, best: Hit | undefined): boolean {
  return best === undefined || hit.at.time < best.at.time || (hit.at.time === best.at.time && hit.rank < best.rank);
}

export class SimMatcher extends SimFills {
  private readonly range = emptyRange();
  /** The walk under way, if any: commands sent from event handlers during it see its price. */
  private walking: { readonly book: SymbolBook; readonly walk: CandleWalk } | undefined;

  /** The last price of `symbol` now: where a candle's walk stands while it runs, else the last close. */
  protected lastPrice(book: SymbolBook): number | undefined {
    return this.walking?.book === book ? this.walking.walk.here.price : book.lastClose;
  }

  /**
   * Runs one closed candle of `symbol`: orders, conditional orders, the position's stops (Full, partial,
   * trailing) and liquidation act in the order the intrabar path (or the finer `detail` candles)
   * reaches them; triggers by mark price and liquidation follow the `mark` candle's path, or the last
   * price when there is none. Every event is stamped with the candle's open time. Keeps no reference
   * to `candle`, `detail` or `mark`.
   */
  processCandle(symbol: string, candle: SimCandle, detail?: readonly SimCandle[], mark?: SimCandle): void {
    const book = this.book(symbol);
    if (mark !== undefined && mark.time !== candle.time) {
      throw new InputError(`processCandle ${symbol}: the mark candle opens at ${describeValue(mark.time)}, the candle at ${candle.time}`);
    }
    noteCandleTime(book, candle.time);
    if (book.orders.length > 0) this.fillMarketsAtOpen(book, candle);
    // Nothing resting and nothing held: no path to walk (most candles of most strategies).
    if (book.orders.length === 0 && book.position.size === 0) {
      book.lastClose = candle.close;
      return;
    }
    const end = candle.time + book.candleMs;
    const range = this.range;
    measureRange(range, candle, detail, mark);
    range.end = end;
    if (mayAct(book, range)) {
      this.walk(book, candle, detail !== undefined && detail.length > 0 ? detail : undefined, mark, end);
    } else if (book.trailPeak !== undefined && book.position.size !== 0) {
      book.trailPeak = peakAfterRange(range, book.position.size > 0, book.trailPeak);
    }
    for (let i = 0; i < book.orders.length; i++) {
      const order = book.orders[i]!;
      if (order.liveAt < end) order.fresh = false;
    }
    book.lastClose = candle.close;
  }

  /**
   * Market orders already live at the open fill there first, as the walk ranks them (before anything
   * else at the same moment); done here, it spares the walk on the many candles where nothing else can
   * act. The last price is the open while they fill, as it is at the start of a walk.
   */
  private fillMarketsAtOpen(book: SymbolBook, candle: SimCandle): void {
    // Each fill removes its order (filled, or the rest cancelled), so the loop ends; the guard only catches a bug.
    for (let guard = 0; guard < 10_000; guard++) {
      const order = marketLiveAt(book.orders, candle.time);
      if (order === undefined) return;
      book.lastClose = candle.open;
      this.fillTaker(book, order, candle.open, candle, candle.time);
      if (book.orders.includes(order)) return;
    }
  }

  private walk(book: SymbolBook, candle: SimCandle, detail: readonly SimCandle[] | undefined, mark: SimCandle | undefined, end: number): void {
    const time = candle.time;
    const walk = new CandleWalk(pathOf(candle, detail), mark === undefined ? undefined : candlePath(mark), (price) => book.rules.roundPrice(price, 'halfUp'));
    const arrival = (at: number): number | undefined => arrivalPoint(at, time, end, detail);
    const outer = this.walking;
    this.walking = { book, walk };
    try {
      // Each hit consumes an order, a cancel, a stop or the position, so the walk ends; the guard only catches a bug.
      for (let guard = 0; guard < 100_000; guard++) {
        const hit = this.nextHit(book, walk, arrival, time);
        if (!hit) break;
        const before = walk.here;
        walk.moveTo(hit.source, hit.at);
        this.advanceTrail(book, walk, before, false);
        this.onHit(book, hit, walk, candle, time);
      }
    } finally {
      this.walking = outer;
    }
    this.advanceTrail(book, walk, walk.here, true);
    const expired = book.orders.filter((o) => (o.request.timeInForce === 'IOC' || o.request.timeInForce === 'FOK') && o.status !== 'Untriggered' && o.liveAt < end);
    for (const order of expired) {
      if (book.orders.includes(order)) this.finish(book, order, time, `${order.request.timeInForce}: unfilled quantity cancelled at the end of the candle`);
    }
  }

  /** The first thing the walk reaches from where it stands, or undefined when nothing more happens in this candle. */
  private nextHit(book: SymbolBook, walk: CandleWalk, arrival: (at: number) => number | undefined, time: number): Hit | undefined {
    let best: Hit | undefined;
    const consider = (tag: Tag, source: TriggerBy, at: Crossing | undefined, rank: number): void => {
      if (at === undefined) return;
      const hit: Hit = { tag, source, at, rank };
      if (earlier(hit, best)) best = hit;
    };
    for (const order of book.orders) {
      const live = arrival(order.liveAt);
      if (live === undefined) continue;
      const cancel = order.cancelAt === undefined ? undefined : arrival(order.cancelAt);
      if (cancel !== undefined) consider({ kind: 'cancel', order }, 'last', walk.arrival(cancel), RANK.cancel);
      if (order.capped === time) continue;
      const { trigger, type, side } = order.request;
      const tag: Tag = { kind: 'order', order };
      if (trigger !== undefined && order.status === 'Untriggered') {
        consider(tag, trigger.by, walk.find(trigger.by, { price: trigger.price, direction: trigger.direction, strict: false }, live), RANK.order);
      } else if (type === 'market') {
        consider(tag, 'last', walk.arrival(live), RANK.market);
      } else if (order.fillLevel !== undefined) {
        const level = { price: order.fillLevel, direction: side === 'buy' ? 'fall' : 'rise', strict: this.limitFill.strict } as const;
        consider(tag, 'last', walk.find('last', level, live), RANK.order);
      }
    }
    const size = book.position.size;
    if (size === 0) return best;
    const long = size > 0;
    const adverse = long ? 'fall' : 'rise';
    const favourable = long ? 'rise' : 'fall';
    if (book.stopLoss !== undefined) {
      consider({ kind: 'stopLoss' }, book.stopLossBy, walk.find(book.stopLossBy, { price: book.stopLoss, direction: adverse, strict: false }), RANK.stopLoss);
    }
    for (const stop of book.partialStops) {
      consider({ kind: 'partial', stop }, stop.triggerBy, walk.find(stop.triggerBy, { price: stop.price, direction: partialDirection(stop, long), strict: false }), RANK.partial);
    }
    if (book.takeProfit !== undefined) {
      consider({ kind: 'takeProfit' }, book.takeProfitBy, walk.find(book.takeProfitBy, { price: book.takeProfit, direction: favourable, strict: false }), RANK.takeProfit);
    }
    const liquidation = book.liquidationTrigger;
    if (!Number.isNaN(liquidation)) {
      // Bybit liquidates by mark price.
      consider({ kind: 'liquidation', price: liquidation }, 'mark', walk.find('mark', { price: liquidation, direction: adverse, strict: false }), RANK.liquidation);
    }
    if (book.trailingStop !== undefined && book.trailPeak !== undefined) {
      const level = (stop: number): number => book.rules.roundPrice(Math.max(stop, 0), long ? 'down' : 'up');
      consider({ kind: 'trailingStop' }, 'last', walk.trailing(long, book.trailingStop, book.trailPeak, level), RANK.trailingStop);
    }
    return best;
  }

  /** Moves the trailing stop's best price over the last prices walked from `from` (to here, or to the end of the candle). */
  private advanceTrail(book: SymbolBook, walk: CandleWalk, from: Cursor, toEnd: boolean): void {
    if (book.trailPeak === undefined || book.position.size === 0) return;
    book.trailPeak = walk.peak(from, book.position.size > 0, book.trailPeak, toEnd);
  }

  private onHit(book: SymbolBook, hit: Hit, walk: CandleWalk, candle: SimCandle, time: number): void {
    // The last price where the walk now stands: whatever a mark price triggers executes at it.
    const price = walk.here.price;
    const tag = hit.tag;
    switch (tag.kind) {
      case 'liquidation':
        return this.liquidate(book, tag.price, time);
      case 'stopLoss':
      case 'takeProfit':
      case 'trailingStop':
        return this.closeByTrigger(book, tag.kind, price, Math.abs(book.position.size), candle, time);
      case 'partial':
        return this.firePartial(book, tag.stop, price, candle, time);
      case 'cancel':
        return this.finish(book, tag.order, time, tag.order.cancelReason ?? 'cancelled by request');
      case 'order':
        return this.onOrderHit(book, tag.order, hit.at, price, candle, time);
    }
  }

  private onOrderHit(book: SymbolBook, order: SimOrder, at: Crossing, price: number, candle: SimCandle, time: number): void {
    const request = order.request;
    if (request.trigger !== undefined && order.status === 'Untriggered') {
      order.status = 'Triggered';
      order.fresh = true;
      order.updatedTime = time;
      this.emit({ type: 'orderTriggered', time, order: snapshot(order) });
      // A stop-market fills now; a stop-limit rests as a limit and the walk meets it from here on.
      if (request.type === 'market') this.fillTaker(book, order, price, candle, time);
      return;
    }
    if (request.type === 'market') return this.fillTaker(book, order, price, candle, time);
    const taking = at.atStart && order.fresh;
    if (taking && request.timeInForce === 'PostOnly') {
      return this.finish(book, order, time, 'EC_PostOnlyWillTakeLiquidity: a post-only order would have taken liquidity');
    }
    // At its limit price, or at the better price the walk stood at when it was already beyond it.
    this.fillLimit(book, order, at.atStart ? price : request.price!, !taking, candle, time);
  }

  /** A partial stop fires: it and its partner go; it closes its size (at most the position) at market, or places its limit take-profit. */
  private firePartial(book: SymbolBook, stop: PartialStop, price: number, candle: SimCandle, time: number): void {
    book.partialStops = withoutPair(book.partialStops, stop);
    const qty = Math.min(stop.size, Math.abs(book.position.size));
    if (stop.limitPrice === undefined) return this.closeByTrigger(book, stop.kind, price, qty, candle, time, stop.id);
    this.emitPosition(book, time, 0);
    this.placePartialLimit(book, stop, stop.limitPrice, qty, time);
  }
}

/** Learns the candle length of a symbol from the spacing of its candles (the shortest seen, so a gap in the data does not stretch it). */
function noteCandleTime(book: SymbolBook, time: number): void {
  const spacing = time - book.lastCandleTime;
  if (spacing > 0 && spacing < book.candleMs) book.candleMs = spacing;
  book.lastCandleTime = time;
}

/** The first plain market order (no trigger, no cancel on its way) live by `time`. */
function marketLiveAt(orders: readonly SimOrder[], time: number): SimOrder | undefined {
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    if (o.request.type === 'market' && o.request.trigger === undefined && o.cancelAt === undefined && o.liveAt <= time) return o;
  }
  return undefined;
}
