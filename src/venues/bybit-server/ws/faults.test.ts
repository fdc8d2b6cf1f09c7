// Every fault switch of the streams, shown by its effect: hang-ups, drops, delays, doubles, swaps, book gaps, frozen and silenced streams.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monotonicNow } from '../../../core/clock.js';
import { OrderBook } from '../../../domain/order-book.js';
import { parseFrame } from '../../bybit/parse/frame.js';
import type { LocalExchange } from '../index.js';
import { post } from '../test-support/client.js';
import { MINUTE, SOL, startTestExchange, TRADER, wave } from '../test-support/fixtures.js';
import { StreamClient, type Message } from './test-support/stream-client.js';

let exchange: LocalExchange;
const clients: StreamClient[] = [];
beforeAll(async () => {
  exchange = await startTestExchange(wave(240));
  exchange.advance(10);
});
afterAll(() => exchange.close());
afterEach(() => {
  exchange.streamFaults.reset();
  for (const client of clients.splice(0)) {
    expect(client.problems).toEqual([]);
    client.close();
  }
});

async function open(url = exchange.wsPublicUrl, ...topics: string[]): Promise<StreamClient> {
  const client = await StreamClient.open(url);
  clients.push(client);
  if (topics.length > 0) expect((await client.subscribe(...topics)).success).toBe(true);
  return client;
}

const KLINE = `kline.1.${SOL}`;
/** Open times of the kline frames among `messages`, in the order they came. */
const starts = (messages: readonly Message[]): number[] => messages.filter((m) => m.topic === KLINE).map((m) => m.data[0].start);

