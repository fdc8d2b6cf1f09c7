import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFormatError } from '../../core/errors.js';
import { loadCandleFile, loadFundingFile } from '../load-history.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CANONICAL = 'timestamp,open,high,low,close,volume\n1714521600000,126.7,127.06,126.56,126.64,30472.8\n1714521900000,126.64,126.9,126.5,126.8,1200\n';

describe('canonical CSV', () => {
  it('parses rows exactly as parseFloat would, and infers the timeframe', () => {
    const loaded = loadCandleFile(file('a.csv', CANONICAL));
    expect(loaded.format).toBe('canonical');
    expect(loaded.timeframe).toBe('5m');
    expect(loaded.series.toArray()).toEqual([
      { time: 1714521600000, open: 126.7, high: 127.06, low: 126.56, close: 126.64, volume: 30472.8, turnover: NaN, closed: true },
      { time: 1714521900000, open: 126.64, high: 126.9, low: 126.5, close: 126.8, volume: 1200, turnover: NaN, closed: true },
    ]);
  });

  it('accepts a BOM, CRLF line endings, gzip and a missing final newline', () => {
    const crlf = `\uFEFF${CANONICAL.replace(/\n/g, '\r\n').trimEnd()}`;
    const a = loadCandleFile(file('bom.csv', crlf)).series.toArray();
    const b = loadCandleFile(file('z.csv.gz', gzipSync(Buffer.from(CANONICAL)))).series.toArray();
    const plain = loadCandleFile(file('plain.csv', CANONICAL)).series.toArray();
    expect(a).toEqual(plain);
    expect(b).toEqual(plain);
  });

  it('reads exponents, long mantissas and NaN literals (left for the quality checks)', () => {
    const text = 'timestamp,open,high,low,close,volume\n1714521600000,1.5e2,150.12345678901234567,149,150,NaN\n';
    const [c] = loadCandleFile(file('exp.csv', text)).series.toArray();
    expect(c!.open).toBe(150);
    expect(c!.high).toBe(150.12345678901234567);
    expect(c!.volume).toBeNaN();
  });

  const bad: Array<[string, string, RegExp]> = [
    ['columns.csv', 'timestamp,open,high,low,close,volume\n1,2,3,4,5,6\n7,8,9,10,11\n', /columns\.csv:3: expected 6 fields .* found 5/],
    ['extra.csv', 'timestamp,open,high,low,close,volume\n1,2,3,4,5,6,7\n', /extra\.csv:2: expected 6 fields .* found 7/],
    ['text.csv', 'timestamp,open,high,low,close,volume\n1,2,3,abc,5,6\n', /text\.csv:2: field low is not a number: "abc"/],
    ['empty-field.csv', 'timestamp,open,high,low,close,volume\n1,2,,4,5,6\n', /empty-field\.csv:2: field high is empty/],
    ['blank.csv', 'timestamp,open,high,low,close,volume\n1,2,3,4,5,6\n\n7,8,9,10,11,12\n', /blank\.csv:3: empty line between rows/],
    ['noheader.csv', '1714521600000,126.7,127.06,126.56,126.64,30472.8\n', /noheader\.csv:1: missing header; expected "timestamp,open,high,low,close,volume"/],
    ['header.csv', 'time,o,h,l,c,v\n1,2,3,4,5,6\n', /header\.csv:1: unrecognised header "time,o,h,l,c,v"/],
    ['empty.csv', '', /empty\.csv:1: file is empty/],
  ];
  for (const [name, content, message] of bad) {
    it(`rejects ${name} with file and line`, () => {
      const path = file(name, content);
      expect(() => loadCandleFile(path)).toThrow(DataFormatError);
      expect(() => loadCandleFile(path)).toThrow(message);
    });
  }

  it('names a missing file', () => {
    expect(() => loadCandleFile(join(dir, 'nope.csv'))).toThrow(/nope\.csv: no such file/);
  });
});

