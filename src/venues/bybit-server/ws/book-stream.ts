// One `orderbook.{depth}.{symbol}` stream (§10.1): the synthetic book as it stands, a snapshot for a new subscriber, and a delta of the changed levels each candle.
import { POINTS_PER_CANDLE } from '../../sim/intrabar.js';
import { levelStrings } from '../market/orderbook.js';
import { syntheticBook, type BookLevel } from '../market/synthetic-book.js';
import type { Market } from '../replay/market.js';

/** The levels that changed, best first; a size of 0 deletes the price. */
interface BookChange {
  readonly bids: BookLevel[];
  readonly asks: BookLevel[];
}

/** Levels as Bybit writes them; a deleted level's size is "0" exactly. */
function wireLevels(market: Market, levels: readonly BookLevel[]): [string, string][] {
  return levelStrings(market, levels).map(([price, size], i) => [price, levels[i]![1] === 0 ? '0' : size]);
}

/** Levels of `after` that are new or resized, and those of `before` that are gone (size 0), in book order. */
function sideChange(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>, descending: boolean): BookLevel[] {
  const changed: BookLevel[] = [];
  for (const [price, size] of after) if (before.get(price) !== size) changed.push([price, size]);
  for (const price of before.keys()) if (!after.has(price)) changed.push([price, 0]);
  return changed.sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]));
}

/**
 * `u` follows the REST book's update id (closed candles + 1), so it moves by one each candle, plus
 * the ids a fault skipped. `seq` is the cross sequence of the candle's last trade print, the same on
 * every depth. The book is redrawn only when a candle closes.
 */
export class BookStream {
  private bids = new Map<number, number>();
  private asks = new Map<number, number>();
  private closed = -1;
  private skipped = 0;

  constructor(
    private readonly name: string,
    private readonly market: Market,
    private readonly depth: number,
    private readonly seed: number,
  ) {}

  /** Level 1 is snapshots only (Bybit); deeper books send deltas. */
  get snapshotsOnly(): boolean {
    return this.depth === 1;
  }

  /** Brings the book to `now`, skipping one `u` when `gap`; the levels that changed, undefined when no candle closed since. */
  update(now: number, gap = false): BookChange | undefined {
    const closed = this.market.closedBy(now);
    if (closed === this.closed) return undefined;
    const book = syntheticBook(this.market, now, this.seed, this.depth);
    const bids = new Map(book.bids);
    const asks = new Map(book.asks);
    const change = { bids: sideChange(this.bids, bids, true), asks: sideChange(this.asks, asks, false) };
    if (gap) this.skipped += 1;
    this.bids = bids;
    this.asks = asks;
    this.closed = closed;
    return change;
  }

  /** The whole book as it stands (call update first). */
  snapshot(now: number): string {
    return this.frame('snapshot', { bids: [...this.bids], asks: [...this.asks] }, now);
  }

  delta(change: BookChange, now: number): string {
    return this.frame('delta', change, now);
  }

  private frame(type: 'snapshot' | 'delta', levels: BookChange, now: number): string {
    const data = {
      s: this.market.symbol,
      b: wireLevels(this.market, levels.bids),
      a: wireLevels(this.market, levels.asks),
      u: this.closed + 1 + this.skipped,
      seq: this.closed * POINTS_PER_CANDLE,
    };
    return JSON.stringify({ topic: this.name, type, ts: now, data, cts: now });
  }
}
