import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pairSettings } from '../../pairs.js';
import { rLadder, rLadderParams, targetMoveFactor, targetsInOrder } from './r-ladder.js';

const schema = z.strictObject(rLadderParams).refine(...targetsInOrder);

describe('the R ladder', () => {
  it('defaults to half at 1R, the rest at 2R, the far one at least one minimum move away; the near target may not pass the far one', () => {
    expect(schema.parse({})).toEqual({ target1R: 1, target2R: 2, minTargetMove: 1 });
    expect(() => schema.parse({ target1R: 3 })).toThrow(/target1R must not exceed target2R/);
    expect(() => schema.parse({ minTargetMove: 6 })).toThrow();
  });

  it('sets the targets in stop distances on the trade side', () => {
    const p = { target1R: 1, target2R: 2.5, minTargetMove: 1 };
    expect(rLadder(100, 1, 2, p)).toEqual([
      { price: 102, fraction: 0.5 },
      { price: 105, fraction: 0.5 },
    ]);
    expect(rLadder(100, -1, 2, p).map((r) => r.price)).toEqual([98, 95]);
  });

  it('gates the far target on the pair minimum move: $2 on SOL, $30 on ETH', () => {
    expect(targetMoveFactor(2.5, true, pairSettings('SOLUSDT'), 1, 0.1)).toEqual({ name: 'target move', value: 2.5, threshold: 2, passed: true, weight: 0.1 });
    expect(targetMoveFactor(2.5, true, pairSettings('ETHUSDT'), 1, 0.1)).toMatchObject({ threshold: 30, passed: false });
    expect(targetMoveFactor(45, true, pairSettings('ETHUSDT'), 1.5, 0.1)).toMatchObject({ threshold: 45, passed: true });
    // No target found: failed whatever the distance says.
    expect(targetMoveFactor(0, false, pairSettings('SOLUSDT'), 0, 0.1)).toMatchObject({ passed: false });
  });
});
