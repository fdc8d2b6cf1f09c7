// Property tests: the rolling windows equal a brute-force recomputation after any sequence of adds and replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingExtreme, RollingMoments } from './rolling.js';

/** An operation on a window: add a value, or replace the newest one. */
const ops = fc.array(fc.record({ replace: fc.boolean(), value: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: 95, max: 105, noNaN: true })) }), { minLength: 1, maxLength: 120 });

/** Applies the operations to a plain array, as the reference. */
function reference(sequence: ReadonlyArray<{ replace: boolean; value: number }>): number[] {
  const values: number[] = [];
  for (const { replace, value } of sequence) {
    if (replace && values.length > 0) values[values.length - 1] = value;
    else values.push(value);
  }
  return values;
}

describe('RollingMoments', () => {
  it('mean and variances equal a two-pass computation over the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), ops, (period, sequence) => {
        const window = new RollingMoments(period);
        for (const { replace, value } of sequence) (replace ? window.replace(value) : window.add(value));
        const values = reference(sequence).slice(-period);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const m2 = values.reduce((a, b) => a + (b - mean) ** 2, 0);
        const scale = Math.max(1, ...values.map(Math.abs));
        expect(window.size).toBe(values.length);
        expect(Math.abs(window.mean - mean)).toBeLessThan(1e-12 * scale);
        expect(Math.abs(window.variance - m2 / values.length)).toBeLessThan(1e-9 * scale);
        if (values.every((v) => v === values[0])) expect(window.variance).toBe(0);
      }),
    );
  });

  it('stays exact over a long run (the periodic re-sum stops drift)', () => {
    const window = new RollingMoments(20);
    let x = 200;
    const values: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      x += Math.sin(i * 0.7) * 0.3;
      values.push(x);
      window.add(x);
    }
    const last = values.slice(-20);
    const mean = last.reduce((a, b) => a + b, 0) / 20;
    const variance = last.reduce((a, b) => a + (b - mean) ** 2, 0) / 20;
    expect(Math.abs(window.variance - variance) / variance).toBeLessThan(1e-10);
  });
});

describe('RollingExtreme', () => {
  it('max and min equal the extreme of the window after any adds and replaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), ops, (period, sequence) => {
        const max = new RollingExtreme(period, 'max');
        const min = new RollingExtreme(period, 'min');
        for (const { replace, value } of sequence) {
          if (replace) (max.replace(value), min.replace(value));
          else (max.add(value), min.add(value));
        }
        const values = reference(sequence).slice(-period);
        expect(max.value).toBe(Math.max(...values));
        expect(min.value).toBe(Math.min(...values));
      }),
    );
  });

  it('is right after every step, so a replace leaves a deque that keeps working', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), ops, (period, sequence) => {
        const max = new RollingExtreme(period, 'max');
        const done: Array<{ replace: boolean; value: number }> = [];
        for (const step of sequence) {
          if (step.replace) max.replace(step.value);
          else max.add(step.value);
          done.push(step);
          expect(max.value).toBe(Math.max(...reference(done).slice(-period)));
        }
      }),
    );
  });
});
