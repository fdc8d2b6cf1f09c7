import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NotStableError } from '../../indicators/contract.js';
import { RollingPercentile } from './percentile.js';

describe('RollingPercentile', () => {
  it('ranks the newest value among the last n by mid-rank', () => {
    const p = new RollingPercentile(5);
    for (const x of [3, 1, 4, 1]) p.add(x);
    expect(() => p.value).toThrow(NotStableError);
    p.add(5); // 3 1 4 1 5: five is a new maximum
    expect(p.value).toBe(100);
    p.add(1); // 1 4 1 5 1: three ones, none below → (0 + 2/2) / 4
    expect(p.value).toBe(25);
    p.add(0); // 4 1 5 1 0: a new minimum
    expect(p.value).toBe(0);
    p.add(4); // 1 5 1 0 4: below 3 → 75
    expect(p.value).toBe(75);
  });

  it('reads 50 over an equal window', () => {
    const p = new RollingPercentile(3);
    for (const x of [2, 2, 2]) p.add(x);
    expect(p.value).toBe(50);
  });

  it('replace() equals adding the final value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 6 }), (steps, w) => {
        const straight = new RollingPercentile(w);
        const replaced = new RollingPercentile(w);
        for (const [x, other] of steps) {
          straight.add(x);
          replaced.add(other);
          replaced.replace(x);
          expect(replaced.getResult()).toBe(straight.getResult());
        }
      }),
    );
  });
});
