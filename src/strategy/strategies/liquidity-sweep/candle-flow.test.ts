import { describe, expect, it } from 'vitest';
import type { Trade } from '../../../domain/trade.js';
import { CandleFlow } from './candle-flow.js';

const OPEN = 1_735_689_600_000;
let id = 0;
const trade = (at: number, side: 'buy' | 'sell', size: number, price: number): Trade => ({ symbol: 'SOLUSDT', time: OPEN + at, price, size, side, id: String(id++) });

describe('CandleFlow', () => {
  it('measures taker delta after the candle low (for a long) and after its high (for a short) as a share of its volume', () => {
    const flow = new CandleFlow(300_000);
    for (const t of [trade(0, 'buy', 5, 100.5), trade(1000, 'sell', 10, 100), trade(2000, 'sell', 20, 99), trade(3000, 'buy', 30, 99.5), trade(4000, 'buy', 10, 100)]) flow.add(t);
    // After the low (99): +40 of 75 traded. After the high (100.5): 40 bought − 30 sold = +10, against a short: −10.
    expect(flow.turnShare(OPEN, 'long')).toBeCloseTo(40 / 75, 12);
    expect(flow.turnShare(OPEN, 'short')).toBeCloseTo(-10 / 75, 12);
  });

  it('marks the turn after the last print at the extreme, and says nothing about a candle it has no trades of', () => {
    const flow = new CandleFlow(300_000);
    for (const t of [trade(0, 'sell', 10, 99), trade(1000, 'buy', 10, 99.5), trade(2000, 'sell', 5, 99)]) flow.add(t);
    expect(flow.turnShare(OPEN, 'long')).toBe(0);
    expect(flow.turnShare(OPEN - 300_000, 'long')).toBeUndefined();
    // The next candle's first trade starts afresh.
    flow.add(trade(300_000, 'buy', 4, 101));
    expect(flow.turnShare(OPEN, 'long')).toBeUndefined();
    expect(flow.turnShare(OPEN + 300_000, 'short')).toBe(0);
  });
});
