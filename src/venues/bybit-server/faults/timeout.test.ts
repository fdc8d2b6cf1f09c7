// timeout and timeoutAfter over HTTP: held before or after the exchange acts, released by time, by the client, or by closing.
import { describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { startTestExchange } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { createOrder, orderByLinkId, send, timed, until } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
useFaultExchange(() => startTestExchange(), 5, (started) => {
  exchange = started;
  faults = started.httpFaults;
});

/** A create the client gives up on once the server holds it: what it sees is the abort. */
async function abandonedCreate(orderLinkId: string): Promise<unknown> {
  const client = new AbortController();
  const pending = createOrder(exchange, { orderLinkId }, { signal: client.signal }).catch((error: unknown) => error);
  await until(() => faults.held === 1);
  client.abort();
  const outcome = await pending;
  await until(() => faults.held === 0);
  return outcome;
}

describe('timeout: the request is held before the exchange sees it', () => {
  it('answers late but normally after `ms`', async () => {
    faults.timeout({ ms: 40, path: '/v5/order/create' });
    const { value, ms } = await timed(() => createOrder(exchange, { orderLinkId: 'to-1' }));
    expect(ms).toBeGreaterThanOrEqual(35);
    expect(value.body.retCode).toBe(0);
    expect((await orderByLinkId(exchange, 'to-1'))?.orderStatus).toBe('New');
  });

  it("with reply 'serverTimeout' answers Bybit's 10000 in the envelope and places nothing", async () => {
    faults.timeout({ ms: 5, reply: 'serverTimeout' });
    const answer = await createOrder(exchange, { orderLinkId: 'to-2' });
    expect([answer.status, answer.body.retCode, answer.body.retMsg, answer.body.result]).toEqual([200, 10000, 'Server Timeout', {}]);
    expect(await orderByLinkId(exchange, 'to-2')).toBeUndefined();
  });

  it('hangs until the client gives up; nothing was placed, so a retry with the same orderLinkId is new', async () => {
    faults.timeout({ path: '/v5/order/create' });
    expect(await abandonedCreate('to-3')).toMatchObject({ name: 'AbortError' });
    expect(await orderByLinkId(exchange, 'to-3')).toBeUndefined();
    expect((await createOrder(exchange, { orderLinkId: 'to-3' })).body.retCode).toBe(0);
  });

  it('hits only its count and its path, then clears', async () => {
    const armed = faults.timeout({ times: 2, path: '/v5/order/create', ms: 1, reply: 'serverTimeout' });
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).body.retCode).toBe(0);
    expect((await createOrder(exchange, { orderLinkId: 'to-4' })).body.retCode).toBe(10000);
    expect((await createOrder(exchange, { orderLinkId: 'to-4' })).body.retCode).toBe(10000);
    expect((await createOrder(exchange, { orderLinkId: 'to-4' })).body.retCode).toBe(0);
    expect(armed.active).toBe(false);
    faults.timeout({ times: 'untilCleared', ms: 1, reply: 'serverTimeout' });
    expect((await createOrder(exchange, { orderLinkId: 'to-5' })).body.retCode).toBe(10000);
    faults.clear();
    expect((await createOrder(exchange, { orderLinkId: 'to-5' })).body.retCode).toBe(0);
  });
});

describe('timeoutAfter: the exchange acts, then the answer is held', () => {
  it('places the order and hangs; the client that gave up finds it by orderLinkId', async () => {
    faults.timeoutAfter({ path: '/v5/order/create' });
    expect(await abandonedCreate('toa-1')).toMatchObject({ name: 'AbortError' });
    expect(await orderByLinkId(exchange, 'toa-1')).toMatchObject({ orderLinkId: 'toa-1', orderStatus: 'New' });
    expect((await createOrder(exchange, { orderLinkId: 'toa-1' })).body.retCode).toBe(110072);
  });

  it("with reply 'serverTimeout' the order is placed although the answer says 10000", async () => {
    faults.timeoutAfter({ ms: 5, reply: 'serverTimeout' });
    const answer = await createOrder(exchange, { orderLinkId: 'toa-2' });
    expect(answer.body.retCode).toBe(10000);
    expect(answer.headers.get('X-Bapi-Limit')).not.toBeNull();
    expect((await orderByLinkId(exchange, 'toa-2'))?.orderStatus).toBe('New');
  });

  it('hits only its count and its path, then clears', async () => {
    faults.timeoutAfter({ times: 'untilCleared', path: '/v5/order/create', ms: 1, reply: 'serverTimeout' });
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).body.retCode).toBe(0);
    expect((await createOrder(exchange, { orderLinkId: 'toa-3' })).body.retCode).toBe(10000);
    faults.clear();
    expect((await createOrder(exchange, { orderLinkId: 'toa-4' })).body.retCode).toBe(0);
  });
});

describe('closing with a request held', () => {
  it('closes promptly, hanging up on the held request and clearing its timer', async () => {
    const closing = await startTestExchange();
    const held = closing.httpFaults;
    held.timeout(); // forever
    held.timeoutAfter({ ms: 60_000, path: '/v5/order/realtime' });
    const forever = send(closing, 'GET', '/v5/market/time').catch((error: unknown) => error);
    const long = send(closing, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' }).catch((error: unknown) => error);
    await until(() => held.held === 2);
    // Closing releases what is held: both requests settle (the test's own timeout catches a hang).
    await closing.close();
    await Promise.all([forever, long]);
    expect(held.held).toBe(0);
  });
});
