// Large-trade detection on hand-made prints: the threshold is inclusive, counts and notionals per candle and side.
import { describe, expect, it } from 'vitest';
import type { Trade } from '../../domain/trade.js';
import { LargeTrades } from './large-trades.js';
import { trade } from './test-support/trades.js';

describe('LargeTrades', () => {
  it('flags prints at or above 50 000 USDT by default and summarises them per candle', () => {
    const heard: Array<[Trade, number]> = [];
    const large = new LargeTrades({ timeframeMs: 60_000, onLargeTrade: (t, n) => heard.push([t, n]) });
    const small = trade(1_000, 'buy', 0.8333, 60_000); // 49 998 USDT
    const buy = trade(2_000, 'buy', 0.84, 60_000); // 50 400 USDT
    const exact = trade(3_000, 'sell', 1, 50_000); // exactly 50 000 USDT: large
    large.add(small);
    expect(large.lastWasLarge).toBe(false);
    large.add(buy);
    expect(large.lastWasLarge).toBe(true);
    large.add(exact);
    expect(heard).toEqual([
      [buy, 50_400],
      [exact, 50_000],
    ]);
    const candle = large.add(trade(61_000, 'sell', 0.1, 60_000));
    expect(candle).toEqual({ openTime: 0, count: 2, notional: 100_400, buyCount: 1, sellCount: 1, buyNotional: 50_400, sellNotional: 50_000, trades: [buy, exact] });
    // A candle with trades but none large still reports, with zeros.
    expect(large.flush()).toEqual({ openTime: 60_000, count: 0, notional: 0, buyCount: 0, sellCount: 0, buyNotional: 0, sellNotional: 0, trades: [] });
  });

  it('takes a custom threshold', () => {
    const large = new LargeTrades({ timeframeMs: 60_000, thresholdUsdt: 1_000 });
    expect(large.isLarge(trade(0, 'buy', 10, 100))).toBe(true);
    expect(large.isLarge(trade(0, 'buy', 9.99, 100))).toBe(false);
    expect(() => new LargeTrades({ timeframeMs: 60_000, thresholdUsdt: -1 })).toThrow(/thresholdUsdt/);
  });
});
