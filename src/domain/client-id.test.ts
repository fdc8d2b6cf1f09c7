// Reading the sequence number back out of `<prefix>-<n>` client ids, and refusing every other shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceDash, sequenceOf } from './client-id.js';

describe('sequenceOf', () => {
  it('reads n of <prefix>-<n>, the prefix dashes and all', () => {
    expect(['bb-1', 'bb-42', 'bb-live-7', '-3', 'x-999999999999999'].map((id) => sequenceOf(id))).toEqual([1, 42, 7, 3, 999_999_999_999_999]);
  });

  it('is 0 for an id of another shape', () => {
    for (const id of ['bb', 'bb-', 'bb-0', 'bb-07', 'bb-1.5', 'bb-1e3', 'bb-+1', 'bb- 1', 'bb-1x', 'bb-1000000000000000', '']) expect(sequenceOf(id), id).toBe(0);
  });
});

describe('sequenceDash', () => {
  /** The definition: the dash right before one or more digits that end the id. */
  const reference = (id: string): number => {
    const match = /-(\d+)$/.exec(id);
    return match ? id.length - match[1]!.length - 1 : -1;
  };

  it('finds the dash before the trailing digits, and nothing for other shapes', () => {
    expect(['bb-1', 'bb-live-7', '-3', 'bb-', 'bb', '7', 'a-b', 'bb-1x', ''].map(sequenceDash)).toEqual([2, 7, 0, -1, -1, -1, -1, -1, -1]);
  });

  it('agrees with the definition on any string', () => {
    const ids = fc.oneof(fc.string(), fc.tuple(fc.string(), fc.nat()).map(([prefix, n]) => `${prefix}-${n}`), fc.stringMatching(/^[a-z0-9-]{0,8}$/));
    fc.assert(fc.property(ids, (id) => sequenceDash(id) === reference(id)), { numRuns: 2000 });
  });
});
