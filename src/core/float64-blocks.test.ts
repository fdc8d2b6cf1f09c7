// Long arrays packed into shared blocks must still behave as separate zeroed arrays of the asked length.
import { describe, expect, it } from 'vitest';
import { float64Blocks } from './float64-blocks.js';

describe('float64Blocks', () => {
  it('gives zeroed, independent arrays of the asked length', () => {
    const arrays = float64Blocks(3, 1000);
    expect(arrays).toHaveLength(3);
    arrays.forEach((a, k) => {
      expect(a).toHaveLength(1000);
      expect(a.every((v) => v === 0)).toBe(true);
      a.fill(k + 1);
    });
    arrays.forEach((a, k) => expect(a.every((v) => v === k + 1), `array ${k} changed by another`).toBe(true));
  });

  it("packs a million doubles' arrays into blocks of at most 32 MiB, four 8 MB arrays to a block", () => {
    const arrays = float64Blocks(5, 1_000_000);
    expect(arrays.slice(0, 4).every((a) => a.buffer === arrays[0].buffer)).toBe(true);
    expect(arrays[4].buffer).not.toBe(arrays[0].buffer);
    expect(arrays.every((a) => a.buffer.byteLength <= 32 * 1024 * 1024)).toBe(true);
  });

  it('gives arrays too long to share a block buffers of their own', () => {
    const [a, b] = float64Blocks(2, 2_500_000);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
  });

  it('handles empty arrays and a count of zero', () => {
    expect(float64Blocks(2, 0).map((a) => a.length)).toEqual([0, 0]);
    expect(float64Blocks(0, 100)).toEqual([]);
  });

  it('gives uninitialised arrays, small ones too, as aligned independent views', () => {
    for (const length of [1, 5, 1000]) {
      const arrays = float64Blocks(3, length, 'uninitialised');
      arrays.forEach((a, k) => {
        expect(a).toHaveLength(length);
        expect(a.byteOffset % 8).toBe(0);
        a.fill(k + 0.5);
      });
      arrays.forEach((a, k) => expect(a.every((v) => v === k + 0.5), `array ${k} of ${length} changed by another`).toBe(true));
    }
  });
});
