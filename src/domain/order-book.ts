// A local L2 order book kept in step with Bybit V5 orderbook snapshots and deltas, and the queries features ask of it.
import { BookLevels, type PriceLevel } from './book-levels.js';

export type { PriceLevel } from './book-levels.js';

export type BookSide = 'bid' | 'ask';

/** What a snapshot and a delta share: the changed (or, for a snapshot, all) levels and the sequence fields. */
export interface BookUpdate {
  /** Levels as [price, size]; in a delta size 0 means "delete this price". */
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
  /** Bybit `u`: each delta is the previous `u` + 1; `u` = 1 means the service restarted. */
  readonly updateId: number;
  /** Bybit `seq` (cross sequence, comparable across depths); NaN when the source has none. */
  readonly seq: number;
  /** Bybit `ts`: when the system produced the message, ms UTC. */
  readonly time: number;
  /** Bybit `cts`: matching-engine time, ms UTC, comparable with trade times; absent in older payloads. */
  readonly matchTime?: number;
}

/** A full book: replaces whatever the local book held. */
export interface BookSnapshot extends BookUpdate {
  readonly kind: 'snapshot';
  readonly symbol: string;
}

/** The levels that changed since the previous message. */
export interface BookDelta extends BookUpdate {
  readonly kind: 'delta';
  readonly symbol: string;
}

export type BookMessage = BookSnapshot | BookDelta;

/**
 * What applying a delta did. `gap` and `noSnapshot` leave the book untouched: the feed should
 * resubscribe to get a fresh snapshot. `reset` marks a delta with `u` = 1 that replaced the book.
 */
export type ApplyResult =
  | { readonly status: 'ok'; readonly reset?: true }
  | { readonly status: 'gap'; readonly expected: number; readonly got: number }
  | { readonly status: 'noSnapshot' };

const OK: ApplyResult = Object.freeze({ status: 'ok' });
const RESET: ApplyResult = Object.freeze({ status: 'ok', reset: true });
const NO_SNAPSHOT: ApplyResult = Object.freeze({ status: 'noSnapshot' });

export interface OrderBookOptions {
  /** Keep at most this many levels a side (the subscribed depth); unlimited when absent. */
  readonly depth?: number;
}

export class OrderBook {
  private readonly bids = new BookLevels(true);
  private readonly asks = new BookLevels(false);
  private readonly depthLimit: number;
  private hasBook = false;
  private lastUpdateId = NaN;
  private lastSeq = NaN;
  private lastTime = NaN;
  private lastMatchTime = NaN;

  constructor(options: OrderBookOptions = {}) {
    const depth = options.depth ?? Infinity;
    if (!(depth >= 1)) throw new RangeError(`OrderBook depth must be >= 1, got ${depth}`);
    this.depthLimit = depth;
  }

  /** True once a snapshot has been applied (and the book not cleared since). */
  get hasSnapshot(): boolean {
    return this.hasBook;
  }
  /** `u` of the last applied message; NaN before the first snapshot. */
  get updateId(): number {
    return this.lastUpdateId;
  }
  /** `seq` of the last applied message; NaN before the first snapshot. */
  get seq(): number {
    return this.lastSeq;
  }
  /** `ts` of the last applied message, ms; NaN before the first snapshot. */
  get time(): number {
    return this.lastTime;
  }
  /** `cts` of the last applied message, ms; NaN when absent. */
  get matchTime(): number {
    return this.lastMatchTime;
  }

  /** Replaces the whole book. */
  applySnapshot(snapshot: BookUpdate): void {
    this.bids.replace(snapshot.bids);
    this.asks.replace(snapshot.asks);
    this.truncate();
    this.hasBook = true;
    this.stamp(snapshot);
  }

