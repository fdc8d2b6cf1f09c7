// The public streams from the replay (§10): klines, trade prints, books kept by deltas, tickers by changed fields, liquidations — agreeing with REST.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OrderBook, type BookMessage } from '../../../domain/order-book.js';
import { parseFrame } from '../../bybit/parse/frame.js';
import { referencePayload } from '../../bybit/test-support/reference.js';
import type { LocalExchange } from '../index.js';
import { post, publicGet } from '../test-support/client.js';
import { candles, flat, MINUTE, SOL, startTestExchange, T0, TRADER, wave } from '../test-support/fixtures.js';
import { shapeDiff } from '../test-support/shape.js';
import { StreamClient, type Message } from './test-support/stream-client.js';

let exchange: LocalExchange;
const history = wave(240);
const clients: StreamClient[] = [];
beforeAll(async () => {
  exchange = await startTestExchange(history);
  exchange.advance(10);
});
afterAll(() => exchange.close());
afterEach(() => {
  for (const client of clients.splice(0)) {
    expect(client.problems).toEqual([]);
    client.close();
  }
});

async function open(target: LocalExchange = exchange, url = target.wsPublicUrl): Promise<StreamClient> {
  const client = await StreamClient.open(url);
  clients.push(client);
  return client;
}

async function frames(client: StreamClient, topic: string, count: number): Promise<Message[]> {
  const found: Message[] = [];
  for (let i = 0; i < count; i++) found.push(await client.frame(topic));
  return found;
}

function bookMessage(frame: Message): BookMessage {
  const [event] = parseFrame(frame);
  if (event?.type !== 'book') throw new Error(`not a book frame: ${JSON.stringify(frame).slice(0, 200)}`);
  return event.message;
}

const price = (x: number): string => x.toFixed(2);

describe('kline and publicTrade', () => {
  it('every candle close: the 1-minute candle confirmed, the 5-minute bar forming until its last minute, the prints REST lists', async () => {
    const client = await open();
    await client.subscribe(`kline.1.${SOL}`, `kline.5.${SOL}`, `kline.60.${SOL}`, `publicTrade.${SOL}`);
    const first = exchange.clock.now();
    expect(exchange.advance(5)).toBe(5);
    const ones = await frames(client, `kline.1.${SOL}`, 5);
    ones.forEach((frame, i) => {
      const c = history[10 + i]!;
      expect(frame.data).toEqual([
        { start: c.time, end: c.time + MINUTE - 1, interval: '1', open: price(c.open), close: price(c.close), high: price(c.high), low: price(c.low), volume: '1000.0', turnover: expect.any(String), confirm: true, timestamp: c.time + MINUTE },
      ]);
      expect(frame).toMatchObject({ type: 'snapshot', ts: c.time + MINUTE });
    });
    expect(shapeDiff(ones[0], referencePayload('ws-kline'))).toEqual([]);
    const fives = (await frames(client, `kline.5.${SOL}`, 5)).map((f) => f.data[0]);
    expect(fives.map((k) => k.confirm)).toEqual([false, false, false, false, true]);
    const bar = history.slice(10, 15);
    expect(fives[4]).toMatchObject({ start: first, end: first + 5 * MINUTE - 1, interval: '5', open: price(bar[0]!.open), close: price(bar[4]!.close), volume: '5000.0' });
    expect(fives[4].high).toBe(price(Math.max(...bar.map((c) => c.high))));
    // The hour bar, first built from the candles before the subscription, then grown: as REST builds it.
    const hour = (await frames(client, `kline.60.${SOL}`, 5)).map((f) => f.data[0]);
    const [restHour] = (await publicGet(exchange, '/v5/market/kline', { category: 'linear', symbol: SOL, interval: '60', limit: 1 })).body.result.list;
    expect(hour.at(-1)).toMatchObject({ start: T0, confirm: false });
    expect([hour.at(-1).start, hour.at(-1).open, hour.at(-1).high, hour.at(-1).low, hour.at(-1).close, hour.at(-1).volume, hour.at(-1).turnover].map(String)).toEqual(restHour);
    const trades = await frames(client, `publicTrade.${SOL}`, 5);
    expect(shapeDiff(trades[0], referencePayload('ws-public-trade'))).toEqual([]);
    const rows = trades.flatMap((f) => f.data);
    const rest = (await publicGet(exchange, '/v5/market/recent-trade', { category: 'linear', symbol: SOL, limit: rows.length })).body.result.list.reverse();
    expect(rows.map((r) => [r.i, r.p, r.v, r.S, String(r.T), String(r.seq)])).toEqual(rest.map((r: Message) => [r.execId, r.price, r.size, r.side, r.time, r.seq]));
    expect(rows.every((r) => ['PlusTick', 'ZeroPlusTick', 'MinusTick', 'ZeroMinusTick'].includes(r.L) && r.T < first + 5 * MINUTE)).toBe(true);
  });
});

