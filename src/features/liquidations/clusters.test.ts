import { describe, expect, it } from 'vitest';
import type { LiquidationEvent, LiquidatedSide } from './event.js';
import { LiquidationClusters } from './clusters.js';
import { LiquidationMomentum, LiquidationRatio } from './flow.js';
import { parseAllLiquidation } from './parse.js';

const MIN = 60_000;
const liq = (time: number, side: LiquidatedSide, price: number, size: number): LiquidationEvent => ({ symbol: 'SOLUSDT', time, side, price, size });

describe('LiquidationClusters (10 USDT bins, 1-minute half-life)', () => {
  const events = [liq(0, 'long', 1004, 1), liq(0, 'short', 1006, 0.5), liq(0, 'long', 995, 0.2), liq(MIN, 'short', 1050, 2)];

  it('bins, decays and ranks', () => {
    const c = new LiquidationClusters({ priceStep: 10, halfLifeMs: MIN });
    for (const e of events) c.add(e);
    // At 1 min the first three have halved: 1000–1010 holds (1004 + 503) / 2, 990–1000 holds 199 / 2.
    expect(c.top(3)).toEqual([
      { low: 1050, high: 1060, notional: 2100, longNotional: 0, shortNotional: 2100 },
      { low: 1000, high: 1010, notional: 753.5, longNotional: 502, shortNotional: 251.5 },
      { low: 990, high: 1000, notional: 99.5, longNotional: 99.5, shortNotional: 0 },
    ]);
    expect(c.top(1, 2 * MIN)[0]!.notional).toBe(1050);
    expect(c.at(1001, 2 * MIN)!.notional).toBe(753.5 / 2);
    expect(c.at(1200)).toBeUndefined();
    expect(c.top(0)).toEqual([]);
  });

  it('lands an out-of-order event where it belongs: the order of adds does not matter', () => {
    const forward = new LiquidationClusters({ priceStep: 10, halfLifeMs: MIN });
    const backward = new LiquidationClusters({ priceStep: 10, halfLifeMs: MIN });
    const seq = [liq(0, 'long', 1001, 1), liq(30_000, 'short', 1002, 3), liq(MIN, 'long', 1003, 2)];
    for (const e of seq) forward.add(e);
    for (const e of [...seq].reverse()) backward.add(e);
    const [f] = forward.top(1, 2 * MIN);
    const [b] = backward.top(1, 2 * MIN);
    expect(b!.longNotional).toBeCloseTo(f!.longNotional, 9);
    expect(b!.shortNotional).toBeCloseTo(f!.shortNotional, 9);
    expect(f!.longNotional).toBeCloseTo(1001 / 4 + 2006 / 2, 9);
  });

  it('puts prices on a bin edge in the upper bin despite float noise', () => {
    expect(new LiquidationClusters({ priceStep: 0.00001, halfLifeMs: MIN }).binOf(0.04499)).toBe(4499);
    expect(new LiquidationClusters({ priceStep: 0.1, halfLifeMs: MIN }).binOf(0.3)).toBe(3);
    expect(new LiquidationClusters({ priceStep: 0.1, halfLifeMs: MIN }).binOf(0.35)).toBe(3);
  });

  it('without decay it is a cumulative map; past maxBins the weakest are dropped', () => {
    const c = new LiquidationClusters({ priceStep: 1, halfLifeMs: Infinity, maxBins: 4 });
    for (let i = 1; i <= 5; i++) c.add(liq(i * MIN, 'long', 100 + i, i)); // notional grows with i
    expect(c.size).toBe(3);
    expect(c.top(5).map((x) => x.low)).toEqual([105, 104, 103]);
    expect(c.top(1)[0]!.notional).toBe(105 * 5);
  });

  it('rejects bad options', () => {
    expect(() => new LiquidationClusters({ priceStep: 0, halfLifeMs: MIN })).toThrow(RangeError);
    expect(() => new LiquidationClusters({ priceStep: 1, halfLifeMs: 0 })).toThrow(RangeError);
    expect(() => new LiquidationClusters({ priceStep: 1, halfLifeMs: 1, maxBins: 0 })).toThrow(RangeError);
  });
});

describe('from pushes to features', () => {
  it('parsed allLiquidation pushes feed clusters, momentum and ratio', () => {
    const push = (ts: number, items: Array<[string, string, string]>) => ({
      topic: 'allLiquidation.SOLUSDT',
      type: 'snapshot',
      ts,
      data: items.map(([S, v, p]) => ({ T: ts - 100, s: 'SOLUSDT', S, v, p })),
    });
    const clusters = new LiquidationClusters({ priceStep: 1, halfLifeMs: 10 * MIN });
    const momentum = new LiquidationMomentum(MIN);
    const ratio = new LiquidationRatio(MIN);
    for (const message of [push(1_000, [['Buy', '10', '180.2'], ['Buy', '5', '180.9']]), push(1_500, [['Sell', '4', '185.5']])]) {
      for (const event of parseAllLiquidation(message)) {
        clusters.add(event);
        momentum.add(event);
        ratio.add(event);
      }
    }
    expect(clusters.top(1)[0]).toMatchObject({ low: 180, longNotional: expect.closeTo((1802 + 904.5) * 2 ** (-500 / (10 * MIN)), 9) });
    // Both longs share one push time; read at the later short's time they have decayed by 500 ms.
    expect(momentum.notional).toBeCloseTo(1802 + 904.5 + 742, 9);
    expect(ratio.ratio).toBeCloseTo((1802 + 904.5) / 742, 12);
  });
});
