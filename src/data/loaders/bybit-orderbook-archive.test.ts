// The Bybit orderbook parser against the official delta example, the recorded SOLUSDT samples, bad payloads, and the archive loader.
import { strToU8, zipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataFormatError, InputError } from '../../core/errors.js';
import { describeWithData } from '../test-support/shared-data.js';
import {
  loadBybitOrderbookArchive,
  parseBybitOrderbookArchive,
  parseBybitOrderbookLines,
  parseBybitOrderbookMessage,
} from './bybit-orderbook-archive.js';
import { readFileSync } from 'node:fs';

/** Verbatim from docs/v5/websocket/public/orderbook.mdx ("Official delta example", reference §10.1). */
const OFFICIAL_DELTA = `{
    "topic": "orderbook.50.BTCUSDT",
    "type": "delta",
    "ts": 1687940967466,
    "data": {
        "s": "BTCUSDT",
        "b": [
            [
                "30247.20",
                "30.028"
            ],
            [
                "30245.40",
                "0.224"
            ],
            [
                "30242.10",
                "1.593"
            ],
            [
                "30240.30",
                "1.305"
            ],
            [
                "30240.00",
                "0"
            ]
        ],
        "a": [
            [
                "30248.70",
                "0"
            ],
            [
                "30249.30",
                "0.892"
            ],
            [
                "30249.50",
                "1.778"
            ],
            [
                "30249.60",
                "0"
            ],
            [
                "30251.90",
                "2.947"
            ],
            [
                "30252.20",
                "0.659"
            ],
            [
                "30252.50",
                "4.591"
            ]
        ],
        "u": 177400507,
        "seq": 66544703342
    },
    "cts": 1687940967464
}`;

describe('parseBybitOrderbookMessage', () => {
  it('parses the official delta example', () => {
    const message = parseBybitOrderbookMessage(JSON.parse(OFFICIAL_DELTA));
    expect(message).toEqual({
      kind: 'delta',
      symbol: 'BTCUSDT',
      time: 1687940967466,
      matchTime: 1687940967464,
      updateId: 177400507,
      seq: 66544703342,
      bids: [
        [30247.2, 30.028],
        [30245.4, 0.224],
        [30242.1, 1.593],
        [30240.3, 1.305],
        [30240, 0],
      ],
      asks: [
        [30248.7, 0],
        [30249.3, 0.892],
        [30249.5, 1.778],
        [30249.6, 0],
        [30251.9, 2.947],
        [30252.2, 0.659],
        [30252.5, 4.591],
      ],
    });
  });

  it('accepts the JSON text as well as the parsed object', () => {
    expect(parseBybitOrderbookMessage(OFFICIAL_DELTA)).toEqual(parseBybitOrderbookMessage(JSON.parse(OFFICIAL_DELTA)));
  });

  it('leaves matchTime out when cts is absent and seq as NaN when it is absent', () => {
    const payload = JSON.parse(OFFICIAL_DELTA) as { cts?: number; data: { seq?: number } };
    delete payload.cts;
    delete payload.data.seq;
    const message = parseBybitOrderbookMessage(payload);
    expect('matchTime' in message).toBe(false);
    expect(message.seq).toBeNaN();
  });

  const broken: [string, (p: Record<string, any>) => void, RegExp][] = [
    ['payload', (p) => Object.assign(p, { topic: 'publicTrade.BTCUSDT' }), /topic .*"publicTrade.BTCUSDT"/],
    ['type', (p) => Object.assign(p, { type: 'update' }), /type .*"update"/],
    ['ts', (p) => Object.assign(p, { ts: '1687940967466' }), /ts .*"1687940967466"/],
    ['cts', (p) => Object.assign(p, { cts: 1.5 }), /cts .*1\.5/],
    ['data', (p) => Object.assign(p, { data: [] }), /data must be an object, got \[\]/],
    ['data.s', (p) => Object.assign(p.data, { s: 'ETHUSDT' }), /data\.s .*"ETHUSDT"/],
    ['data.u', (p) => Object.assign(p.data, { u: -3 }), /data\.u .*-3/],
    ['data.seq', (p) => Object.assign(p.data, { seq: 'x' }), /data\.seq .*"x"/],
    ['data.b', (p) => Object.assign(p.data, { b: null }), /data\.b .*null/],
    ['data.b[1]', (p) => (p.data.b[1] = ['1']), /data\.b\[1\] .*\["1"\]/],
    ['price', (p) => (p.data.a[2][0] = 'abc'), /data\.a\[2\]\[0\] \(price\) .*"abc"/],
    ['empty size', (p) => (p.data.b[0][1] = ''), /data\.b\[0\]\[1\] \(size\) .*""/],
    ['numeric size', (p) => (p.data.b[0][1] = 1.5), /data\.b\[0\]\[1\] \(size\) .*1\.5/],
  ];
  for (const [name, mutate, pattern] of broken) {
    it(`rejects a bad ${name} with an InputError naming field and value`, () => {
      const payload = JSON.parse(OFFICIAL_DELTA) as Record<string, any>;
      mutate(payload);
      expect(() => parseBybitOrderbookMessage(payload)).toThrow(InputError);
      expect(() => parseBybitOrderbookMessage(payload)).toThrow(pattern);
    });
  }

  it('rejects non-objects and invalid JSON text', () => {
    expect(() => parseBybitOrderbookMessage(null)).toThrow(/payload must be an object, got null/);
    expect(() => parseBybitOrderbookMessage('{oops')).toThrow(InputError);
  });

  it('keeps negative sizes for the quality checks to report rather than throwing', () => {
    const payload = JSON.parse(OFFICIAL_DELTA) as Record<string, any>;
    payload['data'].b[0][1] = '-1';
    expect(parseBybitOrderbookMessage(payload).bids[0]).toEqual([30247.2, -1]);
  });
});

