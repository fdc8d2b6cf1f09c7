// Footprint on a hand-worked candle: tick snapping, binning, per-level buy and sell, POC.
import { describe, expect, it } from 'vitest';
import { Footprint, stepDecimals } from './footprint.js';
import { trade } from './test-support/trades.js';

describe('stepDecimals', () => {
  it('reads decimals from numbers and instrument strings', () => {
    expect(stepDecimals(0.01)).toBe(2);
    expect(stepDecimals('0.10')).toBe(2);
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(1e-7)).toBe(7);
    expect(stepDecimals(2.5e-7)).toBe(8);
  });
});

describe('Footprint', () => {
  it('bins prices on the tick grid and splits buy and sell volume per level', () => {
    // Tick 0.1, 5 ticks a level: levels are [99.5, 100.0), [100.0, 100.5), [100.5, 101.0).
    const fp = new Footprint({ timeframeMs: 60_000, tickSize: '0.1', binTicks: 5 });
    fp.add(trade(1_000, 'buy', 1, 100.0));
    fp.add(trade(2_000, 'sell', 2, 100.4)); // 100.4 / 0.1 = 1003.99…: snapped to tick 1004, level 200
    fp.add(trade(3_000, 'buy', 3, 100.5));
    fp.add(trade(4_000, 'sell', 1, 99.9));
    fp.add(trade(5_000, 'buy', 0.5, 100.3));
    expect(fp.levelOf(100.4)).toBe(200);
    const candle = fp.add(trade(60_000, 'buy', 9, 101));
    expect(candle).toEqual({
      openTime: 0,
      levelSize: 0.5,
      levels: [
        { price: 99.5, buy: 0, sell: 1 },
        { price: 100, buy: 1.5, sell: 2 },
        { price: 100.5, buy: 3, sell: 0 },
      ],
      buyVolume: 4.5,
      sellVolume: 3,
      poc: 100, // 3.5 traded at [100.0, 100.5) against 3 at [100.5, 101.0)
    });
    expect(fp.flush()).toEqual({ openTime: 60_000, levelSize: 0.5, levels: [{ price: 101, buy: 9, sell: 0 }], buyVolume: 9, sellVolume: 0, poc: 101 });
  });

  it('prints level prices as exact grid values and takes the lowest level on a POC tie', () => {
    const fp = new Footprint({ timeframeMs: 60_000, tickSize: 0.01 });
    fp.add(trade(0, 'sell', 2, 0.07));
    fp.add(trade(0, 'buy', 2, 0.03));
    const candle = fp.flush();
    expect(candle?.levels.map((l) => l.price)).toEqual([0.03, 0.07]);
    expect(candle?.poc).toBe(0.03);
    expect(candle?.levelSize).toBe(0.01);
  });

  it('keeps many levels in one candle', () => {
    const fp = new Footprint({ timeframeMs: 60_000, tickSize: 1 });
    for (let p = 0; p < 300; p++) fp.add(trade(p, p % 2 ? 'buy' : 'sell', 1, 1000 + p));
    const candle = fp.flush();
    expect(candle?.levels).toHaveLength(300);
    expect(candle?.buyVolume).toBe(150);
  });

  it('rejects a bad tick or bin', () => {
    expect(() => new Footprint({ timeframeMs: 60_000, tickSize: 0 })).toThrow(/tickSize/);
    expect(() => new Footprint({ timeframeMs: 60_000, tickSize: 'x' })).toThrow(/tickSize/);
    expect(() => new Footprint({ timeframeMs: 60_000, tickSize: 0.1, binTicks: 0 })).toThrow(/binTicks/);
  });
});
