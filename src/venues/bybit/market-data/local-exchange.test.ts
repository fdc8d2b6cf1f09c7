// BybitMarketData against the project's local exchange and its stream faults: a book gap resyncs, a frozen feed degrades and recovers, dropped sockets reconnect, and the book stays consistent throughout.
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../../bybit-server/index.js';
import { SOL, startTestExchange, wave } from '../../bybit-server/test-support/fixtures.js';
import { urlEndpoints } from '../client/endpoints.js';
import { waitFor } from '../venue/test-support/harness.js';
import type { BookEvent, MarketDataEvent } from './events.js';
import { BybitMarketData } from './market-data.js';

let local: LocalExchange | undefined;
let feed: BybitMarketData | undefined;
afterEach(async () => {
  await feed?.close();
  await local?.close();
  feed = undefined;
  local = undefined;
});

async function subscribed(): Promise<{ events: MarketDataEvent[]; books: BookEvent[] }> {
  local = await startTestExchange(wave(400));
  local.advance(5);
  feed = new BybitMarketData({ endpoints: urlEndpoints(local.url), staleAfterMs: 400, checkEveryMs: 50, backoff: { baseMs: 50, capMs: 200 } });
  const events: MarketDataEvent[] = [];
  const books: BookEvent[] = [];
  feed.onEvent((e) => {
    events.push(e);
    if (e.type === 'book') books.push(e);
  });
  feed.subscribe(SOL, { book: 50, trades: true });
  await waitFor('the first snapshot', () => books.length > 0);
  return { events, books };
}

/** Every book event left a consistent top: bid below ask. */
function consistent(books: readonly BookEvent[]): boolean {
  return books.every((b) => b.bestBid === undefined || b.bestAsk === undefined || b.bestBid < b.bestAsk);
}

describe('BybitMarketData on the local exchange', () => {
  it('applies snapshot and deltas as the replay moves, the book consistent', async () => {
    const { books, events } = await subscribed();
    for (let i = 0; i < 20; i++) local!.advance(1);
    await waitFor('deltas', () => books.length > 15);
    expect(consistent(books)).toBe(true);
    expect(events.some((e) => e.type === 'trade')).toBe(true);
    expect(events.some((e) => e.type === 'bookResync')).toBe(false);
  });

  it('a sequence gap resyncs the book from a fresh snapshot', async () => {
    const { books, events } = await subscribed();
    local!.streamFaults.bookGap(SOL);
    for (let i = 0; i < 5; i++) local!.advance(1);
    await waitFor('the resync', () => events.some((e) => e.type === 'bookResync' && e.reason === 'gap'));
    const resyncAt = events.findIndex((e) => e.type === 'bookResync');
    await waitFor('a fresh snapshot after the gap', () => events.slice(resyncAt).some((e) => e.type === 'book' && e.reset));
    for (let i = 0; i < 5; i++) local!.advance(1);
    await waitFor('deltas again', () => events.slice(resyncAt).filter((e) => e.type === 'book').length > 3);
    expect(consistent(books)).toBe(true);
    expect(feed!.book(SOL)).toBeDefined();
  });

  it('a frozen feed turns degraded and live again when data returns', async () => {
    const { events } = await subscribed();
    local!.streamFaults.freeze = true;
    await waitFor('degraded', () => feed!.state === 'degraded');
    local!.streamFaults.freeze = false;
    local!.advance(1);
    await waitFor('live again', () => feed!.state === 'live');
    expect(events.filter((e) => e.type === 'connection').map((e) => (e.type === 'connection' ? e.state : ''))).toEqual(expect.arrayContaining(['degraded', 'live']));
  });

  it('closed sockets reconnect, resubscribe and resync the book', async () => {
    const { events, books } = await subscribed();
    const snapshots = books.filter((b) => b.reset).length;
    local!.streamFaults.closeAll();
    await waitFor('reconnecting', () => events.some((e) => e.type === 'connection' && e.state === 'reconnecting'));
    await waitFor('a new snapshot', () => books.filter((b) => b.reset).length > snapshots, 6000);
    local!.advance(2);
    await waitFor('live', () => feed!.state === 'live');
    expect(consistent(books)).toBe(true);
  });

  it('dropped and duplicated book messages are caught by the sequence check, never applied out of order', async () => {
    const { books, events } = await subscribed();
    local!.streamFaults.duplicate = true;
    local!.streamFaults.dropNext('orderbook', 1);
    for (let i = 0; i < 10; i++) local!.advance(1);
    await waitFor('a resync after the drop', () => events.some((e) => e.type === 'bookResync'));
    local!.streamFaults.reset();
    for (let i = 0; i < 5; i++) local!.advance(1);
    await waitFor('the book back', () => feed!.book(SOL) !== undefined);
    expect(consistent(books)).toBe(true);
  });
});
