// The persistent book against a realistic candle series: small deltas, never crossed, at the close after each step, the same for the same seed however often it is read, and a client book kept by its frames equal to the state.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/random.js';
import type { Candle } from '../../../domain/candle.js';
import { SOLUSDT_DEFAULT } from '../../../domain/instrument.js';
import { OrderBook, type BookMessage } from '../../../domain/order-book.js';
import { parseFrameText } from '../../bybit/parse/frame.js';
import { Market } from '../replay/market.js';
import { MINUTE, T0 } from '../test-support/fixtures.js';
import { BookStream } from '../ws/book-stream.js';
import { MAX_MESSAGES, MIN_MESSAGES } from './book-path.js';
import { HELD_LEVELS, LiveBook } from './live-book.js';

/** `count` minute candles of a seeded random walk around 150 on a 0.01 tick: ±0.2 a candle, wicks up to 0.1. */
function walk(count: number, seed = 42): Candle[] {
  const random = seededRandom(seed);
  let price = 150;
  return Array.from({ length: count }, (_, i) => {
    const open = price;
    const close = Number(Math.max(1, open + (random.next() - 0.5) * 0.4).toFixed(2));
    const high = Number((Math.max(open, close) + random.next() * 0.1).toFixed(2));
    const low = Number((Math.min(open, close) - random.next() * 0.1).toFixed(2));
    price = close;
    return { time: T0 + i * MINUTE, open, high, low, close, volume: Number((100 + random.next() * 4900).toFixed(1)), turnover: NaN, closed: true };
  });
}

const market = (candles: readonly Candle[]): Market => new Market(SOLUSDT_DEFAULT, { candles }, MINUTE);
const closeOf = (i: number): number => T0 + (i + 1) * MINUTE;

function parsed(text: string): BookMessage {
  const [event] = parseFrameText(text);
  if (event?.type !== 'book') throw new Error(`not a book frame: ${text.slice(0, 200)}`);
  return event.message;
}

/** Replays `steps` candles into streams of `depths`, the way the public feed does: a snapshot first, then every step's frames. */
function record(candles: readonly Candle[], steps: number, depths: readonly number[], seed = 7) {
  const m = market(candles);
  const book = new LiveBook(m, seed);
  const streams = depths.map((depth) => new BookStream(`orderbook.${depth}.${m.symbol}`, m, book, depth));
  const snapshots = streams.map((stream) => {
    stream.sync(T0);
    return stream.snapshot(T0);
  });
  const frames: string[][] = depths.map(() => []);
  const perStep: number[] = [];
  for (let i = 0; i < steps; i++) {
    streams.forEach((stream, d) => frames[d]!.push(...stream.frames(closeOf(i))));
    perStep.push(book.messages.length);
  }
  return { m, book, snapshots, frames, perStep };
}