  /** Applies a delta if it follows the last message without a gap; see ApplyResult. */
  applyDelta(delta: BookUpdate): ApplyResult {
    if (delta.updateId === 1) {
      // Bybit restarted its service: this "delta" carries the whole book.
      this.applySnapshot(delta);
      return RESET;
    }
    if (!this.hasBook) return NO_SNAPSHOT;
    const expected = this.lastUpdateId + 1;
    if (delta.updateId !== expected) return { status: 'gap', expected, got: delta.updateId };
    for (const [price, size] of delta.bids) this.bids.set(price, size);
    for (const [price, size] of delta.asks) this.asks.set(price, size);
    this.truncate();
    this.stamp(delta);
    return OK;
  }

  /** Applies a parsed message of either kind. */
  apply(message: BookMessage): ApplyResult {
    if (message.kind === 'snapshot') {
      this.applySnapshot(message);
      return RESET;
    }
    return this.applyDelta(message);
  }

  /** Forgets the book, e.g. after a gap while waiting for the resubscribe snapshot. */
  clear(): void {
    this.bids.clear();
    this.asks.clear();
    this.hasBook = false;
    this.lastUpdateId = NaN;
    this.lastSeq = NaN;
    this.lastTime = NaN;
    this.lastMatchTime = NaN;
  }

  bestBid(): number | undefined {
    return this.bids.priceAt(0);
  }
  bestAsk(): number | undefined {
    return this.asks.priceAt(0);
  }

  /** Midpoint of best bid and ask; undefined when either side is empty. */
  mid(): number | undefined {
    const bid = this.bids.priceAt(0);
    const ask = this.asks.priceAt(0);
    return bid === undefined || ask === undefined ? undefined : (bid + ask) / 2;
  }

  /** Best ask minus best bid (negative when crossed); undefined when either side is empty. */
  spread(): number | undefined {
    const bid = this.bids.priceAt(0);
    const ask = this.asks.priceAt(0);
    return bid === undefined || ask === undefined ? undefined : ask - bid;
  }

  /** Number of levels on a side. */
  levelCount(side: BookSide): number {
    return this.sideOf(side).length;
  }

  /** The best `n` levels of a side, best first, as fresh [price, size] tuples. */
  levels(side: BookSide, n = Infinity): PriceLevel[] {
    return this.sideOf(side).top(n);
  }

  /** Size resting at exactly `price` on a side, 0 when there is no level. */
  sizeAt(side: BookSide, price: number): number {
    return this.sideOf(side).sizeOf(price);
  }

  /** Total size over the best `n` levels of a side. */
  depth(side: BookSide, n: number): number {
    return this.sideOf(side).sizeOfTop(n);
  }

  /**
   * Total size on a side within `bps` basis points of the mid (bids down to mid·(1 − bps/10⁴),
   * asks up to mid·(1 + bps/10⁴)); 0 when there is no mid.
   */
  depthWithinBps(side: BookSide, bps: number): number {
    const mid = this.mid();
    if (mid === undefined) return 0;
    const reach = (mid * bps) / 10_000;
    const limit = side === 'bid' ? mid - reach : mid + reach;
    return this.sideOf(side).sizeUpTo(limit);
  }

  /**
   * True when best bid >= best ask (crossed or locked). A venue's own book never shows either,
   * so it means the local copy missed or misapplied an update.
   */
  isCrossed(): boolean {
    const bid = this.bids.priceAt(0);
    const ask = this.asks.priceAt(0);
    return bid !== undefined && ask !== undefined && bid >= ask;
  }

  private sideOf(side: BookSide): BookLevels {
    return side === 'bid' ? this.bids : this.asks;
  }

  private truncate(): void {
    if (this.depthLimit === Infinity) return;
    this.bids.truncate(this.depthLimit);
    this.asks.truncate(this.depthLimit);
  }

  private stamp(update: BookUpdate): void {
    this.lastUpdateId = update.updateId;
    this.lastSeq = update.seq;
    this.lastTime = update.time;
    this.lastMatchTime = update.matchTime ?? NaN;
  }
}
