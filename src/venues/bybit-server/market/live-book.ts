// The local exchange's order book of one symbol, kept from candle to candle: each replay step walks it along the candle's path in a few small messages, so the streams send deltas of a few levels and REST reads the same state.
import type { Random } from '../../../core/random.js';
import type { Market } from '../replay/market.js';
import { randomFor } from '../synthetic.js';
import { DepthDiff, type LevelChanges } from './book-diff.js';
import { touchStops } from './book-path.js';
import { BookSide } from './book-side.js';
import { drawLevels, gapTicks, levelSize, minLotsOf, sizingFor, type Sizing } from './synthetic-book.js';

/** Levels a side holds (the deepest REST answer); the far edge is refilled below it and trimmed above it plus SLACK, in batches. */
export const HELD_LEVELS = 1000;
const REFILL = 32;
const SLACK = 64;
/** Size changes per message besides the moving touch: the touch itself, then up to CHURN_EXTRA more, most within a few levels of it. */
const CHURN_EXTRA = 6;
const CHURN_DEPTH = 8;
/** Of the changes behind the touch: the share that cancels a level, and the share that adds one in a gap (the rest resize). */
const CANCEL = 0.15;
const ADD = 0.15;

/** One book message as the streams send it: its ids and time, and what changed in the window of each watched depth. */
export interface BookMessage {
  /** Bybit `u`, one up per message. */
  readonly updateId: number;
  /** Bybit `seq`: the same for this state of the book on every depth. */
  readonly seq: number;
  /** Matching-engine time, ms. */
  readonly time: number;
  /** Per watched depth, the levels a client keeping that depth changes. */
  readonly views: ReadonlyMap<number, LevelChanges>;
  /** The best bid and ask after it (what orderbook.1 sends). */
  readonly top: LevelChanges;
}

/**
 * The book is made on first use around the first candle's open and then follows the replay step by
 * step (catchUp): the same seed and candles give the same book whoever asks and when. A step moves
 * the touch through 5–20 messages: levels the touch crosses leave one side and appear on the other,
 * the spread stays one tick, a few sizes near the touch change, and the far edge keeps the depth.
 * Only the last step of a catch-up is recorded as messages, and only while some depth is watched,
 * so an unwatched replay pays for the state alone, and nothing when the book is never read.
 */
export class LiveBook {
  private readonly bids = new BookSide(true);
  private readonly asks = new BookSide(false);
  /** Candles walked; -1 before the book is made. */
  private walked = -1;
  /** The last traded price, ticks. */
  private last = 0;
  private id = 0;
  private at = NaN;
  private readonly depths = new Set<number>();
  private readonly minLots: number;
  private recorded: BookMessage[] = [];
  private diff: DepthDiff | undefined;

  constructor(
    private readonly market: Market,
    private readonly seed: number,
  ) {
    this.minLots = minLotsOf(market);
  }

  /** Records, from the next step on, what a client keeping `depth` levels sees change. */
  watch(depth: number): void {
    this.depths.add(depth);
  }

  /** Bybit `u` of the current state: 1 once made, one up per message; 0 before the data starts. */
  get updateId(): number {
    return this.id;
  }

  get seq(): number {
    return this.id;
  }

  /** Time of the last message, ms; NaN before the data starts. */
  get time(): number {
    return this.at;
  }

  /** The messages of the last step walked, oldest first, when a depth was watched then. */
  get messages(): readonly BookMessage[] {
    return this.recorded;
  }

  /** Walks every candle closed by `now` not walked yet. */
  catchUp(now: number): void {
    if (this.walked < 0) {
      if (this.market.candles[0]!.time > now) return;
      this.make();
    }
    const closed = this.market.closedBy(now);
    if (closed <= this.walked) return;
    this.recorded = [];
    for (let index = this.walked; index < closed; index++) this.step(index, index === closed - 1 && this.depths.size > 0);
    this.walked = closed;
  }

  /** The best `depth` levels a side, best first (call catchUp first). */
  levels(depth: number): LevelChanges {
    return { bids: this.bids.top(depth), asks: this.asks.top(depth) };
  }

  private make(): void {
    const first = this.market.candles[0]!;
    const random = randomFor(this.seed, 'book', this.market.symbol, 'start');
    const sizing = sizingFor(this.market, this.minLots, first.volume);
    this.last = Math.max(1, this.market.rules.price.toSteps(first.open, 'halfUp'));
    const bid = Math.max(1, this.last - (random.next() < 0.5 ? 1 : 0));
    this.bids.extend(drawLevels(this.bids, bid, HELD_LEVELS, 0, random, sizing));
    this.asks.extend(drawLevels(this.asks, bid + 1, HELD_LEVELS, 0, random, sizing));
    this.id = 1;
    this.at = first.time;
    this.walked = 0;
  }

