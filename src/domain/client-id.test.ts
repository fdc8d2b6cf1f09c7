// Reading the sequence number back out of `<prefix>-<n>` client ids, and refusing every other shape.
import { describe, expect, it } from 'vitest';
import { sequenceOf } from './client-id.js';

describe('sequenceOf', () => {
  it('reads n of <prefix>-<n>, the prefix dashes and all', () => {
    expect(['bb-1', 'bb-42', 'bb-live-7', '-3', 'x-999999999999999'].map((id) => sequenceOf(id))).toEqual([1, 42, 7, 3, 999_999_999_999_999]);
  });

  it('is 0 for an id of another shape', () => {
    for (const id of ['bb', 'bb-', 'bb-0', 'bb-07', 'bb-1.5', 'bb-1e3', 'bb-+1', 'bb- 1', 'bb-1x', 'bb-1000000000000000', '']) expect(sequenceOf(id), id).toBe(0);
  });
});
