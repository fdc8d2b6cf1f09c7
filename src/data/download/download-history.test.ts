// downloadHistory end to end against the local Bybit server serving real SOLUSDT data: exact rows, resume, faults.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { InputError, TransientError } from '../../core/errors.js';
import { seededRandom } from '../../core/random.js';
import { HistoryStore } from '../history-store.js';
import { SOLUSDT_5M_CANDLES, SOLUSDT_FUNDING, startBybitHistoryServer, type BybitHistoryServer } from '../test-support/bybit-history-server.js';
import { describeWithData, sharedDataPath } from '../test-support/shared-data.js';
import { BybitPublicClient, UnknownSymbolError } from './bybit-public-client.js';
import { downloadHistory, type DownloadHistoryOptions, type DownloadProgress } from './download-history.js';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';

const M5 = 300_000;
const DAY = 86_400_000;
const MAY_10 = Date.UTC(2024, 4, 10);
const MAY_20 = Date.UTC(2024, 4, 20);
const KLINE = '/v5/market/kline';
const FUNDING = '/v5/market/funding/history';
/** Later than everything in the recorded data: the local clock never limits these downloads. */
const LATER = Date.UTC(2024, 11, 31);

describeWithData(SOLUSDT_5M_CANDLES, 'downloadHistory', (candlesFile) => {
  let server: BybitHistoryServer;
  let defaultNow: number;
  let dir: string;
  let store: HistoryStore;
  let sleeps: number;

  const client = () =>
    new BybitPublicClient({
      baseUrl: server.url,
      retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
      sleep: async () => void sleeps++,
      random: seededRandom(3),
    });
  const download = (overrides: Partial<DownloadHistoryOptions> = {}) =>
    downloadHistory({ client: client(), store, symbol: 'SOLUSDT', timeframe: '5m', from: MAY_10, to: MAY_20, clock: new ManualClock(LATER), ...overrides });

  /** The stored candles equal the recorded CSV rows for [from, to]: same times, OHLCV, no duplicates, no holes. */
  function expectStoredCandles(from: number, to: number): void {
    const got = store.readCandles('SOLUSDT', '5m');
    const want = server.candles.sliceByTime(from, to);
    expect(want.length).toBe((to - from) / M5 + 1);
    expect(got?.length).toBe(want.length);
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(got!.columns[column]), column).toEqual(Array.from(want.columns[column]));
    }
  }

  function expectStoredFunding(from: number, to: number): void {
    const got = store.readFunding('SOLUSDT');
    const want = [...server.funding.time.keys()].filter((i) => server.funding.time[i]! >= from && server.funding.time[i]! <= to);
    expect(want.length).toBeGreaterThan(0);
    expect(Array.from(got!.time.subarray(0, got!.length))).toEqual(want.map((i) => server.funding.time[i]));
    expect(Array.from(got!.rate.subarray(0, got!.length))).toEqual(want.map((i) => server.funding.rate[i]));
  }

  function filesIn(root: string): string[] {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  }

  beforeAll(async () => {
    server = await startBybitHistoryServer({ candlesFile, fundingFile: sharedDataPath(SOLUSDT_FUNDING)! });
    defaultNow = server.now();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server.faults.clear();
    server.requests.reset();
    server.setNow(defaultNow);
    sleeps = 0;
    dir = mkdtempSync(join(tmpdir(), 'bybot-download-'));
    store = new HistoryStore(dir);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a range of several pages exactly as recorded, with funding and the instrument', async () => {
    const events: DownloadProgress[] = [];
    const summary = await download({ onProgress: (p) => void events.push(p) });
    expectStoredCandles(MAY_10, MAY_20);
    expectStoredFunding(MAY_10, MAY_20);
    expect(summary).toEqual({ candlesAdded: 2881, fundingAdded: 31, requests: 5, first: MAY_10, last: MAY_20 });
    expect(server.requests.count(KLINE)).toBe(3);
    // Explicit windows of at most 1000 candles, chronological and adjoining.
    const windows = server.requests.all.filter((r) => r.path === KLINE).map((r) => [Number(r.query['start']), Number(r.query['end'])]);
    expect(windows).toEqual([
      [MAY_10, MAY_10 + 999 * M5],
      [MAY_10 + 1000 * M5, MAY_10 + 1999 * M5],
      [MAY_10 + 2000 * M5, MAY_20],
    ]);
    expect(server.requests.all.find((r) => r.path === KLINE)?.query).toMatchObject({ category: 'linear', symbol: 'SOLUSDT', interval: '5', limit: '1000' });
    // The server's instrument row is SOLUSDT_DEFAULT written as Bybit writes it (maxLeverage "100.00").
    expect(store.readInstrument('SOLUSDT')).toEqual({ ...SOLUSDT_DEFAULT, maxLeverage: '100.00' });
    const klines = events.filter((e) => e.phase === 'klines');
    expect(klines.map((e) => e.done)).toEqual([0, 1000, 2000, 2881]);
    expect(klines.every((e) => e.total === 2881)).toBe(true);
    expect(events.at(-1)).toEqual({ phase: 'funding', done: 31, total: 31 });
    expect(events[0]).toEqual({ phase: 'instrument', done: 0, total: 1 });
    expect(filesIn(dir).sort()).toEqual(['5m.bin', 'funding.bin', 'instrument.json']);
  });

  it('makes no kline or funding request when the range is already stored', async () => {
    await download();
    server.requests.reset();
    const again = await download();
    expect(server.requests.count(KLINE)).toBe(0);
    expect(server.requests.count(FUNDING)).toBe(0);
    expect(again).toEqual({ candlesAdded: 0, fundingAdded: 0, requests: 1, first: MAY_10, last: MAY_20 });
    expectStoredCandles(MAY_10, MAY_20);
  });

  it('extends a stored range by fetching only the missing head and tail', async () => {
    await download();
    server.requests.reset();
    const from = MAY_10 - 2 * DAY;
    const to = MAY_20 + 2 * DAY;
    const summary = await download({ from, to });
    const windows = server.requests.all.filter((r) => r.path === KLINE).map((r) => [Number(r.query['start']), Number(r.query['end'])]);
    expect(windows).toEqual([
      [MAY_20 + M5, to],
      [from, MAY_10 - M5],
    ]);
    expect(server.requests.count(FUNDING)).toBe(2);
    expect(summary.candlesAdded).toBe(2 * 576);
    expect(summary.fundingAdded).toBe(12);
    expectStoredCandles(from, to);
    expectStoredFunding(from, to);
  });

  it('does not store the newest candle while it is still open, and stores it once closed', async () => {
    // Local clock ahead of the server's: only the server's `time` can tell the candle is still forming.
    let open = MAY_10 + 150 * M5;
    while (server.candles.at(server.candles.lowerBound(open)).close === server.candles.at(server.candles.lowerBound(open)).open) open += M5;
    server.setNow(open + 2 * 60_000);
    const summary = await download({ to: MAY_10 + DAY, include: { funding: false } });
    expect(summary.last).toBe(open - M5);
    expect(store.readCandles('SOLUSDT', '5m')?.lowerBound(open)).toBe(store.readCandles('SOLUSDT', '5m')?.length);
    expectStoredCandles(MAY_10, open - M5);

    server.setNow(MAY_10 + DAY + M5);
    await download({ to: MAY_10 + DAY, include: { funding: false } });
    expectStoredCandles(MAY_10, MAY_10 + DAY);
  });

  it('retries 10006 and HTTP 500 replies and still completes', async () => {
    server.faults.inject('rate-limit', 2, { path: KLINE, after: 1 });
    server.faults.inject('http-500', 2, { path: FUNDING });
    server.faults.inject('drop', 1, { path: '/v5/market/instruments-info' });
    const summary = await download();
    expect(summary.requests).toBe(5);
    expect(server.requests.count(KLINE)).toBe(5);
    expect(server.requests.count(FUNDING)).toBe(3);
    expect(sleeps).toBe(5);
    expectStoredCandles(MAY_10, MAY_20);
    expectStoredFunding(MAY_10, MAY_20);
  });

  it('fails on an unknown symbol with a message naming it, and writes nothing', async () => {
    const listed = await download({ symbol: 'SOLXUSDT' }).catch((e: unknown) => e);
    expect(listed).toBeInstanceOf(UnknownSymbolError);
    expect((listed as Error).message).toMatch(/^unknown symbol SOLXUSDT: /);
    // Without the instrument step the kline request is the one that finds out.
    const klines = await download({ symbol: 'SOLXUSDT', include: { instrument: false } }).catch((e: unknown) => e);
    expect(klines).toBeInstanceOf(UnknownSymbolError);
    expect((klines as Error).message).toMatch(/^unknown symbol SOLXUSDT: Bybit answered retCode 10001 /);
    expect(server.requests.count(KLINE)).toBe(1);
    expect(filesIn(dir)).toEqual([]);
  });

  it('fails on an unreachable URL with a message naming it', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const unreachable = new BybitPublicClient({ baseUrl: url, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, sleep: async () => {} });
    const error = await download({ client: unreachable }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toContain(url);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(filesIn(dir)).toEqual([]);
  });

  it('rejects a range whose from is not before to, before any request', async () => {
    await expect(download({ from: MAY_20, to: MAY_10 })).rejects.toThrow(InputError);
    await expect(download({ from: MAY_20, to: MAY_10 })).rejects.toThrow(/^from \(2024-05-20T00:00:00.000Z\) must be before to \(2024-05-10/);
    await expect(download({ from: Number.NaN })).rejects.toThrow(/^from: /);
    await expect(download({ symbol: 'solusdt' })).rejects.toThrow(/^symbol: "solusdt"/);
    expect(server.requests.count()).toBe(0);
  });

  it('keeps what an interrupted run fetched, consistent and without temp files, and the next run completes it', async () => {
    // Two kline pages succeed, then the connection drops on every attempt of the third.
    server.faults.inject('drop', 3, { path: KLINE, after: 2 });
    const error = await download().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expectStoredCandles(MAY_10, MAY_10 + 1999 * M5);
    expect(filesIn(dir).sort()).toEqual(['5m.bin', 'instrument.json']);

    server.faults.clear();
    server.requests.reset();
    const summary = await download();
    expect(server.requests.all.filter((r) => r.path === KLINE).map((r) => Number(r.query['start']))).toEqual([MAY_10 + 2000 * M5]);
    expect(summary.candlesAdded).toBe(881);
    expectStoredCandles(MAY_10, MAY_20);
    expectStoredFunding(MAY_10, MAY_20);
  });

  it('extends the head backwards, so an interrupted extension leaves no hole', async () => {
    await download({ include: { funding: false } });
    const from = MAY_10 - 8 * DAY; // 2304 candles before: three pages, newest first.
    server.faults.inject('drop', 3, { path: KLINE, after: 1 });
    await expect(download({ from, include: { funding: false } })).rejects.toThrow(TransientError);
    expectStoredCandles(MAY_10 - 1000 * M5, MAY_20);

    server.faults.clear();
    server.requests.reset();
    await download({ from, include: { funding: false } });
    expect(server.requests.count(KLINE)).toBe(2);
    expectStoredCandles(from, MAY_20);
  });

  it('asks for nothing before the listing time on a second run', async () => {
    const first = server.candles.at(0).time;
    const options = { from: first - 30 * DAY, to: first + DAY, include: { funding: false } };
    expect((await download(options)).first).toBe(first);
    server.requests.reset();
    await download(options);
    expect(server.requests.count(KLINE)).toBe(0);
    expectStoredCandles(first, first + DAY);
  });
});