describe('the persistent book', () => {
  it('sends small deltas: a few levels a message on depth 200 over 100 realistic candles, 5–20 messages a step', () => {
    const { frames, perStep } = record(walk(120), 100, [200]);
    const sizes = frames[0]!.map((text) => {
      const message = parsed(text);
      expect(message.kind).toBe('delta');
      return message.bids.length + message.asks.length;
    });
    const average = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    console.log(`orderbook.200 over 100 steps: ${sizes.length} deltas, ${average.toFixed(1)} levels on average, ${Math.max(...sizes)} at most`);
    expect(average).toBeLessThanOrEqual(60);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.min(...perStep)).toBeGreaterThanOrEqual(MIN_MESSAGES);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(MAX_MESSAGES);
  });

  it('keeps a client book (snapshot + deltas) uncrossed, u one up each, equal to the state at every step end; level 1 snapshots its top', () => {
    const candles = walk(80);
    const m = market(candles);
    const book = new LiveBook(m, 7);
    const streams = [50, 200, 1].map((depth) => new BookStream(`orderbook.${depth}.${m.symbol}`, m, book, depth));
    const clients = streams.map((stream, d) => {
      stream.sync(T0);
      const client = new OrderBook({ depth: [50, 200, 1][d]! });
      expect(client.apply(parsed(stream.snapshot(T0))).status).toBe('ok');
      return client;
    });
    const price = (ticks: number) => m.rules.price.toNumber(ticks);
    const lots = (steps: number) => m.rules.qty.toNumber(steps);
    for (let i = 0; i < 60; i++) {
      streams.forEach((stream, d) => {
        let u = clients[d]!.updateId;
        for (const text of stream.frames(closeOf(i))) {
          const message = parsed(text);
          expect(message.updateId).toBe(u + 1);
          expect(message.kind).toBe(d === 2 ? 'snapshot' : 'delta');
          expect(clients[d]!.apply(message).status).toBe('ok');
          expect(clients[d]!.bestBid()!).toBeLessThan(clients[d]!.bestAsk()!);
          u = message.updateId;
        }
      });
      // At the step's end every client holds the book's top levels, and the touch sits at the close.
      streams.forEach((_, d) => {
        const depth = [50, 200, 1][d]!;
        const { bids, asks } = book.levels(depth);
        expect(clients[d]!.levels('bid')).toEqual(bids.map(([p, s]) => [price(p), lots(s)]));
        expect(clients[d]!.levels('ask')).toEqual(asks.map(([p, s]) => [price(p), lots(s)]));
        expect(clients[d]!.updateId).toBe(book.updateId);
      });
      const close = m.rules.price.toSteps(candles[i]!.close, 'halfUp');
      const [[bid]] = book.levels(1).bids as [[number, number]];
      const [[ask]] = book.levels(1).asks as [[number, number]];
      expect([close - 1, close]).toContain(bid);
      expect(ask).toBe(bid + 1);
    }
  });

  it('is the same for the same seed however often it is read; another seed gives another book', () => {
    const candles = walk(60);
    const a = record(candles, 50, [50]);
    const b = record(candles, 50, [50]);
    expect(b.frames).toEqual(a.frames);
    expect(b.snapshots).toEqual(a.snapshots);
    // Read once at the end instead of every step: the same state.
    const late = new LiveBook(market(candles), 7);
    late.catchUp(closeOf(49));
    expect(late.levels(HELD_LEVELS)).toEqual(a.book.levels(HELD_LEVELS));
    expect(late.updateId).toBe(a.book.updateId);
    expect(a.book.levels(HELD_LEVELS).bids).toHaveLength(HELD_LEVELS);
    expect(record(candles, 50, [50], 8).frames).not.toEqual(a.frames);
  });

  it('a crash, a gap between candles and a price a few ticks above zero keep it uncrossed, one tick wide and deep', () => {
    const row = (time: number, open: number, high: number, low: number, close: number): Candle => ({ time, open, high, low, close, volume: 1000, turnover: NaN, closed: true });
    const candles = [
      row(T0, 100, 100.1, 99.9, 100),
      row(T0 + MINUTE, 100, 100.1, 80, 85),
      row(T0 + 2 * MINUTE, 90, 95, 88, 94),
      row(T0 + 3 * MINUTE, 94, 94, 0.05, 0.05),
      row(T0 + 4 * MINUTE, 0.05, 0.08, 0.01, 0.02),
      row(T0 + 5 * MINUTE, 0.02, 3, 0.02, 2.5),
    ];
    const { book, frames } = record(candles, candles.length, [200]);
    const client = new OrderBook({ depth: 200 });
    client.apply(parsed(record(candles, 0, [200]).snapshots[0]!));
    for (const text of frames[0]!) {
      expect(client.apply(parsed(text)).status).toBe('ok');
      expect(client.bestBid()!).toBeLessThan(client.bestAsk()!);
    }
    expect(client.levels('ask')).toHaveLength(200);
    expect(client.bestAsk()! - client.bestBid()!).toBeCloseTo(0.01, 9);
    expect(book.levels(HELD_LEVELS).asks).toHaveLength(HELD_LEVELS);
  });

  it('a stream that missed messages sends a snapshot of the state; the book starts empty before the data and at u 1', () => {
    const candles = walk(10);
    const m = market(candles);
    const book = new LiveBook(m, 7);
    book.catchUp(T0 - 1);
    expect([book.updateId, book.levels(5).bids]).toEqual([0, []]);
    const stream = new BookStream(`orderbook.50.${m.symbol}`, m, book, 50);
    stream.sync(T0);
    expect(JSON.parse(stream.snapshot(T0)).data.u).toBe(1);
    book.catchUp(closeOf(3)); // four steps walked while nobody read the stream
    const frames = stream.frames(closeOf(3));
    expect(frames).toHaveLength(1);
    const frame = JSON.parse(frames[0]!);
    expect(frame).toMatchObject({ type: 'snapshot', data: { u: book.updateId } });
    expect(frame.data.b).toHaveLength(50);
    expect(stream.frames(closeOf(3))).toEqual([]);
  });
});
