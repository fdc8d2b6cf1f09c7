import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeWindowSum } from './window-sum.js';

describe('TimeWindowSum', () => {
  it('sums over (now − W, now]: the lower edge is out, the upper in', () => {
    const w = new TimeWindowSum(10, 2);
    w.add(0, 1);
    w.add(5, 2);
    w.add(10, 4);
    expect([w.sum, w.count]).toEqual([6, 2]); // 0 is at the edge now − W = 0: out
    w.add(12, 8); // grows past the initial capacity of 2
    w.add(13, 16);
    expect(w.sum).toBe(30);
    w.advance(15);
    expect(w.sum).toBe(28);
    w.advance(100);
    expect([w.sum, w.count, w.now]).toEqual([0, 0, 100]);
  });

  it('counts a late value at the latest time and never moves back', () => {
    const w = new TimeWindowSum(10);
    w.add(20, 1);
    w.add(15, 2); // late: counted at 20
    w.advance(5); // ignored
    w.advance(29);
    expect(w.sum).toBe(3);
    w.advance(30);
    expect(w.sum).toBe(0);
  });

  it('equals a direct sum over random sequences (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 20 }), fc.integer({ min: 0, max: 1000 }), fc.boolean()), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (steps, windowMs) => {
        const w = new TimeWindowSum(windowMs, 1);
        const kept: Array<[number, number]> = [];
        let now = 0;
        for (const [dt, value, isAdvance] of steps) {
          now = Math.max(now, now + dt);
          if (isAdvance) w.advance(now);
          else {
            w.add(now, value);
            kept.push([now, value]);
          }
          const direct = kept.filter(([t]) => t > w.now - windowMs).reduce((s, [, v]) => s + v, 0);
          expect(w.sum).toBe(direct);
        }
      }),
    );
  });
});
