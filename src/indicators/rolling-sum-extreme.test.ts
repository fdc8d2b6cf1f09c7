// Rolling sum, max and min against a plain array model under random adds and replaces (property tests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingExtreme, RollingSum } from './rolling.js';

/** An add (replace = false) or a replace of the latest value; a replace before any add acts as an add. */
const operations = fc.array(fc.record({ value: fc.integer({ min: -5, max: 5 }), replace: fc.boolean() }), { maxLength: 80 });

/** Replays the operations on a plain array, the window being its last `period` entries. */
function model(ops: readonly { value: number; replace: boolean }[], each: (window: number[]) => void, period: number): void {
  const values: number[] = [];
  for (const op of ops) {
    if (op.replace && values.length > 0) values[values.length - 1] = op.value;
    else values.push(op.value);
    each(values.slice(-period));
  }
}

describe('RollingExtreme', () => {
  for (const kind of ['max', 'min'] as const) {
    it(`keeps the ${kind} of the last period values through any mix of add and replace`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 7 }), operations, (period, ops) => {
          const extreme = new RollingExtreme(period, kind);
          const expected: number[] = [];
          model(ops, (window) => expected.push(kind === 'max' ? Math.max(...window) : Math.min(...window)), period);
          ops.forEach((op, i) => {
            if (op.replace) extreme.replace(op.value);
            else extreme.add(op.value);
            expect(extreme.value).toBe(expected[i]);
          });
        }),
      );
    });
  }

  it('reads NaN before any value and rejects a bad period', () => {
    expect(new RollingExtreme(3, 'max').value).toBeNaN();
    expect(() => new RollingExtreme(0, 'min')).toThrow(RangeError);
  });
});

describe('RollingSum', () => {
  it('keeps the sum of the last period values through any mix of add and replace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), operations, (period, ops) => {
        const sum = new RollingSum(period);
        const expected: number[] = [];
        model(ops, (window) => expected.push(window.reduce((a, b) => a + b, 0)), period);
        ops.forEach((op, i) => {
          if (op.replace) sum.replace(op.value);
          else sum.add(op.value);
          expect(sum.value).toBe(expected[i]);
        });
      }),
    );
  });

  it('sums an all-zero window to exactly 0, leaving no rounding residue behind', () => {
    const sum = new RollingSum(3);
    for (const v of [0.1, 0.2, 0.7, 0, 0]) sum.add(v);
    expect(sum.value).not.toBe(0);
    sum.add(0);
    expect(sum.value).toBe(0);
    sum.replace(0.3);
    expect(sum.value).toBeCloseTo(0.3, 15);
    sum.replace(0);
    expect(sum.value).toBe(0);
  });
});
