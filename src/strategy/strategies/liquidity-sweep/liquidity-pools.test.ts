import { describe, expect, it } from 'vitest';
import { LiquidityPools, groupPools } from './liquidity-pools.js';

const bar = (high: number, low: number) => ({ time: 0, open: low, high, low, close: high, volume: 1 });

describe('groupPools', () => {
  it('groups equal lows from the lowest, equal highs from the highest, each pool at its outermost swing', () => {
    expect(groupPools([99.05, 101, 99, 99.5], 0.25, -1)).toEqual([
      { level: 99, touches: 2 },
      { level: 99.5, touches: 1 },
      { level: 101, touches: 1 },
    ]);
    expect(groupPools([104.9, 105, 102], 0.25, 1)).toEqual([
      { level: 105, touches: 2 },
      { level: 102, touches: 1 },
    ]);
    expect(groupPools([], 1, 1)).toEqual([]);
  });
});

describe('LiquidityPools', () => {
  it('knows a swing once `swingBars` candles have closed after it, and forgets it once a candle trades past it', () => {
    const pools = new LiquidityPools(1, 10);
    pools.add(bar(101, 100));
    pools.add(bar(102, 99));
    expect(pools.sellSide(0.1)).toEqual([]);
    pools.add(bar(101.5, 99.5));
    // The middle candle is a swing high (102) and a swing low (99), confirmed by this third one.
    expect(pools.buySide(0.1)).toEqual([{ level: 102, touches: 1 }]);
    expect(pools.sellSide(0.1)).toEqual([{ level: 99, touches: 1 }]);
    pools.add(bar(101, 98.9));
    expect(pools.sellSide(0.1)).toEqual([]);
    expect(pools.buySide(0.1)).toEqual([{ level: 102, touches: 1 }]);
  });

  it('keeps at most `memory` swings a side, the oldest forgotten first', () => {
    const pools = new LiquidityPools(1, 2);
    // Swing highs at 110, 109 and 108 (each confirmed by the lower candle after it), none traded past.
    for (const high of [105, 110, 100, 109, 100, 108, 100]) pools.add(bar(high, 90));
    expect(pools.buySide(0.1).map((p) => p.level)).toEqual([109, 108]);
  });
});
