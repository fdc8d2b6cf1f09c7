// rateLimit over HTTP: 10006 with the real limiter's headers, bucket empty, on private endpoints only.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import type { LocalExchange } from '../index.js';
import { publicGet } from '../test-support/client.js';
import { startTestExchange, wave } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { createOrder, orderByLinkId, send } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
// Bybit's own limits (10/s on order/create), on a clock that stands still: nothing here reaches them.
useFaultExchange(() => startTestExchange(wave(30), { rateLimits: {}, rateLimitClock: new ManualClock(0) }), 1, (started) => {
  exchange = started;
  faults = started.httpFaults;
});

describe('rateLimit', () => {
  it('answers 10006 with X-Bapi-Limit, Status 0 and the reset time, and places nothing', async () => {
    faults.rateLimit({ path: '/v5/order/create', resetMs: 250 });
    const refused = await createOrder(exchange, { orderLinkId: 'rl-1' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ retCode: 10006, retMsg: 'Too many visits. Exceeded the API Rate Limit.', result: {}, retExtInfo: {} });
    expect([refused.headers.get('X-Bapi-Limit'), refused.headers.get('X-Bapi-Limit-Status'), refused.headers.get('X-Bapi-Limit-Reset-Timestamp')]).toEqual([
      '10',
      '0',
      String(exchange.clock.now() + 250),
    ]);
    expect(await orderByLinkId(exchange, 'rl-1')).toBeUndefined();
  });

  it('hits only its count and its path, then clears', async () => {
    const armed = faults.rateLimit({ times: 2, path: '/v5/order/create' });
    const reading = await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' });
    expect([reading.body.retCode, reading.headers.get('X-Bapi-Limit')]).toEqual([0, '50']);
    expect((await createOrder(exchange, { orderLinkId: 'rl-2' })).body.retCode).toBe(10006);
    expect((await createOrder(exchange, { orderLinkId: 'rl-2' })).body.retCode).toBe(10006);
    const third = await createOrder(exchange, { orderLinkId: 'rl-2' });
    // A refused request still takes its token from the real bucket: 4 of 10 taken, this one included.
    expect([third.body.retCode, third.headers.get('X-Bapi-Limit-Status')]).toEqual([0, '6']);
    expect(armed.active).toBe(false);
    faults.rateLimit({ times: 'untilCleared' });
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).body.retCode).toBe(10006);
    faults.clear();
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).body.retCode).toBe(0);
  });

  it('leaves public endpoints alone (no key, no per-key limit) and does not count them', async () => {
    const armed = faults.rateLimit();
    const time = await publicGet(exchange, '/v5/market/time');
    expect([time.body.retCode, time.headers.get('X-Bapi-Limit'), armed.hits]).toEqual([0, null, 0]);
  });
});
