// Replays stored Bybit book messages through the OrderBook the way the live feed would, and reports what happened.
import { OrderBook, type BookMessage } from '../domain/order-book.js';
import { loadBybitOrderbookArchive } from './loaders/bybit-orderbook-archive.js';

export interface BookGap {
  /** Index of the offending message in the replayed sequence. */
  readonly index: number;
  readonly time: number;
  readonly expected: number;
  readonly got: number;
}

export interface CrossedBook {
  readonly index: number;
  readonly time: number;
  readonly bestBid: number;
  readonly bestAsk: number;
}

export interface BookReplayReport {
  /** Symbol of the first message; undefined for an empty replay. */
  readonly symbol: string | undefined;
  readonly messages: number;
  /** Snapshots applied, including deltas with `u` = 1 that reset the book. */
  readonly snapshots: number;
  /** Ordinary deltas applied. */
  readonly deltas: number;
  /** Deltas that broke the `u` + 1 chain; the book is dropped until the next snapshot, as a resubscribe would. */
  readonly gaps: readonly BookGap[];
  /** Deltas with no book to apply to: before the first snapshot or after a gap. */
  readonly skipped: number;
  /** Messages after which the book was crossed or locked. */
  readonly crossed: readonly CrossedBook[];
  /** Messages whose symbol differs from the first one; not applied. */
  readonly otherSymbol: number;
  readonly firstTime: number;
  readonly lastTime: number;
  /** Levels a side right after the first snapshot (0 when none came). */
  readonly levelsAfterFirstSnapshot: { readonly bids: number; readonly asks: number };
  /** The book as the replay left it. */
  readonly book: OrderBook;
}

export interface BookReplayOptions {
  /** Depth limit for the book (the subscribed depth, e.g. 500); unlimited when absent. */
  readonly depth?: number;
  /** Called after every applied message, for features that sample the book as it evolves. */
  readonly onApplied?: (book: OrderBook, message: BookMessage, index: number) => void;
}

/** Replays messages in order; never throws for sequencing problems, it reports them. */
export function replayBook(messages: Iterable<BookMessage>, options: BookReplayOptions = {}): BookReplayReport {
  const book = new OrderBook(options.depth === undefined ? {} : { depth: options.depth });
  const gaps: BookGap[] = [];
  const crossed: CrossedBook[] = [];
  let symbol: string | undefined;
  let count = 0;
  let snapshots = 0;
  let deltas = 0;
  let skipped = 0;
  let otherSymbol = 0;
  let firstTime = NaN;
  let lastTime = NaN;
  let levelsAfterFirstSnapshot = { bids: 0, asks: 0 };

  let index = -1;
  for (const message of messages) {
    index++;
    count++;
    if (symbol === undefined) {
      symbol = message.symbol;
      firstTime = message.time;
    }
    lastTime = message.time;
    if (message.symbol !== symbol) {
      otherSymbol++;
      continue;
    }

    const result = book.apply(message);
    if (result.status === 'gap') {
      gaps.push({ index, time: message.time, expected: result.expected, got: result.got });
      book.clear();
      continue;
    }
    if (result.status === 'noSnapshot') {
      skipped++;
      continue;
    }
    if (result.reset === true) {
      if (snapshots === 0) {
        levelsAfterFirstSnapshot = { bids: book.levelCount('bid'), asks: book.levelCount('ask') };
      }
      snapshots++;
    } else deltas++;

    if (book.isCrossed()) {
      crossed.push({ index, time: message.time, bestBid: book.bestBid() ?? NaN, bestAsk: book.bestAsk() ?? NaN });
    }
    options.onApplied?.(book, message, index);
  }

  return {
    symbol,
    messages: count,
    snapshots,
    deltas,
    gaps,
    skipped,
    crossed,
    otherSymbol,
    firstTime,
    lastTime,
    levelsAfterFirstSnapshot,
    book,
  };
}

/** Loads a Bybit orderbook archive and replays it. */
export function replayBookArchive(path: string, options: BookReplayOptions = {}): BookReplayReport {
  return replayBook(loadBybitOrderbookArchive(path), options);
}
