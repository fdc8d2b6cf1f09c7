// Book imbalance on hand-made books: by levels, by basis points around the mid, empty sides.
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../domain/order-book.js';
import { bookImbalance, depthWithin } from './book-imbalance.js';

function bookOf(bids: Array<[number, number]>, asks: Array<[number, number]>): OrderBook {
  const book = new OrderBook();
  book.applySnapshot({ bids, asks, updateId: 1, seq: NaN, time: 0 });
  return book;
}

// Mid 100.0; 10 bps = 0.1, so the reach is bids ≥ 99.9 and asks ≤ 100.1.
const book = bookOf(
  [
    [99.95, 3],
    [99.9, 1],
    [99.8, 10],
  ],
  [
    [100.05, 1],
    [100.1, 1],
    [100.2, 2],
    [100.3, 20],
  ],
);

describe('bookImbalance', () => {
  it('compares the best n levels a side', () => {
    expect(bookImbalance(book, { levels: 1 })).toBe((3 - 1) / (3 + 1)); // 0.5
    expect(bookImbalance(book, { levels: 2 })).toBe((4 - 2) / (4 + 2)); // 1/3
    expect(bookImbalance(book, { levels: 3 })).toBe((14 - 4) / (14 + 4)); // 5/9
    expect(bookImbalance(book, { levels: 4 })).toBe((14 - 24) / (14 + 24)); // only 3 bid levels exist
  });

  it('compares depth within n bps of the mid', () => {
    expect(depthWithin(book, 'bid', { bps: 10 })).toBe(4);
    expect(depthWithin(book, 'ask', { bps: 10 })).toBe(2);
    expect(bookImbalance(book, { bps: 10 })).toBe(1 / 3);
    expect(bookImbalance(book, { bps: 5 })).toBe((3 - 1) / 4); // 99.95 and 100.05 only
    expect(bookImbalance(book, { bps: 100 })).toBe((14 - 24) / 38);
  });

  it('is +1 or −1 for a one-sided reach and 0 for an empty book', () => {
    expect(bookImbalance(bookOf([[99, 1]], []), { levels: 5 })).toBe(1);
    expect(bookImbalance(bookOf([], [[101, 1]]), { levels: 5 })).toBe(-1);
    expect(bookImbalance(bookOf([[99, 1]], []), { bps: 10 })).toBe(0); // no mid, no bps reach
    expect(bookImbalance(new OrderBook(), { levels: 5 })).toBe(0);
  });

  it('rejects a bad reach', () => {
    expect(() => bookImbalance(book, { levels: 0 })).toThrow(/levels/);
    expect(() => bookImbalance(book, { bps: -1 })).toThrow(/bps/);
  });
});
