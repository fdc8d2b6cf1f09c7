// Secrets never reach a line: every line written (stdout, file, pretty) is scanned for the secret and, with redactKeys, the key.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCredentials } from '../venues/bybit/sign.js';
import { createLogger } from './create-logger.js';
import type { Logger } from './logger.js';
import { censorNested } from './redact.js';

const API_KEY = 'XkEy7Qw2Er4Ty6Ui8';
const API_SECRET = 'sEcReT9Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0';
const credentials = new ApiCredentials(API_KEY, API_SECRET);
const SIGNATURE = credentials.sign('1700000000000' + API_KEY + '5000' + 'category=linear');

/** Logs the secret, the key and a signature in every place we could think of. */
function logEverywhere(log: Logger): void {
  log.info('plain fields', { secret: API_SECRET, apiSecret: API_SECRET, apiKey: API_KEY, credentials });
  log.info('nested deep', { a: { b: { c: { d: { e: API_SECRET, list: [API_SECRET] } } } } });
  log.info('in an array', { values: [1, API_SECRET, { secret: API_SECRET }, [API_KEY, API_SECRET]] });
  log.info(`concatenated key=${API_KEY} secret=${API_SECRET} in the message`);
  log.info('in a string field', { note: 'prefix' + API_SECRET + 'suffix', url: `/v5?secret=${encodeURIComponent(API_SECRET)}` });
  log.info('headers', {
    headers: { 'X-BAPI-API-KEY': API_KEY, 'X-BAPI-SIGN': SIGNATURE, 'X-BAPI-TIMESTAMP': '1700000000000' },
    request: { headers: { 'x-bapi-sign': SIGNATURE }, sign: SIGNATURE },
    deeper: { one: { headers: { Authorization: `Bearer ${API_SECRET}` } } },
  });
  log.info('ws auth frame', { frame: { op: 'auth', args: [API_KEY, 1_700_000_000_000, SIGNATURE] }, signature: SIGNATURE });
  log.error('error message', { err: new Error(`HMAC with ${API_SECRET} failed`) });
  const axiosLike = Object.assign(new Error('Request failed with status code 401'), {
    config: { headers: { 'X-BAPI-API-KEY': API_KEY, 'X-BAPI-SIGN': SIGNATURE }, data: `{"secret":"${API_SECRET}"}` },
    response: { status: 401, data: { retMsg: `bad key ${API_KEY}` } },
  });
  log.error('error with request', { err: new Error('outer', { cause: axiosLike }), failure: axiosLike, result: { attempts: [{ failure: axiosLike }] } });
  log.error('sdk rejection', { error: { message: `rejected ${API_SECRET}`, requestOptions: { key: API_KEY, secret: API_SECRET } } });
  log.child({ session: API_SECRET, apiKey: API_KEY }).module('venue.bybit').warn('child bindings');
}

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')) } };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileLines(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== ''));
}

describe('redaction', () => {
  it('by default: the secret and signatures appear on no line, stdout or file; the key does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bybot-redact-'));
    dirs.push(dir);
    const out = capture();
    const log = createLogger({ destination: out.destination, pretty: false, file: { dir, maxSize: '1k', keep: 1000 } });
    log.registerSecret(API_SECRET);
    log.registerApiKey(API_KEY);
    logEverywhere(log);
    await log.close();
    const lines = [...out.lines, ...fileLines(dir)];
    expect(lines.length).toBe(2 * 11);
    for (const line of lines) {
      expect(line).not.toContain(API_SECRET);
      expect(line).not.toContain(encodeURIComponent(API_SECRET));
      expect(line).not.toContain(SIGNATURE);
    }
    expect(lines.filter((line) => line.includes(API_KEY)).length).toBeGreaterThan(0);
    expect(out.lines.join('\n')).toContain('[redacted]');
  });

  it('with redactKeys: the key is gone from every line too', async () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, pretty: false, redactKeys: true });
    log.registerSecret(API_SECRET);
    log.registerApiKey(API_KEY);
    logEverywhere(log);
    await log.close();
    expect(out.lines).toHaveLength(11);
    for (const line of out.lines) for (const value of [API_SECRET, API_KEY, SIGNATURE]) expect(line).not.toContain(value);
  });

  it('named fields are censored even when the value was never registered', () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, pretty: false });
    logEverywhere(log);
    const byMsg = new Map(out.lines.map((line) => [JSON.parse(line).msg as string, JSON.parse(line) as Record<string, any>]));
    expect(byMsg.get('plain fields')).toMatchObject({ secret: '[redacted]', apiSecret: '[redacted]', apiKey: API_KEY, credentials: { apiKey: API_KEY } });
    expect(byMsg.get('headers')!.headers).toEqual({ 'X-BAPI-API-KEY': '[redacted]', 'X-BAPI-SIGN': '[redacted]', 'X-BAPI-TIMESTAMP': '[redacted]' });
    expect(byMsg.get('headers')!.deeper.one.headers.Authorization).toBe('[redacted]');
    expect(byMsg.get('ws auth frame')!.frame.args).toEqual([API_KEY, 1_700_000_000_000, '[redacted]']);
    expect(out.lines.join('\n')).not.toContain(SIGNATURE);
  });

  it('leaves other args alone', () => {
    const out = capture();
    createLogger({ destination: out.destination, pretty: false }).info('subscribe', { frame: { op: 'subscribe', args: ['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.BTCUSDT'] } });
    expect(JSON.parse(out.lines[0]!).frame.args).toEqual(['orderbook.50.BTCUSDT', 'publicTrade.BTCUSDT', 'tickers.BTCUSDT']);
  });

  it('scrubs pretty output as well', async () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, pretty: true });
    log.registerSecret(API_SECRET);
    logEverywhere(log);
    await log.flush();
    expect(out.lines.length).toBeGreaterThan(11);
    for (const line of out.lines) {
      expect(line).not.toContain(API_SECRET);
      expect(line).not.toContain(SIGNATURE);
    }
  });
});

describe('censorNested', () => {
  it('copies only what it changes and stops at a depth limit', () => {
    const untouched = { a: { b: [1, 2, { c: 'd' }] }, n: 1 };
    expect(censorNested(untouched, false)).toBe(untouched);
    const input = { order: { id: 1, secret: 's' }, other: { x: 1 } };
    const out = censorNested(input, false);
    expect(out).toEqual({ order: { id: 1, secret: '[redacted]' }, other: { x: 1 } });
    expect(out.other).toBe(input.other);
    expect(input.order.secret).toBe('s');
    type Deep = { next?: Deep };
    const deep: Deep = {};
    let cursor = deep;
    for (let i = 0; i < 20; i++) cursor = cursor.next = {};
    expect(JSON.stringify(censorNested({ deep }, false))).toContain('[too deep]');
  });
});
