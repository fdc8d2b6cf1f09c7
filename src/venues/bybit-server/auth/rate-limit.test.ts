// Rate limits: the token bucket itself, then 10006 and the X-Bapi-Limit headers over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import type { LocalExchange } from '../index.js';
import { get, post, publicGet } from '../test-support/client.js';
import { READER, SOL, startTestExchange, TRADER, wave } from '../test-support/fixtures.js';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('refills a bucket at its limit per second and tells when the next token comes', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ '/x': 2 }, clock);
    expect(limiter.take('k', '/x', 1000).headers['X-Bapi-Limit-Status']).toBe('1');
    expect(limiter.take('k', '/x', 1000).allowed).toBe(true);
    const refused = limiter.take('k', '/x', 1000);
    expect(refused).toEqual({ allowed: false, headers: { 'X-Bapi-Limit': '2', 'X-Bapi-Limit-Status': '0', 'X-Bapi-Limit-Reset-Timestamp': '1500' } });
    clock.advance(500);
    expect(limiter.take('k', '/x', 1500).allowed).toBe(true);
    expect(limiter.take('other key', '/x', 1500).allowed).toBe(true);
  });
});

describe('rate limits over HTTP', () => {
  const rateClock = new ManualClock(0);
  let exchange: LocalExchange;
  beforeAll(async () => {
    exchange = await startTestExchange(wave(30), { rateLimits: {}, rateLimitClock: rateClock });
    exchange.advance(1);
  });
  afterAll(() => exchange.close());

  const create = (i: number) => post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Limit', qty: '0.1', price: '90', orderLinkId: `rl-${i}` });

  it('order/create allows 10 a second, counting down X-Bapi-Limit-Status, then answers 10006', async () => {
    const now = exchange.clock.now();
    for (let i = 0; i < 10; i++) {
      const { body, headers } = await create(i);
      expect(body.retCode).toBe(0);
      expect([headers.get('X-Bapi-Limit'), headers.get('X-Bapi-Limit-Status'), headers.get('X-Bapi-Limit-Reset-Timestamp')]).toEqual(['10', String(9 - i), String(now)]);
    }
    const refused = await create(10);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ retCode: 10006, retMsg: 'Too many visits. Exceeded the API Rate Limit.', result: {} });
    expect(refused.headers.get('X-Bapi-Limit-Status')).toBe('0');
    expect(refused.headers.get('X-Bapi-Limit-Reset-Timestamp')).toBe(String(now + 100));
  });

  it('counts each endpoint and each key on its own, and refills with time', async () => {
    const reading = await get(exchange, TRADER, '/v5/order/realtime', { category: 'linear', symbol: SOL });
    expect([reading.body.retCode, reading.headers.get('X-Bapi-Limit')]).toEqual([0, '50']);
    expect((await get(exchange, READER, '/v5/user/query-api')).headers.get('X-Bapi-Limit')).toBe('10');
    rateClock.advance(100);
    expect((await create(11)).body.retCode).toBe(0);
  });

  it('public endpoints carry no limit headers', async () => {
    const { headers } = await publicGet(exchange, '/v5/market/time');
    expect(headers.get('X-Bapi-Limit')).toBeNull();
  });
});
