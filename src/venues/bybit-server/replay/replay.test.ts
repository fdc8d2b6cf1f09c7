// The replay: manual steps, time inside a candle, funding, a later start, and playing by itself.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { get, post, publicGet } from '../test-support/client.js';
import { MINUTE, SOL, startTestExchange, T0, TRADER, wave } from '../test-support/fixtures.js';

const EIGHT = Date.UTC(2024, 0, 1, 8);

describe('the replay', () => {
  it('advance closes candles one step at a time and reports how many there were', async () => {
    const exchange = await startTestExchange(wave(5));
    try {
      expect(exchange.clock.now()).toBe(T0);
      expect(exchange.advance(2)).toBe(2);
      expect(exchange.clock.now()).toBe(T0 + 2 * MINUTE);
      expect(exchange.advance(10)).toBe(3);
      expect(exchange.finished).toBe(true);
      expect(exchange.advance()).toBe(0);
    } finally {
      await exchange.close();
    }
  });

  it('advanceTo may stop inside a candle: the forming candle stays unserved, and time never goes back', async () => {
    const exchange = await startTestExchange(wave(10));
    try {
      exchange.advanceTo(T0 + 3 * MINUTE + 30_000);
      const list = (await publicGet(exchange, '/v5/market/kline', { symbol: SOL, interval: '1' })).body.result.list as string[][];
      expect(list.map((r) => r[0])).toEqual([T0 + 2 * MINUTE, T0 + MINUTE, T0].map(String));
      expect((await publicGet(exchange, '/v5/market/time')).body.time).toBe(T0 + 3 * MINUTE + 30_000);
      expect(() => exchange.advanceTo(T0)).toThrow(/before the replay clock/);
    } finally {
      await exchange.close();
    }
  });

  it('an order placed inside a candle fills no earlier than it was placed', async () => {
    const exchange = await startTestExchange(wave(10));
    try {
      exchange.advanceTo(T0 + 2 * MINUTE + 25_000);
      const placed = await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Market', qty: '1' });
      exchange.advance(2);
      const [order] = (await get(exchange, TRADER, '/v5/order/history', { category: 'linear', orderId: placed.body.result.orderId })).body.result.list;
      const [execution] = (await get(exchange, TRADER, '/v5/execution/list', { category: 'linear' })).body.result.list;
      expect(order).toMatchObject({ orderStatus: 'Filled', createdTime: String(T0 + 2 * MINUTE + 25_000) });
      expect(Number(execution.execTime)).toBe(T0 + 2 * MINUTE + 25_000);
      expect(Number(order.updatedTime)).toBeGreaterThanOrEqual(Number(order.createdTime));
    } finally {
      await exchange.close();
    }
  });

  it('settles funding when the clock passes it: a Funding execution and a lighter wallet', async () => {
    const exchange = await startTestExchange(wave(150));
    try {
      exchange.advance(1);
      await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Market', qty: '10' });
      exchange.advanceTo(EIGHT - MINUTE);
      const before = exchange.venue.balance;
      exchange.advanceTo(EIGHT);
      const [funding] = (await get(exchange, TRADER, '/v5/execution/list', { category: 'linear', execType: 'Funding' })).body.result.list;
      const mark = Number(funding.execPrice);
      expect(funding).toMatchObject({ execType: 'Funding', execQty: '10.0', feeRate: '0.0002', execTime: String(EIGHT), orderType: 'UNKNOWN', side: 'Buy' });
      expect(Number(funding.execFee)).toBeCloseTo(10 * mark * 0.0002, 8);
      expect(exchange.venue.balance).toBeCloseTo(before - 10 * mark * 0.0002, 8);
    } finally {
      await exchange.close();
    }
  });

  it('starts later when told: what closed before startTime is history already', async () => {
    const exchange = await startTestExchange(wave(60), { startTime: T0 + 30 * MINUTE });
    try {
      const list = (await publicGet(exchange, '/v5/market/kline', { symbol: SOL, interval: '1', limit: 1000 })).body.result.list;
      expect(list).toHaveLength(30);
    } finally {
      await exchange.close();
    }
  });

  it("plays by itself: 'max' runs to the end, a number follows the wall clock at that multiple", async () => {
    const wall = new ManualClock(0);
    const exchange = await startTestExchange(wave(2000), { wallClock: wall });
    try {
      exchange.play(60);
      wall.advance(1000);
      await waitFor(() => exchange.clock.now() === T0 + 60_000);
      expect(exchange.clock.now()).toBe(T0 + 60_000);
      // A wall clock with fractions of a millisecond still gives whole-millisecond server time.
      wall.advance(0.123);
      await waitFor(() => exchange.clock.now() === T0 + 60_007);
      exchange.pause();
      exchange.play('max');
      await waitFor(() => exchange.finished);
      expect(exchange.clock.now()).toBe(T0 + 2000 * MINUTE);
      expect(() => exchange.play(0)).toThrow(/speed/);
    } finally {
      await exchange.close();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the replay');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