describe('stream faults', () => {
  it('closeAll hangs up on every socket at once; new connections are served', async () => {
    const [pub, priv] = [await open(), await open(exchange.wsPrivateUrl)];
    exchange.streamFaults.closeAll();
    expect((await pub.closed).code).toBe(1006);
    expect((await priv.closed).code).toBe(1006);
    expect((await (await open(exchange.wsPublicUrl)).subscribe(KLINE)).success).toBe(true);
  });

  it('dropNext drops the next N messages of a topic prefix, and only those', async () => {
    const client = await open(undefined, KLINE, `publicTrade.${SOL}`);
    exchange.streamFaults.dropNext('publicTrade', 2);
    const opened = exchange.clock.now();
    exchange.advance(3);
    const got = await client.drain();
    expect(starts(got)).toEqual([0, 1, 2].map((i) => opened + i * MINUTE));
    const trades = got.filter((m) => m.topic === `publicTrade.${SOL}`);
    expect(trades).toHaveLength(1);
    expect(trades[0]!.data[0].T).toBeGreaterThanOrEqual(opened + 2 * MINUTE);
  });

  it('dropRate drops at random but the same way for the same seed; 1 drops all', async () => {
    const pattern = async (target: LocalExchange): Promise<number[]> => {
      const client = await open(target.wsPublicUrl, KLINE);
      target.streamFaults.dropRate('kline', 0.5);
      target.advance(20);
      return starts(await client.drain()).map((start) => (start - target.clock.now()) / MINUTE);
    };
    const twin = await startTestExchange(wave(240));
    try {
      twin.advance(10);
      const first = await pattern(exchange);
      expect(first.length).toBeGreaterThan(2);
      expect(first.length).toBeLessThan(18);
      expect(await pattern(twin)).toEqual(first);
    } finally {
      await twin.close();
    }
    const client = await open(undefined, KLINE, `publicTrade.${SOL}`);
    exchange.streamFaults.dropRate('kline', 1);
    exchange.advance(2);
    const got = await client.drain();
    expect(starts(got)).toEqual([]);
    expect(got.filter((m) => m.topic === `publicTrade.${SOL}`)).toHaveLength(2);
  });

  it('delayMs holds data messages while answers go out at once', async () => {
    const client = await open(undefined, KLINE);
    exchange.streamFaults.delayMs = 150;
    const started = monotonicNow();
    exchange.advance(1);
    expect(await client.drain()).toEqual([]);
    await client.frame(KLINE);
    expect(monotonicNow() - started).toBeGreaterThanOrEqual(140);
    expect(() => (exchange.streamFaults.delayMs = -1)).toThrow('streamFaults.delayMs must be a number of ms >= 0, got -1');
  });

  it('duplicate sends every data message twice', async () => {
    const client = await open(undefined, KLINE);
    exchange.streamFaults.duplicate = true;
    exchange.advance(2);
    const got = await client.drain();
    expect(got).toHaveLength(4);
    expect(got[1]).toEqual(got[0]);
    expect(got[3]).toEqual(got[2]);
  });

  it('reorder swaps consecutive messages; switching it off sends the one still held', async () => {
    const client = await open(undefined, KLINE);
    exchange.streamFaults.reorder = true;
    const opened = exchange.clock.now();
    exchange.advance(3);
    expect(starts(await client.drain())).toEqual([opened + MINUTE, opened]);
    exchange.streamFaults.reorder = false;
    expect(starts(await client.drain())).toEqual([opened + 2 * MINUTE]);
  });

  it('bookGap skips one u on the next delta of the symbol: the local book sees the gap', async () => {
    const client = await open(undefined, `orderbook.50.${SOL}`);
    const snapshot = await client.frame(`orderbook.50.${SOL}`);
    const book = new OrderBook({ depth: 50 });
    const apply = (frame: Message) => {
      const [event] = parseFrame(frame);
      if (event?.type !== 'book') throw new Error('not a book frame');
      return book.apply(event.message);
    };
    apply(snapshot);
    exchange.streamFaults.bookGap(SOL);
    exchange.advance(2);
    const [gapped, after] = await client.drain();
    expect(gapped!.data.u).toBe(snapshot.data.u + 2);
    expect(apply(gapped!)).toEqual({ status: 'gap', expected: snapshot.data.u + 1, got: snapshot.data.u + 2 });
    expect(after!.data.u).toBe(snapshot.data.u + 3);
    expect(() => exchange.streamFaults.bookGap('DOGEUSDT')).toThrow('symbol "DOGEUSDT" is not listed');
  });

  it('freeze stops public data (snapshots on subscribe too) while pings and requests are answered', async () => {
    const client = await open(undefined, KLINE);
    exchange.streamFaults.freeze = true;
    exchange.advance(2);
    expect((await client.subscribe(`tickers.${SOL}`)).success).toBe(true);
    expect(await client.drain()).toEqual([]);
    exchange.streamFaults.freeze = false;
    exchange.advance(1);
    expect((await client.drain()).map((m) => m.topic)).toEqual([KLINE, `tickers.${SOL}`]);
  });

  it('silencePrivate stops private pushes while the private pong still comes', async () => {
    const client = await open(exchange.wsPrivateUrl);
    await client.auth(TRADER, exchange.clock.now());
    await client.subscribe('order');
    exchange.streamFaults.silencePrivate = true;
    const placed = await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Limit', qty: '1', price: '90' });
    expect(await client.drain()).toEqual([]);
    exchange.streamFaults.silencePrivate = false;
    await post(exchange, TRADER, '/v5/order/cancel', { category: 'linear', symbol: SOL, orderId: placed.body.result.orderId });
    expect((await client.drain()).map((m) => m.data[0].orderStatus)).toEqual(['Cancelled']);
  });

  it('reset turns every switch off; bad settings are refused naming the value', () => {
    const faults = exchange.streamFaults;
    Object.assign(faults, { duplicate: true, reorder: true, freeze: true, silencePrivate: true, delayMs: 5 });
    faults.reset();
    expect([faults.duplicate, faults.reorder, faults.freeze, faults.silencePrivate, faults.delayMs]).toEqual([false, false, false, false, 0]);
    expect(() => faults.dropRate('kline', 2)).toThrow('probability must be from 0 to 1, got 2');
    expect(() => faults.dropNext('kline', 1.5)).toThrow('count must be a whole number >= 0, got 1.5');
  });
});
