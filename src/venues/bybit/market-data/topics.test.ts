import { describe, expect, it } from 'vitest';
import { topicsFor } from './topics.js';

describe('topicsFor', () => {
  it('names every Bybit topic of a selection in a stable order', () => {
    expect(topicsFor('BTCUSDT', { liquidations: true, ticker: true, klines: ['1', '5', '1'], trades: true, book: 50 })).toEqual([
      'orderbook.50.BTCUSDT',
      'publicTrade.BTCUSDT',
      'kline.1.BTCUSDT',
      'kline.5.BTCUSDT',
      'tickers.BTCUSDT',
      'allLiquidation.BTCUSDT',
    ]);
    expect(topicsFor('BTC-26DEC25', { trades: false, ticker: true })).toEqual(['tickers.BTC-26DEC25']);
    expect(topicsFor('ETHUSDT', {})).toEqual([]);
  });

  it('names the field and value Bybit would refuse', () => {
    expect(() => topicsFor('btcusdt', { trades: true })).toThrow('symbol must be an upper-case Bybit symbol like "BTCUSDT", got "btcusdt"');
    expect(() => topicsFor('BTCUSDT', { book: 25 as never })).toThrow('book depth for BTCUSDT must be one of 1, 50, 200, got 25');
    expect(() => topicsFor('BTCUSDT', { klines: ['2' as never] })).toThrow('klines interval for BTCUSDT must be one of 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W, M, got "2"');
  });
});