describe('Binance kline dumps', () => {
  const row = (t: number) => `${t},93576.00,93610.93,93537.50,93610.93,8.21827,${t + 59999},769000.5,100,4.1,380000.2,0`;
  it('reads headerless rows, keeps quote volume as turnover, converts microsecond timestamps', () => {
    const ms = loadCandleFile(file('BTCUSDT-1m-2024-12.csv', `${row(1735689600000)}\n${row(1735689660000)}\n`));
    expect(ms.format).toBe('binance');
    expect(ms.symbol).toBe('BTCUSDT');
    expect(ms.timeframe).toBe('1m');
    expect(ms.series.at(0)).toMatchObject({ time: 1735689600000, close: 93610.93, volume: 8.21827, turnover: 769000.5 });
    const us = loadCandleFile(file('BTCUSDT-1m-2025-01.csv', `${row(1735689600000000)}\n${row(1735689660000000)}\n`));
    expect(us.series.at(1).time).toBe(1735689660000);
  });
  it('accepts the header of newer dumps', () => {
    const header = 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';
    expect(loadCandleFile(file('h.csv', `${header}\n${row(1735689600000)}\n`)).series.length).toBe(1);
  });
});

describe('JSON rows', () => {
  it('reads Bybit kline rows newest first, and marks the newest still-open candle from the reply time', () => {
    const reply = {
      retCode: 0,
      retMsg: 'OK',
      result: { symbol: 'SOLUSDT', category: 'linear', list: [['1670608800000', '17071', '17073', '17027', '17055.5', '268611', '15.74462667'], ['1670605200000', '17071.5', '17071.5', '17061', '17071', '4177', '0.24469757']] },
      retExtInfo: {},
      time: 1670608900000,
    };
    const loaded = loadCandleFile(file('SOL_bybit.json', JSON.stringify(reply)), { timeframe: '1h' });
    expect(loaded.format).toBe('bybit');
    expect(loaded.series.toArray().map((c) => [c.time, c.close, c.turnover, c.closed])).toEqual([
      [1670605200000, 17071, 0.24469757, true],
      [1670608800000, 17055.5, 15.74462667, false],
    ]);
  });
  it('reads freqtrade JSON and names the file name hints', () => {
    const rows = [[1714521600000, 1, 2, 0.5, 1.5, 10], [1714521900000, 1.5, 2, 1, 1.2, 11]];
    const loaded = loadCandleFile(file('SOL_USDT_USDT-5m-futures.json', JSON.stringify(rows)));
    expect(loaded).toMatchObject({ format: 'freqtrade', symbol: 'SOLUSDT', timeframe: '5m' });
    expect(loaded.series.at(1).close).toBe(1.2);
  });
  it('names the row of a bad value', () => {
    const path = file('bad.json', JSON.stringify([[1, 2, 3, 4, 5, 6], [7, 8, 'x', 10, 11, 12]]));
    expect(() => loadCandleFile(path)).toThrow(/bad\.json: row 2: high is not a number: "x"/);
  });
  it('rejects a Bybit error reply', () => {
    const path = file('err.json', JSON.stringify({ retCode: 10001, retMsg: 'params error', result: {} }));
    expect(() => loadCandleFile(path)).toThrow(/retCode 10001/);
  });
});

describe('funding CSV', () => {
  it('parses timestamp,funding_rate and rejects a bad row with its line', () => {
    const ok = loadFundingFile(file('bybit-linear_SOLUSDT_funding_x.csv', 'timestamp,funding_rate\n1714550400000,0.0001\n1714579200000,-0.00005046\n'));
    expect(ok.symbol).toBe('SOLUSDT');
    expect([...ok.rate]).toEqual([0.0001, -0.00005046]);
    const bad = file('f.csv', 'timestamp,funding_rate\n1714550400000,0.0001\n1714579200000,oops\n');
    expect(() => loadFundingFile(bad)).toThrow(/f\.csv:3: field funding_rate is not a number: "oops"/);
  });
});

describe('file heads', () => {
  it('reads the first bytes of plain and gzipped files without inflating them whole', async () => {
    const { readSourceHead } = await import('./source-bytes.js');
    const big = `timestamp,funding_rate\n${Array.from({ length: 50_000 }, (_, i) => `${i},0.0001`).join('\n')}\n`;
    expect(Buffer.from(readSourceHead(file('plain-head.csv', big), 22)).toString()).toBe('timestamp,funding_rate');
    expect(Buffer.from(readSourceHead(file('gz-head.gz', gzipSync(Buffer.from(big))), 22)).toString()).toBe('timestamp,funding_rate');
    expect(() => readSourceHead(join(dir, 'absent.gz'))).toThrow(/absent\.gz: no such file/);
  });
});
