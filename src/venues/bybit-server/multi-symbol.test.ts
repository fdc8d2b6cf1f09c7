// Two symbols replayed side by side: lists span both, coin scopes pick the right ones, each keeps its own grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import type { LocalExchange } from './index.js';
import { get, post, publicGet } from './test-support/client.js';
import { BTC, BTCUSDT, candles, flat, SOL, startTestExchange, TRADER, wave } from './test-support/fixtures.js';

let exchange: LocalExchange;
beforeAll(async () => {
  exchange = await startTestExchange(wave(30), {
    instruments: [SOLUSDT_DEFAULT, BTCUSDT],
    history: { timeframe: '1m', symbols: { [SOL]: { candles: wave(30) }, [BTC]: { candles: candles(flat(30, 42_000)) } } },
  });
  exchange.advance(3);
});
afterAll(() => exchange.close());

describe('several symbols', () => {
  it('tickers without a symbol list every instrument, each on its own tick grid', async () => {
    const list = (await publicGet(exchange, '/v5/market/tickers', { category: 'linear' })).body.result.list;
    expect(list.map((t: { symbol: string; lastPrice: string }) => [t.symbol, t.lastPrice])).toEqual([
      [SOL, expect.stringMatching(/^\d+\.\d{2}$/)],
      [BTC, '42000.0'],
    ]);
  });

  it('settleCoin scopes cancel-all and the position list to open positions of that coin', async () => {
    const order = (symbol: string, price: string, qty: string) =>
      post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol, side: 'Buy', orderType: 'Limit', qty, price });
    expect((await order(SOL, '90', '0.1')).body.retCode).toBe(0);
    expect((await order(BTC, '41000', '0.001')).body.retCode).toBe(0);
    expect((await post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: BTC, side: 'Buy', orderType: 'Market', qty: '0.001' })).body.retCode).toBe(0);
    exchange.advance(1);
    const positions = (await get(exchange, TRADER, '/v5/position/list', { category: 'linear', settleCoin: 'USDT' })).body.result.list;
    expect(positions.map((p: { symbol: string; size: string }) => [p.symbol, p.size])).toEqual([[BTC, '0.001']]);
    const cancelled = (await post(exchange, TRADER, '/v5/order/cancel-all', { category: 'linear', settleCoin: 'USDT' })).body.result.list;
    expect(cancelled).toHaveLength(2);
  });

  it('a body over 64 KiB is refused before it is read', async () => {
    const { status, body } = await post(exchange, TRADER, '/v5/order/create', {}, { raw: JSON.stringify({ pad: 'x'.repeat(70_000) }) });
    expect([status, body.retCode]).toEqual([413, 10001]);
  });
});
