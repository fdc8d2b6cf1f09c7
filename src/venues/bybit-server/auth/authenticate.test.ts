// Private-endpoint auth over HTTP: each failure with its retCode and HTTP status, and no secret in any answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { get, post, type Key } from '../test-support/client.js';
import { prehash, sign } from './signature.js';
import { READER, startTestExchange, TRADER } from '../test-support/fixtures.js';

let exchange: LocalExchange;
beforeAll(async () => {
  exchange = await startTestExchange();
  exchange.advance(10);
});
afterAll(() => exchange.close());

const realtime = { category: 'linear', symbol: 'SOLUSDT' };

describe('private endpoints authenticate as Bybit does', () => {
  it('answers a correctly signed GET and POST', async () => {
    expect((await get(exchange, TRADER, '/v5/order/realtime', realtime)).body.retCode).toBe(0);
    const created = await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: 'SOLUSDT', side: 'Buy', orderType: 'Limit', qty: '0.1', price: '90' });
    expect(created.body).toMatchObject({ retCode: 0, retMsg: 'OK' });
  });

  it('10003 with HTTP 401 for a missing or unknown key', async () => {
    const unknown = await get(exchange, { key: 'nobody', secret: 'x' }, '/v5/order/realtime', realtime);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ retCode: 10003, result: {}, retExtInfo: {} });
    const none = await fetch(`${exchange.url}/v5/order/realtime?category=linear&symbol=SOLUSDT`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { retCode: number }).retCode).toBe(10003);
  });

  it('10002 outside server_time - recv_window <= timestamp < server_time + 1000, with the window as sent', async () => {
    const now = exchange.clock.now();
    const at = (timestamp: number, recvWindow?: string) => get(exchange, TRADER, '/v5/order/realtime', realtime, { timestamp, ...(recvWindow ? { recvWindow } : {}) });
    expect((await at(now - 5000)).body.retCode).toBe(0);
    expect((await at(now + 999)).body.retCode).toBe(0);
    const old = await at(now - 5001);
    expect(old.status).toBe(200);
    expect(old.body.retCode).toBe(10002);
    expect(old.body.retMsg).toContain(`req_timestamp[${now - 5001}],server_timestamp[${now}],recv_window[5000]`);
    expect((await at(now + 1000)).body.retCode).toBe(10002);
    expect((await at(now - 9000, '10000')).body.retCode).toBe(0);
    expect((await get(exchange, TRADER, '/v5/order/realtime', realtime, { recvWindow: 'soon' })).body.retCode).toBe(10002);
  });

  it('while the replay plays faster than real time, the window is the client\'s real time: recv_window × speed', async () => {
    const fast = await startTestExchange();
    try {
      fast.advance(10);
      fast.play(60);
      const at = (timestamp: number) => get(fast, TRADER, '/v5/order/realtime', realtime, { timestamp });
      // 5 s of real time is 300 s of replay time at 60×; a request takes far less than the 3 s of slack.
      expect((await at(fast.clock.now() - 100_000)).body.retCode).toBe(0);
      expect((await at(fast.clock.now() + 30_000)).body.retCode).toBe(0);
      expect((await at(fast.clock.now() - 600_000)).body.retCode).toBe(10002);
      fast.pause();
      expect((await at(fast.clock.now() - 100_000)).body.retCode).toBe(10002);
      expect((await at(fast.clock.now() - 4000)).body.retCode).toBe(0);
    } finally {
      await fast.close();
    }
  });

  it('signs the recvWindow header as sent, and takes 5000 when it is left out', async () => {
    const missing = await get(exchange, TRADER, '/v5/order/realtime', realtime, { recvWindow: null, timestamp: exchange.clock.now() - 4000 });
    expect(missing.body.retCode).toBe(0);
  });

  it('10004 for a wrong signature, a wrong secret, or a payload other than the one signed', async () => {
    expect((await get(exchange, TRADER, '/v5/order/realtime', realtime, { signature: 'f'.repeat(64) })).body.retCode).toBe(10004);
    const wrongSecret: Key = { key: TRADER.key, secret: 'guess' };
    const bad = await get(exchange, wrongSecret, '/v5/order/realtime', realtime);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ retCode: 10004, retMsg: 'Error sign, please check your signature generation algorithm.' });
    // The server signs over the raw query string: the same parameters in another order are another string.
    const reordered = await get(exchange, TRADER, '/v5/order/realtime', {}, { raw: 'symbol=SOLUSDT&category=linear' });
    expect(reordered.body.retCode).toBe(0);
    const timestamp = String(exchange.clock.now());
    const signedOrder = sign(TRADER.secret, prehash(timestamp, TRADER.key, '5000', 'category=linear&symbol=SOLUSDT'));
    const swapped = await get(exchange, TRADER, '/v5/order/realtime', {}, { raw: 'symbol=SOLUSDT&category=linear', signature: signedOrder });
    expect(swapped.body.retCode).toBe(10004);
  });

  it('10005 when a read-only key trades; reading is fine', async () => {
    expect((await get(exchange, READER, '/v5/order/realtime', realtime)).body.retCode).toBe(0);
    const refused = await post(exchange, READER, '/v5/order/create', { category: 'linear', symbol: 'SOLUSDT', side: 'Buy', orderType: 'Limit', qty: '0.1', price: '90' });
    expect(refused.body).toMatchObject({ retCode: 10005, retMsg: 'Permission denied, please check your API key permissions.' });
  });

  it('never writes a secret into an answer', async () => {
    const answers = [
      await get(exchange, { key: TRADER.key, secret: 'guess' }, '/v5/order/realtime', realtime),
      await get(exchange, TRADER, '/v5/user/query-api'),
      await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: 'SOLUSDT' }),
    ];
    for (const answer of answers) {
      expect(answer.text).not.toContain(TRADER.secret);
      expect(answer.text).not.toContain(READER.secret);
    }
  });
});
