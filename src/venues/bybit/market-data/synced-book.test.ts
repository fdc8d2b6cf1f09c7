import { describe, expect, it } from 'vitest';
import type { BookMessage } from '../../../domain/order-book.js';
import { SyncedBook } from './synced-book.js';

const message = (kind: 'snapshot' | 'delta', updateId: number, bids: [number, number][] = [], asks: [number, number][] = []): BookMessage => ({ kind, symbol: 'BTCUSDT', bids, asks, updateId, seq: NaN, time: 0 });

describe('SyncedBook', () => {
  it('is valid after a snapshot and follows deltas that chain by u', () => {
    const synced = new SyncedBook('BTCUSDT', 50, 0);
    expect(synced.valid).toBe(false);
    expect(synced.apply(message('snapshot', 10, [[100, 1]], [[101, 1]]), 1)).toEqual({ kind: 'applied', reset: true });
    expect(synced.apply(message('delta', 11, [[100.5, 2]]), 2)).toEqual({ kind: 'applied', reset: false });
    expect(synced.valid).toBe(true);
    expect(synced.waitingSince).toBeNaN();
    expect(synced.book.bestBid()).toBe(100.5);
  });

  it('a delta before any snapshot asks for a resync', () => {
    const synced = new SyncedBook('BTCUSDT', 50, 0);
    expect(synced.apply(message('delta', 5), 7)).toEqual({ kind: 'resync', reason: 'noSnapshot', detail: 'delta u 5 arrived before any snapshot' });
    expect(synced.waitingSince).toBe(7);
  });

  it('a gap clears the book; later deltas are dropped until a snapshot or a u=1 reset', () => {
    const synced = new SyncedBook('BTCUSDT', 50, 0);
    synced.apply(message('snapshot', 10, [[100, 1]], [[101, 1]]), 1);
    expect(synced.apply(message('delta', 12), 3)).toEqual({ kind: 'resync', reason: 'gap', detail: 'delta u 12 does not follow u 10 (expected 11)' });
    expect(synced.valid).toBe(false);
    expect(synced.book.bestBid()).toBeUndefined();
    expect(synced.apply(message('delta', 13), 4)).toEqual({ kind: 'dropped' });
    expect(synced.apply(message('delta', 1, [[90, 1]], [[91, 1]]), 5)).toEqual({ kind: 'applied', reset: true });
    expect(synced.book.bestAsk()).toBe(91);
  });
});
