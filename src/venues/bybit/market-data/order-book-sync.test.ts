import { describe, expect, it } from 'vitest';
import type { BybitMarketData } from './market-data.js';
import type { FakeStream } from './test-support/fake-stream.js';
import { feedOn, useFakeStream } from './test-support/feed.js';
import { bookFrame, REFERENCE_DELTA, SNAPSHOT_BEFORE_REFERENCE } from './test-support/frames.js';
import { eventually, nextEvent, record } from './test-support/wait.js';

const TOPIC = 'orderbook.50.BTCUSDT';
const snapshot = (u: number, bid: string, ask: string) => bookFrame('snapshot', 'BTCUSDT', 50, u, [[bid, '1']], [[ask, '1']]);
const delta = (u: number, bids: [string, string][] = [], asks: [string, string][] = []) => bookFrame('delta', 'BTCUSDT', 50, u, bids, asks);

let server: FakeStream;
let feed: BybitMarketData | undefined;

useFakeStream((started) => (server = started), () => feed, () => (feed = undefined));

describe('BybitMarketData: local order book', () => {
  it('snapshot then the reference delta → the book and the best bid / ask each event carries', async () => {
    server.onSubscribe = (topic) => (topic === TOPIC ? [SNAPSHOT_BEFORE_REFERENCE] : []);
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { book: 50 });
    const first = await nextEvent(events, 'book');
    expect(first).toMatchObject({ depth: 50, reset: true, bestBid: 30247, bestAsk: 30248.7, message: { kind: 'snapshot', updateId: 177400506 } });

    server.push(REFERENCE_DELTA);
    const second = await nextEvent(events, 'book', events.indexOf(first) + 1);
    expect(second).toMatchObject({ reset: false, bestBid: 30247.2, bestAsk: 30249.3, message: { kind: 'delta', updateId: 177400507 } });
    const book = feed.book('BTCUSDT')!;
    expect(book.levels('bid', 3)).toEqual([[30247.2, 30.028], [30247, 1.5], [30245.4, 0.224]]);
    expect(book.levels('ask', 2)).toEqual([[30249.3, 0.892], [30249.5, 1.778]]);
    // 30240.00 was deleted by size 0; 30249.60 never existed and stays absent.
    expect(book.sizeAt('bid', 30240)).toBe(0);
    expect(feed.quote('BTCUSDT')).toEqual({ bid: 30247.2, ask: 30249.3 });
  });

  it('a gap → bookResync, unsubscribe + subscribe, nothing emitted until the fresh snapshot, then valid again', async () => {
    let subscribes = 0;
    // The first subscribe gets a snapshot at once; the resubscribe's snapshot is pushed by the test.
    server.onSubscribe = (topic) => (topic === TOPIC && ++subscribes === 1 ? [snapshot(100, '100.0', '101.0')] : []);
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { book: 50 });
    await nextEvent(events, 'book');
    server.push(delta(101, [['100.5', '2']]));
    await nextEvent(events, 'book', 0, (e) => e.message.updateId === 101);

    server.push(delta(103, [['100.7', '1']]));
    const resync = await nextEvent(events, 'bookResync');
    expect(resync).toMatchObject({ symbol: 'BTCUSDT', depth: 50, reason: 'gap', detail: 'delta u 103 does not follow u 101 (expected 102)' });
    expect(feed.book('BTCUSDT')).toBeUndefined();
    await eventually(() => subscribes === 2, 'the book topic subscribed again');
    const ops = server.received.filter((r) => r.args.includes(TOPIC)).map((r) => r.op);
    expect(ops).toEqual(['subscribe', 'unsubscribe', 'subscribe']);

    // Every answer is in before counting, so the next message counted is the stray delta.
    await eventually(() => events.filter((e) => e.type === 'control' && e.op === 'subscribe').length === 2, 'the resubscribe answered');
    // Deltas chained to the discarded book are dropped, not applied and not emitted.
    const booksBefore = events.filter((e) => e.type === 'book').length;
    const messagesBefore = feed.stats().messages;
    server.push(delta(104, [['99.0', '1']]));
    await eventually(() => feed!.stats().messages > messagesBefore, 'the stray delta to arrive');
    expect(events.filter((e) => e.type === 'book')).toHaveLength(booksBefore);
    expect(feed.stats().bookResyncs).toBe(1);

    server.push(snapshot(500, '102.0', '102.5'));
    const fresh = await nextEvent(events, 'book', 0, (e) => e.message.updateId === 500);
    expect(fresh).toMatchObject({ reset: true, bestBid: 102, bestAsk: 102.5 });
    server.push(delta(501, [], [['102.4', '3']]));
    await nextEvent(events, 'book', 0, (e) => e.message.updateId === 501);
    expect(feed.quote('BTCUSDT')).toEqual({ bid: 102, ask: 102.4 });
  });

  it('a delta before any snapshot → bookResync noSnapshot → the resubscribe snapshot makes it valid', async () => {
    let subscribes = 0;
    server.onSubscribe = (topic) => {
      if (topic !== TOPIC) return [];
      return ++subscribes === 1 ? [delta(7, [['100.0', '1']])] : [snapshot(900, '100.0', '100.5')];
    };
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { book: 50 });
    expect(await nextEvent(events, 'bookResync')).toMatchObject({ reason: 'noSnapshot', detail: 'delta u 7 arrived before any snapshot' });
    expect(await nextEvent(events, 'book')).toMatchObject({ reset: true, bestBid: 100, bestAsk: 100.5 });
    expect(events.filter((e) => e.type === 'book')).toHaveLength(1);
  });

  it('a delta with u=1 (Bybit restarted) replaces the book without a resync', async () => {
    server.onSubscribe = (topic) => (topic === TOPIC ? [snapshot(300, '100.0', '101.0')] : []);
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { book: 50 });
    await nextEvent(events, 'book');
    server.push(delta(1, [['95.0', '4'], ['94.5', '1']], [['95.5', '2']]));
    expect(await nextEvent(events, 'book', 0, (e) => e.message.updateId === 1)).toMatchObject({ reset: true, bestBid: 95, bestAsk: 95.5 });
    server.push(delta(2, [['95.0', '0']]));
    await nextEvent(events, 'book', 0, (e) => e.message.updateId === 2);
    expect(feed.quote('BTCUSDT')).toEqual({ bid: 94.5, ask: 95.5 });
    expect(events.some((e) => e.type === 'bookResync')).toBe(false);
  });

  it('asks again when the snapshot it asked for does not come', async () => {
    let subscribes = 0;
    server.onSubscribe = (topic) => (topic === TOPIC && ++subscribes === 2 ? [snapshot(40, '10.0', '10.5')] : []);
    feed = feedOn(server, { snapshotTimeoutMs: 100 });
    const events = record(feed);
    feed.subscribe('BTCUSDT', { book: 50 });
    expect(await nextEvent(events, 'bookResync')).toMatchObject({ reason: 'snapshotTimeout' });
    expect(await nextEvent(events, 'book')).toMatchObject({ bestBid: 10, bestAsk: 10.5 });
  });
});
