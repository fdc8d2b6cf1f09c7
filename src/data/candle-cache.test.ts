import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCandleFile, loadFundingFile } from './load-history.js';
import { HistoryStore, mergeByTime } from './history-store.js';
import { CandleSeries } from './candle-series.js';
import { writeColumnFile, readColumnFile } from './column-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cacheDir = join(dir, 'cache');

describe('binary cache of data files', () => {
  const csv = join(dir, 'bybit-linear_SOLUSDT_5m_x.csv');
  const rows = ['timestamp,open,high,low,close,volume', '1714521600000,126.7,127.06,126.56,126.64,30472.8', '1714521900000,126.64,126.9,126.5,126.8,1200'];

  it('serves the second load from the cache with identical candles', () => {
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const first = loadCandleFile(csv, { cacheDir });
    const second = loadCandleFile(csv, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.series.toArray()).toEqual(first.series.toArray());
    expect(second).toMatchObject({ format: 'canonical', symbol: 'SOLUSDT', timeframe: '5m' });
  });

  it('is invalidated when the source changes', () => {
    writeFileSync(csv, `${[...rows, '1714522200000,126.8,127,126.7,126.9,500'].join('\n')}\n`);
    utimesSync(csv, new Date(), new Date(Date.now() + 5000));
    const reloaded = loadCandleFile(csv, { cacheDir });
    expect(reloaded.fromCache).toBe(false);
    expect(reloaded.series.length).toBe(3);
  });

  it('writes nothing when the source is malformed', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'timestamp,open,high,low,close,volume\n1,2,3\n');
    const before = readdirSync(join(cacheDir, 'files')).length;
    expect(() => loadCandleFile(bad, { cacheDir })).toThrow(/bad\.csv:2/);
    expect(readdirSync(join(cacheDir, 'files')).length).toBe(before);
    expect(readdirSync(join(cacheDir, 'files')).some((f) => f.includes('.tmp'))).toBe(false);
  });

  it('caches funding files too', () => {
    const f = join(dir, 'bybit-linear_SOLUSDT_funding_x.csv');
    writeFileSync(f, 'timestamp,funding_rate\n1714550400000,0.0001\n');
    const a = loadFundingFile(f, { cacheDir });
    const b = loadFundingFile(f, { cacheDir });
    expect([...b.rate]).toEqual([...a.rate]);
    expect(b.symbol).toBe('SOLUSDT');
  });

  it('treats a damaged cache entry as a miss', () => {
    const files = readdirSync(join(cacheDir, 'files')).filter((f) => f.endsWith('.candles.bin'));
    for (const f of files) writeFileSync(join(cacheDir, 'files', f), 'garbage');
    expect(loadCandleFile(csv, { cacheDir }).fromCache).toBe(false);
    expect(loadCandleFile(csv, { cacheDir }).fromCache).toBe(true);
  });
});

describe('column files', () => {
  it('round-trips columns and rejects truncated files', () => {
    const path = join(dir, 'x.bin');
    writeColumnFile(path, 3, { a: Float64Array.of(1, 2.5, NaN) }, { f: Uint8Array.of(1, 0, 2) }, { hello: 'world' });
    const file = readColumnFile(path);
    expect([...file.float64.a!]).toEqual([1, 2.5, NaN]);
    expect([...file.uint8.f!]).toEqual([1, 0, 2]);
    expect(file.header.meta).toEqual({ hello: 'world' });
    writeFileSync(path, Buffer.from('BYBOTCOL'));
    expect(() => readColumnFile(path)).toThrow(/bad magic|truncated|corrupt/);
  });

  it('reads columns longer than its read chunk exactly, and names a cut or altered file', () => {
    const path = join(dir, 'long.bin');
    const n = 2 * 65_536 + 7;
    const time = Float64Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i * 60_000 + (i % 5 === 0 ? 1000 : 0));
    const price = Float64Array.from({ length: n }, (_, i) => Math.round(100_000 + Math.sin(i) * 5_000) / 100);
    const raw = Float64Array.from({ length: n }, (_, i) => Math.PI * i);
    const flags = Uint8Array.from({ length: n }, (_, i) => i % 3);
    writeColumnFile(path, n, { time, price, raw }, { flags }, {});
    const file = readColumnFile(path);
    expect(file.header.columns.map((c) => c.encoding.kind)).toEqual(['u32s', 'i32', 'f64', 'u8']);
    // Byte for byte (the same doubles, bit for bit), without a comparison per element.
    const bytes = (a: Float64Array | Uint8Array | undefined): Buffer => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength);
    expect(bytes(file.float64.time).equals(bytes(time))).toBe(true);
    expect(bytes(file.float64.price).equals(bytes(price))).toBe(true);
    expect(bytes(file.float64.raw).equals(bytes(raw))).toBe(true);
    expect(bytes(file.uint8.flags).equals(bytes(flags))).toBe(true);
    // A gapless time column is stored as base and step, and decoded chunk by chunk.
    const regularPath = join(dir, 'regular.bin');
    const regular = Float64Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i * 60_000);
    writeColumnFile(regularPath, n, { time: regular }, {}, {});
    const regularFile = readColumnFile(regularPath);
    expect(regularFile.header.columns.map((c) => c.encoding.kind)).toEqual(['step']);
    expect(bytes(regularFile.float64.time).equals(bytes(regular))).toBe(true);

    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 8));
    expect(() => readColumnFile(path)).toThrow(new RegExp(`long\\.bin: truncated column file: ${whole.length - 8} bytes, expected ${whole.length}`));
    writeFileSync(path, Buffer.from(whole.toString('latin1').replace('"i32"', '"i64"'), 'latin1'));
    expect(() => readColumnFile(path)).toThrow(/column "price": unknown encoding "i64"/);
  });
});

