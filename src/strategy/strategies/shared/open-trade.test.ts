import { describe, expect, it } from 'vitest';
import type { Candle } from '../../../domain/candle.js';
import type { Fill } from '../../../domain/order.js';
import { testContext } from '../../test-support/context.js';
import { OpenTrade } from './open-trade.js';

const candle = (time: number): Candle => ({ time, open: 100, high: 101, low: 99, close: 100, volume: 1, turnover: Number.NaN, closed: true });
const fill = (side: Fill['side'], qty: number): Fill => ({ orderId: 'o', clientId: 'c', symbol: 'SOLUSDT', side, price: 100, qty, fee: 0, maker: false, time: 0 });

describe('OpenTrade', () => {
  it('moves the stop to the entry even when the first target filled in the entry candle itself', () => {
    const trade = new OpenTrade(0);
    trade.flat();
    trade.onFill(fill('buy', 10));
    trade.onFill(fill('sell', 5)); // the first target, in the same candle
    const ctx = testContext({ candles: [candle(0)], position: { size: 5, entryPrice: 100, stopLoss: 98 } });
    expect(trade.manage(ctx)).toEqual([{ kind: 'moveStop', stopLoss: 100 }]);
  });

  it('leaves the stop alone while the whole entry is held, and exits at the time limit', () => {
    const trade = new OpenTrade(15);
    trade.onFill(fill('sell', 4));
    const held = (time: number) => testContext({ candles: [candle(time)], position: { size: -4, entryPrice: 100, stopLoss: 102 } });
    expect(trade.manage(held(0))).toEqual([]);
    expect(trade.manage(held(5 * 60_000))).toEqual([]);
    expect(trade.manage(held(10 * 60_000))).toEqual([{ kind: 'exit', reason: 'time limit' }]);
  });
});
