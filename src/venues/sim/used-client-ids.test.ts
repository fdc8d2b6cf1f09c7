// The used-id set answers exactly as a plain set of strings would, whether ids come in sequence or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsedClientIds } from './used-client-ids.js';

/** Offers each id in turn, as the venue does (check, then record when new); returns which were refused as used. */
function offer(ids: readonly string[]): boolean[] {
  const used = new UsedClientIds();
  return ids.map((id) => {
    if (used.has(id)) return true;
    used.add(id);
    return false;
  });
}

/** The same with an ordinary Set: the model. */
function offerToSet(ids: readonly string[]): boolean[] {
  const used = new Set<string>();
  return ids.map((id) => {
    if (used.has(id)) return true;
    used.add(id);
    return false;
  });
}

describe('UsedClientIds', () => {
  it('refuses every id of a sequence once it is used, and nothing else', () => {
    const used = new UsedClientIds();
    for (let n = 1; n <= 1000; n++) {
      expect(used.has(`bb-${n}`)).toBe(false);
      used.add(`bb-${n}`);
    }
    expect(['bb-1', 'bb-500', 'bb-1000'].map((id) => used.has(id))).toEqual([true, true, true]);
    const fresh = ['bb-1001', 'bb-0', 'bb-01', 'bb-1000.0', 'bb1', 'cc-1', 'bb-', 'b-1', 'xbb-1', 'bb-1-1'];
    expect(fresh.map((id) => used.has(id))).toEqual(Array(fresh.length).fill(false));
  });

  it('keeps runs of several prefixes, ids out of turn and ids of other shapes', () => {
    const ids = ['a-1', 'b-1', 'a-2', 'a-4', 'b-2', 'a-3', 'a-4', 'a-5', 'x', 'x', 'a-01', 'a-1', '-1', '-1', 'b-2', 'c-d-1', 'c-d-1', 'c-1', 'a-2'];
    expect(offer(ids)).toEqual(offerToSet(ids));
    expect(offer(ids).filter(Boolean)).toHaveLength(7);
  });

  it('answers as a plain set does for any ids in any order', () => {
    const id = fc.oneof(
      fc.tuple(fc.constantFrom('bb', 'lv', 'bb-x', ''), fc.integer({ min: 0, max: 12 })).map(([prefix, n]) => `${prefix}-${n}`),
      fc.constantFrom('bb-01', 'bb', 'bb-', '-', 'bb-1e3', 'bb-9999999999999999', 'bb-999999999999999'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        expect(offer(ids)).toEqual(offerToSet(ids));
      }),
      { numRuns: 500 },
    );
  });
});
