// The public client against the local Bybit history server: envelope, retries with backoff, and errors that say what failed.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { InputError, RemoteRejectedError, TransientError } from '../../core/errors.js';
import { seededRandom } from '../../core/random.js';
import { SOLUSDT_5M_CANDLES, startBybitHistoryServer, type BybitHistoryServer } from '../test-support/bybit-history-server.js';
import { describeWithData } from '../test-support/shared-data.js';
import { BybitPublicClient, UnknownSymbolError, type BybitPublicClientOptions } from './bybit-public-client.js';

/** A port nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describeWithData(SOLUSDT_5M_CANDLES, 'BybitPublicClient', (candlesFile) => {
  let server: BybitHistoryServer;
  let delays: number[];

  const client = (overrides: BybitPublicClientOptions = {}) =>
    new BybitPublicClient({
      baseUrl: server.url,
      retry: { baseDelayMs: 4, maxDelayMs: 10, maxAttempts: 4 },
      sleep: async (ms) => void delays.push(ms),
      random: seededRandom(7),
      ...overrides,
    });

  beforeAll(async () => {
    server = await startBybitHistoryServer({ candlesFile });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server.faults.clear();
    server.requests.reset();
    delays = [];
  });

  it('returns the envelope result and the server time', async () => {
    server.setNow(1_715_000_000_123);
    const reply = await client().reply('/v5/market/time');
    expect(reply.time).toBe(1_715_000_000_123);
    expect(reply.result).toEqual({ timeSecond: '1715000000', timeNano: '1715000000123000000' });
    expect(await client().get('/v5/market/time')).toEqual(reply.result);
  });

  it.each([
    ['rate-limit', 'retCode 10006'],
    ['http-500', 'HTTP 500'],
    ['http-429', 'HTTP 429'],
    ['drop', 'fetch failed'],
  ] as const)('retries a %s reply with jittered, capped backoff and succeeds', async (kind, reason) => {
    server.faults.inject(kind, 3, { path: '/v5/market/time' });
    const notices: string[] = [];
    const result = await client({ onRetry: (n) => void notices.push(n.reason) }).get('/v5/market/time');
    expect(result).toHaveProperty('timeSecond');
    expect(server.requests.count('/v5/market/time')).toBe(4);
    expect(delays).toHaveLength(3);
    // Full jitter: each delay is below its cap (4, 8, then the 10 ms maximum).
    delays.forEach((d, i) => expect(d).toBeLessThan([4, 8, 10][i]!));
    expect(notices.every((n) => n.includes(reason))).toBe(true);
  });

  it('gives up after maxAttempts with a TransientError naming the request, the URL and the last cause', async () => {
    server.faults.inject('rate-limit', 10);
    const error = await client().get('/v5/market/kline', { category: 'linear', symbol: 'SOLUSDT', interval: '5' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain(`${server.url}/v5/market/kline?category=linear&symbol=SOLUSDT&interval=5`);
    expect((error as Error).message).toContain('after 4 attempts');
    expect((error as Error).message).toContain('retCode 10006');
    expect(server.requests.count()).toBe(4);
  });

  it('times out a request that gets no answer, and retries it', async () => {
    server.faults.inject('hang', 1);
    const result = await client({ timeoutMs: 100 }).get('/v5/market/time');
    expect(result).toHaveProperty('timeNano');
    expect(server.requests.count()).toBe(2);
    server.faults.inject('hang', 2);
    const error = await client({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }).get('/v5/market/time').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/no reply within 100 ms/);
  });

  it('reports an unreachable base URL with the URL and the system error', async () => {
    const url = await closedPortUrl();
    const error = await client({ baseUrl: url }).get('/v5/market/time').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain(`${url}/v5/market/time`);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(delays).toHaveLength(3);
  });

  it('turns a 10001 for a kline symbol into an UnknownSymbolError, without retrying', async () => {
    const error = await client().get('/v5/market/kline', { category: 'linear', symbol: 'SOLXUSDT', interval: '5' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ symbol: 'SOLXUSDT', retCode: 10001 });
    expect((error as Error).message).toMatch(/^unknown symbol SOLXUSDT: Bybit answered retCode 10001 "params error: symbol invalid"/);
    expect(server.requests.count()).toBe(1);
  });

  it('rejects any other retCode with RemoteRejectedError naming the code, the message and the request', async () => {
    const error = await client().get('/v5/market/funding/history', { category: 'linear', symbol: 'SOLUSDT', startTime: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteRejectedError);
    expect(error).toMatchObject({ code: 10001 });
    expect((error as Error).message).toBe(
      'GET /v5/market/funding/history?category=linear&symbol=SOLUSDT&startTime=1: Bybit answered retCode 10001 "params error: endTime is required when startTime is passed"',
    );
    expect(server.requests.count()).toBe(1);
  });

  it('names the path and a snippet when the reply is not a Bybit envelope', async () => {
    server.faults.inject('not-json', 1);
    const error = await client().get('/v5/market/time').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteRejectedError);
    expect((error as Error).message).toMatch(/^GET \/v5\/market\/time: the reply is not JSON: "<html><body>Service temporarily/);
    const missing = await client().get('/v5/no/such/path').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RemoteRejectedError);
    expect((missing as Error).message).toBe('GET /v5/no/such/path: HTTP 404: "Not Found"');
    expect(server.requests.count()).toBe(2);
  });
});

it('rejects a base URL that is not http(s)', () => {
  expect(() => new BybitPublicClient({ baseUrl: 'api.bybit.com' })).toThrow(/baseUrl/);
});
