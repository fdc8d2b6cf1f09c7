import { describe, expect, it } from 'vitest';
import { moveScale, pairSettings } from './pairs.js';

describe('pair settings', () => {
  it('gives the seed values for SOL, ETH, BTC and AVAX', () => {
    expect(pairSettings('SOLUSDT')).toMatchObject({ minMove: 2, atrMultiplier: 1.0, leverage: 3, seeded: true });
    expect(pairSettings('ETHUSDT')).toMatchObject({ minMove: 30, atrMultiplier: 1.2, leverage: 2 });
    expect(pairSettings('BTCUSDT')).toMatchObject({ minMove: 300, atrMultiplier: 1.5, leverage: 2 });
    expect(pairSettings('AVAXUSDT')).toMatchObject({ minMove: 1, atrMultiplier: 0.8, leverage: 3 });
    expect(moveScale(pairSettings('ETHUSDT'))).toBe(15);
  });

  it('calibrates another pair from its ATR, and refuses to guess without one', () => {
    expect(pairSettings('DOGEUSDT', 0.002)).toEqual({ symbol: 'DOGEUSDT', minMove: 0.008, atrMultiplier: 1, leverage: 2, seeded: false });
    expect(() => pairSettings('DOGEUSDT')).toThrow(/pass its ATR/);
    expect(() => pairSettings('DOGEUSDT', Number.NaN)).toThrow(RangeError);
  });
});
