// Order book semantics on small hand-made messages: Bybit snapshot/delta rules, gaps, resets, depth and queries.
import { describe, expect, it } from 'vitest';
import { OrderBook, type BookUpdate, type PriceLevel } from './order-book.js';

const snapshot = (bids: PriceLevel[], asks: PriceLevel[], updateId = 100, time = 1_000): BookUpdate => ({
  bids,
  asks,
  updateId,
  seq: updateId * 10,
  time,
});
const delta = (updateId: number, bids: PriceLevel[] = [], asks: PriceLevel[] = [], time = 1_000 + updateId): BookUpdate => ({
  bids,
  asks,
  updateId,
  seq: updateId * 10,
  time,
  matchTime: time - 2,
});

function bookOf(): OrderBook {
  const book = new OrderBook();
  book.applySnapshot(
    snapshot(
      [
        [99, 1],
        [100, 2],
        [98, 3],
      ],
      [
        [102, 4],
        [101, 5],
        [103, 6],
      ],
    ),
  );
  return book;
}

describe('OrderBook snapshot', () => {
  it('sorts bids descending and asks ascending whatever the input order', () => {
    const book = bookOf();
    expect(book.levels('bid', 10)).toEqual([
      [100, 2],
      [99, 1],
      [98, 3],
    ]);
    expect(book.levels('ask', 10)).toEqual([
      [101, 5],
      [102, 4],
      [103, 6],
    ]);
    expect(book.bestBid()).toBe(100);
    expect(book.bestAsk()).toBe(101);
    expect(book.mid()).toBe(100.5);
    expect(book.spread()).toBe(1);
    expect(book.updateId).toBe(100);
    expect(book.seq).toBe(1000);
    expect(book.time).toBe(1000);
    expect(book.matchTime).toBeNaN();
    expect(book.hasSnapshot).toBe(true);
  });

  it('replaces the whole book on a new snapshot', () => {
    const book = bookOf();
    book.applySnapshot(snapshot([[50, 1]], [[60, 1]], 7, 2_000));
    expect(book.levels('bid')).toEqual([[50, 1]]);
    expect(book.levels('ask')).toEqual([[60, 1]]);
    expect(book.updateId).toBe(7);
  });

  it('answers empty queries with undefined before any snapshot', () => {
    const book = new OrderBook();
    expect(book.bestBid()).toBeUndefined();
    expect(book.mid()).toBeUndefined();
    expect(book.spread()).toBeUndefined();
    expect(book.updateId).toBeNaN();
    expect(book.isCrossed()).toBe(false);
    expect(book.depthWithinBps('bid', 10)).toBe(0);
  });
});

describe('OrderBook delta', () => {
  it('inserts unknown prices, updates known ones, deletes size 0', () => {
    const book = bookOf();
    const result = book.applyDelta(
      delta(
        101,
        [
          [99.5, 7], // insert between 100 and 99
          [99, 0], // delete
          [98, 9], // update
        ],
        [
          [101, 0], // delete the best ask
          [104, 1], // insert at the end
          [100.5, 2], // insert as new best
        ],
      ),
    );
    expect(result).toEqual({ status: 'ok' });
    expect(book.levels('bid')).toEqual([
      [100, 2],
      [99.5, 7],
      [98, 9],
    ]);
    expect(book.levels('ask')).toEqual([
      [100.5, 2],
      [102, 4],
      [103, 6],
      [104, 1],
    ]);
    expect(book.updateId).toBe(101);
    expect(book.matchTime).toBe(1099);
    expect(book.sizeAt('bid', 99.5)).toBe(7);
    expect(book.sizeAt('bid', 99)).toBe(0);
  });

  it('ignores deleting a price that is not in the book', () => {
    const book = bookOf();
    expect(book.applyDelta(delta(101, [[97, 0]]))).toEqual({ status: 'ok' });
    expect(book.levelCount('bid')).toBe(3);
  });

  it('refuses a delta before any snapshot', () => {
    const book = new OrderBook();
    expect(book.applyDelta(delta(5, [[1, 1]]))).toEqual({ status: 'noSnapshot' });
    expect(book.levelCount('bid')).toBe(0);
  });

  it('reports a gap and leaves the book untouched', () => {
    const book = bookOf();
    const before = book.levels('bid');
    expect(book.applyDelta(delta(103, [[100, 0]]))).toEqual({ status: 'gap', expected: 101, got: 103 });
    expect(book.levels('bid')).toEqual(before);
    expect(book.updateId).toBe(100);
    // A stale or repeated delta is also off the chain.
    expect(book.applyDelta(delta(100))).toEqual({ status: 'gap', expected: 101, got: 100 });
    // The chain continues from where it was.
    expect(book.applyDelta(delta(101))).toEqual({ status: 'ok' });
  });

  it('treats a delta with u = 1 as a snapshot (service restart), even after a gap or before any snapshot', () => {
    const book = bookOf();
    const result = book.applyDelta(delta(1, [[10, 1], [11, 0], [9, 2]], [[12, 3]]));
    expect(result).toEqual({ status: 'ok', reset: true });
    expect(book.levels('bid')).toEqual([
      [10, 1],
      [9, 2],
    ]);
    expect(book.levels('ask')).toEqual([[12, 3]]);
    expect(book.updateId).toBe(1);
    expect(book.applyDelta(delta(2, [[10, 5]]))).toEqual({ status: 'ok' });
    expect(book.bestBid()).toBe(10);

    const fresh = new OrderBook();
    expect(fresh.applyDelta(delta(1, [[1, 1]], [[2, 1]]))).toEqual({ status: 'ok', reset: true });
    expect(fresh.hasSnapshot).toBe(true);
  });

  it('apply() dispatches on the message kind', () => {
    const book = new OrderBook();
    const base = { symbol: 'X', updateId: 5, seq: 1, time: 1, bids: [[1, 1]] as PriceLevel[], asks: [] };
    expect(book.apply({ kind: 'snapshot', ...base })).toEqual({ status: 'ok', reset: true });
    expect(book.apply({ kind: 'delta', ...base, updateId: 6, bids: [[2, 1]] })).toEqual({ status: 'ok' });
    expect(book.bestBid()).toBe(2);
  });

  it('clear() forgets the book so deltas wait for a snapshot again', () => {
    const book = bookOf();
    book.clear();
    expect(book.hasSnapshot).toBe(false);
    expect(book.applyDelta(delta(101))).toEqual({ status: 'noSnapshot' });
  });
});

