import { describe, expect, it } from 'vitest';
import { editedPayload, referencePayload, referenceText } from '../test-support/reference.js';
import { parseFrame, parseFrameText } from './frame.js';

// Public topics (§10), from the official examples verbatim, with the events written out.
describe('public topics', () => {
  it('orderbook delta → BookDelta with u, seq, cts and the depth from the topic', () => {
    expect(parseFrame(referencePayload('ws-orderbook-delta'))).toEqual([
      {
        type: 'book',
        depth: 50,
        message: {
          kind: 'delta',
          symbol: 'BTCUSDT',
          bids: [[30247.2, 30.028], [30245.4, 0.224], [30242.1, 1.593], [30240.3, 1.305], [30240, 0]],
          asks: [[30248.7, 0], [30249.3, 0.892], [30249.5, 1.778], [30249.6, 0], [30251.9, 2.947], [30252.2, 0.659], [30252.5, 4.591]],
          updateId: 177400507,
          seq: 66544703342,
          time: 1687940967466,
          matchTime: 1687940967464,
        },
      },
    ]);
  });

  it('orderbook snapshot (the recorded SOLUSDT sample, current fields) → BookSnapshot', () => {
    const line = '{"topic":"orderbook.1000.SOLUSDT","type":"snapshot","ts":1790398529604,"data":{"s":"SOLUSDT","b":[["120.640","1374.5"],["120.630","913.5"]],"a":[["120.650","85.2"]],"u":27618816,"seq":282179960106},"cts":1790398529590}';
    expect(parseFrameText(line)).toEqual([
      { type: 'book', depth: 1000, message: { kind: 'snapshot', symbol: 'SOLUSDT', bids: [[120.64, 1374.5], [120.63, 913.5]], asks: [[120.65, 85.2]], updateId: 27618816, seq: 282179960106, time: 1790398529604, matchTime: 1790398529590 } },
    ]);
  });

  it('publicTrade → one Trade per print, S as the aggressor side', () => {
    expect(parseFrame(referencePayload('ws-public-trade'))).toEqual([
      { type: 'trade', trade: { symbol: 'BTCUSDT', time: 1672304486865, price: 16578.5, size: 0.001, side: 'buy', id: '20f43950-d8dd-5b31-9112-a178eb6023af' } },
    ]);
  });

  it('kline → a Candle, closed = confirm, symbol and interval from the topic', () => {
    expect(parseFrame(referencePayload('ws-kline'))).toEqual([
      { type: 'candle', symbol: 'BTCUSDT', interval: '5', candle: { time: 1672324800000, open: 16649.5, high: 16677, low: 16608, close: 16677, volume: 2.081, turnover: 34666.4005, closed: false } },
    ]);
    const confirmed = editedPayload('ws-kline', (p) => (p.data[0].confirm = true));
    expect(parseFrame(confirmed)[0]).toMatchObject({ candle: { closed: true } });
  });

  it('tickers snapshot → every given number; "" (a futures funding rate) left out', () => {
    const [perpetual] = parseFrame(referencePayload('ws-tickers-linear-perpetual'));
    expect(perpetual).toMatchObject({ type: 'ticker', ticker: { kind: 'snapshot', symbol: 'BTCUSDT', time: 1760325052630, crossSeq: 9532239429, lastPrice: 66666.6, markPrice: 66666.6, fundingRate: -0.005, nextFundingTime: 1760342400000, bid1Price: 66666.6, ask1Size: 23775.469 } });
    const [futures] = parseFrame(referencePayload('ws-tickers-linear-futures'));
    expect(futures).toMatchObject({ ticker: { symbol: 'BTC-26DEC25', markPrice: 121144.63 } });
    expect(futures).not.toHaveProperty('ticker.fundingRate');
    expect(futures).not.toHaveProperty('ticker.nextFundingTime');
  });

  it('tickers delta → only the fields that changed', () => {
    expect(parseFrame(referencePayload('ws-tickers-delta-constructed'))).toEqual([
      { type: 'ticker', ticker: { kind: 'delta', symbol: 'BTCUSDT', time: 1760325052730, crossSeq: 9532239430, bid1Price: 66666.5, bid1Size: 12.5 } },
    ]);
  });

  it('allLiquidation → a Liquidation of the named position side at the bankruptcy price (data as array or object)', () => {
    const expected = [{ type: 'liquidation', liquidation: { symbol: 'ROSEUSDT', time: 1739502302929, side: 'short', size: 20000, price: 0.04499 } }];
    expect(parseFrame(referencePayload('ws-all-liquidation'))).toEqual(expected);
    expect(parseFrame(editedPayload('ws-all-liquidation', (p) => (p.data = p.data[0])))).toEqual(expected);
  });
});

describe('unknown topics and malformed public messages', () => {
  it('reports an unknown or retired topic instead of throwing', () => {
    expect(parseFrame(referencePayload('ws-liquidation-deprecated'))).toEqual([{ type: 'unhandled', topic: 'liquidation.BTCUSDT', reason: 'unknown topic' }]);
    expect(parseFrame({ data: {} })).toEqual([{ type: 'unhandled', topic: '(none)', reason: 'a message with neither a topic nor an op' }]);
  });

  it('names the topic, the field and the value', () => {
    const badSize = editedPayload('ws-orderbook-delta', (p) => (p.data.a[1][1] = '0.89x'));
    expect(() => parseFrame(badSize)).toThrow('orderbook.50.BTCUSDT: data.a[1][1] must be a non-negative decimal string, got "0.89x"');
    const noU = editedPayload('ws-orderbook-delta', (p) => delete p.data.u);
    expect(() => parseFrame(noU)).toThrow('orderbook.50.BTCUSDT: data.u is missing');
    const badTime = editedPayload('ws-public-trade', (p) => (p.data[0].T = '1672304486865'));
    expect(() => parseFrame(badTime)).toThrow('publicTrade.BTCUSDT: data[0].T must be an integer of milliseconds, got "1672304486865"');
    const badSide = editedPayload('ws-public-trade', (p) => (p.data[0].S = 'buy'));
    expect(() => parseFrame(badSide)).toThrow('publicTrade.BTCUSDT: data[0].S must be one of "Buy", "Sell", got "buy"');
  });

  it('refuses a book whose symbol or depth disagrees with its topic', () => {
    const stitched = editedPayload('ws-orderbook-delta', (p) => (p.data.s = 'ETHUSDT'));
    expect(() => parseFrame(stitched)).toThrow(`data.s must be the topic's symbol "BTCUSDT", got "ETHUSDT"`);
    const noDepth = editedPayload('ws-orderbook-delta', (p) => (p.topic = 'orderbook.BTCUSDT'));
    expect(() => parseFrame(noDepth)).toThrow('topic must be orderbook.{depth}.{symbol}, got "orderbook.BTCUSDT"');
  });

  it('refuses text that is not a JSON object', () => {
    expect(() => parseFrameText(referenceText('ws-kline').slice(0, 40))).toThrow('message: not valid JSON');
    expect(() => parseFrameText('[1,2]')).toThrow('message: payload must be a JSON object, got [1,2]');
  });
});