  private step(index: number, record: boolean): void {
    const candle = this.market.candles[index]!;
    const random = randomFor(this.seed, 'book', this.market.symbol, index);
    const sizing = sizingFor(this.market, this.minLots, candle.volume);
    const stops = touchStops(this.market, candle, this.last, random);
    this.diff = record ? new DepthDiff([this.bids, this.asks], [...this.depths]) : undefined;
    for (const stop of stops) {
      this.diff?.begin();
      this.moveTouch(stop.bid, random, sizing);
      this.churn(random, sizing);
      this.keepDepth(this.bids, random, sizing);
      this.keepDepth(this.asks, random, sizing);
      this.id += 1;
      this.at = stop.time;
      if (this.diff !== undefined) this.recorded.push({ updateId: this.id, seq: this.id, time: this.at, views: this.diff.finish(), top: this.levels(1) });
    }
    this.diff = undefined;
    this.last = stops[stops.length - 1]!.last;
  }

  /** Sets a level (size 0 deletes), telling the diff of a recorded message. */
  private put(side: BookSide, price: number, size: number): void {
    const before = side.set(price, size);
    this.diff?.touch(side, price, before);
  }

  /**
   * Moves the best bid to `bid` and the best ask to one tick above: the levels crossed on the way are
   * taken from the side they were on and new ones, a tick or two apart, rest on the other.
   */
  private moveTouch(bid: number, random: Random, sizing: Sizing): void {
    const oldBid = this.bids.priceAt(0) ?? bid;
    const oldAsk = this.asks.priceAt(0) ?? bid + 1;
    if (bid > oldBid) {
      for (let price = this.asks.priceAt(0); price !== undefined && price <= bid; price = this.asks.priceAt(0)) this.put(this.asks, price, 0);
      for (let price = bid, rank = 0; price > oldBid; price -= gapTicks(random), rank++) this.put(this.bids, price, levelSize(random, sizing, rank));
    } else if (bid < oldBid) {
      for (let price = this.bids.priceAt(0); price !== undefined && price > bid; price = this.bids.priceAt(0)) this.put(this.bids, price, 0);
      for (let price = bid + 1, rank = 0; price < oldAsk; price += gapTicks(random), rank++) this.put(this.asks, price, levelSize(random, sizing, rank));
    }
    if (this.bids.sizeOf(bid) === 0) this.put(this.bids, bid, levelSize(random, sizing, 0));
    if (this.asks.sizeOf(bid + 1) === 0) this.put(this.asks, bid + 1, levelSize(random, sizing, 0));
  }

  /** Orders placed, resized and cancelled: always the size at the touch of one side, then a few more mostly near it (never the touch cancelled: the spread stays one tick). */
  private churn(random: Random, sizing: Sizing): void {
    const count = 1 + Math.floor(random.next() * (CHURN_EXTRA + 1));
    for (let c = 0; c < count; c++) {
      const side = random.next() < 0.5 ? this.bids : this.asks;
      const rank = c === 0 ? 0 : Math.min(side.length - 1, Math.floor(-Math.log(1 - random.next()) * CHURN_DEPTH));
      const price = side.priceAt(rank)!;
      const roll = c === 0 ? 1 : random.next();
      if (roll < CANCEL && rank > 0) {
        this.put(side, price, 0);
        continue;
      }
      const gap = side.deeper(price, 1);
      if (roll < CANCEL + ADD && gap > 0 && side.sizeOf(gap) === 0) {
        this.put(side, gap, levelSize(random, sizing, rank + 1));
        continue;
      }
      const size = levelSize(random, sizing, rank);
      this.put(side, price, size === side.sizeAt(rank) ? size + 1 : size);
    }
  }

  /** Refills the far edge when the side ran short of HELD_LEVELS, trims it when it grew past HELD_LEVELS + SLACK. */
  private keepDepth(side: BookSide, random: Random, sizing: Sizing): void {
    if (side.length < HELD_LEVELS) {
      const worst = side.priceAt(side.length - 1);
      if (worst === undefined) return;
      const levels = drawLevels(side, side.deeper(worst, gapTicks(random)), HELD_LEVELS + REFILL - side.length, side.length, random, sizing);
      for (const [price] of levels) this.diff?.touch(side, price, 0);
      side.extend(levels);
    } else if (side.length > HELD_LEVELS + SLACK) {
      for (const [price, size] of side.trim(HELD_LEVELS)) this.diff?.touch(side, price, size);
    }
  }
}
