// Book replay: sequencing problems reported on hand-made streams, and the real Bybit XRPUSDT archive replayed end to end.
import { describe, expect, it } from 'vitest';
import type { BookMessage, PriceLevel } from '../domain/order-book.js';
import { loadBybitOrderbookArchive } from './loaders/bybit-orderbook-archive.js';
import { replayBook, replayBookArchive } from './replay-book.js';
import { describeWithData } from './test-support/shared-data.js';

const msg = (kind: 'snapshot' | 'delta', updateId: number, bids: PriceLevel[] = [], asks: PriceLevel[] = [], symbol = 'X'): BookMessage => ({
  kind,
  symbol,
  updateId,
  seq: updateId,
  time: 1_000 + updateId,
  bids,
  asks,
});

describe('replayBook', () => {
  it('counts deltas before the first snapshot as skipped, then applies the chain', () => {
    const report = replayBook([msg('delta', 9), msg('snapshot', 10, [[1, 1]], [[2, 1]]), msg('delta', 11, [[1.5, 1]])]);
    expect(report).toMatchObject({ symbol: 'X', messages: 3, snapshots: 1, deltas: 1, skipped: 1, gaps: [], crossed: [] });
    expect(report.book.bestBid()).toBe(1.5);
    expect(report.levelsAfterFirstSnapshot).toEqual({ bids: 1, asks: 1 });
    expect([report.firstTime, report.lastTime]).toEqual([1009, 1011]);
  });

  it('drops the book at a gap and waits for the next snapshot or u = 1 reset', () => {
    const report = replayBook([
      msg('snapshot', 10, [[1, 1]], [[2, 1]]),
      msg('delta', 12),
      msg('delta', 13),
      msg('delta', 1, [[5, 1]], [[6, 1]]),
      msg('delta', 2),
    ]);
    expect(report.gaps).toEqual([{ index: 1, time: 1012, expected: 11, got: 12 }]);
    expect(report.skipped).toBe(1);
    expect(report.snapshots).toBe(2);
    expect(report.deltas).toBe(1);
    expect(report.book.bestBid()).toBe(5);
  });

  it('records every message after which the book is crossed', () => {
    const report = replayBook([
      msg('snapshot', 1, [[1, 1]], [[2, 1]]),
      msg('delta', 2, [[2, 1]]),
      msg('delta', 3, [[2, 0]]),
    ]);
    expect(report.crossed).toEqual([{ index: 1, time: 1002, bestBid: 2, bestAsk: 2 }]);
  });

  it('does not apply messages for another symbol', () => {
    const report = replayBook([msg('snapshot', 1, [[1, 1]]), msg('delta', 2, [[9, 1]], [], 'Y')]);
    expect(report.otherSymbol).toBe(1);
    expect(report.book.bestBid()).toBe(1);
  });

  it('reports an empty replay', () => {
    expect(replayBook([])).toMatchObject({ symbol: undefined, messages: 0, snapshots: 0 });
  });
});

describeWithData('bybit-ws/xrpusdt-ob500.data.zip', 'real Bybit XRPUSDT orderbook.500 archive', (path) => {
  it('parses 50 lines: one snapshot of 500 levels a side, then 49 deltas with u + 1, seq and cts', () => {
    const messages = loadBybitOrderbookArchive(path);
    expect(messages).toHaveLength(50);
    const [first, ...rest] = messages;
    expect(first).toMatchObject({ kind: 'snapshot', symbol: 'XRPUSDT', updateId: 20254869, time: 1733011200691, matchTime: 1733011200589 });
    expect(first?.bids).toHaveLength(500);
    expect(first?.asks).toHaveLength(500);
    expect(first?.bids[0]).toEqual([1.9531, 6203]);
    expect(first?.asks[0]).toEqual([1.9532, 10480]);
    expect(rest.every((m) => m.kind === 'delta')).toBe(true);
    rest.forEach((m, i) => expect(m.updateId).toBe(20254870 + i));
    expect(messages.every((m) => Number.isFinite(m.seq) && m.matchTime !== undefined && m.matchTime <= m.time)).toBe(true);
  });

  it('replays end to end: 1 snapshot + 49 deltas, no gaps, never crossed, 500 levels a side throughout', () => {
    const sizes: [number, number][] = [];
    const spreads: number[] = [];
    const report = replayBookArchive(path, {
      onApplied: (book) => {
        sizes.push([book.levelCount('bid'), book.levelCount('ask')]);
        spreads.push(book.spread() ?? NaN);
      },
    });
    expect(report).toMatchObject({
      symbol: 'XRPUSDT',
      messages: 50,
      snapshots: 1,
      deltas: 49,
      gaps: [],
      skipped: 0,
      crossed: [],
      otherSymbol: 0,
      firstTime: 1733011200691,
      lastTime: 1733011205490,
      levelsAfterFirstSnapshot: { bids: 500, asks: 500 },
    });
    // Bybit keeps the top 500 itself: every removal from the top is matched by an insert, even without a local limit.
    expect(sizes).toHaveLength(50);
    expect(sizes.every(([b, a]) => b === 500 && a === 500)).toBe(true);
    expect(spreads.every((s) => s > 0)).toBe(true);

    const book = report.book;
    expect(book.updateId).toBe(20254918);
    expect(book.bestBid()).toBe(1.9537);
    expect(book.bestAsk()).toBe(1.9538);
    expect(book.bestBid()!).toBeLessThan(book.bestAsk()!);
    expect(book.sizeAt('bid', 1.9537)).toBe(10605);
    expect(book.sizeAt('ask', 1.9538)).toBe(6702);
    expect(book.levels('bid').at(-1)?.[0]).toBe(1.9037);
    expect(book.levels('ask').at(-1)?.[0]).toBe(2.0037);
  });

  it('gives the same book with a depth limit of 500', () => {
    const limited = replayBookArchive(path, { depth: 500 }).book;
    const free = replayBookArchive(path).book;
    expect(limited.levels('bid')).toEqual(free.levels('bid'));
    expect(limited.levels('ask')).toEqual(free.levels('ask'));
  });
});
