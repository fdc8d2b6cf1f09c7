import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFill, FLAT, unrealisedPnl } from './position.js';

describe('applyFill (one-way mode)', () => {
  it('averages entries when adding', () => {
    const a = applyFill(FLAT, 'buy', 2, 100).position;
    const b = applyFill(a, 'buy', 1, 103).position;
    expect(b).toEqual({ size: 3, entryPrice: 101 });
  });
  it('realises PnL on a partial close at the unchanged entry, then flat on the rest', () => {
    const open = { size: 3, entryPrice: 101 };
    const partial = applyFill(open, 'sell', 1, 110);
    expect(partial).toEqual({ position: { size: 2, entryPrice: 101 }, realisedPnl: 9, closedQty: 1 });
    const close = applyFill(partial.position, 'sell', 2, 95);
    expect(close).toEqual({ position: FLAT, realisedPnl: -12, closedQty: 2 });
  });
  it('flips through zero: closes the long, opens a short at the fill price', () => {
    const flip = applyFill({ size: 1, entryPrice: 100 }, 'sell', 3, 90);
    expect(flip).toEqual({ position: { size: -2, entryPrice: 90 }, realisedPnl: -10, closedQty: 1 });
    expect(applyFill({ size: -2, entryPrice: 90 }, 'buy', 2, 80).realisedPnl).toBe(20);
  });
  it('conserves PnL: realised plus unrealised equals the mark-to-market of all fills (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 50, max: 150 })), { minLength: 1, maxLength: 30 }), fc.integer({ min: 50, max: 150 }), (fills, mark) => {
        let position = FLAT;
        let realised = 0;
        let cash = 0;
        for (const [buy, qty, price] of fills) {
          const effect = applyFill(position, buy ? 'buy' : 'sell', qty, price);
          position = effect.position;
          realised += effect.realisedPnl;
          cash += (buy ? -1 : 1) * qty * price;
        }
        const markToMarket = cash + position.size * mark;
        expect(realised + unrealisedPnl(position, mark)).toBeCloseTo(markToMarket, 6);
      }),
    );
  });
  it('rejects a non-positive quantity or price', () => {
    expect(() => applyFill(FLAT, 'buy', 0, 100)).toThrow(RangeError);
  });
});
