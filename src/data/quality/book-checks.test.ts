// Book stream checks on hand-made bad streams, and a clean bill for the real XRPUSDT archive.
import { describe, expect, it } from 'vitest';
import type { BookMessage, PriceLevel } from '../../domain/order-book.js';
import { loadBybitOrderbookArchive } from '../loaders/bybit-orderbook-archive.js';
import { describeWithData } from '../test-support/shared-data.js';
import { checkBookMessages } from './book-checks.js';

const msg = (kind: 'snapshot' | 'delta', updateId: number, bids: PriceLevel[] = [], asks: PriceLevel[] = [], symbol = 'X'): BookMessage => ({
  kind,
  symbol,
  updateId,
  seq: updateId,
  time: 1_000 + updateId,
  bids,
  asks,
});
const good = (): BookMessage[] => [msg('snapshot', 10, [[1, 1]], [[2, 1]]), msg('delta', 11, [[1.5, 1]]), msg('delta', 12, [], [[1.8, 3]])];
const summary = (messages: BookMessage[]): unknown[] =>
  checkBookMessages(messages).map((f) => [f.check, f.timestamp, f.value, f.action, f.severity]);

describe('checkBookMessages', () => {
  it('passes a clean stream', () => {
    expect(checkBookMessages(good())).toEqual([]);
  });

  it('rejects an empty stream', () => {
    expect(summary([])).toEqual([['empty', NaN, 0, 'reject', 'error']]);
  });

  it('warns when deltas precede the first snapshot and rejects a stream with none', () => {
    expect(summary([msg('delta', 9), ...good()])).toEqual([['start', 1009, 'delta u=9', 'warn', 'warning']]);
    expect(summary([msg('delta', 9), msg('delta', 10)])).toEqual([['start', 1009, 'delta u=9', 'reject', 'error']]);
  });

  it('accepts a u = 1 delta as the start', () => {
    expect(checkBookMessages([msg('delta', 1, [[1, 1]], [[2, 1]]), msg('delta', 2)])).toEqual([]);
  });

  it('rejects an update-id gap with the u received as the value', () => {
    const [snap, , last] = good();
    const findings = checkBookMessages([snap!, last!]);
    expect(findings.map((f) => [f.check, f.timestamp, f.value, f.action])).toEqual([['gap', 1012, 12, 'reject']]);
    expect(findings[0]?.message).toMatch(/u=12 but u=11 was expected/);
  });

  it('rejects a book crossed after an update', () => {
    const messages = [...good(), msg('delta', 13, [[1.9, 1]])];
    expect(summary(messages)).toEqual([['crossed', 1013, 'bid 1.9 >= ask 1.8', 'reject', 'error']]);
  });

  it('rejects non-positive prices and negative sizes, and still checks the rest', () => {
    const messages = [
      msg('snapshot', 10, [[1, 1], [0, 2]], [[2, 1], [-3, 1]]),
      msg('delta', 11, [[1.5, -1], [1.2, 4]]),
      msg('delta', 12, [[NaN, 1]], [[2, Infinity]]),
      msg('delta', 14),
    ];
    expect(summary(messages)).toEqual([
      ['price', 1010, 0, 'reject', 'error'],
      ['price', 1010, -3, 'reject', 'error'],
      ['size', 1011, -1, 'reject', 'error'],
      ['price', 1012, NaN, 'reject', 'error'],
      ['size', 1012, Infinity, 'reject', 'error'],
      ['gap', 1014, 14, 'reject', 'error'],
    ]);
  });

  it('rejects messages for another symbol', () => {
    expect(summary([...good(), msg('delta', 13, [], [], 'Y')])).toEqual([['symbol', 1013, 'Y', 'reject', 'error']]);
  });

  it('does not modify the messages it checks', () => {
    const messages = [msg('snapshot', 10, [[1, 1], [0, 2]], [[2, 1]])];
    checkBookMessages(messages);
    expect(messages[0]?.bids).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });
});

describeWithData('bybit-ws/xrpusdt-ob500.data.zip', 'book checks on the real XRPUSDT archive', (path) => {
  it('finds nothing wrong', () => {
    expect(checkBookMessages(loadBybitOrderbookArchive(path), { depth: 500 })).toEqual([]);
  });
});