describe('column encodings', () => {
  it('give back exactly the same doubles: scaled decimals, raw floats, NaN, huge values and timestamps', () => {
    const path = join(dir, 'prop.bin');
    const decimal = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 9 })).map(([m, d]) => m / 10 ** d);
    const anyDouble = fc.double({ noDefaultInfinity: false }).filter((v) => !Object.is(v, -0));
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 50 }), fc.array(anyDouble, { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 2e12 }), fc.constantFrom(0, 1, 1000), (prices, floats, base, jitter) => {
        const n = Math.min(prices.length, floats.length);
        // Regular times, times with gaps of whole seconds, and times off the second grid: each has its encoding.
        const time = Float64Array.from({ length: n }, (_, i) => base + i * 60_000 + (i % 3 === 2 ? jitter * i : 0));
        const a = Float64Array.from(prices.slice(0, n).map((v) => (Object.is(v, -0) ? 0 : v)));
        const b = Float64Array.from(floats.slice(0, n));
        writeColumnFile(path, n, { time, a, b, nan: new Float64Array(n).fill(NaN) }, { flags: new Uint8Array(n) }, {});
        const file = readColumnFile(path);
        expect([...file.float64.time!]).toEqual([...time]);
        expect([...file.float64.a!]).toEqual([...a]);
        expect([...file.float64.b!]).toEqual([...b]);
        expect(file.float64.nan!.every(Number.isNaN)).toBe(true);
        expect([...file.uint8.flags!]).toEqual(new Array(n).fill(0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('HistoryStore', () => {
  const candle = (time: number, close: number) => ({ time, open: close, high: close, low: close, close, volume: 1, turnover: NaN, closed: true });
  it('merges by time (newer wins), lists entries and rejects bad symbols', () => {
    const store = new HistoryStore(join(dir, 'history'));
    store.mergeCandles('SOLUSDT', '5m', CandleSeries.fromCandles([candle(0, 1), candle(300_000, 2)]));
    store.mergeCandles('SOLUSDT', '5m', CandleSeries.fromCandles([candle(300_000, 3), candle(600_000, 4)]));
    expect(store.readCandles('SOLUSDT', '5m')!.toArray().map((c) => c.close)).toEqual([1, 3, 4]);
    expect(store.list()).toEqual([expect.objectContaining({ venue: 'bybit-linear', symbol: 'SOLUSDT', kind: '5m', rows: 3, from: 0, to: 600_000 })]);
    expect(() => store.readCandles('sol/../x', '5m')).toThrow(/symbol: "sol\/..\/x" is not a valid symbol/);
    expect(existsSync(join(dir, 'history', 'bybit-linear', 'SOLUSDT', '5m.bin'))).toBe(true);
  });
  it('mergeByTime interleaves two sorted series', () => {
    const a = CandleSeries.fromCandles([candle(0, 1), candle(2, 1)]);
    const b = CandleSeries.fromCandles([candle(1, 2), candle(2, 2), candle(3, 2)]);
    expect(mergeByTime(a, b).toArray().map((c) => [c.time, c.close])).toEqual([[0, 1], [1, 2], [2, 2], [3, 2]]);
  });
});
