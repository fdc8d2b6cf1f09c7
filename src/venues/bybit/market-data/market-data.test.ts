import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../../core/errors.js';
import type { MarketDataEvent } from './events.js';
import type { BybitMarketData } from './market-data.js';
import { FakeStream } from './test-support/fake-stream.js';
import { feedOn, liveHandles, quiet, trackIntervals, useFakeStream } from './test-support/feed.js';
import { REFERENCE_KLINE, REFERENCE_LIQUIDATION, REFERENCE_TICKER, REFERENCE_TRADE } from './test-support/frames.js';
import { eventually, nextEvent, record } from './test-support/wait.js';

let server: FakeStream;
let feed: BybitMarketData | undefined;

// Sockets of one test must not count against the next one's handle checks.
useFakeStream((started) => (server = started), () => feed, () => (feed = undefined), () => eventually(() => (liveHandles()['TCPSocketWrap'] ?? 0) === 0, 'every socket closed'));

/** The runner's own timers, counted before the feed exists. */
const runnerTimers = () => liveHandles()['Timeout'] ?? 0;
const nothingLeft = (timers: number) => eventually(() => quiet(timers), `no socket and at most ${timers} timers (now ${JSON.stringify(liveHandles())})`);

const states = (events: readonly MarketDataEvent[]) => events.flatMap((e) => (e.type === 'connection' ? [e.state] : []));

describe('BybitMarketData: subscriptions and market events', () => {
  it('subscribes every topic, then turns trades, klines, tickers and liquidations into domain events', async () => {
    feed = feedOn(server);
    const events = record(feed);
    const trades: unknown[] = [];
    feed.on('trade', (event) => trades.push(event.trade));
    feed.subscribe('BTCUSDT', { trades: true, klines: ['5'], ticker: true });
    feed.subscribe('ROSEUSDT', { liquidations: true });
    await eventually(() => server.topics().length === 4, 'four topics subscribed on the server');
    expect(server.topics()).toEqual(['allLiquidation.ROSEUSDT', 'kline.5.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.BTCUSDT']);
    expect(feed.topics()).toEqual(['publicTrade.BTCUSDT', 'kline.5.BTCUSDT', 'tickers.BTCUSDT', 'allLiquidation.ROSEUSDT']);
    expect(states(events)).toEqual(['connecting', 'live']);
    // The subscribe answer comes back as a control event.
    await nextEvent(events, 'control', 0, (e) => e.op === 'subscribe' && e.success === true);

    for (const frame of [REFERENCE_TRADE, REFERENCE_KLINE, REFERENCE_TICKER, REFERENCE_LIQUIDATION]) server.push(frame);
    await nextEvent(events, 'liquidation');
    const market = events.filter((e) => ['trade', 'candle', 'ticker', 'liquidation'].includes(e.type));
    expect(market).toMatchObject([
      { type: 'trade', trade: { symbol: 'BTCUSDT', time: 1672304486865, price: 16578.5, size: 0.001, side: 'buy' } },
      { type: 'candle', symbol: 'BTCUSDT', interval: '5', candle: { time: 1672324800000, close: 16677, closed: false } },
      { type: 'ticker', ticker: { kind: 'snapshot', symbol: 'BTCUSDT', lastPrice: 66666.6, fundingRate: -0.005 } },
      { type: 'liquidation', liquidation: { symbol: 'ROSEUSDT', side: 'short', size: 20000, price: 0.04499 } },
    ]);
    expect(trades).toEqual([{ symbol: 'BTCUSDT', time: 1672304486865, price: 16578.5, size: 0.001, side: 'buy', id: '20f43950-d8dd-5b31-9112-a178eb6023af' }]);
    expect(feed.stats()).toMatchObject({ malformed: 0, reconnects: 0 });
  });

  it('unsubscribes some topics of a symbol, or all of them', async () => {
    feed = feedOn(server);
    feed.subscribe('BTCUSDT', { trades: true, ticker: true, book: 1 });
    await eventually(() => server.topics().length === 3, 'three topics subscribed');
    feed.unsubscribe('BTCUSDT', { ticker: true });
    await eventually(() => server.topics().length === 2, 'the ticker unsubscribed');
    expect(server.topics()).toEqual(['orderbook.1.BTCUSDT', 'publicTrade.BTCUSDT']);
    feed.unsubscribe('BTCUSDT');
    await eventually(() => server.topics().length === 0, 'everything unsubscribed');
    expect(feed.topics()).toEqual([]);
    expect(feed.book('BTCUSDT')).toBeUndefined();
  });

  it('refuses what Bybit would refuse, naming it, and a second depth for one book', () => {
    feed = feedOn(server);
    expect(() => feed!.subscribe('BTCUSDT', { book: 25 as never })).toThrow(InputError);
    feed.subscribe('BTCUSDT', { book: 50 });
    expect(() => feed!.subscribe('BTCUSDT', { book: 200 })).toThrow('book depth for BTCUSDT is already 50; unsubscribe it before asking for 200');
    expect(() => feedOn('http://127.0.0.1:1')).toThrow('endpoints.publicLinear must be a ws:// or wss:// URL, got "http://127.0.0.1:1"');
    expect(() => feedOn(server, { staleAfterMs: -1 })).toThrow('staleAfterMs must be a positive number of ms, got -1');
  });

  it('reports a subscribe Bybit rejects as a control event and an exchange error', async () => {
    server.unknownTopics.add('tickers.NOPEUSDT');
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('NOPEUSDT', { ticker: true });
    const error = await nextEvent(events, 'streamError');
    expect(error).toMatchObject({ source: 'exchange', message: 'subscribe rejected: "error:handler not found,topic:tickers.NOPEUSDT"' });
    expect(events.find((e) => e.type === 'control')).toMatchObject({ op: 'subscribe', success: false, reqId: 'tickers.NOPEUSDT' });
  });

  it('a handler that throws is reported and the other handlers still get the event', async () => {
    feed = feedOn(server);
    const events = record(feed);
    feed.on('trade', () => {
      throw new Error('strategy bug');
    });
    const seen: string[] = [];
    feed.on('trade', (e) => seen.push(e.trade.id));
    feed.subscribe('BTCUSDT', { trades: true });
    await eventually(() => server.topics().length === 1, 'the trade topic subscribed');
    server.push(REFERENCE_TRADE);
    expect(await nextEvent(events, 'streamError')).toMatchObject({ source: 'handler', message: 'a trade handler threw: strategy bug' });
    expect(seen).toEqual(['20f43950-d8dd-5b31-9112-a178eb6023af']);
    expect(feed.stats().handlerErrors).toBe(1);
  });
});

