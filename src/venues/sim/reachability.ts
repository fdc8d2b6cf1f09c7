// The cheap question asked of every candle before any path is built: can anything of this symbol act within the candle's price range?
import type { TriggerBy } from '../../domain/order.js';
import type { SimCandle } from '../../ports/simulated-venue.js';
import type { SymbolBook } from './sim-book.js';

/**
 * The price range of one candle, by last and by mark price, and the time it ends; one mutable instance
 * is reused for every candle.
 */
export interface PriceRange {
  lastLow: number;
  lastHigh: number;
  markLow: number;
  markHigh: number;
  /**
   * The candle's end time: orders and cancels arriving later are not due yet. A field, not an argument
   * of mayAct: a double passed to a call V8 does not inline is boxed, a heap number per candle.
   */
  end: number;
}

export function emptyRange(): PriceRange {
  return { lastLow: NaN, lastHigh: NaN, markLow: NaN, markHigh: NaN, end: NaN };
}

/** Fills `range` from the candle (or its detail candles, when given) and the mark candle (the last price when absent), allocating nothing. */
export function measureRange(range: PriceRange, candle: SimCandle, detail: readonly SimCandle[] | undefined, mark: SimCandle | undefined): void {
  let low = candle.low;
  let high = candle.high;
  if (detail !== undefined) {
    for (let i = 0; i < detail.length; i++) {
      const d = detail[i]!;
      if (d.low < low) low = d.low;
      if (d.high > high) high = d.high;
    }
  }
  range.lastLow = low;
  range.lastHigh = high;
  range.markLow = mark === undefined ? low : mark.low;
  range.markHigh = mark === undefined ? high : mark.high;
}

function reaches(range: PriceRange, by: TriggerBy, price: number, direction: 'rise' | 'fall'): boolean {
  if (direction === 'rise') return (by === 'mark' ? range.markHigh : range.lastHigh) >= price;
  return (by === 'mark' ? range.markLow : range.lastLow) <= price;
}

/**
 * False only when nothing can happen in the candle but the last price moving: no order arrives, fills,
 * triggers, expires or is cancelled, and no stop, partial stop, trailing stop or liquidation level lies
 * within reach. Errs toward true (a touch counts, whatever the limit-fill rule): a false true only costs
 * a walk of the path.
 */
export function mayAct(book: SymbolBook, range: PriceRange): boolean {
  const end = range.end;
  const orders = book.orders;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    if (order.cancelAt !== undefined && order.cancelAt < end) return true;
    if (order.liveAt >= end) continue;
    const request = order.request;
    if (order.status === 'Untriggered' && request.trigger !== undefined) {
      if (reaches(range, request.trigger.by, request.trigger.price, request.trigger.direction)) return true;
      continue;
    }
    // Market orders fill, IOC and FOK orders fill or expire, in any candle they are live in.
    if (request.type === 'market' || request.timeInForce === 'IOC' || request.timeInForce === 'FOK') return true;
    if (order.fillLevel !== undefined && reaches(range, 'last', order.fillLevel, request.side === 'buy' ? 'fall' : 'rise')) return true;
  }
  const size = book.position.size;
  if (size === 0) return false;
  const long = size > 0;
  const adverse = long ? 'fall' : 'rise';
  const favourable = long ? 'rise' : 'fall';
  if (book.stopLoss !== undefined && reaches(range, book.stopLossBy, book.stopLoss, adverse)) return true;
  if (book.takeProfit !== undefined && reaches(range, book.takeProfitBy, book.takeProfit, favourable)) return true;
  const partials = book.partialStops;
  for (let i = 0; i < partials.length; i++) {
    const stop = partials[i]!;
    if (reaches(range, stop.triggerBy, stop.price, stop.kind === 'stopLoss' ? adverse : favourable)) return true;
  }
  if (!Number.isNaN(book.liquidationTrigger) && reaches(range, 'mark', book.liquidationTrigger, adverse)) return true;
  const distance = book.trailingStop;
  const peak = book.trailPeak;
  if (distance !== undefined && peak !== undefined) {
    // The stop can sit no higher than `distance` below the best price the candle can reach.
    if (long ? range.lastLow <= Math.max(peak, range.lastHigh) - distance : range.lastHigh >= Math.min(peak, range.lastLow) + distance) return true;
  }
  return false;
}

/** The trailing stop's best price after a candle no stop was reached in: its extreme. */
export function peakAfterRange(range: PriceRange, long: boolean, peak: number): number {
  return long ? Math.max(peak, range.lastHigh) : Math.min(peak, range.lastLow);
}