describe('parseBybitOrderbookLines / parseBybitOrderbookArchive', () => {
  const line = (u: number, type = 'delta'): string =>
    JSON.stringify({ ...JSON.parse(OFFICIAL_DELTA), type, data: { ...JSON.parse(OFFICIAL_DELTA).data, u } });

  it('reads CRLF lines and skips blank ones', () => {
    const messages = parseBybitOrderbookLines(`${line(1, 'snapshot')}\r\n\r\n${line(2)}\r\n`, 'x.data');
    expect(messages.map((m) => [m.kind, m.updateId])).toEqual([
      ['snapshot', 1],
      ['delta', 2],
    ]);
  });

  it('names the file and line of bad JSON and of a bad payload', () => {
    expect(() => parseBybitOrderbookLines(`${line(1)}\n{not json`, 'x.data')).toThrow(/^x\.data:2: not valid JSON/);
    const error = (() => {
      try {
        parseBybitOrderbookLines(`${line(1)}\n\n${line(2).replace('"BTCUSDT","b"', '"ETHUSDT","b"')}`, 'x.data');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataFormatError);
    expect(error).toMatchObject({ file: 'x.data', line: 3 });
    expect((error as Error).message).toMatch(/data\.s .*"ETHUSDT"/);
  });

  it('reads a zip holding one file and a gzip, and refuses a zip with two files', () => {
    const text = `${line(5, 'snapshot')}\n${line(6)}\n`;
    const zip = zipSync({ 'a.data': strToU8(text) });
    expect(parseBybitOrderbookArchive(zip, 'a.zip')).toHaveLength(2);
    expect(parseBybitOrderbookArchive(gzipSync(strToU8(text)), 'a.gz')).toHaveLength(2);
    const bad = zipSync({ 'a.data': strToU8(text), 'b.data': strToU8('{}\n') });
    expect(() => parseBybitOrderbookArchive(bad, 'two.zip')).toThrow(/two\.zip: expected a zip with exactly one file, found 2/);
    const broken = zipSync({ 'a.data': strToU8(`${line(5)}\nnope\n`) });
    expect(() => parseBybitOrderbookArchive(broken, 'b.zip')).toThrow(/^b\.zip!\/a\.data:2: /);
  });

  it('names a missing file', () => {
    expect(() => loadBybitOrderbookArchive('/nonexistent/ob.data.zip')).toThrow(DataFormatError);
  });
});

describeWithData('bybit-ws/solusdt-sample-messages.jsonl', 'recorded SOLUSDT V5 samples', (path) => {
  it('parses the orderbook snapshot and delta, and refuses the publicTrade line', () => {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(3);
    const [snap, delta, trade] = lines as [string, string, string];
    expect(parseBybitOrderbookMessage(JSON.parse(snap))).toEqual({
      kind: 'snapshot',
      symbol: 'SOLUSDT',
      time: 1790398529604,
      matchTime: 1790398529590,
      updateId: 27618816,
      seq: 282179960106,
      bids: [
        [120.64, 1374.5],
        [120.63, 913.5],
      ],
      asks: [[120.65, 85.2]],
    });
    expect(parseBybitOrderbookMessage(JSON.parse(delta))).toEqual({
      kind: 'delta',
      symbol: 'SOLUSDT',
      time: 1790398529803,
      matchTime: 1790398529803,
      updateId: 27618817,
      seq: 282179960268,
      bids: [
        [120.61, 2176.3],
        [118.01, 443.6],
      ],
      asks: [[120.65, 62.1]],
    });
    expect(() => parseBybitOrderbookMessage(JSON.parse(trade))).toThrow(/topic .*"publicTrade.SOLUSDT"/);
  });
});