describe('OrderBook depth limit', () => {
  it('keeps only the best N levels a side after a snapshot and after deltas', () => {
    const book = new OrderBook({ depth: 2 });
    book.applySnapshot(
      snapshot(
        [
          [100, 1],
          [99, 1],
          [98, 1],
        ],
        [
          [101, 1],
          [102, 1],
          [103, 1],
        ],
      ),
    );
    expect(book.levels('bid')).toEqual([
      [100, 1],
      [99, 1],
    ]);
    expect(book.levelCount('ask')).toBe(2);
    // A better bid pushes 99 out; a worse ask is inserted then cut.
    book.applyDelta(delta(101, [[100.5, 3]], [[104, 1]]));
    expect(book.levels('bid')).toEqual([
      [100.5, 3],
      [100, 1],
    ]);
    expect(book.levels('ask')).toEqual([
      [101, 1],
      [102, 1],
    ]);
  });

  it('rejects a depth below 1', () => {
    expect(() => new OrderBook({ depth: 0 })).toThrow(RangeError);
  });
});

describe('OrderBook crossed detection', () => {
  it('flags a crossed and a locked book', () => {
    const book = bookOf();
    expect(book.isCrossed()).toBe(false);
    book.applyDelta(delta(101, [[101, 1]]));
    expect(book.isCrossed()).toBe(true); // locked: bid 101 = ask 101
    book.applyDelta(delta(102, [[101, 0], [102.5, 1]]));
    expect(book.isCrossed()).toBe(true); // crossed: bid 102.5 > ask 101
    expect(book.spread()).toBe(-1.5);
    book.applyDelta(delta(103, [[102.5, 0]]));
    expect(book.isCrossed()).toBe(false);
  });

  it('is not crossed with one side empty', () => {
    const book = new OrderBook();
    book.applySnapshot(snapshot([[100, 1]], []));
    expect(book.isCrossed()).toBe(false);
  });
});

describe('OrderBook depth queries', () => {
  it('sums sizes over the best N levels', () => {
    const book = bookOf();
    expect(book.depth('bid', 2)).toBe(3);
    expect(book.depth('ask', 1)).toBe(5);
    expect(book.depth('ask', 99)).toBe(15);
    expect(book.levels('bid', 1)).toEqual([[100, 2]]);
  });

  it('sums sizes within N bps of the mid', () => {
    const book = new OrderBook();
    // mid = 10_000; 1 bp = 1.
    book.applySnapshot(
      snapshot(
        [
          [9_999, 1],
          [9_995, 2],
          [9_990, 4],
          [9_980, 8],
        ],
        [
          [10_001, 1],
          [10_005, 2],
          [10_010, 4],
          [10_020, 8],
        ],
      ),
    );
    expect(book.mid()).toBe(10_000);
    expect(book.depthWithinBps('bid', 0.5)).toBe(0);
    expect(book.depthWithinBps('bid', 5)).toBe(3); // down to 9_995 inclusive
    expect(book.depthWithinBps('ask', 10)).toBe(7); // up to 10_010 inclusive
    expect(book.depthWithinBps('ask', 100)).toBe(15);
  });

  it('returns copies, so callers cannot change the book', () => {
    const book = bookOf();
    const levels = book.levels('bid');
    (levels as unknown as number[][])[0]![1] = 999;
    expect(book.levels('bid')[0]).toEqual([100, 2]);
  });
});
