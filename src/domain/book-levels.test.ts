// Property test: the sorted-array side agrees with a naive map-and-sort model under any sequence of set/delete/truncate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BookLevels } from './book-levels.js';

type Op = { kind: 'set'; price: number; size: number } | { kind: 'truncate'; n: number };

const price = fc.integer({ min: 1, max: 60 }).map((ticks) => ticks / 4);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('set' as const), price, size: fc.constantFrom(0, 0.5, 1, 2, 7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), n: fc.integer({ min: 1, max: 30 }) }) },
);

function model(ops: readonly Op[], descending: boolean): [number, number][] {
  let levels = new Map<number, number>();
  const sorted = (): [number, number][] =>
    [...levels.entries()].sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]));
  for (const o of ops) {
    if (o.kind === 'set') {
      if (o.size === 0) levels.delete(o.price);
      else levels.set(o.price, o.size);
    } else levels = new Map(sorted().slice(0, o.n));
  }
  return sorted();
}

describe('BookLevels', () => {
  for (const descending of [true, false]) {
    it(`matches a naive model (${descending ? 'bids' : 'asks'})`, () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
          const side = new BookLevels(descending);
          for (const o of ops) {
            if (o.kind === 'set') side.set(o.price, o.size);
            else side.truncate(o.n);
          }
          const expected = model(ops, descending);
          expect(side.top(Infinity)).toEqual(expected);
          expect(side.sizeOfTop(Infinity)).toBeCloseTo(expected.reduce((sum, [, size]) => sum + size, 0));
        }),
      );
    });
  }

  it('replace() sorts, drops size 0 and lets the later of two equal prices win', () => {
    const side = new BookLevels(true);
    side.replace([
      [1, 1],
      [3, 0],
      [2, 5],
      [1, 4],
    ]);
    expect(side.top(10)).toEqual([
      [2, 5],
      [1, 4],
    ]);
  });
});
