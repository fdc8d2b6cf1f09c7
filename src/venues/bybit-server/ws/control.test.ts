// The streams' requests and answers (§9): paths, ping on each path, subscribe and unsubscribe, auth and its refusals, the idle hang-up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referencePayload } from '../../bybit/test-support/reference.js';
import type { LocalExchange } from '../index.js';
import { READER, SOL, startTestExchange, TRADER } from '../test-support/fixtures.js';
import { realtimeSignature } from './auth.js';
import { StreamClient } from './test-support/stream-client.js';

let exchange: LocalExchange;
const clients: StreamClient[] = [];
beforeAll(async () => {
  exchange = await startTestExchange();
  exchange.advance(10);
});
afterAll(() => exchange.close());
afterEach(() => {
  for (const client of clients.splice(0)) {
    expect(client.problems).toEqual([]);
    client.close();
  }
});

async function open(path: 'public' | 'private'): Promise<StreamClient> {
  const client = await StreamClient.open(path === 'public' ? exchange.wsPublicUrl : exchange.wsPrivateUrl);
  clients.push(client);
  return client;
}

const keysOf = (name: string): string[] => Object.keys(referencePayload(name) as object).sort();

describe('paths', () => {
  it('serves the streams on the REST port and refuses any other path with a 404', async () => {
    expect(exchange.wsPublicUrl).toBe(`ws://127.0.0.1:${exchange.port}/v5/public/linear`);
    expect(exchange.wsPrivateUrl).toBe(`ws://127.0.0.1:${exchange.port}/v5/private`);
    await expect(StreamClient.open(`ws://127.0.0.1:${exchange.port}/v5/public/spot`)).rejects.toThrow(/404/);
  });
});

describe('ping', () => {
  it('public linear: op "ping", ret_msg "pong", req_id echoed ("" when none), the reference keys', async () => {
    const client = await open('public');
    const pong = await client.request({ op: 'ping', req_id: '100001' });
    expect(pong).toMatchObject({ success: true, ret_msg: 'pong', op: 'ping', req_id: '100001' });
    expect(Object.keys(pong).sort()).toEqual(keysOf('ws-pong-linear'));
    expect((await client.request({ op: 'ping' })).req_id).toBe('');
  });

  it('private: op "pong" with the server time in args, before and after auth, the reference keys', async () => {
    const client = await open('private');
    const pong = await client.request({ op: 'ping', req_id: 'test' }, 'pong');
    expect(pong).toMatchObject({ op: 'pong', req_id: 'test', args: [String(exchange.clock.now())] });
    expect(typeof pong.conn_id).toBe('string');
    expect(Object.keys(pong).sort()).toEqual(keysOf('ws-pong-private'));
    await client.auth(TRADER, exchange.clock.now());
    expect((await client.request({ op: 'ping' }, 'pong')).args).toEqual([String(exchange.clock.now())]);
  });
});

describe('subscribe and unsubscribe', () => {
  it('public: the linear answer with req_id and the reference keys; unsubscribe likewise', async () => {
    const client = await open('public');
    const answer = await client.request({ op: 'subscribe', req_id: 'r1', args: [`publicTrade.${SOL}`, `kline.5.${SOL}`] });
    expect(answer).toMatchObject({ success: true, ret_msg: '', op: 'subscribe', req_id: 'r1' });
    expect(Object.keys(answer).sort()).toEqual(keysOf('ws-subscribe-linear'));
    expect(await client.request({ op: 'unsubscribe', args: [`publicTrade.${SOL}`] })).toMatchObject({ success: true, op: 'unsubscribe', req_id: '' });
  });

  it.each([
    ['orderbook.1.DOGEUSDT', 'symbol "DOGEUSDT" is not listed'],
    [`kline.7.${SOL}`, 'interval "7" is not one of'],
    [`orderbook.25.${SOL}`, 'depth "25" is not one of 1, 50, 200'],
    ['dcp.future', 'error:handler not found,topic:dcp.future'],
    ['order', 'error:handler not found,topic:order'],
  ])('public: %s is refused, naming it', async (topic, message) => {
    const client = await open('public');
    const answer = await client.subscribe(topic);
    expect(answer).toMatchObject({ success: false, op: 'subscribe' });
    expect(answer.ret_msg).toContain(message);
    expect(answer.ret_msg).toContain(`topic:${topic}`);
  });

  it('one bad topic refuses the whole request: the good one is not subscribed either', async () => {
    const client = await open('public');
    expect((await client.subscribe(`publicTrade.${SOL}`, 'publicTrade.XRPUSDT')).success).toBe(false);
    exchange.advance(1);
    expect(await client.drain()).toEqual([]);
    expect((await client.subscribe(`publicTrade.${SOL}`)).success).toBe(true);
    expect((await client.subscribe(`publicTrade.${SOL}`)).ret_msg).toContain('already subscribed');
    expect((await client.request({ op: 'unsubscribe', args: [`tickers.${SOL}`] })).ret_msg).toContain('not subscribed,topic:tickers.SOLUSDT');
  });

  it('answers what it cannot read with success:false saying why', async () => {
    const client = await open('public');
    client.send('not json');
    expect((await client.next()).ret_msg).toContain('must be JSON');
    expect((await client.request({ op: 'subscribe', args: [] })).ret_msg).toContain('args must be a non-empty list');
    expect((await client.request({ op: 'dance' })).ret_msg).toContain('op "dance" is not served');
    expect((await client.request({ op: 'auth', args: [] })).ret_msg).toContain('private path');
  });
});

