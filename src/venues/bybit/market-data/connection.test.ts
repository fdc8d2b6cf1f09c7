import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { seededRandom } from '../../../core/random.js';
import type { MarketDataEvent } from './events.js';
import type { BybitMarketData } from './market-data.js';
import type { FakeStream } from './test-support/fake-stream.js';
import { feedOn, useFakeStream } from './test-support/feed.js';
import { bookFrame, REFERENCE_TRADE } from './test-support/frames.js';
import { eventually, nextEvent, record } from './test-support/wait.js';

let server: FakeStream;
let feed: BybitMarketData | undefined;

useFakeStream((started) => (server = started), () => feed, () => (feed = undefined));

const transitions = (events: readonly MarketDataEvent[]) => events.flatMap((e) => (e.type === 'connection' ? [`${e.previous}→${e.state}`] : []));

describe('BybitMarketData: connection health', () => {
  it('silent for staleAfterMs → degraded; the next message → live again', async () => {
    const clock = new ManualClock(1_000_000);
    feed = feedOn(server, { clock, staleAfterMs: 1_000, checkEveryMs: 10 });
    const events = record(feed);
    feed.subscribe('BTCUSDT', { trades: true });
    // The subscribe answer is the last message before the silence.
    await nextEvent(events, 'control', 0, (e) => e.op === 'subscribe');
    const at = events.length;
    clock.advance(999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(feed.state).toBe('live');

    clock.advance(1);
    const degraded = await nextEvent(events, 'connection', at, (e) => e.state === 'degraded');
    expect(degraded).toMatchObject({ previous: 'live', reason: 'no message for 1000 ms' });

    server.push(REFERENCE_TRADE);
    expect(await nextEvent(events, 'connection', at, (e) => e.state === 'live')).toMatchObject({ previous: 'degraded', reason: 'messages again' });
    await nextEvent(events, 'trade');
    expect(transitions(events)).toEqual(['idle→connecting', 'connecting→live', 'live→degraded', 'degraded→live']);
  });

  it('server drops the socket → reconnecting → live, every topic resubscribed and the book rebuilt from the new snapshot', async () => {
    server.onSubscribe = (topic, connection) => (topic === 'orderbook.50.BTCUSDT' ? [bookFrame('snapshot', 'BTCUSDT', 50, connection * 1000, [[`${100 + connection}.0`, '1']], [[`${101 + connection}.0`, '1']])] : []);
    feed = feedOn(server);
    const events = record(feed);
    let bookAtResync: unknown = 'not yet';
    feed.on('bookResync', () => (bookAtResync = feed!.book('BTCUSDT')));
    feed.subscribe('BTCUSDT', { book: 50, trades: true });
    feed.subscribe('ETHUSDT', { ticker: true });
    await nextEvent(events, 'book');
    expect(feed.quote('BTCUSDT')).toEqual({ bid: 101, ask: 102 });

    server.dropAll();
    const reconnecting = await nextEvent(events, 'connection', 0, (e) => e.state === 'reconnecting');
    // The backoff drew once at construction and once more when the first message proved the connection.
    const draws = seededRandom(1);
    draws.next();
    expect(reconnecting.reason).toBe(`socket closed (code 1006); reconnecting in ${Math.floor(draws.next() * 20)} ms`);
    expect(await nextEvent(events, 'bookResync')).toMatchObject({ symbol: 'BTCUSDT', reason: 'reconnect' });
    // Untrusted from the drop until the new snapshot.
    expect(bookAtResync).toBeUndefined();

    expect(await nextEvent(events, 'connection', events.indexOf(reconnecting), (e) => e.state === 'live')).toMatchObject({ reason: 'reconnected after 1 attempt' });
    // The SDK resubscribes every topic on the new connection in one request.
    await eventually(() => server.requests('subscribe', 2).length > 0, 'a subscribe on the second connection');
    expect(server.requests('subscribe', 2).flatMap((r) => r.args).sort()).toEqual(['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.ETHUSDT']);
    expect(await nextEvent(events, 'book', 0, (e) => e.message.updateId === 2000)).toMatchObject({ reset: true, bestBid: 102, bestAsk: 103 });
    expect(feed.quote('BTCUSDT')).toEqual({ bid: 102, ask: 103 });

    server.push(REFERENCE_TRADE);
    await nextEvent(events, 'trade');
    expect(feed.stats().reconnects).toBe(1);
    expect(transitions(events)).toEqual(['idle→connecting', 'connecting→live', 'live→reconnecting', 'reconnecting→live']);
  });

  it('no pong within pongTimeoutMs → the SDK drops the socket and reconnects', async () => {
    server.answerPings = false;
    feed = feedOn(server, { pingIntervalMs: 50, pongTimeoutMs: 100 });
    const events = record(feed);
    feed.subscribe('BTCUSDT', { trades: true });
    await nextEvent(events, 'connection', 0, (e) => e.state === 'reconnecting');
    server.answerPings = true;
    await eventually(() => server.connections >= 2 && feed!.state === 'live', 'a second, live connection');
    await eventually(() => server.requests('subscribe', server.connections).length === 1, 'the trade topic subscribed again');
    expect(server.topics()).toEqual(['publicTrade.BTCUSDT']);
  });

  it('malformed frames are counted and reported; the stream goes on', async () => {
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { trades: true });
    await eventually(() => server.topics().length === 1, 'the trade topic subscribed');

    server.pushRaw('{"topic":"publicTrade.BTCUSDT",');
    expect(await nextEvent(events, 'malformed')).toMatchObject({ count: 1, what: 'message', field: 'payload', message: expect.stringContaining('not valid JSON') });

    const badPrice = structuredClone(REFERENCE_TRADE) as { data: { p: string }[] };
    badPrice.data[0]!.p = 'abc';
    server.push(badPrice);
    expect(await nextEvent(events, 'malformed', 0, (e) => e.count === 2)).toMatchObject({ what: 'publicTrade.BTCUSDT', field: 'data[0].p', message: expect.stringContaining('"abc"') });

    server.push(REFERENCE_TRADE);
    await nextEvent(events, 'trade');
    expect(feed.stats()).toMatchObject({ malformed: 2, reconnects: 0 });
    expect(feed.state).toBe('live');
  });
});