describe('orderbook', () => {
  it('a snapshot on subscribe, then deltas of the changed levels with u + 1 that keep a local book equal to REST and uncrossed', async () => {
    const client = await open();
    await client.subscribe(`orderbook.50.${SOL}`, `orderbook.1.${SOL}`);
    const snapshot = await client.frame(`orderbook.50.${SOL}`);
    expect(snapshot).toMatchObject({ type: 'snapshot', data: { s: SOL } });
    expect(snapshot.data.b).toHaveLength(50);
    const book = new OrderBook({ depth: 50 });
    expect(book.apply(bookMessage(snapshot)).status).toBe('ok');
    const top = await client.frame(`orderbook.1.${SOL}`);
    expect(top.data.b).toEqual([snapshot.data.b[0]]);
    exchange.advance(5);
    // Each step walks the book in several messages: every one a small delta.
    const deltas = await client.drain((m) => m.topic === `orderbook.50.${SOL}`);
    expect(deltas.length).toBeGreaterThanOrEqual(5 * 5);
    let last = snapshot.data;
    let deleted = 0;
    for (const delta of deltas) {
      expect(delta).toMatchObject({ type: 'delta', data: { u: last.u + 1 } });
      expect(delta.data.b.length + delta.data.a.length).toBeLessThan(100);
      const sizes = [...delta.data.b, ...delta.data.a].map(([, size]: string[]) => size);
      expect(sizes.every((size) => size === '0' || (/^\d+\.\d$/.test(size!) && Number(size) > 0))).toBe(true);
      deleted += sizes.filter((size) => size === '0').length;
      expect(delta.data.seq).toBeGreaterThan(last.seq);
      const message = bookMessage(delta);
      for (const [p, size] of message.bids) expect(book.sizeAt('bid', p)).not.toBe(size);
      for (const [p, size] of message.asks) expect(book.sizeAt('ask', p)).not.toBe(size);
      expect(book.apply(message)).toEqual({ status: 'ok' });
      expect(book.bestBid()!).toBeLessThan(book.bestAsk()!);
      last = delta.data;
    }
    expect(deleted).toBeGreaterThan(0);
    expect(shapeDiff(await client.frame(`orderbook.1.${SOL}`), referencePayload('ws-orderbook-delta'))).toEqual([]);
    const rest = (await publicGet(exchange, '/v5/market/orderbook', { category: 'linear', symbol: SOL, limit: 50 })).body.result;
    expect(last.u).toBe(rest.u);
    expect(book.levels('bid').map(([p, s]) => [price(p), s.toFixed(1)])).toEqual(rest.b);
    expect(book.levels('ask').map(([p, s]) => [price(p), s.toFixed(1)])).toEqual(rest.a);
  });

  it('orderbook.200 over 100 steps: small deltas, a local book never crossed and equal to REST (limit 200) at the end', async () => {
    const topic = `orderbook.200.${SOL}`;
    const client = await open();
    await client.subscribe(topic);
    const book = new OrderBook({ depth: 200 });
    expect(book.apply(bookMessage(await client.frame(topic))).status).toBe('ok');
    const sizes: number[] = [];
    for (let step = 0; step < 100; step += 10) {
      exchange.advance(10);
      for (const delta of await client.drain((m) => m.topic === topic)) {
        const message = bookMessage(delta);
        expect(book.apply(message)).toEqual({ status: 'ok' });
        expect(book.bestBid()!).toBeLessThan(book.bestAsk()!);
        sizes.push(message.bids.length + message.asks.length);
      }
    }
    expect(sizes.length).toBeGreaterThanOrEqual(500);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThanOrEqual(60);
    const rest = (await publicGet(exchange, '/v5/market/orderbook', { category: 'linear', symbol: SOL, limit: 200 })).body.result;
    expect(book.updateId).toBe(rest.u);
    expect(book.levels('bid').map(([p, s]) => [price(p), s.toFixed(1)])).toEqual(rest.b);
    expect(book.levels('ask').map(([p, s]) => [price(p), s.toFixed(1)])).toEqual(rest.a);
  });

  it('orderbook.1 sends a snapshot every time, u still one up each, the last one the REST top', async () => {
    const client = await open();
    await client.subscribe(`orderbook.1.${SOL}`);
    const first = await client.frame(`orderbook.1.${SOL}`);
    exchange.advance(3);
    const next = await client.drain((m) => m.topic === `orderbook.1.${SOL}`);
    expect(next.length).toBeGreaterThanOrEqual(3 * 5);
    expect(next.map((f) => [f.type, f.data.u, f.data.b.length, f.data.a.length])).toEqual(next.map((_, k) => ['snapshot', first.data.u + k + 1, 1, 1]));
    const rest = (await publicGet(exchange, '/v5/market/orderbook', { category: 'linear', symbol: SOL, limit: 1 })).body.result;
    expect([next.at(-1)!.data.b, next.at(-1)!.data.a, next.at(-1)!.data.u]).toEqual([rest.b, rest.a, rest.u]);
  });
});