describe('auth', () => {
  const expiresIn = (ms: number): number => exchange.clock.now() + ms;

  it('a valid signature opens the private topics; the answer has the reference keys', async () => {
    const client = await open('private');
    const refused = await client.subscribe('order');
    expect(refused).toMatchObject({ success: false, op: 'subscribe' });
    expect(refused.ret_msg).toContain('need auth first,topic:order');
    const answer = await client.auth(READER, exchange.clock.now());
    expect(answer).toMatchObject({ success: true, ret_msg: '', op: 'auth' });
    expect(Object.keys(answer).sort()).toEqual(keysOf('ws-auth-success'));
    const subscribed = await client.subscribe('order', 'execution.linear', 'position', 'wallet');
    expect(subscribed).toMatchObject({ success: true, ret_msg: '', op: 'subscribe' });
    expect(Object.keys(subscribed).sort()).toEqual(keysOf('ws-subscribe-private'));
    expect((await client.auth(READER, exchange.clock.now())).ret_msg).toBe('error:already authorized');
  });

  it.each([
    ['a bad signature', () => [TRADER.key, expiresIn(5000), realtimeSignature('wrong secret', expiresIn(5000))], 'args[2] (signature)'],
    ['an expiry already past', () => [TRADER.key, expiresIn(-1), realtimeSignature(TRADER.secret, expiresIn(-1))], 'is not after the server time'],
    ['an unknown key', () => ['nobody', expiresIn(5000), realtimeSignature(TRADER.secret, expiresIn(5000))], 'args[0] (apiKey) is not a key'],
    ['args of the wrong shape', () => [TRADER.key], 'args must be [apiKey, expires, signature]'],
  ])('%s is refused with "Params Error" and the private topics stay shut', async (_, args, reason) => {
    const client = await open('private');
    const answer = await client.request({ op: 'auth', args: args() });
    expect(answer).toMatchObject({ success: false, op: 'auth' });
    expect(answer.ret_msg).toMatch(/^Params Error: /);
    expect(answer.ret_msg).toContain(reason);
    expect(answer.ret_msg).not.toContain(TRADER.secret);
    expect((await client.subscribe('wallet')).success).toBe(false);
  });

  it('expires may come as a string of digits; execution.fast, other categories and mixing order with order.linear are refused', async () => {
    const client = await open('private');
    const expires = String(expiresIn(5000));
    expect((await client.request({ op: 'auth', args: [TRADER.key, expires, realtimeSignature(TRADER.secret, expires)] })).success).toBe(true);
    expect((await client.subscribe('execution.fast')).ret_msg).toContain('execution.fast is not served');
    expect((await client.subscribe('order.spot')).ret_msg).toContain('linear only');
    expect((await client.subscribe('order', 'order.linear')).ret_msg).toContain('All-In-One topic and Categorised topic');
    expect((await client.subscribe(`publicTrade.${SOL}`)).ret_msg).toContain('handler not found');
  });
});

describe('hanging up', () => {
  it('closes a connection that says nothing for the idle time; pings keep one open', async () => {
    // Pings every 100 ms against a 1 s limit: room for a loaded two-core machine (a ping late by
    // 300 ms once closed the chatty one too), and longer in all than the limit.
    const quiet = await startTestExchange(undefined, { streamIdleTimeoutMs: 1000 });
    try {
      const silent = await StreamClient.open(quiet.wsPublicUrl);
      const chatty = await StreamClient.open(quiet.wsPrivateUrl);
      for (let i = 0; i < 13; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await chatty.request({ op: 'ping' }, 'pong');
      }
      expect(await silent.closed).toMatchObject({ code: 1000, reason: expect.stringContaining('idle') });
      await chatty.request({ op: 'ping' }, 'pong');
      expect(await chatty.closed).toMatchObject({ code: 1000 });
      expect([...silent.problems, ...chatty.problems]).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('close() hangs up on every client', async () => {
    const other = await startTestExchange();
    const client = await StreamClient.open(other.wsPublicUrl);
    await other.close();
    expect((await client.closed).code).toBe(1006);
  });

  it('refuses a bad idle time before starting', async () => {
    await expect(startTestExchange(undefined, { streamIdleTimeoutMs: 0 })).rejects.toThrow('streamIdleTimeoutMs must be a positive number of ms, got 0');
  });
});
