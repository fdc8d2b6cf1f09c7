// startExchange over the real candle folder: the replay only shows what has closed, signed requests work with the configured key, keys are checked without leaking secrets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeWithData } from '../data/test-support/shared-data.js';
import { ApiCredentials, signGet } from '../venues/bybit/sign.js';
import { parseRange } from './args.js';
import { startExchange, type RunningExchange } from './exchange.js';
import { exchangeKeys, KEY_ENV, SECRET_ENV } from './exchange-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-exchange-'));
const ctx = { dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIVE_MINUTES = 300_000;
const SECRET = 'runtime-test-secret-0123456789';

async function getJson(url: string, headers: Record<string, string> = {}) {
  return (await (await fetch(url, { headers })).json()) as { retCode: number; retMsg: string; result: any };
}

describeWithData('candles', 'startExchange', (candles) => {
  let running: RunningExchange | undefined;
  afterEach(async () => {
    await running?.exchange.close();
    running = undefined;
  });
  const start = () => startExchange(ctx, { symbols: ['SOLUSDT'], timeframe: '5m', data: candles, ...parseRange('2025-05-01', '2025-05-01T02:00'), port: 0, env: { [KEY_ENV]: 'runtime-key', [SECRET_ENV]: SECRET } });

  it('serves server time and klines that grow as the replay advances, never past the clock', async () => {
    running = await start();
    const { exchange } = running;
    expect(exchange.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.candles).toEqual({ SOLUSDT: 25 });
    expect(running.span).toEqual({ from: Date.parse('2025-05-01T00:00Z'), to: Date.parse('2025-05-01T02:05Z') });
    const time = await getJson(`${exchange.url}/v5/market/time`);
    expect(time.retCode).toBe(0);
    expect(Number(time.result.timeSecond)).toBe(Math.floor(exchange.clock.now() / 1000));
    const kline = async () => (await getJson(`${exchange.url}/v5/market/kline?category=linear&symbol=SOLUSDT&interval=5`)).result.list as string[][];
    const counts: number[] = [];
    for (const step of [0, 3, 5]) {
      exchange.advance(step);
      const list = await kline();
      counts.push(list.length);
      for (const row of list) expect(Number(row[0]) + FIVE_MINUTES).toBeLessThanOrEqual(exchange.clock.now());
    }
    expect(counts).toEqual([0, 3, 8]);
    expect(exchange.advance(100)).toBe(17);
    expect(exchange.finished).toBe(true);
    expect(await kline()).toHaveLength(25);
  });

  it('accepts a request signed with the configured key and refuses one signed with another secret', async () => {
    running = await start();
    const { exchange } = running;
    expect(running.keys.generated).toBeUndefined();
    const wallet = async (secret: string) => {
      const { query, headers } = signGet(new ApiCredentials('runtime-key', secret), { accountType: 'UNIFIED' }, { timestamp: exchange.clock.now() });
      return getJson(`${exchange.url}/v5/account/wallet-balance?${query}`, headers);
    };
    const ok = await wallet(SECRET);
    expect(ok.retCode).toBe(0);
    expect(Number(ok.result.list[0].totalEquity)).toBe(10_000);
    const refused = await wallet('not-the-secret');
    expect(refused.retCode).toBe(10004);
    expect(JSON.stringify(refused)).not.toContain(SECRET);
  });

  it('names the symbol and the folder when history is missing', async () => {
    await expect(startExchange(ctx, { symbols: ['SOLUSDT', 'DOGEUSDT'], timeframe: '5m', data: candles, env: {} })).rejects.toThrow(/DOGEUSDT/);
  });
});

describe('exchangeKeys', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('generates a test pair when nothing is configured', () => {
    const keys = exchangeKeys(undefined, {});
    expect(keys.source).toBe('generated');
    expect(keys.keys).toEqual([keys.generated]);
    expect(keys.generated!.secret).toMatch(/^[0-9a-f]{48}$/);
  });

  it('takes the environment and the file together, and never says the secret', () => {
    const path = file('keys.json', JSON.stringify([{ key: 'file-key', secret: SECRET, readOnly: true }]));
    const keys = exchangeKeys(path, { [KEY_ENV]: 'env-key', [SECRET_ENV]: SECRET });
    expect(keys.keys.map((k) => [k.key, k.readOnly ?? false])).toEqual([['env-key', false], ['file-key', true]]);
    expect(keys.generated).toBeUndefined();
    expect(keys.source).toBe(`${KEY_ENV} and --keys ${path}`);
  });

  it.each([
    ['not JSON', `[{"key":"k","secret":"${SECRET}"`, /not valid JSON/],
    ['not an array', JSON.stringify({ key: 'k', secret: SECRET }), /non-empty JSON array/],
    ['no secret', JSON.stringify([{ key: 'k' }]), /\[0\]\.secret/],
    ['a bad readOnly', JSON.stringify([{ key: 'k', secret: SECRET, readOnly: 'yes' }]), /\[0\]\.readOnly/],
  ])('refuses a keys file with %s, naming --keys but not the secret', (_case, text, message) => {
    const path = file('bad.json', text);
    let error: Error | undefined;
    try {
      exchangeKeys(path, {});
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain('--keys');
    expect(error?.message).not.toContain(SECRET);
  });

  it('wants both environment variables or neither', () => {
    expect(() => exchangeKeys(undefined, { [SECRET_ENV]: SECRET })).toThrow(KEY_ENV);
    expect(() => exchangeKeys(undefined, { [KEY_ENV]: 'k' })).toThrow(SECRET_ENV);
    expect(() => exchangeKeys(join(dir, 'missing.json'), {})).toThrow(/--keys/);
  });
});