describe('tickers', () => {
  it('a snapshot in the stream fields, then deltas of only what changed, merging into the REST ticker', async () => {
    const client = await open();
    await client.subscribe(`tickers.${SOL}`);
    const snapshot = await client.frame(`tickers.${SOL}`);
    expect(snapshot.type).toBe('snapshot');
    expect(shapeDiff(snapshot, referencePayload('ws-tickers-linear-perpetual'))).toEqual([]);
    const merged: Message = { ...snapshot.data };
    exchange.advance(3);
    let cs = snapshot.cs;
    for (const delta of await frames(client, `tickers.${SOL}`, 3)) {
      expect(delta.type).toBe('delta');
      expect(shapeDiff(delta, referencePayload('ws-tickers-delta-constructed'))).toEqual([]);
      for (const [key, value] of Object.entries(delta.data)) if (key !== 'symbol') expect(merged[key], key).not.toBe(value);
      expect(delta.cs).toBeGreaterThan(cs);
      cs = delta.cs;
      Object.assign(merged, delta.data);
    }
    const [rest] = (await publicGet(exchange, '/v5/market/tickers', { category: 'linear', symbol: SOL })).body.result.list;
    for (const key of Object.keys(merged).filter((k) => k !== 'tickDirection')) expect(merged[key], key).toBe(rest[key]);
    expect(merged.lastPrice).toBe(price(history[exchange.clock.now() / MINUTE - T0 / MINUTE - 1]!.close));
  });
});

describe('allLiquidation', () => {
  it('tells of a liquidation on the venue: the long closed out, its size and price; the account streams show the bust trade', async () => {
    const crash = await startTestExchange(candles([...flat(3, 100), [100, 100.1, 80, 85], ...flat(3, 85)]), { account: { leverage: 10 } });
    try {
      const client = await open(crash);
      await client.subscribe(`allLiquidation.${SOL}`);
      const account = await open(crash, crash.wsPrivateUrl);
      await account.auth(TRADER, crash.clock.now());
      await account.subscribe('order', 'execution', 'position', 'wallet');
      crash.advance(1);
      expect((await post(crash, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Market', qty: '10' })).body.retCode).toBe(0);
      crash.advance(3);
      const frame = await client.frame(`allLiquidation.${SOL}`);
      expect(shapeDiff(frame, referencePayload('ws-all-liquidation'))).toEqual([]);
      expect(frame.data).toEqual([{ T: expect.any(Number), s: SOL, S: 'Buy', v: '10.0', p: expect.stringMatching(/^\d+\.\d{2}$/) }]);
      expect(Number(frame.data[0].p)).toBeGreaterThan(85);
      expect(Number(frame.data[0].p)).toBeLessThan(100);
      expect(client.events.some((e) => e.type === 'liquidation' && e.liquidation.side === 'long')).toBe(true);
      const bust = await account.next((m) => m.topic === 'execution' && m.data.some((row: Message) => row.execType === 'BustTrade'));
      expect(bust.data.at(-1)).toMatchObject({ side: 'Sell', execQty: '10.0', closedSize: '10.0', createType: 'CreateByLiq' });
      expect((await account.next((m) => m.topic === 'position' && m.data[0].size === '0.0')).data[0].side).toBe('');
    } finally {
      await crash.close();
    }
  });
});
