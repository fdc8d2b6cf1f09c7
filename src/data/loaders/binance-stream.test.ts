// The Binance combined-stream loader on hand-made lines and on the real BTCUSDT recording.
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../core/errors.js';
import { describeWithData } from '../test-support/shared-data.js';
import { loadBinanceStream, parseBinanceStream, parseBinanceStreamLines } from './binance-stream.js';

const TRADE =
  '1723161255088176367 {"stream":"btcusdt@trade","data":{"e":"trade","E":1723161256322,"T":1723161256322,"s":"BTCUSDT","t":5266583935,"p":"61800.30","q":"0.006","X":"MARKET","m":false}}';
const SELL = TRADE.replace('"m":false', '"m":true').replace('5266583935', '5266583936');
const DEPTH =
  '1723161599833492584 {"stream":"btcusdt@depth@0ms","data":{"e":"depthUpdate","E":1723161601105,"T":1723161601054,"s":"BTCUSDT","U":5123135475514,"u":5123135475514,"pu":5123135221461,"b":[["61631.70","0.283"],["61632.60","0.000"]],"a":[]}}';
const TICKER =
  '1723161255088169167 {"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":5123107839020,"s":"BTCUSDT","b":"61800.20","B":"2.507","a":"61800.30","A":"2.510","T":1723161256313,"E":1723161256313}}';
const SNAPSHOT =
  '1723161255319702566 {"lastUpdateId":5123107852948,"E":1723161256501,"T":1723161256493,"bids":[["61800.20","2.909"]],"asks":[["61800.30","1.072"]]}';

describe('parseBinanceStreamLines', () => {
  it('turns @trade into domain trades with the taker side from m', () => {
    const { trades } = parseBinanceStreamLines(`${TRADE}\n${SELL}\n`, 'f');
    expect(trades).toEqual([
      { symbol: 'BTCUSDT', time: 1723161256322, price: 61800.3, size: 0.006, side: 'buy', id: '5266583935' },
      { symbol: 'BTCUSDT', time: 1723161256322, price: 61800.3, size: 0.006, side: 'sell', id: '5266583936' },
    ]);
  });

  it('uppercases the symbol', () => {
    const { trades } = parseBinanceStreamLines(TRADE.replace('"s":"BTCUSDT"', '"s":"btcusdt"'), 'f');
    expect(trades[0]?.symbol).toBe('BTCUSDT');
  });

  it('keeps depth diffs, the REST snapshot, and counts other streams', () => {
    const stream = parseBinanceStreamLines([TICKER, DEPTH, SNAPSHOT, TICKER].join('\r\n'), 'f');
    expect(stream.depthDiffs).toEqual([
      {
        symbol: 'BTCUSDT',
        time: 1723161601054,
        eventTime: 1723161601105,
        receivedAt: 1723161599833,
        firstUpdateId: 5123135475514,
        finalUpdateId: 5123135475514,
        prevFinalUpdateId: 5123135221461,
        bids: [
          [61631.7, 0.283],
          [61632.6, 0],
        ],
        asks: [],
      },
    ]);
    expect(stream.depthSnapshots).toEqual([
      {
        time: 1723161256493,
        eventTime: 1723161256501,
        receivedAt: 1723161255319,
        lastUpdateId: 5123107852948,
        bids: [[61800.2, 2.909]],
        asks: [[61800.3, 1.072]],
      },
    ]);
    expect(stream.skipped).toEqual({ 'btcusdt@bookTicker': 2 });
    expect(stream.trades).toEqual([]);
  });

  const bad: [string, string, RegExp][] = [
    ['no receive time', TRADE.slice(TRADE.indexOf(' ') + 1), /^f:2: expected "<receive time ns> <json>"/],
    ['broken JSON', TRADE.slice(0, -3), /^f:2: not valid JSON/],
    ['a bad price', TRADE.replace('"61800.30"', '"abc"'), /^f:2: trade\.p must be a finite number, got "abc"/],
    ['a missing m', TRADE.replace(',"m":false', ''), /^f:2: trade\.m must be a boolean, got undefined/],
    ['a bad depth level', DEPTH.replace('["61631.70","0.283"]', '["61631.70"]'), /^f:2: depth\.b\[0\] must be a \[price, size\] pair/],
    ['no data', '1723161255088176367 {"stream":"btcusdt@trade"}', /^f:2: expected \{"stream": name, "data": \{...\}\}/],
  ];
  for (const [name, line, pattern] of bad) {
    it(`names file and line for ${name}`, () => {
      const run = (): unknown => parseBinanceStreamLines(`${TRADE}\n${line}\n`, 'f');
      expect(run).toThrow(DataFormatError);
      expect(run).toThrow(pattern);
    });
  }

  it('reads gzip bytes', () => {
    expect(parseBinanceStream(gzipSync(strToU8(`${TRADE}\n${DEPTH}\n`)), 'x.gz').trades).toHaveLength(1);
  });
});

describeWithData('orderflow/usdm_btcusdt_20240808.gz', 'real Binance USDT-M BTCUSDT recording', (path) => {
  it('yields 21,313 trades and 6,551 depth diffs, in time order, with both sides', () => {
    const stream = loadBinanceStream(path);
    const { trades, depthDiffs } = stream;

    expect(trades).toHaveLength(21_313);
    expect(depthDiffs).toHaveLength(6_551);
    expect(stream.depthSnapshots).toHaveLength(1);
    expect(stream.depthSnapshots[0]).toMatchObject({ lastUpdateId: 5123107852948 });
    expect(stream.depthSnapshots[0]?.bids).toHaveLength(1000);
    expect(stream.skipped).toEqual({ 'btcusdt@bookTicker': 66_089 });

    expect(trades.filter((t) => t.side === 'buy')).toHaveLength(9_616);
    expect(trades.filter((t) => t.side === 'sell')).toHaveLength(11_697);
    expect(trades[0]).toEqual({ symbol: 'BTCUSDT', time: 1723161256322, price: 61800.3, size: 0.006, side: 'buy', id: '5266583935' });
    expect(trades.at(-1)).toMatchObject({ time: 1723161599643, id: '5266605247' });

    // Times never go back and ids are one contiguous run: nothing lost or repeated.
    expect(trades.every((t, i) => i === 0 || t.time >= trades[i - 1]!.time)).toBe(true);
    expect(trades.every((t, i) => Number(t.id) === 5266583935 + i)).toBe(true);
    expect(trades.every((t) => t.symbol === 'BTCUSDT' && t.price > 0 && t.size > 0)).toBe(true);

    expect(depthDiffs.every((d, i) => i === 0 || d.time >= depthDiffs[i - 1]!.time)).toBe(true);
    // Binance chains diffs through pu: each diff's pu is the previous diff's u.
    expect(depthDiffs.every((d, i) => i === 0 || d.prevFinalUpdateId === depthDiffs[i - 1]!.finalUpdateId)).toBe(true);
  });
});