describe('BybitMarketData: close()', () => {
  it('leaves no timer or socket behind once the connection was live', async () => {
    const timers = runnerTimers();
    const intervals = trackIntervals();
    onTestFinished(intervals.restore);
    feed = feedOn(server);
    const events = record(feed);
    feed.subscribe('BTCUSDT', { trades: true, book: 50 });
    await nextEvent(events, 'connection', 0, (e) => e.state === 'live');
    // Let a few pings go back and forth so the SDK's heartbeat timers are running.
    await eventually(() => server.requests('ping').length >= 2, 'two pings');
    await feed.close();
    expect(states(events).at(-1)).toBe('closed');
    await eventually(() => server.openConnections === 0, 'the server to see the socket go');
    await nothingLeft(timers);
    // The staleness check and the SDK's heartbeat.
    expect(intervals.open()).toBe(0);
    expect(() => feed!.subscribe('BTCUSDT', { trades: true })).toThrow('cannot subscribe: this BybitMarketData was closed');
  });

  it('leaves nothing behind when closed while the socket is still opening', async () => {
    const timers = runnerTimers();
    feed = feedOn(server);
    feed.subscribe('BTCUSDT', { trades: true });
    await feed.close();
    await eventually(() => server.openConnections === 0, 'no connection left on the server');
    await nothingLeft(timers);
  });

  it('leaves nothing behind when closed while waiting to reconnect to a server that is down', async () => {
    const down = await FakeStream.start();
    await down.close();
    const timers = runnerTimers();
    feed = feedOn(down.url, { backoff: { baseMs: 200, capMs: 400 } });
    const events = record(feed);
    feed.subscribe('BTCUSDT', { trades: true });
    expect(await nextEvent(events, 'streamError')).toMatchObject({ source: 'socket', message: expect.stringContaining('ECONNREFUSED') });
    await nextEvent(events, 'connection', 0, (e) => e.state === 'reconnecting');
    await feed.close();
    await nothingLeft(timers);
  });
});
