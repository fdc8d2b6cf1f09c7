// serverError and serverErrorAfter over HTTP: a 5xx page instead of the envelope, with the request dropped or really executed.
import { describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { publicGet } from '../test-support/client.js';
import { startTestExchange } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { createOrder, orderByLinkId, send } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
useFaultExchange(() => startTestExchange(), 5, (started) => {
  exchange = started;
  faults = started.httpFaults;
});

describe('serverError: the gateway fails and the exchange never sees the request', () => {
  it('answers the status asked for with an HTML page, and places nothing', async () => {
    faults.serverError({ status: 503, path: '/v5/order/create' });
    const answer = await createOrder(exchange, { orderLinkId: 'se-1' });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('<title>503 Service Temporarily Unavailable</title>');
    expect(() => answer.body).toThrow(SyntaxError);
    expect(await orderByLinkId(exchange, 'se-1')).toBeUndefined();
  });

  it('hits only its count and its path, then clears', async () => {
    const armed = faults.serverError({ times: 2, path: '/v5/order/create', status: 500 });
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).status).toBe(200);
    expect((await createOrder(exchange, { orderLinkId: 'se-2' })).status).toBe(500);
    expect((await createOrder(exchange, { orderLinkId: 'se-2' })).status).toBe(500);
    const third = await createOrder(exchange, { orderLinkId: 'se-2' });
    expect([third.status, third.body.retCode]).toEqual([200, 0]);
    expect([armed.hits, armed.active]).toEqual([2, false]);
    faults.serverError({ times: 'untilCleared', body: 'upstream connect error' });
    const page = await publicGet(exchange, '/v5/market/time').catch((error: unknown) => error);
    expect(page).toBeInstanceOf(SyntaxError); // the client's JSON parse of a text body
    faults.clear();
    expect((await publicGet(exchange, '/v5/market/time')).body.retCode).toBe(0);
  });

  it('sends a plain-text body as text', async () => {
    faults.serverError({ status: 502, body: 'upstream connect error or disconnect/reset before headers' });
    const answer = await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' });
    expect([answer.status, answer.headers.get('content-type'), answer.text]).toEqual([502, 'text/plain; charset=utf-8', 'upstream connect error or disconnect/reset before headers']);
  });
});

describe('serverErrorAfter: the order is placed, the answer is a 5xx', () => {
  it('places the order, answers 502; the client finds it by orderLinkId, and a retry is a duplicate', async () => {
    faults.serverErrorAfter({ path: '/v5/order/create' });
    const answer = await createOrder(exchange, { orderLinkId: 'sea-1' });
    expect(answer.status).toBe(502);
    expect(answer.text).toContain('502 Bad Gateway');
    expect(await orderByLinkId(exchange, 'sea-1')).toMatchObject({ orderLinkId: 'sea-1', orderStatus: 'New', qty: '0.1', price: '90.00' });
    const retry = await createOrder(exchange, { orderLinkId: 'sea-1' });
    expect(retry.body.retCode).toBe(110072);
  });

  it('hits only its count and its path, then clears', async () => {
    faults.serverErrorAfter({ times: 'untilCleared', path: '/v5/order/create', status: 503 });
    expect((await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: 'SOLUSDT' })).status).toBe(200);
    expect((await createOrder(exchange, { orderLinkId: 'sea-2' })).status).toBe(503);
    expect((await createOrder(exchange, { orderLinkId: 'sea-3' })).status).toBe(503);
    faults.clear();
    expect((await createOrder(exchange, { orderLinkId: 'sea-4' })).body.retCode).toBe(0);
    for (const id of ['sea-2', 'sea-3', 'sea-4']) expect((await orderByLinkId(exchange, id))?.orderStatus).toBe('New');
  });

  it('does not hit a request that fails auth: it never reached the exchange', async () => {
    const armed = faults.serverErrorAfter();
    const refused = await createOrder(exchange, { orderLinkId: 'sea-5' }, { key: { key: 'trader-key', secret: 'wrong' } });
    expect([refused.status, refused.body.retCode, armed.hits]).toEqual([200, 10004, 0]);
  });
});
