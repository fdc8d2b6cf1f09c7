// `bybot exchange` end to end: it serves the replay, prints its URL, span and key (never a supplied secret), stops at the end, refuses bad input with exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithData } from '../data/test-support/shared-data.js';
import { ApiCredentials, signGet } from '../venues/bybit/sign.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-exchange-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'cli-test-secret-9876543210';
const keysFile = join(dir, 'keys.json');
writeFileSync(keysFile, JSON.stringify([{ key: 'cli-key', secret: SECRET }]));
const badKeysFile = join(dir, 'bad-keys.json');
writeFileSync(badKeysFile, `[{"key":"cli-key","secret":"${SECRET}"`);

/** Runs bybot; `onLine` sees every stdout line as it is printed. */
async function bybot(args: string[], onLine: (line: string) => void = () => {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--data-dir', join(dir, 'data'), ...args], { out: (l) => (out.push(l), onLine(l)), err: (l) => err.push(l) });
  return { code, out, err, text: [...out, ...err].join('\n') };
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  return (await (await fetch(url, { headers })).json()) as { retCode: number; result: any };
}

describeWithData('candles', 'bybot exchange', (candles) => {
  const span = ['--data', candles, '--timeframe', '5m', '--from', '2025-05-01', '--to', '2025-05-01T02:00'];

  it('serves the replay while it plays, takes the key of --keys, never prints its secret, and stops at the end', async () => {
    let answered: Promise<{ times: number[]; wallet: number; kline: string[][] }> | undefined;
    const result = await bybot(['exchange', ...span, '--speed', '20000', '--exit-at-end', '--keys', keysFile], (line) => {
      const url = /listening on (\S+)/.exec(line)?.[1];
      if (url) answered = query(url);
    });
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out[0]).toMatch(/^exchange listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.out).toContain('  symbols SOLUSDT (25 candles)');
    expect(result.out).toContain('  replay 2025-05-01T00:00Z → 2025-05-01T02:05Z at speed 20000');
    expect(result.text).toContain(`cli-key from --keys ${keysFile}`);
    expect(result.text).not.toContain(SECRET);
    expect(result.out.at(-1)).toMatch(/^exchange stopped \(end of the replay\)/);
    const seen = await answered!;
    expect(seen.wallet).toBe(0);
    expect(seen.times[1]!).toBeGreaterThanOrEqual(seen.times[0]!);
    for (const row of seen.kline) expect(Number(row[0])).toBeLessThan(seen.times[1]!);
  });

  it('generates a test key pair when none is configured and shows its secret once', async () => {
    const result = await bybot(['exchange', ...span, '--speed', 'max', '--exit-at-end']);
    expect(result.code).toBe(0);
    const secret = /secret ([0-9a-f]{48}) \(shown only now\)/.exec(result.text)?.[1];
    expect(secret).toBeDefined();
    expect(result.text.split(secret!)).toHaveLength(2);
  });

  it.each([
    [['--speed', 'fast'], '--speed'],
    [['--speed', '0'], '--speed'],
    [['--port', '70000'], '--port'],
    [['--seed', '-1'], '--seed'],
    [['--equity', '0'], '--equity'],
    [['--timeframe', '7m'], '--timeframe'],
    [['--symbol', 'SOL/USDT'], '--symbol'],
    [['--from', 'yesterday'], '--from'],
    [['--data', join(dir, 'nowhere')], '--data'],
    [['--keys', badKeysFile], '--keys'],
  ])('refuses %j with exit 2, naming %s', async (bad, option) => {
    const result = await bybot(['exchange', ...span, '--exit-at-end', ...bad]);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain(option);
    expect(result.text).not.toContain(SECRET);
  });
});

/** What a client sees while the replay plays: server time twice, a signed wallet request (0 = ok), the klines. */
async function query(url: string) {
  const first = Number((await getJson(`${url}/v5/market/time`)).result.timeNano) / 1e6;
  const { query: qs, headers } = signGet(new ApiCredentials('cli-key', SECRET), { accountType: 'UNIFIED' }, { timestamp: Math.floor(first), recvWindow: 86_400_000 });
  const wallet = (await getJson(`${url}/v5/account/wallet-balance?${qs}`, headers)).retCode;
  const kline = (await getJson(`${url}/v5/market/kline?category=linear&symbol=SOLUSDT&interval=5`)).result.list as string[][];
  const second = Number((await getJson(`${url}/v5/market/time`)).result.timeNano) / 1e6;
  return { times: [first, second], wallet, kline };
}

describe('bybot exchange --help', () => {
  it('lists its options', async () => {
    const result = await bybot(['exchange', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--data', '--symbol', '--speed', '--port', '--keys', '--exit-at-end']) expect(result.text).toContain(option);
  });
});
