import { describe, expect, it } from 'vitest';
import type { LiquidationEvent, LiquidatedSide } from './event.js';
import { LiquidationMomentum, LiquidationRatio } from './flow.js';

const S = 1000;
const liq = (time: number, side: LiquidatedSide, price: number, size: number): LiquidationEvent => ({ symbol: 'SOLUSDT', time, side, price, size });

describe('LiquidationMomentum (1-minute windows)', () => {
  const events = [liq(0, 'long', 100, 1), liq(10 * S, 'short', 200, 1), liq(70 * S, 'long', 50, 2)];

  it('compares the latest window with the one before it', () => {
    const m = new LiquidationMomentum(60 * S);
    for (const e of events) m.add(e);
    // now 70 s: latest (10 s, 70 s] holds 100; before it (−50 s, 10 s] holds 100 + 200.
    expect([m.notional, m.previous, m.change, m.roc, m.isWarm]).toEqual([100, 300, -200, -0.5, false]);
    m.advance(121 * S); // latest (61, 121] = 100; before (1, 61] = 200
    expect([m.notional, m.previous, m.roc]).toEqual([100, 200, -1 / 3]);
    m.advance(200 * S); // quiet: everything has left both windows
    expect([m.notional, m.previous, m.change, m.roc, m.isWarm]).toEqual([0, 0, 0, 0, true]);
  });

  it('reads +1 for a burst after a quiet window', () => {
    const m = new LiquidationMomentum(60 * S);
    m.advance(0);
    m.add(liq(100 * S, 'short', 10, 3));
    expect([m.notional, m.previous, m.roc, m.isWarm]).toEqual([30, 0, 1, false]);
    m.advance(120 * S);
    expect(m.isWarm).toBe(true);
  });
});

describe('LiquidationRatio (1-minute window)', () => {
  it('longs against shorts by notional, as ratio and imbalance', () => {
    const r = new LiquidationRatio(60 * S);
    expect([r.ratio, r.imbalance]).toEqual([undefined, 0]);
    r.add(liq(0, 'long', 100, 1));
    expect([r.ratio, r.imbalance]).toEqual([undefined, 1]);
    r.add(liq(10 * S, 'short', 100, 2));
    expect([r.longNotional, r.shortNotional, r.ratio, r.imbalance]).toEqual([100, 200, 0.5, -1 / 3]);
    r.add(liq(20 * S, 'long', 25, 4));
    expect([r.ratio, r.imbalance]).toEqual([1, 0]);
    r.advance(61 * S); // the first long leaves
    expect([r.longNotional, r.ratio]).toEqual([100, 0.5]);
    r.advance(80 * S);
    expect([r.longNotional, r.shortNotional, r.ratio, r.imbalance]).toEqual([0, 0, undefined, 0]);
  });
});
