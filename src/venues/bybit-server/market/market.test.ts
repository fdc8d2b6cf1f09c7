// Public endpoints against the reference examples, the replay clock as the edge of what is served, and 10001 on bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { publicGet } from '../test-support/client.js';
import { MINUTE, SOL, startTestExchange, T0, wave } from '../test-support/fixtures.js';
import { EXAMPLES } from '../test-support/reference-examples.js';
import { numericStrings, shapeDiff } from '../test-support/shape.js';

let exchange: LocalExchange;
const history = wave(240);
beforeAll(async () => {
  exchange = await startTestExchange(history);
  exchange.advance(150); // 06:00 → 08:30; the 08:00 funding has settled
});
afterAll(() => exchange.close());

const market = (path: string, params: Record<string, string | number> = {}) => publicGet(exchange, `/v5/market/${path}`, params);

describe('public market endpoints in Bybit shapes', () => {
  it('time: the replay clock in the envelope of the reference', async () => {
    const { body } = await market('time');
    expect(shapeDiff(body, EXAMPLES.time)).toEqual([]);
    expect(body.time).toBe(T0 + 150 * MINUTE);
    expect(body.result).toEqual({ timeSecond: String((T0 + 150 * MINUTE) / 1000), timeNano: `${T0 + 150 * MINUTE}000000` });
  });

  it('every endpoint matches its reference example key for key and type for type', async () => {
    const pairs = [
      [await market('kline', { category: 'linear', symbol: SOL, interval: '1' }), EXAMPLES.kline],
      [await market('instruments-info', { category: 'linear', symbol: SOL }), EXAMPLES.instruments],
      [await market('tickers', { category: 'linear', symbol: SOL }), EXAMPLES.tickers],
      [await market('orderbook', { category: 'linear', symbol: SOL }), EXAMPLES.orderbook],
      [await market('recent-trade', { category: 'linear', symbol: SOL }), EXAMPLES.recentTrade],
      [await market('funding/history', { category: 'linear', symbol: SOL }), EXAMPLES.funding],
    ] as const;
    for (const [answer, example] of pairs) {
      expect(answer.status).toBe(200);
      expect(shapeDiff(answer.body, example)).toEqual([]);
    }
  });

  it('kline: newest first, prices on the tick grid, and nothing past the replay clock even when asked for', async () => {
    const { body } = await market('kline', { symbol: SOL, interval: '1', end: T0 + 1000 * MINUTE, limit: 1000 });
    const list = body.result.list as string[][];
    expect(list).toHaveLength(150);
    expect(list[0]![0]).toBe(String(T0 + 149 * MINUTE));
    expect(list.at(-1)![0]).toBe(String(T0));
    const last = history[149]!;
    expect(list[0]!.slice(1, 5)).toEqual([last.open, last.high, last.low, last.close].map((p) => p.toFixed(2)));
    for (const row of list) expect(row.every((cell) => typeof cell === 'string' && /^\d+(\.\d+)?$/.test(cell))).toBe(true);
  });

  it('kline: start keeps the oldest `limit` rows, end alone the newest; a start inside a candle returns that candle', async () => {
    const fromStart = (await market('kline', { symbol: SOL, interval: '1', start: T0 + 10 * MINUTE + 5, limit: 3 })).body.result.list as string[][];
    expect(fromStart.map((r) => r[0])).toEqual([T0 + 12 * MINUTE, T0 + 11 * MINUTE, T0 + 10 * MINUTE].map(String));
    const toEnd = (await market('kline', { symbol: SOL, interval: '1', end: T0 + 10 * MINUTE, limit: 2 })).body.result.list as string[][];
    expect(toEnd.map((r) => r[0])).toEqual([T0 + 10 * MINUTE, T0 + 9 * MINUTE].map(String));
  });

  it('kline: longer intervals are built from the closed minutes, the newest one still forming', async () => {
    const list = (await market('kline', { symbol: SOL, interval: '60', limit: 5 })).body.result.list as string[][];
    expect(list.map((r) => r[0])).toEqual([T0 + 120 * MINUTE, T0 + 60 * MINUTE, T0].map(String));
    const forming = history.slice(120, 150);
    expect(list[0]![1]).toBe(forming[0]!.open.toFixed(2));
    expect(list[0]![4]).toBe(forming.at(-1)!.close.toFixed(2));
    expect(list[0]![2]).toBe(Math.max(...forming.map((c) => c.high)).toFixed(2));
    expect(list[0]![5]).toBe((forming.length * 1000).toFixed(1));
    const day = (await market('kline', { symbol: SOL, interval: 'D' })).body.result.list as string[][];
    expect(day.map((r) => r[0])).toEqual([String(Date.UTC(2024, 0, 1))]);
  });

  it('instruments-info: the instrument rules as Bybit writes them', async () => {
    const [row] = (await market('instruments-info', { category: 'linear' })).body.result.list;
    expect(row).toMatchObject({
      symbol: SOL,
      contractType: 'LinearPerpetual',
      status: 'Trading',
      priceScale: '2',
      priceFilter: { tickSize: '0.01', minPrice: '0.01' },
      lotSizeFilter: { qtyStep: '0.1', minOrderQty: '0.1', maxMktOrderQty: '15954', minNotionalValue: '5' },
      leverageFilter: { maxLeverage: '100.00' },
      fundingInterval: 480,
    });
  });

  it('tickers: last price, 24 h figures, the last settled funding rate and the book top as decimal strings', async () => {
    const [row] = (await market('tickers', { category: 'linear', symbol: SOL })).body.result.list;
    expect(row.lastPrice).toBe(history[149]!.close.toFixed(2));
    expect(row.fundingRate).toBe('0.0002');
    expect(row.nextFundingTime).toBe(String(Date.UTC(2024, 0, 1, 16)));
    expect(Number(row.ask1Price) - Number(row.bid1Price)).toBeCloseTo(0.01, 9);
    expect(numericStrings(row, ['lastPrice', 'markPrice', 'prevPrice24h', 'price24hPcnt', 'highPrice24h', 'lowPrice24h', 'volume24h', 'turnover24h', 'bid1Price', 'ask1Size'])).toEqual([]);
  });

  it('orderbook: a one-tick spread, sorted sides on the tick and lot grids, the same for the same seed and candle', async () => {
    const first = (await market('orderbook', { category: 'linear', symbol: SOL, limit: 50 })).body.result;
    const again = (await market('orderbook', { category: 'linear', symbol: SOL, limit: 50 })).body.result;
    expect(again.b).toEqual(first.b);
    expect(first.b).toHaveLength(50);
    const bids = (first.b as string[][]).map(([p]) => Number(p));
    const asks = (first.a as string[][]).map(([p]) => Number(p));
    expect(bids).toEqual([...bids].sort((x, y) => y - x));
    expect(asks).toEqual([...asks].sort((x, y) => x - y));
    expect(asks[0]! - bids[0]!).toBeCloseTo(0.01, 9);
    for (const [price, size] of [...first.a, ...first.b] as string[][]) {
      expect(price).toMatch(/^\d+\.\d{2}$/);
      expect(size).toMatch(/^\d+\.\d$/);
    }
    const top = (await market('orderbook', { category: 'linear', symbol: SOL, limit: 1 })).body.result;
    expect(top.b).toEqual(first.b.slice(0, 1));
  });

  it('recent-trade: prints from the closed candles, newest first, repeatable', async () => {
    const list = (await market('recent-trade', { category: 'linear', symbol: SOL, limit: 8 })).body.result.list;
    expect(list).toHaveLength(8);
    expect(Number(list[0].time)).toBeLessThan(T0 + 150 * MINUTE);
    expect(Number(list[0].time)).toBeGreaterThanOrEqual(Number(list[7].time));
    expect((await market('recent-trade', { category: 'linear', symbol: SOL, limit: 8 })).body.result.list).toEqual(list);
  });

  it('funding/history: only settlements that happened, newest first; startTime alone is an error', async () => {
    const list = (await market('funding/history', { category: 'linear', symbol: SOL })).body.result.list;
    expect(list).toEqual([
      { symbol: SOL, fundingRate: '0.0002', fundingRateTimestamp: String(Date.UTC(2024, 0, 1, 8)) },
      { symbol: SOL, fundingRate: '0.0001', fundingRateTimestamp: String(Date.UTC(2024, 0, 1, 0)) },
    ]);
    const bad = await market('funding/history', { category: 'linear', symbol: SOL, startTime: T0 });
    expect(bad.body.retCode).toBe(10001);
  });
});

describe('bad requests get 10001 naming the parameter, never a crash', () => {
  it.each([
    [['kline', { category: 'linear', interval: '1' }], 'symbol is required'],
    [['kline', { symbol: SOL, interval: '7' }], 'interval "7"'],
    [['kline', { symbol: 'DOGEUSDT', interval: '1' }], 'symbol "DOGEUSDT"'],
    [['kline', { symbol: SOL, interval: '1', limit: 1001 }], 'limit "1001"'],
    [['kline', { symbol: SOL, interval: '1', start: 'yesterday' }], 'start "yesterday"'],
    [['tickers', { category: 'spot' }], 'category "spot"'],
    [['orderbook', { category: 'linear' }], 'symbol is required'],
  ] as const)('%j', async ([path, params], message) => {
    const { status, body } = await market(path, params);
    expect(status).toBe(200);
    expect(body.retCode).toBe(10001);
    expect(body.retMsg).toContain(message);
  });

  it('an unknown path is 404 with retCode 10017', async () => {
    const { status, body } = await publicGet(exchange, '/v5/market/nothing');
    expect(status).toBe(404);
    expect(body.retCode).toBe(10017);
  });
});
