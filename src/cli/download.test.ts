import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SOLUSDT_5M_CANDLES, SOLUSDT_FUNDING, startBybitHistoryServer, type BybitHistoryServer } from '../data/test-support/bybit-history-server.js';
import { describeWithData, sharedDataPath } from '../data/test-support/shared-data.js';
import { run } from './program.js';

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeWithData(SOLUSDT_5M_CANDLES, 'bybot download against a local Bybit-format server', (candlesFile) => {
  const dir = mkdtempSync(join(tmpdir(), 'bybot-dl-cli-'));
  const config = join(dir, 'bybot.config.json');
  let server: BybitHistoryServer;

  beforeAll(async () => {
    server = await startBybitHistoryServer({ candlesFile, fundingFile: sharedDataPath(SOLUSDT_FUNDING)! });
    writeFileSync(config, JSON.stringify({ dataDir: join(dir, 'data'), bybit: { maxRetries: 1, requestTimeoutMs: 2000 } }));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function bybot(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['--config', config, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('downloads, resumes with nothing to fetch, and exports exactly the recorded candles', async () => {
    const range = ['--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-10', '--to', '2024-05-20'];
    const first = await bybot('download', ...range, '--base-url', server.url);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/SOLUSDT 5m: 3168 new candle\(s\), 33 new funding rate\(s\)/);
    const requestsAfterFirst = server.requests.count('/v5/market/kline');
    const second = await bybot('download', ...range, '--base-url', server.url);
    expect(second.out).toMatch(/SOLUSDT 5m: 0 new candle\(s\), 0 new funding rate\(s\)/);
    expect(server.requests.count('/v5/market/kline')).toBe(requestsAfterFirst);

    const out = join(dir, 'sol.csv');
    expect((await bybot('data', 'export', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-10', '--to', '2024-05-20', '--out', out)).code).toBe(0);
    const exported = readFileSync(out, 'utf8').trimEnd().split('\n');
    const recorded = readFileSync(candlesFile, 'utf8').split('\n');
    const start = recorded.findIndex((l) => l.startsWith(String(Date.UTC(2024, 4, 10))));
    expect(exported.slice(1)).toEqual(recorded.slice(start, start + 3168));
    expect((await bybot('data', 'list')).out).toMatch(/bybit-linear\s+SOLUSDT\s+5m\s+3168\s+2024-05-10T00:00Z\s+2024-05-20T23:55Z/);
  });

  it('retries a rate-limited reply and says so on stderr', async () => {
    server.faults.inject('rate-limit', 1, { path: '/v5/market/kline' });
    const result = await bybot('download', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-21', '--to', '2024-05-22', '--base-url', server.url, '--no-funding');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/bybot: retry 1 in \d+ ms: .*10006/);
  });

  it('names an unknown symbol and an unreachable URL, with distinct exit codes', async () => {
    const unknown = await bybot('download', '--symbol', 'SOLXUSDT', '--interval', '5m', '--from', '2024-05-10', '--to', '2024-05-11', '--base-url', server.url);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown symbol SOLXUSDT/i);
    const url = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await bybot('download', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-10', '--to', '2024-05-11', '--base-url', url);
    expect(unreachable.code).toBe(3);
    expect(unreachable.err).toContain(url);
    const badUrl = await bybot('download', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-10', '--to', '2024-05-11', '--base-url', 'ftp://nowhere');
    expect(badUrl).toMatchObject({ code: 2, err: expect.stringContaining('bybit.baseUrl = "ftp://nowhere" (from command line): expected an http(s) URL') });
    const badRange = await bybot('download', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2024-05-12', '--to', '2024-05-11', '--base-url', server.url);
    expect(badRange).toMatchObject({ code: 2, err: expect.stringContaining('--from "2024-05-12" is not before --to "2024-05-11"') });
  });
});
